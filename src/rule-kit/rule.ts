/**
 * The rule contract. A rule is metadata plus one pure function over the document model; it
 * reports problems through its context and never does I/O of its own.
 */
import type { Range } from '../markdown/types.js';
import type { DataModelDocument } from '../model/document.js';
import type { RelatedDocuments } from '../model/related/index.js';

export type Severity = 'error' | 'warning';

/** Replace the text between two offsets of the (BOM-less) source. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** A possible fix a person chooses (an editor quick fix); never applied by --fix. */
export interface Suggestion {
  desc: string;
  fix: TextEdit;
}

/** The other end of a finding, in another file: a contract's property, the spec's entity. */
export interface RelatedLocation {
  /** Absolute path of the file. */
  filePath: string;
  range: Range;
  message: string;
}

export interface Report {
  range: Range;
  message: string;
  /** A safe automatic fix (applied by --fix). Only rules with `fixable: true` give one. */
  fix?: TextEdit;
  /** Possible fixes a person must choose from (editor quick fixes). Only rules with `hasSuggestions: true` give them. */
  suggestions?: Suggestion[];
  /** Overrides the configured severity for this one report, e.g. a lesser finding of an error rule. */
  severity?: Severity;
  /** The options of a choice left open, for an author (an agent) to pick one or ask a person. */
  options?: string[];
  /** The other ends of a finding that compares this document with another (SARIF relatedLocations, LSP relatedInformation). */
  related?: RelatedLocation[];
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
  /**
   * The documents of the data model's feature folder (its spec, its contracts), read by the host
   * on first use and read-only here; empty for text without a file or with related documents off.
   */
  readonly related: RelatedDocuments;
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
  /** The rule gives safe fixes (`fix`), which --fix applies. */
  fixable?: boolean;
  /** The rule offers suggestions (`suggestions`), which editors show as quick fixes. */
  hasSuggestions?: boolean;
  /**
   * The rule compares things with the defined entities, and does not run on a document that
   * defines none: required-section reports the cause, and every comparison would fail with it.
   */
  requiresEntities?: boolean;
  check(context: RuleContext<Options>): void;
}

/** Identity function that gives rule objects their type. */
export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

// Rules with any options live in one registry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
