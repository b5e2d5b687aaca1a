/** The shapes of configuration: as written in a file, and as resolved for one document. */
import type { RuleSetting } from '../engine/run-rules.js';
import type { ColumnNames } from '../template/columns.js';
import type { RelatedSettings } from '../rule-kit/index.js';

export type SeverityName = 'off' | 'warn' | 'error';

/** `"error"`, or `["error", { options }]`. */
export type RuleEntry = SeverityName | [SeverityName] | [SeverityName, Record<string, unknown>];

export interface Override {
  files: string[];
  rules?: Record<string, RuleEntry>;
}

/** A configuration file's content. */
export interface ConfigData {
  $schema?: string;
  extends?: string | string[];
  template?: string;
  rules?: Record<string, RuleEntry>;
  ignores?: string[];
  plugins?: string[];
  overrides?: Override[];
  columns?: ColumnNames;
  relatedDocuments?: boolean | { contracts?: string[] };
}

/** One configuration file, validated, with the directory its paths are relative to. */
export interface ConfigLayer {
  file: string;
  dir: string;
  data: ConfigData;
  /** Where a path inside the file is, for messages; null when it cannot be found. */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number } | null;
}

/** The settings that apply to one document. */
export interface ResolvedConfig {
  /** The configuration files that contributed, base first; empty without a config file. */
  files: string[];
  /** Absolute path of the team's template; null for the bundled one. */
  template: string | null;
  rules: Record<string, { setting: RuleSetting; options?: Record<string, unknown> }>;
  /** Globs, each relative to its base directory. */
  ignores: Array<{ base: string; patterns: string[] }>;
  /** Absolute paths or package names of plugin modules, with the directory to resolve them from. */
  plugins: Array<{ specifier: string; base: string }>;
  columns: ColumnNames;
  /** Whether and where to read the spec and contracts of a feature folder. */
  related: RelatedSettings;
}

/** A configuration problem: which file, where in it, and what is wrong. Exit code 2. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string | null = null,
    readonly position: { line: number; column: number } | null = null,
  ) {
    super(message);
    this.name = 'ConfigError';
  }

  /** `file:line:column: message`, as the CLI prints it. */
  describe(relativeTo: (path: string) => string): string {
    const where = this.file ? `${relativeTo(this.file)}${this.position ? `:${this.position.line}:${this.position.column}` : ''}: ` : '';
    return `${where}${this.message}`;
  }
}

export function severityOf(name: SeverityName): RuleSetting {
  return name === 'warn' ? 'warning' : name;
}
