/** A real LSP client over stdio, talking to `dmlint --lsp` as an editor would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { CLI } from './cli.js';

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  private readonly published: PublishDiagnosticsParams[] = [];
  /** How many times diagnostics were published for each document URI. */
  readonly publications = new Map<string, number>();
  private readonly waiters: Array<() => void> = [];
  registrations = 0;

  constructor(readonly root: string) {
    this.process = spawn(process.execPath, [CLI, '--lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    if (!this.process.stdout || !this.process.stdin) throw new Error('no stdio');
    this.connection = createProtocolConnection(this.process.stdout, this.process.stdin);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.publications.set(params.uri, (this.publications.get(params.uri) ?? 0) + 1);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest(RegistrationRequest.type, () => {
      this.registrations++;
    });
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    const rootUri = pathToFileURL(this.root).href;
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'test' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  open(path: string, text: string): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(path).href, languageId: 'markdown', version: 1, text } });
  }

  change(path: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(path).href, version }, contentChanges: [{ text }] });
  }

  /** How many times diagnostics were published for a file. */
  publishedFor(path: string): number {
    return this.publications.get(pathToFileURL(path).href) ?? 0;
  }

  save(path: string): Promise<void> {
    return this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(path).href } });
  }

  close(path: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(path).href } });
  }

  filesChanged(path: string): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path).href, type: 2 }] });
  }

  async codeActions(path: string, diagnostic: Diagnostic): Promise<Array<Command | CodeAction>> {
    return (await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: pathToFileURL(path).href }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) ?? [];
  }

  /** The next diagnostics published for a file that satisfy `accept`. */
  async diagnostics(path: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const uri = pathToFileURL(path).href;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.published.findIndex((params) => params.uri === uri && accept(params.diagnostics));
      if (index >= 0) return this.published.splice(0, index + 1).pop()?.diagnostics ?? [];
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${path} within ${timeoutMs} ms`);
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, 100);
      });
    }
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await new Promise<number | null>((resolve) => this.process.on('exit', resolve));
    this.connection.dispose();
    return code;
  }
}
