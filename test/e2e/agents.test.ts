/**
 * The recipes of docs/agents.md, run as written: the MCP configurations start the server they
 * name, and the stop hook and the shell gate judge the documents git says were changed. The
 * project is a git repository with dmlint installed as `npx --no-install` finds it.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO, scratchDir } from '../support/cli.js';

const PAGE = readFileSync(join(REPO, 'docs/agents.md'), 'utf8');
const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const PLACEHOLDER = CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]');
const DOCUMENT = 'specs/007-room-booking/data-model.md';

/** The page's fenced blocks marked `<language> file=<path>`, by path. */
const recipes = new Map([...PAGE.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)\n```$/gm)].map((match) => [match[1] ?? '', `${match[2] ?? ''}\n`]));
/** The unmarked `sh` block: the command-line registration. */
const registration = /^```sh\n(claude mcp add [^\n]*)\n```$/m.exec(PAGE)?.[1] ?? '';

interface ServerEntry {
  command: string;
  args: string[];
}

describe('docs/agents.md', () => {
  const project = scratchDir({});
  const env = { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' };
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: project, env, encoding: 'utf8' });
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  };

  beforeAll(() => {
    expect([...recipes.keys()]).toEqual(['.mcp.json', '.vscode/mcp.json', '.claude/hooks/dmlint-stop.mjs', '.claude/settings.json', 'scripts/dmlint-changed.sh']);
    git('init', '-q');
    // dmlint installed in the project, as npm would: a command in node_modules/.bin.
    mkdirSync(join(project, 'node_modules/.bin'), { recursive: true });
    symlinkSync(CLI, join(project, 'node_modules/.bin/dmlint'));
    write('.gitignore', 'node_modules/\n');
    for (const [path, text] of recipes) write(path, text);
    write('specs/007-room-booking/spec.md', '# Spec\n');
    write(DOCUMENT, CLEAN);
    git('add', '.');
    git('commit', '-qm', 'a finished data model');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  describe('connecting an agent', () => {
    const entries: Array<[string, ServerEntry]> = [
      ['.mcp.json', (JSON.parse(recipes.get('.mcp.json') ?? '') as { mcpServers: { dmlint: ServerEntry } }).mcpServers.dmlint],
      ['.vscode/mcp.json', (JSON.parse(recipes.get('.vscode/mcp.json') ?? '') as { servers: { dmlint: ServerEntry & { type: string } } }).servers.dmlint],
    ];

    it.each(entries)('%s starts the server, which lints the project', async (_, entry) => {
      const client = new Client({ name: 'dmlint-e2e', version: '1.0.0' });
      await client.connect(new StdioClientTransport({ command: entry.command, args: entry.args, cwd: project, env: { ...getDefaultEnvironment(), TMPDIR: process.env.TMPDIR ?? '' } }));
      try {
        expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['lint', 'fix', 'outline', 'explain']);
        const result = await client.callTool({ name: 'lint', arguments: { paths: ['specs'] } });
        expect(result.structuredContent).toEqual({ files: [{ filePath: DOCUMENT, complete: true, completeness: 1, problems: [] }], ignored: [] });
      } finally {
        await client.close();
      }
    });

    it('registers the same command on the command line as the JSON configurations name', () => {
      const [, command] = registration.split(' -- ');
      const [first] = entries;
      expect(command).toBe([first?.[1].command, ...(first?.[1].args ?? [])].join(' '));
      expect(entries[1]?.[1]).toMatchObject({ type: 'stdio', command: first?.[1].command, args: first?.[1].args });
    });
  });

  describe('the finish gate', () => {
    const settings = JSON.parse(recipes.get('.claude/settings.json') ?? '') as { hooks: { Stop: Array<{ hooks: Array<{ type: string; command: string }> }> } };
    const hook = (event: Record<string, unknown>): SpawnSyncReturns<string> => {
      const [entry] = settings.hooks.Stop[0]?.hooks ?? [];
      expect(entry?.type).toBe('command');
      // As the host runs it: a shell command, with the project's directory in the environment.
      return spawnSync('sh', ['-c', entry?.command ?? ''], { cwd: project, env: { ...env, CLAUDE_PROJECT_DIR: project }, input: JSON.stringify({ hook_event_name: 'Stop', cwd: project, ...event }), encoding: 'utf8' });
    };
    const gate = (): SpawnSyncReturns<string> => spawnSync('sh', ['scripts/dmlint-changed.sh'], { cwd: project, env, encoding: 'utf8' });

    it('lets the agent finish when no data-model document changed', () => {
      expect(hook({ stop_hook_active: false })).toMatchObject({ status: 0, stdout: '' });
      expect(gate()).toMatchObject({ status: 0, stdout: '' });
    });

    it('blocks finishing while a changed document has errors, with the report as the reason', () => {
      write(DOCUMENT, PLACEHOLDER);
      const blocked = hook({ stop_hook_active: false });
      expect(blocked.status).toBe(0);
      const decision = JSON.parse(blocked.stdout) as { decision: string; reason: string };
      expect(decision.decision).toBe('block');
      expect(decision.reason.split('\n').slice(0, 3)).toEqual([
        'The data model is not finished. dmlint reports:',
        `${DOCUMENT}: 1 error, 97% filled in`,
        '  121:19 Unfilled placeholder "[TBD]" in field "Storage Type": write the actual value in its place [no-placeholder]',
      ]);
      const shell = gate();
      expect(shell.status).toBe(1);
      expect(shell.stdout).toContain('121:19  error    Unfilled placeholder "[TBD]" in field "Storage Type": write the actual value in its place  no-placeholder');
    });

    it('on a second stop in the same turn, lets the agent finish and tells the person what is left', () => {
      const second = JSON.parse(hook({ stop_hook_active: true }).stdout) as Record<string, string>;
      expect(second.decision).toBeUndefined();
      expect(second.systemMessage).toContain(`${DOCUMENT}: 1 error, 97% filled in`);
    });

    it('judges new documents too, and lets the agent finish once they are clean', () => {
      write(DOCUMENT, CLEAN);
      write('specs/008-new feature/data-model.md', PLACEHOLDER);
      write('specs/008-new feature/spec.md', '# Spec\n');
      const decision = JSON.parse(hook({ stop_hook_active: false }).stdout) as { decision: string; reason: string };
      expect(decision.reason).toContain('specs/008-new feature/data-model.md: 1 error, 97% filled in');
      expect(decision.reason).not.toContain(DOCUMENT);
      expect(gate().status).toBe(1);
      write('specs/008-new feature/data-model.md', CLEAN);
      expect(hook({ stop_hook_active: false })).toMatchObject({ status: 0, stdout: '' });
      expect(gate()).toMatchObject({ status: 0 });
    });
  });
});
