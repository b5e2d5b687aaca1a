/** The language server through the protocol: diagnostics on open, change and close, code actions, configuration changes. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, scratchDir } from './support/cli.js';
import { LspClient } from './support/lsp.js';

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
const BROKEN = CLEAN.replace('| `floor` | Integer | Yes |', '| `floor` | Integer | yes |').replace('**Storage Type**: SQL Database', '**Storage Type**: [SQL Database / NoSQL]').replace('- [x] Can bookings repeat weekly? (Not in this feature)', '- [ ] Can bookings repeat weekly?');

describe('dmlint --lsp', () => {
  const root = scratchDir({ '.git/HEAD': 'ref\n', 'specs/a/spec.md': '# s\n', 'specs/a/data-model.md': BROKEN, '.dmlintrc.json': '{ "rules": { "open-questions": "error" } }' });
  const file = join(root, 'specs/a/data-model.md');
  const client = new LspClient(root);

  beforeAll(async () => {
    await client.initialize();
    await client.open(file, BROKEN);
  });
  afterAll(async () => {
    if (client.process.exitCode === null) await client.shutdown();
  });

  it('publishes diagnostics on open, with ranges, severities, rule codes and links to the rules', async () => {
    const diagnostics = await client.diagnostics(file);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character, diagnostic.source])).toEqual([
      ['attribute-table', 1, 38, 22, 25, 'dmlint'],
      ['no-unresolved-choice', 1, 120, 18, 40, 'dmlint'],
      ['open-questions', 1, 305, 0, 33, 'dmlint'],
    ]);
    expect(diagnostics[0]?.codeDescription?.href).toMatch(/\/docs\/rules\/attribute-table\.md$/);
  });

  it('offers the fix, each option of a choice, and disabling the rule for the line', async () => {
    const diagnostics = await reopen();
    const titles = async (index: number): Promise<string[]> => (await client.codeActions(file, diagnostics[index] as Diagnostic)).map((action) => (action as CodeAction).title);
    expect(await titles(0)).toEqual(['Fix: Required is "yes" for attribute "floor": write "Yes"', 'Disable attribute-table for this table']);
    expect(await titles(1)).toEqual(['Choose "SQL Database"', 'Choose "NoSQL"', 'Disable no-unresolved-choice for this line']);
    // On a table row, a comment line would end the table: the comments go around it instead.
    const disable = ((await client.codeActions(file, diagnostics[0] as Diagnostic)) as CodeAction[])[1];
    expect(Object.values(disable?.edit?.changes ?? {})[0]).toEqual([
      { range: { start: { line: 34, character: 0 }, end: { line: 34, character: 0 } }, newText: '<!-- dmlint-disable attribute-table -->\n' },
      { range: { start: { line: 42, character: 0 }, end: { line: 42, character: 0 } }, newText: '<!-- dmlint-enable attribute-table -->\n' },
    ]);
    const choice = ((await client.codeActions(file, diagnostics[1] as Diagnostic)) as CodeAction[])[2];
    expect(Object.values(choice?.edit?.changes ?? {})[0]).toEqual([{ range: { start: { line: 120, character: 0 }, end: { line: 120, character: 0 } }, newText: '<!-- dmlint-disable-next-line no-unresolved-choice -->\n' }]);
    const [fix] = (await client.codeActions(file, diagnostics[0] as Diagnostic)) as CodeAction[];
    expect(fix?.isPreferred).toBe(true);
    expect(Object.values(fix?.edit?.changes ?? {})[0]).toEqual([{ range: { start: { line: 38, character: 22 }, end: { line: 38, character: 25 } }, newText: 'Yes' }]);
  });

  it('lints again after a change, and takes configuration changes into account', async () => {
    await client.change(file, 2, CLEAN.replace('- [x] Can bookings repeat weekly? (Not in this feature)', '- [ ] Can bookings repeat weekly?'));
    expect((await client.diagnostics(file, (diagnostics) => diagnostics.length === 1)).map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['open-questions', 1]]);
    writeFileSync(join(root, '.dmlintrc.json'), '{ "rules": { "open-questions": "off" } }');
    await client.filesChanged(join(root, '.dmlintrc.json'));
    expect(await client.diagnostics(file, (diagnostics) => diagnostics.length === 0)).toEqual([]);
  });

  it('offers to insert a missing section, and reads the front matter for template-drift', async () => {
    // A document the command line would lint: a data-model.md of its own.
    mkdirSync(join(root, 'specs/e'), { recursive: true });
    writeFileSync(join(root, 'specs/e/spec.md'), '# s\n');
    const other = join(root, 'specs/e/data-model.md');
    const text = `---\ntemplate: team-data-model@2\n---\n\n${CLEAN.replace(/#### Invariants\n[\s\S]*?(?=#### Indexes)/, '')}`;
    await client.open(other, text);
    // The first entity's Indexes heading, 0-based: where its Invariants go.
    const indexes = text.slice(0, text.indexOf('#### Indexes')).split('\n').length - 1;
    const diagnostics = await client.diagnostics(other, (received) => received.length > 0);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([
      ['template-drift', 1],
      ['required-section', indexes],
    ]);
    const actions = (await client.codeActions(other, diagnostics[1] as Diagnostic)) as CodeAction[];
    expect(actions.map((action) => action.title)).toEqual(['Insert the template\'s "#### Invariants" section here', 'Disable required-section for this line']);
    const [edit] = Object.values(actions[0]?.edit?.changes ?? {})[0] ?? [];
    expect(edit?.range).toEqual({ start: { line: indexes, character: 0 }, end: { line: indexes, character: 0 } });
    expect(edit?.newText).toMatch(/^#### Invariants\n\n\[Business rules that must always be true for this entity\]\n/);
    await client.close(other);
  });

  it('counts characters in UTF-16 code units, as the protocol does by default', async () => {
    // An emoji is two code units, `e` + a combining accent two, a wide character one.
    const line = '**Storage Type**: 🚀 Cafe\u0301 店 [SQL Database / NoSQL]';
    await client.change(file, 3, BROKEN.replace('**Storage Type**: [SQL Database / NoSQL]', line));
    const diagnostics = await client.diagnostics(file, (list) => list.some((diagnostic) => diagnostic.code === 'no-unresolved-choice' && diagnostic.range.start.character > 18));
    const choice = diagnostics.find((diagnostic) => diagnostic.code === 'no-unresolved-choice');
    expect(choice?.range).toEqual({ start: { line: 120, character: line.indexOf('[') }, end: { line: 120, character: line.length } });
    expect(line.indexOf('[')).toBe(29);
  });

  it('publishes once when a document opens', async () => {
    const other = join(root, 'specs/b/data-model.md');
    await client.open(other, BROKEN);
    await client.diagnostics(other);
    // The server handles messages in order: anything more for `file` would have come by now.
    expect(client.publishedFor(other)).toBe(1);
    await client.close(other);
    await client.diagnostics(other, (diagnostics) => diagnostics.length === 0);
  });

  it('lints only what the command line would: no README, nothing ignored', async () => {
    writeFileSync(join(root, '.dmlintignore'), 'specs/old/\n');
    const readme = join(root, 'README.md');
    const ignored = join(root, 'specs/old/data-model.md');
    const vendored = join(root, 'node_modules/x/data-model.md');
    const other = join(root, 'specs/c/data-model.md');
    for (const path of [readme, ignored, vendored]) await client.open(path, BROKEN);
    await client.open(other, BROKEN);
    expect((await client.diagnostics(other)).length).toBeGreaterThan(0);
    expect([readme, ignored, vendored].map((path) => client.publishedFor(path))).toEqual([0, 0, 0]);
    for (const path of [readme, ignored, vendored, other]) await client.close(path);
    await client.diagnostics(other, (diagnostics) => diagnostics.length === 0);
  });

  it('applies changed configuration and template on the next change or save, without file-watch notifications', async () => {
    const doc = join(root, 'specs/d/data-model.md');
    mkdirSync(join(root, 'specs/d'), { recursive: true });
    writeFileSync(join(root, 'specs/d/spec.md'), '# s\n');
    const withQuestion = CLEAN.replace('- [x] Can bookings repeat weekly? (Not in this feature)', '- [ ] Can bookings repeat weekly?');
    // The root's configuration (changed above) turns open-questions off.
    await client.open(doc, withQuestion);
    expect(await client.diagnostics(doc)).toEqual([]);
    // A configuration file created nearer the document.
    writeFileSync(join(root, 'specs/d/.dmlintrc.json'), '{ "rules": { "open-questions": "warn" } }');
    await client.change(doc, 2, withQuestion);
    expect((await client.diagnostics(doc)).map((diagnostic) => diagnostic.code)).toEqual(['open-questions']);
    // The team's template, named by that file, then edited.
    writeFileSync(join(root, 'team-template.md'), readFileSync(join(REPO, 'src/template/data-model-template.md'), 'utf8'));
    writeFileSync(join(root, 'specs/d/.dmlintrc.json'), '{ "template": "../../team-template.md", "rules": { "open-questions": "off" } }');
    await client.save(doc);
    expect(await client.diagnostics(doc)).toEqual([]);
    writeFileSync(join(root, 'team-template.md'), `${readFileSync(join(REPO, 'src/template/data-model-template.md'), 'utf8')}\n## Retention\n\n[How long records are kept]\n`);
    await client.save(doc);
    expect((await client.diagnostics(doc)).map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([['required-section', expect.stringContaining('Retention') as unknown]]);
    await client.close(doc);
    await client.diagnostics(doc, (diagnostics) => diagnostics.length === 0);
  });

  it('clears the diagnostics of a closed document, and exits cleanly', async () => {
    await client.change(file, 4, BROKEN);
    await client.diagnostics(file, (diagnostics) => diagnostics.length > 0);
    await client.close(file);
    expect(await client.diagnostics(file, (diagnostics) => diagnostics.length === 0)).toEqual([]);
    expect(client.registrations).toBe(1);
    expect(await client.shutdown()).toBe(0);
  });

  /** Opens the broken document again and returns its diagnostics. */
  async function reopen(): Promise<Diagnostic[]> {
    await client.close(file);
    await client.diagnostics(file, (diagnostics) => diagnostics.length === 0);
    await client.open(file, BROKEN);
    return client.diagnostics(file, (diagnostics) => diagnostics.length > 0);
  }
});

