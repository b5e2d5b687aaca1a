// Measures the language server as an editor sees it: the time from sending a change to receiving
// the diagnostics for that version, over the LSP protocol on standard input and output.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';

/** Latencies in ms of `edits` changes after `warmup` unmeasured ones. */
export async function lspLatencies(cli, file, { warmup = 10, edits = 40 } = {}) {
  const server = spawn(process.execPath, [cli, '--lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(server.stdout, server.stdin);
  const waiting = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, ({ version }) => {
    waiting.get(version)?.();
    waiting.delete(version);
  });
  connection.onRequest(RegistrationRequest.type, () => null);
  connection.listen();
  const uri = pathToFileURL(file).href;
  const diagnosed = (version) => new Promise((resolve) => waiting.set(version, resolve));
  try {
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    await connection.sendNotification(InitializedNotification.type, {});
    const text = readFileSync(file, 'utf8');
    const opened = diagnosed(1);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await opened;
    // Typing in the Purpose line: one character in, then out again.
    const line = text.split('\n').findIndex((row) => row.startsWith('**Purpose**'));
    const latencies = [];
    for (let version = 2; version < 2 + warmup + edits; version++) {
      const inserting = version % 2 === 0;
      const change = inserting
        ? { range: { start: { line, character: 13 }, end: { line, character: 13 } }, text: 'x' }
        : { range: { start: { line, character: 13 }, end: { line, character: 14 } }, text: '' };
      const started = performance.now();
      const done = diagnosed(version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
      await done;
      if (version >= 2 + warmup) latencies.push(performance.now() - started);
    }
    return latencies;
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(ExitNotification.type).catch(() => undefined);
    connection.dispose();
    server.kill();
  }
}
