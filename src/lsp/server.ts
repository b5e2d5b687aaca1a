/**
 * The language server (`dmlint --lsp`): diagnostics on open, on change and on save,
 * cleared on close; quick fixes for every fix and suggestion, and "disable for this line". It
 * lints the documents `dmlint` would lint in the workspace folder, each with the configuration,
 * template and plugins the CLI would use; changes to those files apply on the next change or save.
 */
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinRules } from '../../rules/index.js';
import { Workspace, type FileSettings } from '../host/workspace.js';
import { ConfigError } from '../config/types.js';
import { ChunkCache } from '../markdown/parse.js';
import { BOM } from '../markdown/source.js';
import { ruleMeta } from '../engine/meta.js';
import type { LintMessage, Suggestion, TextEdit } from '../engine/types.js';
import { lintText } from '../engine/lint-text.js';
import { prepareFrontMatter, withFrontMatter } from '../host/front-matter.js';
import { disableComment } from '../engine/disable-comment.js';
import { IgnoreFiles } from '../host/ignore-files.js';
import { foundByWalking } from '../host/discover.js';
import { lintedByDefault } from '../host/lint-files.js';
import { FileStamps, settingsSources } from '../host/freshness.js';
import { projectRoot } from '../host/project-root.js';
import { nodeHost, recordingHost } from '../host/node-host.js';
import type { RelatedInput } from '../host/related.js';

/** Parsed parts of open documents, shared: an edit re-parses only the part it touched. */
const MAX_CACHED_CHARS = 8_000_000;

/** What a diagnostic carries for its code actions. */
interface DiagnosticData {
  fix?: TextEdit;
  suggestions?: Suggestion[];
  /** Offsets in fixes skip a leading byte-order mark; this many characters put them back. */
  shift: number;
}

export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const connection = createConnection(ProposedFeatures.all, input, output);
  const server = new DmlintServer(connection);
  server.listen();
  return new Promise((resolve) => connection.onExit(resolve));
}

class DmlintServer {
  private readonly documents = new TextDocuments(TextDocument);
  private workspace: Workspace;
  private ignores: IgnoreFiles | null = null;
  private root = process.cwd();
  /** The configuration, template and ignore files read so far: a change to one resets the workspace. */
  private readonly sources = new FileStamps();
  /** Documents that have diagnostics shown. */
  private readonly published = new Set<string>();
  private canWatchFiles = false;
  /** Documents with a lint scheduled: changes that arrive together are linted once, at their latest version. */
  private readonly scheduled = new Map<string, NodeJS.Immediate>();
  private readonly chunkCache = new ChunkCache(MAX_CACHED_CHARS);
  /** For each open document, the related files it was last linted with (its spec, contracts) and the folders whose contracts it lists. */
  private readonly related = new Map<string, { files: Set<string>; folders: string[] }>();

