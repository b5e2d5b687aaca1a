/** Shared by the hostile-input tests: the documents to start from, and what a sound result is. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARSE_LIMIT } from '../../src/engine/types.js';
import { builtinRules } from '../../rules/index.js';
import { INVALID_DIRECTIVE, UNUSED_DIRECTIVE } from '../../src/engine/directives.js';
import type { LintMessage, LintResult, TextEdit } from '../../src/engine/types.js';
import { REPO } from '../support/cli.js';

const FIXTURES = join(REPO, 'fixtures');

function read(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/**
 * Documents written to be clean: the complete examples (clean with every rule) and every rule's
 * valid cases (clean with their own rule).
 */
export const VALID_DOCUMENTS: ReadonlyArray<{ name: string; text: string }> = [
  ...readdirSync(join(FIXTURES, 'examples')).map((name) => `examples/${name}/data-model.md`),
  ...builtinRules.flatMap((rule) =>
    readdirSync(join(FIXTURES, 'rules', rule.id, 'valid'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `rules/${rule.id}/valid/${name}`),
  ),
]
  .sort()
  .map((name) => ({ name, text: read(name) }));

/** A short document with every section of the template, that lints clean. */
export const COMPLETE = read('examples/room-booking/data-model.md');

const RULE_IDS = new Set([...builtinRules.map((rule) => rule.id), INVALID_DIRECTIVE, UNUSED_DIRECTIVE, PARSE_LIMIT]);

/** What dmlint says where a line nests past its limits. */
export const NESTING_LIMIT = 'parse-limit Lists or block quotes nested more than 100 deep, or indented more than 400 columns: dmlint read the rest of this line as plain text, so its lists and quotes are not checked';
/** What dmlint says where a paragraph goes past its inline budget. */
export const INLINE_LIMIT = 'parse-limit A paragraph with more than 1,000 lines, brackets, emphasis marks and escapes, or more than 100 tags and backticks: dmlint read the rest of it as plain text from here, so links, code and inline HTML there are not recognised; split the paragraph';

/**
 * The lengths of the lines of a text as dmlint counts them, worked out apart from its code: a
 * leading BOM is not part of the text, CRLF, LF and a lone CR end a line, columns count UTF-16
 * code units.
 */
export function lineLengths(text: string): number[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((line) => line.length);
}

/** What is wrong with a result for a text: positions outside the text, unknown rules, crashes. Empty when sound. */
export function unsoundness(text: string, result: LintResult): string[] {
  const lengths = lineLengths(text);
  const length = text.replace(/^\uFEFF/, '').length;
  const problems: string[] = [];
  const within = (line: number, column: number): boolean => Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lengths.length && column >= 1 && column <= (lengths[line - 1] ?? 0) + 1;
  const editWithin = (edit: TextEdit): boolean => Number.isInteger(edit.range[0]) && Number.isInteger(edit.range[1]) && edit.range[0] >= 0 && edit.range[0] <= edit.range[1] && edit.range[1] <= length;
  for (const message of [...result.messages, ...result.suppressedMessages]) {
    const where = `${message.ruleId} ${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.message}`;
    if (!RULE_IDS.has(message.ruleId)) problems.push(`unknown rule: ${where}`);
    if (message.message === '') problems.push(`empty message: ${where}`);
    if (!within(message.line, message.column)) problems.push(`start outside the text: ${where}`);
    if (!within(message.endLine, message.endColumn)) problems.push(`end outside the text: ${where}`);
    if (message.endLine < message.line || (message.endLine === message.line && message.endColumn < message.column)) problems.push(`end before start: ${where}`);
    if (message.fix && !editWithin(message.fix)) problems.push(`fix outside the text: ${where}`);
    for (const suggestion of message.suggestions ?? []) if (!editWithin(suggestion.fix)) problems.push(`suggestion outside the text: ${where}`);
  }
  return problems;
}

/** The offset at which each line starts (line 1 first), in the text without a leading BOM. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.replace(/^\uFEFF/, '').matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** Messages as [rule, line, column, endLine, endColumn], for exact comparisons. */
export function located(messages: readonly LintMessage[]): Array<[string, number, number, number, number]> {
  return messages.map((message) => [message.ruleId, message.line, message.column, message.endLine, message.endColumn]);
}

export { lineOf } from './attacks.js';
