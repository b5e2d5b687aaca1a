/**
 * The rule contract. A rule is metadata plus one pure function over the document model; it
 * reports problems through its context and never does I/O of its own.
 */
import type { DataModelDocument } from '../document/model.js';
import type { Range } from '../document/types.js';
import type { Severity, Suggestion, TextEdit } from './types.js';

export interface Report {
  range: Range;
  message: string;
  /** A safe automatic fix (applied by --fix). */
  fix?: TextEdit;
  /** Possible fixes a person must choose from (offered as editor quick fixes). */
  suggestions?: Suggestion[];
  /** Overrides the configured severity for this one report, e.g. a lesser finding of an error rule. */
  severity?: Severity;
}

export interface RuleContext<Options = Record<string, never>> {
  doc: DataModelDocument;
  options: Options;
  report: (report: Report) => void;
  /**
   * Whether a file exists, for a path relative to the document. Undefined when the engine has no
   * file system to ask (text linted without a path, or a host without file access).
   */
  fileExists: (relativePath: string) => boolean | undefined;
}

export interface Rule<Options = Record<string, never>> {
  /** Kebab-case id; also the file name of the rule and of its doc page. */
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** Why it matters. */
  rationale: string;
  defaultSeverity: Severity;
  defaultOptions?: Options;
  /** JSON Schema of the options object (config files are validated against it). */
  optionsSchema?: Record<string, unknown>;
  /** Where the rule's documentation lives; built-in rules have a page in docs/rules. */
  docsUrl?: string;
  check(context: RuleContext<Options>): void;
}

/** Identity function that gives rule objects their type. */
export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

// Rules with any options live in one registry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

/** A "did you mean" edit: replace `range` with `name`, offered as a suggestion (`{}` without a name). */
export function renameTo(range: Range, name: string | undefined, text = name): Pick<Report, 'suggestions'> {
  if (name === undefined || text === undefined) return {};
  return { suggestions: [{ desc: `Change to "${name}"`, fix: { range: [range.start.offset, range.end.offset], text } }] };
}
