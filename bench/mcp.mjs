// Measures the agent server as an agent sees it: the time from calling `lint` on a document to
// receiving the result, over the Model Context Protocol on standard input and output, with the
// SDK's own client. Between calls the document changes (one character in, then out), as it does
// while an agent writes it; the change is made outside the measured time.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

/** Latencies in ms of `calls` lint calls after `warmup` unmeasured ones; the server is rooted at the project that holds `file`. */
export async function mcpLatencies(cli, file, { warmup = 10, calls = 40 } = {}) {
  // The project: the directory above specs/.
  const root = join(dirname(file), '..', '..');
  const path = relative(root, file);
  const client = new Client({ name: 'dmlint-bench', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp'], cwd: root, env: getDefaultEnvironment(), stderr: 'inherit' }));
  const text = readFileSync(file, 'utf8');
  const purpose = text.indexOf('**Purpose**:') + '**Purpose**:'.length;
  const latencies = [];
  try {
    for (let call = 0; call < warmup + calls; call++) {
      writeFileSync(file, call % 2 === 0 ? `${text.slice(0, purpose)} x${text.slice(purpose)}` : text);
      const started = performance.now();
      const result = await client.callTool({ name: 'lint', arguments: { paths: [path] } });
      const elapsed = performance.now() - started;
      if (result.isError) throw new Error(`bench: the lint call failed: ${JSON.stringify(result.content)}`);
      if (call >= warmup) latencies.push(elapsed);
    }
    return latencies;
  } finally {
    writeFileSync(file, text);
    await client.close();
  }
}
