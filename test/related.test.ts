/**
 * Feature folders: the spec and contract readers (src/model/related), the host that reads them
 * (src/host/related.ts), and what the CLI makes of them — related locations in JSON, the cache
 * key, `--no-related` and the `relatedDocuments` configuration key.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RelatedLoader, prepareRelatedDocuments, parseTree } from '../src/host/related.js';
import { DataModelDocument } from '../src/model/document.js';
import { readContracts, readSpec, type ContractSchema, type ParsedTree, type RelatedFile } from '../src/model/related/index.js';
import { SourceText } from '../src/markdown/source.js';
import { bundledSchema } from '../src/template/bundled.js';
import { REPO, runMain, scratchDir } from './support/cli.js';

beforeAll(async () => {
  await prepareRelatedDocuments({ enabled: true, contracts: [] });
});

const file = (path: string, text: string): RelatedFile => ({ path, label: path.replace(/^\/repo\/specs\/a\//, ''), source: new SourceText(text) });
const tree = (path: string, text: string): ParsedTree => parseTree(file(path, text));
/** Properties as `name:types:format:nullable:required:enum`, for compact assertions. */
const described = (schema: ContractSchema | undefined): string[] =>
  (schema?.properties ?? []).map((property) => `${property.name}:${property.types.join('|')}:${property.format ?? ''}:${property.nullable ? 'null' : ''}:${property.required ? 'req' : ''}:${property.enumValues?.join('|') ?? ''}`);

describe('the spec reader', () => {
  const text = [
    '# Feature Specification: Rooms',
    '',
    '## Requirements',
    '',
    '- **FR-001**: Staff book rooms.',
    '- **FR-002**: Bookings last at most [NEEDS CLARIFICATION: how many hours?].',
    '',
    '```text',
    '[NEEDS CLARIFICATION: an example in code, not a question]',
    '```',
    '',
    '### Key Entities *(include if feature involves data)*',
    '',
    '- **Room**: a bookable room.',
    '- **`Audit Entry`**: one change to a booking.',
    '',
  ].join('\n');
  const spec = readSpec({ path: '/repo/spec.md', label: 'spec.md' }, text);

  it('reads the Key Entities with their places', () => {
    expect(spec.keyEntitiesSection?.headingRange.start.line).toBe(12);
    expect(spec.keyEntities.map((entity) => [entity.name, entity.range.start.line, entity.range.start.column])).toEqual([
      ['Room', 14, 3],
      ['Audit Entry', 15, 3],
    ]);
  });

  it('reads the functional requirements', () => {
    expect(spec.requirements.map((requirement) => [requirement.id, requirement.range.start.line])).toEqual([
      ['FR-001', 5],
      ['FR-002', 6],
    ]);
  });

  it('reads clarification markers in prose, not in code', () => {
    expect(spec.clarifications.map((marker) => [marker.question, marker.range.start.line, marker.range.start.column])).toEqual([['how many hours?', 6, 37]]);
  });

  it('has no Key Entities section when the spec has no such heading', () => {
    expect(readSpec({ path: '/repo/spec.md', label: 'spec.md' }, '# Spec\n\n- **Room**: a room.\n')).toMatchObject({ keyEntitiesSection: null, keyEntities: [] });
  });
});

