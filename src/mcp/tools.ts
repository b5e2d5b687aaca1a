/**
 * What the agent server's tools do, apart from the protocol: lint, fix, outline and explain,
 * through the hosts' shared code (workspace, discovery, reading, lintFiles, the atomic writer),
 * confined to the server's root. Bad input is a ToolError: the server returns it to the agent.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { builtinRules } from '../../rules/index.js';
import { fixText } from '../engine/fixes.js';
import { lintText } from '../engine/lint-text.js';
import { ruleMeta } from '../engine/meta.js';
import { outlineText, type OutlineEntry } from '../engine/outline.js';
import { isComplete, type LintMessage, type LintResult } from '../engine/types.js';
import { describeFsError, discoverFiles, DOCUMENT_NAME } from '../host/discover.js';
import { IgnoreFiles } from '../host/ignore-files.js';
import { prepareFrontMatter, withFrontMatter } from '../host/front-matter.js';
import { lintFiles } from '../host/lint-files.js';
import { nodeHostWithin } from '../host/node-host.js';
import { decodeDocument, DEFAULT_MAX_FILE_SIZE, readDocument, withEncodingError } from '../host/read-document.js';
import { Workspace, type FileSettings } from '../host/workspace.js';
import { ChunkCache } from '../markdown/parse.js';
import { BUNDLED_TEMPLATE } from '../template/bundled.js';
import { metaPage, rulePage } from './rule-docs.js';
import { ServerRoot } from './root.js';

/** A problem with the call itself (a path, an argument, a file): told to the agent as a tool error. */
export class ToolError extends Error {}

/** A problem as the agent gets it: a message without what only editors and CI read (suggestions, fingerprints). */
export type Problem = Pick<LintMessage, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn' | 'fix' | 'options'>;

export interface FileReport {
  filePath: string;
  complete: boolean;
  /** null when dmlint could not read the document (an internal error). */
  completeness: number | null;
  problems: Problem[];
}

export interface FixReport extends FileReport {
  changed: boolean;
  /** The problems the fixes removed. */
  fixed: Array<{ ruleId: string; message: string; line: number }>;
  /** For text: the fixed text (the same text when nothing changed). */
  output?: string;
}

export interface OutlineReport {
  filePath: string;
  complete: boolean;
  completeness: number | null;
  items: OutlineEntry[];
  headerFields: Array<{ label: string; value: string; line: number }>;
  entities: Array<{ name: string; line: number; attributes: number; relationships: number }>;
}

export interface Explanation {
  ruleId: string;
  description: string;
  rationale: string;
  defaultSeverity: 'error' | 'warning';
  docsUrl: string | null;
  documentation: string;
}

/** The files linted, and the files named that ignore settings (.dmlintignore, `ignores`) skip. */
export interface Linted<T> {
  files: T[];
  ignored: string[];
}

/** A document given as text: `filePath` (inside the root) decides its configuration and where its links point. */
export interface TextInput {
  text: string;
  filePath?: string | undefined;
}

/** Parsed parts of documents kept between calls, as the language server keeps them: an agent's next call is most often on the same document, a little changed. */
const MAX_CACHED_CHARS = 8_000_000;

export class AgentTools {
  readonly root: ServerRoot;
  private readonly workspace: Workspace;
  private readonly chunkCache = new ChunkCache(MAX_CACHED_CHARS);

  constructor(dir: string) {
    this.root = new ServerRoot(dir);
    // Rules may ask whether a linked file exists: only inside the root is anything looked at.
    const host = nodeHostWithin(dir, (path) => this.root.contains(path));
    this.workspace = new Workspace({ cwd: dir, host, boundary: dir });
  }

  async lint(paths: readonly string[]): Promise<Linted<FileReport>> {
    const { results, ignored } = await this.lintFiles(paths, null);
    return { files: results.map((result) => this.fileReport(result)), ignored };
  }

  async lintText(input: TextInput): Promise<FileReport> {
    const { text, settings, shown } = await this.textDocument(input);
    return { ...this.fileReport(lintText(text, settings.lint)), filePath: shown };
  }

  async fix(paths: readonly string[]): Promise<Linted<FixReport>> {
    const before = await this.lintFiles(paths, null);
    const after = await this.lintFiles(paths, 'write');
    const earlier = new Map(before.results.map((result) => [result.filePath, result]));
    const files = after.results.map((result) => ({ ...this.fileReport(result), changed: result.output !== undefined, fixed: fixedProblems(earlier.get(result.filePath)?.messages ?? [], result.messages) }));
    return { files, ignored: after.ignored };
  }

  async fixText(input: TextInput): Promise<FixReport> {
    const { text, settings, shown } = await this.textDocument(input);
    const before = lintText(text, settings.lint);
    const result = fixText(text, settings.lint);
    return { ...this.fileReport(result), filePath: shown, changed: result.output !== undefined, fixed: fixedProblems(before.messages, result.messages), output: result.output ?? text };
  }

  async outline(input: { path?: string | undefined; text?: string | undefined; filePath?: string | undefined }): Promise<OutlineReport> {
    if (input.path !== undefined) {
      if (input.text !== undefined) throw new ToolError('give either "path" or "text", not both');
      const file = this.root.resolve(input.path);
      const read = readDocument(file, DEFAULT_MAX_FILE_SIZE);
      if ('refused' in read) throw new ToolError(`${input.path}: ${read.refused}`);
      const settings = await this.workspace.settingsFor(file);
      await prepareFrontMatter(read.text);
      const outline = outlineText(read.text, withFrontMatter({ ...settings.lint, chunkCache: this.chunkCache }));
      const result = read.encodingError ? withEncodingError(outline.result, read.text, read.encodingError) : outline.result;
      return this.outlineReport({ ...outline, result }, this.root.display(file));
    }
    if (input.text === undefined) throw new ToolError('give "path" (a document inside the root) or "text"');
    const document = await this.textDocument({ text: input.text, filePath: input.filePath });
    return this.outlineReport(outlineText(document.text, document.settings.lint), document.shown);
  }

