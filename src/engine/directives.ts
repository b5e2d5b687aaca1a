/**
 * Inline suppressions: `<!-- dmlint-disable rule -->` … `<!-- dmlint-enable rule -->`,
 * `<!-- dmlint-disable-next-line rule -->`, `<!-- dmlint-disable-line rule -->` and
 * `<!-- dmlint-disable-file rule -->`, each with an optional `-- reason`. No rule ids means every
 * rule. Unknown rule ids are reported; so, on request, are directives that suppressed nothing.
 */
import { didYouMean } from '../rule-kit/messages.js';
import { NameIndex } from '../util/names.js';
import type { SourceText } from '../markdown/source.js';
import type { Comment, Range, Span } from '../markdown/types.js';
import { INTERNAL_ERROR, type LintMessage } from './types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids named; empty for all rules. */
  rules: Span[];
  reason: string | null;
  range: Range;
}

/** Rule ids of the messages the engine itself reports about directives. */
export const INVALID_DIRECTIVE = 'invalid-directive';
export const UNUSED_DIRECTIVE = 'unused-directive';

const DIRECTIVE = /^<!--\s*dmlint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|-->)([\s\S]*?)-->$/;

export function readDirectives(comments: readonly Comment[], source: SourceText): Directive[] {
  return comments.flatMap((comment) => {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) return [];
    const body = match[2] ?? '';
    const bodyStart = comment.range.start.offset + comment.text.indexOf(body, 8);
    const reasonAt = body.search(/(?:^|\s)--(?:\s|$)/);
    const rulesPart = reasonAt >= 0 ? body.slice(0, reasonAt) : body;
    const rules = [...rulesPart.matchAll(/[^\s,]+/g)].map((rule) => ({ text: rule[0], range: source.range(bodyStart + rule.index, bodyStart + rule.index + rule[0].length) }));
    const reason = reasonAt >= 0 ? body.slice(reasonAt).replace(/^\s*--/, '').trim() || null : null;
    return [{ kind: match[1] as DirectiveKind, rules, reason, range: comment.range }];
  });
}

export interface Region {
  /** A rule id, or '*' for every rule. */
  rule: string;
  from: number;
  to: number;
  directive: Directive;
  used: boolean;
}

export interface Suppression {
  messages: LintMessage[];
  suppressed: LintMessage[];
}

export function applyDirectives(
  messages: readonly LintMessage[],
  directives: readonly Directive[],
  source: SourceText,
  knownRules: readonly string[],
  reportUnused: boolean,
): Suppression {
  const known = new Set(knownRules);
  const names = new NameIndex(knownRules.map((id) => [id, id] as const));
  const problems: LintMessage[] = [];
  const regions: Region[] = [];
  const open = new Map<string, Region>();
  for (const directive of directives) {
    const rules = directive.rules.filter((rule) => {
      if (known.has(rule.text)) return true;
      const near = names.closest(rule.text);
      problems.push(message(INVALID_DIRECTIVE, 'error', rule.range, `Unknown rule ${JSON.stringify(rule.text)} in dmlint-${directive.kind}${near ? didYouMean({ name: near.name }) : ''}`));
      return false;
    });
    // A directive that named only unknown rules suppresses nothing.
    if (directive.rules.length > 0 && rules.length === 0) continue;
    const ids = rules.length > 0 ? rules.map((rule) => rule.text) : ['*'];
    const { start, end } = directive.range;
    if (directive.kind === 'enable') {
      for (const [rule, region] of open) {
        if (ids.includes('*') || ids.includes(rule)) {
          region.to = start.line;
          open.delete(rule);
        }
      }
      continue;
    }
    for (const rule of ids) {
      const region: Region = { rule, from: start.line, to: end.line, directive, used: false };
      if (directive.kind === 'disable-file') [region.from, region.to] = [1, Infinity];
      else if (directive.kind === 'disable-next-line') region.from = region.to = nextContentLine(source, end.line);
      else if (directive.kind === 'disable') {
        region.to = Infinity;
        open.set(rule, region);
      }
      regions.push(region);
    }
  }

  const kept: LintMessage[] = [];
  const suppressed: LintMessage[] = [];
  const regionFor = firstRegion(regions);
  for (const candidate of messages) {
    const region = candidate.ruleId === INTERNAL_ERROR ? undefined : regionFor.find(candidate);
    if (region) {
      region.used = true;
      suppressed.push({ ...candidate, suppressions: [{ kind: 'directive', justification: region.directive.reason ?? '' }] });
    } else kept.push(candidate);
  }
  if (reportUnused) {
    for (const region of regions) {
      if (region.used) continue;
      const what = region.rule === '*' ? 'no problems were reported there' : `no ${region.rule} problems were reported there`;
      problems.push(message(UNUSED_DIRECTIVE, 'warning', region.directive.range, `Unused dmlint-${region.directive.kind} directive: ${what}; remove it`));
    }
  }
  return { messages: [...kept, ...problems], suppressed };
}

/**
 * A lookup of the first region (in directive order) that covers a message. One-line regions
 * (`disable-line`, `disable-next-line`) are found by their line: a document of thousands of them
 * would otherwise compare every message with every directive. `comparisons` counts the regions
 * compared with messages, so that a test can see the work stay linear.
 */
export function firstRegion(regions: readonly Region[]): { find(message: LintMessage): Region | undefined; comparisons: number } {
  const order = new Map(regions.map((region, index) => [region, index]));
  const byLine = new Map<number, Region[]>();
  const spanning: Region[] = [];
  for (const region of regions) {
    const list = region.from === region.to ? byLine.get(region.from) : spanning;
    if (list) list.push(region);
    else byLine.set(region.from, [region]);
  }
  const lookup = {
    comparisons: 0,
    find(message: LintMessage): Region | undefined {
      const covers = (region: Region): boolean => {
        lookup.comparisons++;
        return (region.rule === '*' || region.rule === message.ruleId) && message.line >= region.from && message.line <= region.to;
      };
      const found = [byLine.get(message.line)?.find(covers), spanning.find(covers)].filter((region) => region !== undefined);
      return found.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0];
    },
  };
  return lookup;
}

/** The first line after `line` that is not blank. */
function nextContentLine(source: SourceText, line: number): number {
  for (let next = line + 1; next <= source.lineCount; next++) if (source.lineText(next).trim() !== '') return next;
  return line + 1;
}

function message(ruleId: string, severity: 'error' | 'warning', range: Range, text: string): LintMessage {
  return { ruleId, severity, message: text, line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}