  constructor(private readonly connection: Connection) {
    this.workspace = new Workspace({ cwd: this.root });
  }

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => {
      const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
      if (rootUri?.startsWith('file:')) this.root = fileURLToPath(rootUri);
      this.workspace = new Workspace({ cwd: this.root });
      this.canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        },
        serverInfo: { name: 'dmlint' },
      };
    });
    connection.onInitialized(() => {
      // Configuration and templates can change on disk: be told at once, where the client can watch
      // files (else the next change or save finds out).
      if (!this.canWatchFiles) return;
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/.dmlintrc*' }, { globPattern: '**/package.json' }, { globPattern: '**/*template*.md' }, { globPattern: '**/*.{md,yaml,yml,json}' }],
        })
        .catch((error: unknown) => connection.console.log(`dmlint: the client cannot watch files (${String(error)}); configuration changes apply after a restart`));
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      const paths = changes.flatMap((change) => (change.uri.startsWith('file:') ? [fileURLToPath(change.uri)] : []));
      // Configuration and templates change how every document is linted; a spec or a contract only the data models that read it.
      if (paths.length < changes.length || paths.some(isSettingsFile)) this.reset();
      else this.lintDependents(paths);
    });
    connection.onDidChangeConfiguration(() => this.reset());
    // Opening a document also changes its content (TextDocuments reports both): linted once, there.
    documents.onDidSave(({ document }) => {
      this.lintNow(document);
      // A spec or contract saved from the editor: the data models that read it are linted again.
      if (document.uri.startsWith('file:')) this.lintDependents([fileURLToPath(document.uri)], document.uri);
    });
    documents.onDidChangeContent(({ document }) => this.lintSoon(document));
    documents.onDidClose(({ document }) => {
      clearImmediate(this.scheduled.get(document.uri));
      this.scheduled.delete(document.uri);
      this.published.delete(document.uri);
      this.related.delete(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    connection.onCodeAction(({ textDocument, context }) => {
      const document = documents.get(textDocument.uri);
      return document ? context.diagnostics.filter((diagnostic) => diagnostic.source === 'dmlint').flatMap((diagnostic) => codeActions(document, diagnostic, this.chunkCache)) : [];
    });
    documents.listen(connection);
    connection.listen();
  }

  /** Forget cached configuration, templates and plugins, and lint every open document again. */
  private reset(): void {
    this.forget();
    for (const document of this.documents.all()) this.lintNow(document);
  }

  private forget(): void {
    this.workspace = new Workspace({ cwd: this.root });
    this.ignores = null;
    this.sources.clear();
  }

  /** Where `dmlint` would be run for a file: the workspace folder, or for a file outside it, its repository. */
  private rootOf(path: string): string {
    const inside = relative(this.root, path);
    return inside.startsWith('..') || isAbsolute(inside) ? projectRoot(dirname(path), {}) : this.root;
  }

  /** The settings of a file, read again when a file they come from changed on disk since last time. */
  private async settingsFor(path: string): Promise<FileSettings> {
    const sources = settingsSources(path, this.root);
    if (this.sources.changed([...this.sources.paths(), ...sources])) {
      this.forget();
      // Stamped again before reading, so that a change made after this read is seen next time.
      this.sources.changed(sources);
    }
    const settings = await this.workspace.settingsFor(path);
    const read = [...settings.config.files, ...(settings.config.template ? [settings.config.template] : [])];
    if (!this.sources.changed(read)) return settings;
    // Changed while being read: read once more.
    this.forget();
    this.sources.changed([...sources, ...read]);
    return this.workspace.settingsFor(path);
  }

  /** Lints again the open documents whose spec or contracts are among these files (changed, added or deleted). */
  private lintDependents(paths: readonly string[], except: string | null = null): void {
    for (const document of this.documents.all()) {
      const read = this.related.get(document.uri);
      if (!read || document.uri === except) continue;
      if (paths.some((path) => read.files.has(path) || read.folders.some((folder) => path.startsWith(`${folder}${sep}`)))) this.lintNow(document);
    }
  }

  /**
   * No debounce: linting a typical document takes milliseconds once parts are cached, so
   * diagnostics follow typing. Changes already waiting to be read are taken in first (setImmediate
   * runs after pending input), so a burst of edits costs one lint.
   */
  private lintSoon(document: TextDocument): void {
    if (this.scheduled.has(document.uri)) return;
    this.scheduled.set(
      document.uri,
      setImmediate(() => {
        this.scheduled.delete(document.uri);
        const latest = this.documents.get(document.uri);
        if (latest) this.lintNow(latest);
      }),
    );
  }

  private lintNow(document: TextDocument): void {
    clearImmediate(this.scheduled.get(document.uri));
    this.scheduled.delete(document.uri);
    this.lint(document).catch((error: unknown) => {
      this.connection.console.error(`dmlint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
  }

  private async lint(document: TextDocument): Promise<void> {
    const version = document.version;
    // Only saved files named as data-model documents: a README, any other Markdown file or an
    // unsaved buffer is nothing the command line would lint, and not worth reading settings for.
    if (!document.uri.startsWith('file:')) return;
    const path = fileURLToPath(document.uri);
    const root = this.rootOf(path);
    if (!foundByWalking(path, root)) return;
    let diagnostics: Diagnostic[];
    try {
      const settings = await this.settingsFor(path);
      this.ignores ??= new IgnoreFiles(this.root);
      if (!lintedByDefault(path, root, settings, this.ignores)) {
        // Ignored since it was last linted: take its diagnostics away.
        if (this.published.delete(document.uri)) await this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
        return;
      }
      const text = document.getText();
      await prepareFrontMatter(text);
      const inputs: RelatedInput[] = [];
      const result = lintText(text, { ...withFrontMatter(settings.lint), chunkCache: this.chunkCache, host: recordingHost(settings.lint.host ?? nodeHost, [], inputs) });
      this.related.set(document.uri, {
        files: new Set(inputs.flatMap((input) => (input.kind === 'file' ? [input.path] : []))),
        folders: inputs.flatMap((input) => (input.kind === 'listing' ? [input.dir] : [])),
      });
      const shift = text.startsWith(BOM) ? BOM.length : 0;
      const links = new Map(ruleMeta(settings.lint.ruleSet ?? builtinRules, new Set(builtinRules.map((rule) => rule.id))).map((rule) => [rule.id, rule.docsUrl]));
      diagnostics = result.messages.map((message) => toDiagnostic(message, links.get(message.ruleId) ?? null, shift));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // A broken configuration is shown where the user looks: on the document.
      diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'dmlint', message: `dmlint configuration: ${error.describe((file) => file)}` }];
    }
    // A newer version is on its way; these diagnostics would be stale.
    if (this.documents.get(document.uri)?.version !== version) return;
    this.published.add(document.uri);
    await this.connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
  }
}

/** Files whose change affects how every document is linted: configuration and templates. */
function isSettingsFile(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.dmlintrc') || name === 'package.json' || /template.*\.md$/i.test(name);
}

export function toDiagnostic(message: LintMessage, href: string | null, shift: number): Diagnostic {
  const data: DiagnosticData = { shift, ...(message.fix ? { fix: message.fix } : {}), ...(message.suggestions ? { suggestions: message.suggestions } : {}) };
  return {
    range: { start: { line: message.line - 1, character: message.column - 1 }, end: { line: message.endLine - 1, character: message.endColumn - 1 } },
    severity: message.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: message.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'dmlint',
    message: message.message,
    ...(message.related
      ? {
          relatedInformation: message.related.map((other) => ({
            location: { uri: pathToFileURL(other.filePath).href, range: { start: { line: other.line - 1, character: other.column - 1 }, end: { line: other.endLine - 1, character: other.endColumn - 1 } } },
            message: other.message,
          })),
        }
      : {}),
    data,
  };
}

function editOf(document: TextDocument, edit: TextEdit, shift: number): LspTextEdit {
  return { range: { start: document.positionAt(edit.range[0] + shift), end: document.positionAt(edit.range[1] + shift) }, newText: edit.text };
}

function action(title: string, document: TextDocument, diagnostic: Diagnostic, edits: LspTextEdit[], isPreferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [document.uri]: edits } } };
}

/** Quick fixes for a diagnostic: its fix, each suggestion, and a comment that disables the rule there without changing the document's structure. */
export function codeActions(document: TextDocument, diagnostic: Diagnostic, cache: ChunkCache | null = null): CodeAction[] {
  const data = (diagnostic.data ?? { shift: 0 }) as DiagnosticData;
  const actions: CodeAction[] = [];
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  if (data.fix) actions.push(action(`Fix: ${message}`, document, diagnostic, [editOf(document, data.fix, data.shift)], true));
  for (const suggestion of data.suggestions ?? []) actions.push(action(suggestion.desc, document, diagnostic, [editOf(document, suggestion.fix, data.shift)]));
  const rule = String(diagnostic.code ?? '');
  const text = document.getText();
  const disable = rule && rule !== 'internal-error' ? disableComment(text, diagnostic.range.start.line + 1, rule, cache) : null;
  if (disable) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const edits = disable.insertions.map(({ before, text: comment }): LspTextEdit => {
      const line = before - 1;
      // At the very end of a text without a final line break, the comment needs one before it.
      if (line >= document.lineCount) return { range: { start: document.positionAt(text.length), end: document.positionAt(text.length) }, newText: `${eol}${comment}` };
      const character = line === 0 && text.startsWith(BOM) ? BOM.length : 0;
      return { range: { start: { line, character }, end: { line, character } }, newText: `${comment}${eol}` };
    });
    actions.push(action(`Disable ${rule} for this ${disable.scope}`, document, diagnostic, edits));
  }
  return actions;
}