  async explain(ruleId: string): Promise<Explanation> {
    const { lint } = await this.workspace.settingsFor(join(this.root.dir, DOCUMENT_NAME));
    const builtinIds = new Set(builtinRules.map((rule) => rule.id));
    const meta = ruleMeta(lint.ruleSet ?? builtinRules, builtinIds).find((rule) => rule.id === ruleId);
    if (!meta) throw new ToolError(`no rule ${JSON.stringify(ruleId)}; the rules are ${builtinRules.map((rule) => rule.id).join(', ')}`);
    const page = builtinIds.has(ruleId) ? rulePage(ruleId) : null;
    return { ruleId, description: meta.description, rationale: meta.rationale, defaultSeverity: meta.defaultSeverity, docsUrl: meta.docsUrl, documentation: page ?? metaPage(meta) };
  }

  /** The template that applies to a document at `path` (the bundled one unless configuration names another). */
  async template(path: string): Promise<{ origin: string; text: string }> {
    const file = this.root.resolve(path);
    const { config } = await this.workspace.settingsFor(file);
    if (!config.template) return { origin: 'bundled', text: BUNDLED_TEMPLATE };
    if (!this.root.contains(config.template)) throw new ToolError(`the template in force, ${config.template}, is outside the server's root`);
    try {
      return { origin: this.root.display(config.template), text: await readFile(config.template, 'utf8') };
    } catch (error) {
      throw new ToolError(`cannot read the template ${config.template}: ${describeFsError(error)}`);
    }
  }

  /** Files named by paths, directories and globs inside the root, linted (and fixed) by the hosts' lintFiles. */
  private async lintFiles(paths: readonly string[], fix: 'write' | null): Promise<{ results: LintResult[]; ignored: string[] }> {
    for (const path of paths) this.root.checkPattern(path);
    const discovery = await discoverFiles(paths, this.root.dir, new IgnoreFiles(this.root.dir));
    const outside = discovery.files.filter((file) => !this.root.contains(file));
    const refusals = [...discovery.problems.map((problem) => `${problem.path}: ${problem.message}`), ...outside.map((file) => `${file}: a link to outside the server's root`)];
    if (refusals.length > 0) throw new ToolError(refusals.join('\n'));
    const { results, problems, ignored } = await lintFiles(discovery.files, { cwd: this.root.dir, workspace: this.workspace, chunkCache: this.chunkCache, fix, concurrency: 1 });
    if (problems.length > 0) throw new ToolError(problems.map((problem) => `${this.root.display(problem.path)}: ${problem.message}`).join('\n'));
    return { results, ignored: ignored.map((file) => this.root.display(file)) };
  }

  private async textDocument(input: TextInput): Promise<{ text: string; settings: FileSettings; shown: string }> {
    const decoded = decodeDocument(Buffer.from(input.text, 'utf8'), DEFAULT_MAX_FILE_SIZE);
    if ('refused' in decoded) throw new ToolError(`text: ${decoded.refused}`);
    const file = this.root.resolve(input.filePath ?? DOCUMENT_NAME);
    const { lint, ...rest } = await this.workspace.settingsFor(file);
    await prepareFrontMatter(decoded.text);
    return { text: decoded.text, settings: { ...rest, lint: withFrontMatter({ ...lint, chunkCache: this.chunkCache }) }, shown: input.filePath ?? '<text>' };
  }

  private fileReport(result: LintResult): FileReport {
    const shown = result.filePath.startsWith('<') ? result.filePath : this.root.display(result.filePath);
    return { filePath: shown, complete: isComplete(result), completeness: result.completeness ?? null, problems: result.messages.map(toProblem) };
  }

  private outlineReport(outline: ReturnType<typeof outlineText>, shown: string): OutlineReport {
    const { result, items, headerFields, entities } = outline;
    return { filePath: shown, complete: isComplete(result), completeness: result.completeness ?? null, items, headerFields, entities };
  }
}

function toProblem(message: LintMessage): Problem {
  const { ruleId, severity, line, column, endLine, endColumn } = message;
  return { ruleId, severity, message: message.message, line, column, endLine, endColumn, ...(message.fix ? { fix: message.fix } : {}), ...(message.options ? { options: message.options } : {}) };
}

/** Fixable problems found before fixing that are gone after: matched by rule and message, as lines move. */
function fixedProblems(before: readonly LintMessage[], after: readonly LintMessage[]): FixReport['fixed'] {
  const left = new Map<string, number>();
  for (const message of after) left.set(`${message.ruleId}\0${message.message}`, (left.get(`${message.ruleId}\0${message.message}`) ?? 0) + 1);
  return before.flatMap((message) => {
    if (!message.fix) return [];
    const key = `${message.ruleId}\0${message.message}`;
    const remaining = left.get(key) ?? 0;
    if (remaining > 0) {
      left.set(key, remaining - 1);
      return [];
    }
    return [{ ruleId: message.ruleId, message: message.message, line: message.line }];
  });
}