describe('dmlint --lsp in a feature folder', () => {
  const rule = (path: string): string => readFileSync(join(REPO, 'fixtures/rules/contract-schema/invalid', path), 'utf8');
  const DATA_MODEL = rule('type-mismatch.md').replace('./type-mismatch.spec.md', './spec.md');
  const SPEC = rule('type-mismatch.spec.md');
  const CONTRACT = rule('contracts/type-mismatch/openapi.yaml');
  const root = scratchDir({
    '.git/HEAD': 'ref\n',
    'specs/a/data-model.md': DATA_MODEL,
    'specs/a/spec.md': SPEC,
    'specs/a/contracts/openapi.yaml': CONTRACT,
    'specs/a/contracts/shared/status.yaml': rule('contracts/type-mismatch/shared/status.yaml'),
  });
  const file = join(root, 'specs/a/data-model.md');
  const client = new LspClient(root);
  const related = (diagnostics: Diagnostic[]): Array<[unknown, number]> =>
    diagnostics.filter((diagnostic) => ['spec-entities', 'spec-clarifications', 'contract-schema'].includes(String(diagnostic.code))).map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]);

  beforeAll(async () => {
    await client.initialize();
    await client.open(file, DATA_MODEL);
  });
  afterAll(async () => {
    if (client.process.exitCode === null) await client.shutdown();
  });

  it('gives the contract end of a finding as related information', async () => {
    const diagnostics = await client.diagnostics(file);
    expect(related(diagnostics)).toEqual([
      ['contract-schema', 21],
      ['contract-schema', 22],
    ]);
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'contract-schema')?.relatedInformation).toEqual([
      { location: { uri: pathToFileURL(join(root, 'specs/a/contracts/openapi.yaml')).href, range: { start: { line: 11, character: 8 }, end: { line: 11, character: 16 } } }, message: 'startsAt in schema Booking' },
    ]);
  });

  it('lints the data model again when its spec changes on disk, and when a contract changes', async () => {
    writeFileSync(join(root, 'specs/a/spec.md'), SPEC.replace('- **Booking**', '- **Room**: a room.\n- **Booking**').replace('## Requirements', '## Requirements\n\n- **FR-009**: Rooms have [NEEDS CLARIFICATION: how many seats?].'));
    await client.filesChanged(join(root, 'specs/a/spec.md'));
    expect(related(await client.diagnostics(file, (diagnostics) => related(diagnostics).length === 4))).toEqual([
      ['spec-clarifications', 2],
      ['spec-entities', 7],
      ['contract-schema', 21],
      ['contract-schema', 22],
    ]);
    writeFileSync(join(root, 'specs/a/contracts/openapi.yaml'), CONTRACT.replace('format: date }', 'format: date-time }'));
    await client.filesChanged(join(root, 'specs/a/contracts/openapi.yaml'));
    expect(related(await client.diagnostics(file, (diagnostics) => related(diagnostics).length === 3))).toEqual([
      ['spec-clarifications', 2],
      ['spec-entities', 7],
      ['contract-schema', 22],
    ]);
    expect(client.registrations).toBe(1);
  });
});

