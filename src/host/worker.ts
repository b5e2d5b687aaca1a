/**
 * A worker thread of the pool: settles each file's settings with its own Workspace (the same
 * options as the main thread, so the same answers; rule functions cannot be sent between
 * threads) and lints the text it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PoolReply, PoolRequest } from './pool.js';
import { runLintJob } from './lint-job.js';
import { prepareFrontMatter } from './front-matter.js';
import { Workspace, type WorkspaceOptions } from './workspace.js';

export function runWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('dmlint worker: started outside a worker thread');
  const workspace = new Workspace(workerData as WorkspaceOptions);

  port.on('message', (request: PoolRequest) => {
    Promise.all([workspace.settingsFor(request.file), prepareFrontMatter(request.text)]).then(
      ([settings]) => {
        const reply: PoolReply = { id: request.id, outcome: runLintJob(request.text, settings.lint) };
        port.postMessage(reply);
      },
      (error: unknown) => {
        const reply: PoolReply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
        port.postMessage(reply);
      },
    );
  });
}
