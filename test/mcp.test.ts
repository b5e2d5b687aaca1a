/**
 * The agent server (`dmlint mcp`) through the protocol, driven by the SDK's own client over stdio
 * against the built executable: initialize, the tools and their schemas, every tool, the
 * resources, the inputs it must refuse, and calls made in parallel.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO, scratchDir } from './support/cli.js';

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const BROKEN = CLEAN.replace('| `floor` | Integer | Yes |', '| `floor` | Integer | yes |').replace('**Storage Type**: SQL Database', '**Storage Type**: [SQL Database / NoSQL]');
const TEMPLATE = readFileSync(join(REPO, 'src/template/data-model-template.md'), 'utf8');

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  fix?: { range: [number, number]; text: string };
  options?: string[];
}
interface FileReport {
  filePath: string;
  complete: boolean;
  completeness: number | null;
  problems: Problem[];
  changed?: boolean;
  fixed?: Array<{ ruleId: string; line: number }>;
  output?: string;
}

describe('dmlint mcp', () => {
  const root = scratchDir({
    '.git/HEAD': 'ref\n',
    'specs/a/spec.md': '# s\n',
    'specs/a/data-model.md': BROKEN,
    'specs/b/spec.md': '# s\n',
    'specs/b/data-model.md': CLEAN,
    'specs/fix/spec.md': '# s\n',
    'specs/fix/data-model.md': BROKEN,
    'team/.dmlintrc.json': '{ "template": "team-template.md" }',
    'team/team-template.md': `${TEMPLATE}\n## Team Sign-off\n\n[Who signed off]\n`,
    'blob/data-model.md': 'binary\0data',
    '.dmlintignore': 'skipped/\n',
    'skipped/data-model.md': BROKEN,
  });
  const outside = scratchDir({ 'data-model.md': CLEAN });
  const client = new Client({ name: 'dmlint-test', version: '1.0.0' });
  let stderr = '';

  beforeAll(async () => {
    mkdirSync(join(root, 'linked'));
    symlinkSync(join(outside, 'data-model.md'), join(root, 'linked/data-model.md'));
    writeFileSync(join(root, 'big.md'), 'x'.repeat(11 * 1024 * 1024));
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], cwd: root, env: { ...getDefaultEnvironment(), TMPDIR: process.env.TMPDIR ?? '' }, stderr: 'pipe' });
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await client.connect(transport);
  });
  afterAll(async () => {
    await client.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> => (await client.callTool({ name, arguments: args })) as CallToolResult;
  const files = async (name: string, args: Record<string, unknown>): Promise<FileReport[]> => {
    const result = await call(name, args);
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    return (result.structuredContent as { files: FileReport[] }).files;
  };
  const refusal = async (name: string, args: Record<string, unknown>): Promise<string> => {
    const result = await call(name, args);
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    return (result.content[0] as { text: string }).text;
  };

  it('initializes as dmlint, with instructions, and lists its tools with input and output schemas', async () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'dmlint' });
    expect(client.getInstructions()).toContain('call "lint"');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['lint', 'fix', 'outline', 'explain']);
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(Object.keys(byName.get('lint')?.inputSchema.properties ?? {})).toEqual(['paths', 'text', 'filePath']);
    const fileItem = (byName.get('lint')?.outputSchema?.properties?.files as { items: { properties: Record<string, unknown>; required: string[] } }).items;
    expect(fileItem.required).toEqual(['filePath', 'complete', 'completeness', 'problems']);
    const problem = (fileItem.properties.problems as { items: { properties: Record<string, unknown> } }).items;
    expect(Object.keys(problem.properties)).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fix', 'options']);
    expect(Object.keys(byName.get('outline')?.outputSchema?.properties ?? {})).toEqual(['filePath', 'complete', 'completeness', 'items', 'headerFields', 'entities']);
    expect(Object.keys(byName.get('explain')?.inputSchema.properties ?? {})).toEqual(['ruleId']);
    expect(byName.get('lint')?.annotations?.readOnlyHint).toBe(true);
    expect(byName.get('fix')?.annotations?.readOnlyHint).toBe(false);
  });

  it('lints paths: each problem with its position, safe fix and the options of a choice, the completeness, complete', async () => {
    const [broken, clean] = await files('lint', { paths: ['specs/a/data-model.md', 'specs/b'] });
    expect(broken?.filePath).toBe('specs/a/data-model.md');
    expect(broken?.problems.map((problem) => [problem.ruleId, problem.severity, problem.line, problem.column])).toEqual([
      ['attribute-table', 'error', 39, 23],
      ['no-unresolved-choice', 'error', 121, 19],
    ]);
    expect(broken?.problems[0]?.fix).toEqual({ range: [expect.any(Number), expect.any(Number)], text: 'Yes' });
    expect(broken?.problems[1]?.options).toEqual(['SQL Database', 'NoSQL']);
    // 38 required items; the Persistence Layer still holds a choice.
    expect(broken).toMatchObject({ complete: false, completeness: 37 / 38 });
    expect(clean).toEqual({ filePath: 'specs/b/data-model.md', complete: true, completeness: 1, problems: [] });
    const text = (await call('lint', { paths: ['specs/b'] })).content[0] as { text: string };
    expect(text.text).toBe('specs/b/data-model.md: 0 errors, 0 warnings, 100% filled in, complete');
  });

  it('lints globs and text, with the configuration of the text\'s filePath', async () => {
    expect((await files('lint', { paths: ['specs/*/data-model.md'] })).map((file) => file.filePath)).toEqual(['specs/a/data-model.md', 'specs/b/data-model.md', 'specs/fix/data-model.md']);
    const [text] = await files('lint', { text: BROKEN, filePath: 'specs/a/data-model.md' });
    expect(text?.filePath).toBe('specs/a/data-model.md');
    expect(text?.problems.map((problem) => problem.ruleId)).toEqual(['attribute-table', 'no-unresolved-choice']);
    // Front matter naming the template is read from text too.
    const [drifted] = await files('lint', { text: `---\ntemplate: team-data-model@3\n---\n${CLEAN}`, filePath: 'specs/b/data-model.md' });
    expect(drifted?.problems.map((problem) => [problem.ruleId, problem.line, problem.message])).toEqual([
      ['template-drift', 2, 'The document was filled from template "team-data-model", but it is checked against "data-model-template"'],
    ]);
    // Under team/, the team's template applies: the document lacks its extra section (and its spec.md is elsewhere).
    const [team] = await files('lint', { text: CLEAN, filePath: 'team/data-model.md' });
    // A file the project's ignore settings skip is named as such, not linted.
    const skipped = await call('lint', { paths: ['skipped/data-model.md', 'specs/b'] });
    expect(skipped.structuredContent).toEqual({ files: [expect.objectContaining({ filePath: 'specs/b/data-model.md' })], ignored: ['skipped/data-model.md'] });
    expect((skipped.content[0] as { text: string }).text.split('\n')[1]).toBe('not linted, as the project\'s ignore settings (.dmlintignore, "ignores") skip them: skipped/data-model.md');
    expect(team?.problems.map((problem) => [problem.ruleId, problem.message])).toEqual([
      ['header-metadata', 'Spec link "./spec.md" points to a file that does not exist next to this document'],
      ['required-section', 'Missing section "## Team Sign-off"; add it after "## Appendix: Sample Data"'],
    ]);
  });

  it('fixes files atomically and says what changed; fixes text without writing', async () => {
    const [fixedText] = await files('fix', { text: BROKEN });
    expect(fixedText).toMatchObject({ filePath: '<text>', changed: true, fixed: [{ ruleId: 'attribute-table', line: 39 }], output: BROKEN.replace('| `floor` | Integer | yes |', '| `floor` | Integer | Yes |') });
    expect(readFileSync(join(root, 'specs/fix/data-model.md'), 'utf8')).toBe(BROKEN);
    const [fixed] = await files('fix', { paths: ['specs/fix/data-model.md'] });
    expect(fixed).toMatchObject({ filePath: 'specs/fix/data-model.md', changed: true, fixed: [{ ruleId: 'attribute-table', line: 39 }] });
    expect(fixed?.problems.map((problem) => problem.ruleId)).toEqual(['no-unresolved-choice']);
    expect(fixed?.output).toBeUndefined();
    expect(readFileSync(join(root, 'specs/fix/data-model.md'), 'utf8')).toBe(fixedText?.output);
    const [again] = await files('fix', { paths: ['specs/fix'] });
    expect(again).toMatchObject({ changed: false, fixed: [] });
  });

  it('outlines a document: items in the template\'s order with their state, header fields, entities', async () => {
    const result = await call('outline', { path: 'specs/a/data-model.md' });
    const outline = result.structuredContent as { completeness: number; complete: boolean; items: Array<{ title: string; state: string; lines: number[] }>; entities: Array<{ name: string }>; headerFields: Array<{ label: string }> };
    expect(outline).toMatchObject({ completeness: 37 / 38, complete: false });
    const state = (title: string): string | undefined => outline.items.find((item) => item.title === title)?.state;
    expect([state('Overview'), state('Attributes'), state('Persistence Layer'), state('From Existing System (if applicable)')]).toEqual(['complete', 'present', 'has-placeholders', 'missing']);
    expect(outline.items[0]?.title).toBe('Data Model: [FEATURE]');
    expect(outline.entities.map((entity) => entity.name)).toEqual(['Room', 'Booking']);
    expect(outline.headerFields.map((field) => field.label)).toEqual(['Branch', 'Date', 'Spec', 'Phase', 'Input']);
    expect((result.content[0] as { text: string }).text).toBe('specs/a/data-model.md: 97% filled in, not complete; to do: Attributes (present), Persistence Layer (has-placeholders)');
    const blank = (await call('outline', { text: TEMPLATE })).structuredContent as { completeness: number; items: Array<{ title: string; state: string }> };
    expect(blank.items.find((item) => item.title === 'Overview')?.state).toBe('has-placeholders');
  });

  it('explains a rule with its page, and a plugin-free engine id with its metadata', async () => {
    const result = await call('explain', { ruleId: 'no-unresolved-choice' });
    const explanation = result.structuredContent as { documentation: string; defaultSeverity: string; docsUrl: string };
    expect(explanation.documentation).toBe(readFileSync(join(REPO, 'docs/rules/no-unresolved-choice.md'), 'utf8'));
    expect(explanation.defaultSeverity).toBe('error');
    expect(explanation.docsUrl).toMatch(/\/docs\/rules\/no-unresolved-choice\.md$/);
    const engine = (await call('explain', { ruleId: 'parse-limit' })).structuredContent as { documentation: string };
    expect(engine.documentation.split('\n')[0]).toBe('# parse-limit');
  });

  it('gives the template in force for a path and the rule pages as resources', async () => {
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(['dmlint://template/{+path}', 'dmlint://rules/{ruleId}']);
    const text = async (uri: string): Promise<string> => ((await client.readResource({ uri })).contents[0] as { text: string }).text;
    expect(await text('dmlint://template/specs/a/data-model.md')).toBe(TEMPLATE);
    expect(await text('dmlint://template/team/data-model.md')).toBe(`${TEMPLATE}\n## Team Sign-off\n\n[Who signed off]\n`);
    expect(await text('dmlint://rules/no-placeholder')).toBe(readFileSync(join(REPO, 'docs/rules/no-placeholder.md'), 'utf8'));
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toContain('dmlint://rules/required-section');
    await expect(client.readResource({ uri: 'dmlint://rules/..%2F..%2Fpackage' })).rejects.toThrow(/no page for rule/);
    await expect(client.readResource({ uri: 'dmlint://template/..%2F..%2Fetc%2Fdata-model.md' })).rejects.toThrow(/outside the server's root/);
  });

  it('refuses, as tool errors, paths outside the root, links out of it, unknown paths, binary and oversized files, bad arguments', async () => {
    expect(await refusal('lint', { paths: ['../x/data-model.md'] })).toMatch(/not a path inside the server's root/);
    expect(await refusal('lint', { paths: ['/etc/passwd'] })).toMatch(/outside the server's root/);
    expect(await refusal('lint', { paths: ['linked/data-model.md'] })).toMatch(/outside the server's root/);
    // Walking a directory follows no link.
    expect(await refusal('lint', { paths: ['linked'] })).toBe('linked: no data-model.md files in this directory');
    expect(await refusal('outline', { path: 'linked/data-model.md' })).toMatch(/outside the server's root/);
    expect(await refusal('lint', { text: CLEAN, filePath: '../elsewhere/data-model.md' })).toMatch(/outside the server's root/);
    expect(await refusal('lint', { paths: ['specs/none/data-model.md'] })).toBe('specs/none/data-model.md: no such file or directory');
    expect(await refusal('lint', { paths: ['blob/data-model.md'] })).toMatch(/^blob\/data-model\.md: cannot lint: a binary file/);
    expect(await refusal('outline', { path: 'big.md' })).toMatch(/^big\.md: cannot lint: 11\.0 MB is more than --max-file-size/);
    expect(await refusal('lint', { text: 'a\0b' })).toMatch(/^text: cannot lint: a binary file/);
    expect(await refusal('lint', {})).toMatch(/give "paths"/);
    expect(await refusal('lint', { paths: ['specs'], text: CLEAN })).toBe('give either "paths" or "text", not both');
    expect(await refusal('lint', { paths: 5 })).toMatch(/Invalid arguments for tool lint/);
    expect(await refusal('explain', { ruleId: 'no-such-rule' })).toMatch(/^no rule "no-such-rule"; the rules are no-placeholder, no-unresolved-choice, .*, related-document$/);
    expect(await refusal('nothing', {})).toMatch(/Tool nothing not found/);
    // Still serving.
    expect((await files('lint', { paths: ['specs/b'] }))[0]?.complete).toBe(true);
    expect(stderr).toBe('');
  });

  it('answers calls made in parallel, each as it would alone', async () => {
    const alone = await files('lint', { paths: ['specs/a', 'specs/b'] });
    const together = await Promise.all(Array.from({ length: 12 }, (_, index) => (index % 3 === 2 ? files('lint', { text: BROKEN, filePath: 'specs/a/data-model.md' }) : files('lint', { paths: ['specs/a', 'specs/b'] }))));
    together.forEach((result, index) => expect(result).toEqual(index % 3 === 2 ? [alone[0]] : alone));
  });
});
