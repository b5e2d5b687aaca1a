/**
 * Sample data: each `### Sample Member` section of the appendix, its code block, and that block
 * parsed as JSON with the source range of every key and value (and of every syntax error).
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { slotOf, type TitlePattern } from '../template/title.js';
import { codeOffset } from '../markdown/code.js';
import type { SourceText } from '../markdown/source.js';
import type { CodeBlock, Range, Section, Span } from '../markdown/types.js';

/**
 * A JSON value and its place in the code block, as jsonc-parser's parseTree gives it; declared
 * here so that the shipped declarations name no parser package (the package bundles it).
 */
export interface JsonNode {
  readonly type: 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';
  readonly value?: unknown;
  readonly offset: number;
  readonly length: number;
  readonly colonOffset?: number;
  readonly parent?: JsonNode;
  readonly children?: JsonNode[];
}

export interface JsonProblem {
  message: string;
  range: Range;
}

export interface Sample {
  section: Section;
  /** The entity named in the heading (`Member` in `### Sample Member`). */
  entity: Span;
  /** The first code block of the section. */
  code: CodeBlock | null;
  /** The parsed JSON; undefined when the block is not JSON at all. */
  json: JsonNode | undefined;
  syntaxErrors: JsonProblem[];
  /** The source range of a piece of the code block's value. */
  rangeOf(offset: number, length: number): Range;
}

const ERROR_TEXT: Readonly<Record<string, string>> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing brace is expected',
  CloseBracketExpected: 'a closing bracket is expected',
  EndOfFileExpected: 'nothing more is expected after the value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number ends too early',
  InvalidUnicode: 'an invalid unicode escape',
  InvalidEscapeCharacter: 'an invalid escape character',
  InvalidCharacter: 'a character that must be escaped',
};

export function readSamples(source: SourceText, sections: readonly Section[], pattern: TitlePattern): Sample[] {
  return sections.map((section) => {
    // `Sample Order (cancelled)`, `Sample Order — refunded`: the entity is Order. No leading `\s*`
    // (the trim removes those spaces; from every space of a long run it would rescan the rest), and
    // `s` so that `.` does not stop at a line separator and make `$` fail, retrying from every dash.
    const name = (slotOf(pattern, section.title) ?? section.title).replace(/(?:\([^()]*\)|[-\u2013\u2014:]\s.*)$/s, '').trim();
    const titleText = source.slice(section.titleRange);
    const at = titleText.lastIndexOf(name);
    const nameStart = section.titleRange.start.offset + Math.max(at, 0);
    const entity: Span = { text: name.replace(/`/g, '').trim(), range: at >= 0 ? source.range(nameStart, nameStart + name.length) : section.titleRange };
    const code = section.blocks.find((block): block is CodeBlock => block.kind === 'code') ?? null;
    const rangeOf = (offset: number, length: number): Range => {
      if (!code) return section.headingRange;
      return source.range(codeOffset(source, code, offset), codeOffset(source, code, offset + length));
    };
    const errors: ParseError[] = [];
    const json = code ? parseTree(code.value, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }) : undefined;
    // Report the first error only: later ones are usually knock-on effects of the first.
    const syntaxErrors = errors.slice(0, 1).map((error) => ({
      message: ERROR_TEXT[printParseErrorCode(error.error)] ?? 'invalid JSON',
      range: rangeOf(error.offset, Math.max(error.length, 1)),
    }));
    return { section, entity, code, json, syntaxErrors, rangeOf };
  });
}
