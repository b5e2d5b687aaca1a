/**
 * The language server (`dmlint --lsp`): diagnostics on open, on change and on save,
 * cleared on close; quick fixes for every fix and suggestion, and "disable for this line". The
 * configuration, template and plugins of each document are resolved as the CLI resolves them.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, join, sep } from 'node:path';
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
import { Workspace } from '../host/workspace.js';
import { ConfigError } from '../config/types.js';
import { ChunkCache } from '../markdown/parse.js';
import { BOM } from '../markdown/source.js';
import { ruleMeta } from '../engine/meta.js';
import type { LintMessage, Suggestion, TextEdit } from '../engine/types.js';
import { lintText } from '../engine/lint-text.js';
import { prepareFrontMatter, withFrontMatter } from '../host/front-matter.js';
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
  private root = process.cwd();
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
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        },
        serverInfo: { name: 'dmlint' },
      };
    });
    connection.onInitialized(() => {
      // Configuration and templates can change on disk: be told, where the client can watch files.
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
    documents.onDidOpen(({ document }) => this.lintNow(document));
    documents.onDidSave(({ document }) => {
      this.lintNow(document);
      // A spec or contract saved from the editor: the data models that read it are linted again.
      if (document.uri.startsWith('file:')) this.lintDependents([fileURLToPath(document.uri)], document.uri);
    });
    documents.onDidChangeContent(({ document }) => this.lintSoon(document));
    documents.onDidClose(({ document }) => {
      clearImmediate(this.scheduled.get(document.uri));
      this.scheduled.delete(document.uri);
      this.related.delete(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    connection.onCodeAction(({ textDocument, context }) => {
      const document = documents.get(textDocument.uri);
      return document ? context.diagnostics.filter((diagnostic) => diagnostic.source === 'dmlint').flatMap((diagnostic) => codeActions(document, diagnostic)) : [];
    });
    documents.listen(connection);
    connection.listen();
  }

  /** Forget cached configuration, templates and plugins, and lint every open document again. */
  private reset(): void {
    this.workspace = new Workspace({ cwd: this.root });
    for (const document of this.documents.all()) this.lintNow(document);
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
    const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : join(this.root, 'data-model.md');
    let diagnostics: Diagnostic[];
    try {
      const settings = await this.workspace.settingsFor(path);
      const text = document.getText();
      await prepareFrontMatter(text);
      const inputs: RelatedInput[] = [];
      const options = { ...withFrontMatter(settings.lint), chunkCache: this.chunkCache, host: recordingHost(settings.lint.host ?? nodeHost, [], inputs) };
      const result = lintText(text, document.uri.startsWith('file:') ? options : { ...options, filePath: '<untitled>' });
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
    await this.connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
  }
}

/** Files whose change affects how every document is linted: configuration and templates. */
function isSettingsFile(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.dmlintrc') || name === 'package.json' || /template.*\.md$/i.test(name);
}

function toDiagnostic(message: LintMessage, href: string | null, shift: number): Diagnostic {
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

/** Quick fixes for a diagnostic: its fix, each suggestion, and a comment that disables the rule for the line. */
export function codeActions(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const data = (diagnostic.data ?? { shift: 0 }) as DiagnosticData;
  const actions: CodeAction[] = [];
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  if (data.fix) actions.push(action(`Fix: ${message}`, document, diagnostic, [editOf(document, data.fix, data.shift)], true));
  for (const suggestion of data.suggestions ?? []) actions.push(action(suggestion.desc, document, diagnostic, [editOf(document, suggestion.fix, data.shift)]));
  const rule = String(diagnostic.code ?? '');
  if (rule && rule !== 'internal-error') {
    const line = diagnostic.range.start.line;
    const indent = /^\s*/.exec(document.getText({ start: { line, character: 0 }, end: { line, character: 200 } }))?.[0] ?? '';
    actions.push(action(`Disable ${rule} for this line`, document, diagnostic, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- dmlint-disable-next-line ${rule} -->\n` }]));
  }
  return actions;
}