describe('the contract reader', () => {
  const noFiles = (): string => 'does not exist';

  it('reads OpenAPI 3.0: nullable, required, formats, and enums through $ref and allOf', () => {
    const openapi = tree(
      '/repo/specs/a/contracts/api.yaml',
      [
        'openapi: 3.0.3',
        'components:',
        '  schemas:',
        '    Booking:',
        '      type: object',
        '      required: [id, status]',
        '      properties:',
        '        id: { type: string, format: uuid }',
        '        status: { $ref: "#/components/schemas/Status" }',
        '        room: { allOf: [{ $ref: "#/components/schemas/Status" }], nullable: true }',
        '        seats: { type: integer, nullable: true }',
        '    Status:',
        '      type: string',
        '      enum: [held, confirmed]',
        '',
      ].join('\n'),
    );
    const { schemas, problems } = readContracts([openapi], noFiles);
    expect(problems).toEqual([]);
    expect(schemas.map((schema) => [schema.name, schema.range.start.line])).toEqual([
      ['Booking', 4],
      ['Status', 12],
    ]);
    expect(described(schemas[0])).toEqual(['id:string:uuid::req:', 'status:string:::req:held|confirmed', 'room:string::null::held|confirmed', 'seats:integer::null::']);
    expect(schemas[0]?.properties.map((property) => property.range.start.line)).toEqual([8, 9, 10, 11]);
  });

  it("reads OpenAPI 3.1 and JSON Schema: type [T, 'null'], null in enum, anyOf with null, $defs, title", () => {
    const schema = tree(
      '/repo/specs/a/contracts/booking.schema.json',
      JSON.stringify(
        {
          title: 'Booking',
          type: 'object',
          required: ['note'],
          properties: {
            note: { type: ['string', 'null'] },
            kind: { enum: ['a', 'b', null] },
            owner: { anyOf: [{ $ref: '#/$defs/Owner' }, { type: 'null' }] },
          },
          $defs: { Owner: { type: 'object', properties: { name: { type: 'string' } } } },
        },
        null,
        2,
      ),
    );
    const { schemas, problems } = readContracts([schema], noFiles);
    expect(problems).toEqual([]);
    expect(schemas.map((found) => found.name)).toEqual(['Booking', 'Owner']);
    expect(described(schemas[0])).toEqual(['note:string::null:req:', 'kind:::null::a|b', 'owner:object::null::']);
  });

  it('follows a $ref into another file through the loader', () => {
    const shared = tree('/repo/specs/a/contracts/shared.yaml', 'Status:\n  type: string\n  enum: [open, closed]\n');
    const api = tree('/repo/specs/a/contracts/api.yaml', 'openapi: 3.1.0\ncomponents:\n  schemas:\n    Room:\n      properties:\n        status: { $ref: "./shared.yaml#/Status" }\n');
    const asked: string[] = [];
    const { schemas, problems } = readContracts([api], (from, target) => {
      asked.push(`${from} ${target}`);
      return shared;
    });
    expect(problems).toEqual([]);
    expect(asked).toEqual(['/repo/specs/a/contracts/api.yaml ./shared.yaml']);
    expect(described(schemas[0])).toEqual(['status:string::::open|closed']);
  });

  it('reports a $ref that points nowhere, a web address, a cycle and a file the loader refuses, each at its $ref', () => {
    const api = tree(
      '/repo/specs/a/contracts/api.yaml',
      [
        'openapi: 3.1.0',
        'components:',
        '  schemas:',
        '    Room:',
        '      properties:',
        '        a: { $ref: "#/components/schemas/Nothing" }',
        '        b: { $ref: "https://example.com/x.yaml" }',
        '        c: { $ref: "#/components/schemas/Loop" }',
        '        d: { $ref: "../../../../etc/passwd" }',
        '    Loop: { $ref: "#/components/schemas/Loop2" }',
        '    Loop2: { $ref: "#/components/schemas/Loop" }',
        '',
      ].join('\n'),
    );
    const { problems } = readContracts([api], () => 'is outside the repository');
    expect(problems.map((problem) => `${problem.range.start.line}:${problem.range.start.column} ${problem.message}`)).toEqual([
      '6:20 $ref "#/components/schemas/Nothing" points nowhere: there is no "Nothing" in "/components/schemas/Nothing"',
      '7:20 $ref "https://example.com/x.yaml" is a web address; dmlint follows only files of the repository and fetches nothing',
      '11:20 $ref "#/components/schemas/Loop" closes a cycle of references (Loop → Loop2 → Loop)',
      '9:20 $ref "../../../../etc/passwd": is outside the repository',
      '10:19 $ref "#/components/schemas/Loop2" closes a cycle of references (Loop2 → Loop → Loop2)',
    ]);
  });

  it('gives a syntax error with its place, and refuses a file that expands past its budget through aliases', () => {
    const broken = tree('/repo/specs/a/contracts/api.json', '{\n  "openapi": "3.1.0",\n  "components": {\n}\n');
    expect(broken.error?.message).toMatch(/^not valid JSON: /);
    const layers = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level++) layers.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array.from({ length: 10 }, () => `*${String.fromCharCode(96 + level)}`).join(', ')}]`);
    const bomb = tree('/repo/specs/a/contracts/bomb.yaml', `${layers.join('\n')}\n`);
    expect(bomb.root).toBeNull();
    expect(bomb.error?.message).toMatch(/^has more than 200,000 values/);
  });
});

describe('the host', () => {
  const DATA_MODEL = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');

  it('reads nothing for a data model that links no spec', () => {
    const dir = scratchDir({ '.git/HEAD': 'ref\n', 'a/contracts/api.yaml': 'openapi: 3.1.0\n' });
    const text = DATA_MODEL.replace('[spec.md](./spec.md)', 'none');
    const doc = new DataModelDocument(text, { filePath: join(dir, 'a/data-model.md'), schema: bundledSchema() });
    expect(new RelatedLoader().read(doc, { enabled: true, contracts: ['contracts/*.yaml'] })).toEqual({ documents: { spec: null, contracts: [], problems: [] }, inputs: [] });
  });

  it('reads the spec and the contracts, notes every file it read, and refuses a spec outside the repository', () => {
    const dir = scratchDir({ 'repo/.git/HEAD': 'ref\n', 'repo/a/spec.md': '# Spec\n', 'repo/a/contracts/api.yaml': 'openapi: 3.1.0\n', 'outside.md': '# Spec\n' });
    const doc = (link: string): DataModelDocument => new DataModelDocument(DATA_MODEL.replace('./spec.md', link), { filePath: join(dir, 'repo/a/data-model.md'), schema: bundledSchema() });
    const loader = new RelatedLoader();
    const inside = loader.read(doc('./spec.md'), { enabled: true, contracts: ['contracts/*.yaml'] });
    expect(inside.documents.spec?.file.label).toBe('spec.md');
    expect(inside.inputs.map((input) => (input.kind === 'file' ? input.path : `${input.dir} ${input.patterns.join(',')}`))).toEqual([
      join(dir, 'repo/a/spec.md'),
      `${join(dir, 'repo/a')} contracts/*.yaml`,
      join(dir, 'repo/a/contracts/api.yaml'),
    ]);
    const outside = loader.read(doc('../../outside.md'), { enabled: true, contracts: [] });
    expect(outside.documents.spec).toBeNull();
    expect(outside.documents.problems.map((problem) => problem.message)).toEqual(['the file is outside the repository; dmlint reads only files inside it']);
  });
});

describe('a very large contract', () => {
  it('is one related-document problem at the top of that file, and the data model is still checked', async () => {
    const DATA_MODEL = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
    const dir = scratchDir({ '.git/HEAD': 'ref\n', 'specs/a/data-model.md': DATA_MODEL.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]'), 'specs/a/spec.md': '# Spec\n', 'specs/a/contracts/huge.json': `{"x": "${'y'.repeat(2 * 1024 * 1024)}"}` });
    const run = await runMain(['--format', 'json', 'specs'], { cwd: dir });
    const messages = (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; message: string; related?: Array<{ line: number }> }> }>)[0]?.messages ?? [];
    expect(messages.map((message) => [message.ruleId, message.line])).toEqual([
      ['related-document', 3],
      ['no-placeholder', 121],
    ]);
    expect(messages[0]?.message).toBe('contracts/huge.json:1:1: contracts/huge.json is 2.0 MB, more than the 2.0 MB dmlint reads of a related document');
    expect(messages[0]?.related?.[0]?.line).toBe(1);
  });
});

describe('through the command line', () => {
  const DATA_MODEL = readFileSync(join(REPO, 'fixtures/rules/contract-schema/invalid/type-mismatch.md'), 'utf8').replace('./type-mismatch.spec.md', './spec.md');
  const SPEC = readFileSync(join(REPO, 'fixtures/rules/contract-schema/invalid/type-mismatch.spec.md'), 'utf8');
  const CONTRACT = readFileSync(join(REPO, 'fixtures/rules/contract-schema/invalid/contracts/type-mismatch/openapi.yaml'), 'utf8');
  const STATUS = readFileSync(join(REPO, 'fixtures/rules/contract-schema/invalid/contracts/type-mismatch/shared/status.yaml'), 'utf8');
  const folder = (extra: Record<string, string> = {}): string =>
    scratchDir({ '.git/HEAD': 'ref\n', 'specs/a/data-model.md': DATA_MODEL, 'specs/a/spec.md': SPEC, 'specs/a/contracts/openapi.yaml': CONTRACT, 'specs/a/contracts/shared/status.yaml': STATUS, ...extra });
  interface JsonMessage {
    ruleId: string;
    line: number;
    message: string;
    related?: Array<{ filePath: string; line: number; column: number; message: string }>;
  }
  const contractMessages = async (cwd: string, args: string[] = []): Promise<JsonMessage[]> => {
    const run = await runMain(['--format', 'json', ...args, 'specs'], { cwd });
    return (JSON.parse(run.stdout) as Array<{ messages: JsonMessage[] }>).flatMap((result) => result.messages).filter((message) => message.ruleId === 'contract-schema' || message.ruleId === 'spec-entities');
  };

  it('gives the other end of each finding in JSON `related`', async () => {
    const dir = folder();
    expect(await contractMessages(dir)).toEqual([
      {
        ruleId: 'contract-schema',
        severity: 2,
        line: 22,
        column: 15,
        endLine: 22,
        endColumn: 23,
        message: '"startsAt" in contracts/openapi.yaml:12, schema Booking, has format date in the contract but is DateTime in the data model (line 22)',
        related: [{ filePath: join(dir, 'specs/a/contracts/openapi.yaml'), line: 12, column: 9, endLine: 12, endColumn: 17, message: 'startsAt in schema Booking' }],
      },
      {
        ruleId: 'contract-schema',
        severity: 2,
        line: 23,
        column: 11,
        endLine: 23,
        endColumn: 18,
        message: '"seats" in contracts/openapi.yaml:13, schema Booking, is string in the contract but Integer in the data model (line 23)',
        related: [{ filePath: join(dir, 'specs/a/contracts/openapi.yaml'), line: 13, column: 9, endLine: 13, endColumn: 14, message: 'seats in schema Booking' }],
      },
    ]);
  });

  it('reads nothing with --no-related or "relatedDocuments": false, and reads the configured contract globs', async () => {
    expect(await contractMessages(folder(), ['--no-related'])).toEqual([]);
    expect(await contractMessages(folder({ '.dmlintrc.json': '{ "relatedDocuments": false }' }))).toEqual([]);
    const moved = scratchDir({ '.git/HEAD': 'ref\n', 'specs/a/data-model.md': DATA_MODEL, 'specs/a/spec.md': SPEC, 'specs/a/api/openapi.yaml': CONTRACT, 'specs/a/api/shared/status.yaml': STATUS });
    expect(await contractMessages(moved)).toEqual([]);
    writeFileSync(join(moved, '.dmlintrc.json'), '{ "relatedDocuments": { "contracts": ["api/*.yaml"] } }');
    expect((await contractMessages(moved)).map((message) => message.line)).toEqual([22, 23]);
  });

  it('does not answer from the cache when a contract, a file its $ref names, or the spec changed', async () => {
    const dir = folder();
    const lines = async (): Promise<string[]> => (await contractMessages(dir, ['--cache'])).map((message) => `${message.ruleId} ${message.line}`);
    expect(await lines()).toEqual(['contract-schema 22', 'contract-schema 23']);
    // Proof that a warm run answers from the cache: a message edited there shows up.
    const cacheFile = join(dir, '.dmlintcache');
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { result: { messages: JsonMessage[] } }> };
    for (const message of data.entries['specs/a/data-model.md']?.result.messages ?? []) if (message.ruleId === 'contract-schema') message.line = 99;
    writeFileSync(cacheFile, JSON.stringify(data));
    expect(await lines()).toEqual(['contract-schema 99', 'contract-schema 99']);
    writeFileSync(join(dir, 'specs/a/contracts/openapi.yaml'), CONTRACT.replace('startsAt: { type: string, format: date }', 'startsAt: { type: string, format: date-time }'));
    expect(await lines()).toEqual(['contract-schema 23']);
    writeFileSync(join(dir, 'specs/a/contracts/shared/status.yaml'), STATUS.replace('cancelled]', 'cancelled, gone]'));
    expect((await contractMessages(dir, ['--cache'])).map((message) => message.message)).toContain(
      '"status" in contracts/openapi.yaml:14, schema Booking, has enum values that differ from "status" (line 24): the contract also allows gone',
    );
    writeFileSync(join(dir, 'specs/a/spec.md'), SPEC.replace('- **Booking**', '- **Room**: a room.\n- **Booking**'));
    expect(await lines()).toContain('spec-entities 8');
    writeFileSync(join(dir, 'specs/a/contracts/extra.yaml'), 'openapi: 3.1.0\ncomponents:\n  schemas:\n    Booking:\n      properties:\n        ghost: { type: string }\n');
    expect((await contractMessages(dir, ['--cache'])).map((message) => message.message)).toContain('"ghost" in contracts/extra.yaml:6, schema Booking, is not an attribute of Booking (line 12)');
  });
});
