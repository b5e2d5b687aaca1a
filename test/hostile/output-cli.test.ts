/**
 * End to end, through the built CLI: a document from a pull request is untrusted; text it puts into messages, and the names of its
 * files, must not rewrite the reader's terminal, forge or end GitHub workflow commands, or break
 * the JSON, SARIF and JUnit outputs that tools parse.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/reporters/github.js';
import { REPO, runCli, scratchDir } from '../support/cli.js';

const VALID = readFileSync(join(REPO, 'fixtures/examples/checkout-orders/data-model.md'), 'utf8');
const SPEC = readFileSync(join(REPO, 'fixtures/examples/checkout-orders/spec.md'), 'utf8');
const PURPOSE = 'Records shoppers, the catalogue and checkout orders, keeping the price charged for every line.';

/** The document with `text` inside a leftover placeholder, which its message quotes. */
function withPlaceholder(text: string): string {
  return VALID.replace(PURPOSE, `[TBD ${text}]`);
}

/** A project holding one document at `dir` (relative), with its spec. */
function project(dir: string, document: string): string {
  const root = scratchDir({});
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, 'data-model.md'), document);
  writeFileSync(join(root, dir, 'spec.md'), SPEC);
  return root;
}

interface JsonMessage {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
}

/** Characters that act on a terminal or on the order of what it shows; a newline is the only one allowed. */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('terminal formats', () => {
  // Kept short (messages quote at most 60 characters of document text) and without brackets,
  // which would end the placeholder: ESC c resets a terminal, CSI (U+009B) 2J clears it.
  const hostile = 'a\u001bc\u001b(0\u0007 \u009b2J\u202Eb\u2066c\u0008d\u001bPq';

  it.each(['stylish', 'compact'])('%s shows control characters and bidirectional overrides escaped', (format) => {
    const cwd = project('specs/001-x', withPlaceholder(hostile));
    const run = runCli(['--format', format, '--no-color', 'specs'], { cwd });
    expect(run.code).toBe(1);
    expect(ACTIVE.test(run.stdout)).toBe(false);
    expect(run.stdout).toContain('"[TBD a\\u001bc\\u001b(0\\u0007 \\u009b2J\\u202eb\\u2066c\\u0008d\\u001bPq]"');
    // One problem, one line that says so: nothing was hidden or merged.
    expect(run.stdout.split('\n').filter((line) => line.includes('no-placeholder'))).toHaveLength(1);
  });

  it('escapes control characters in file names too', () => {
    const cwd = project('specs/evil\u001b[31m', withPlaceholder('x'));
    const run = runCli(['--format', 'compact', 'specs'], { cwd });
    expect(ACTIVE.test(run.stdout)).toBe(false);
    expect(run.stdout).toMatch(/^specs\/evil\\u001b\[31m\/data-model\.md:\d+:\d+: error /m);
  });
});

describe('standard error', () => {
  it('shows path problems escaped: a file name cannot act on the terminal', () => {
    const run = runCli(['missing\u001b[31mRED\rfake.md'], { cwd: scratchDir({}) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dmlint: missing\\u001b[31mRED\\u000dfake.md: no such file or directory; check the path and try again\n');
  });
});

describe('github format', () => {
  const decode = (text: string): string => text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

  it('escapes data and properties as the runner reads them', () => {
    expect(escapeData('50% done\r\n::stop-commands::x')).toBe('50%25 done%0D%0A::stop-commands::x');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    for (const text of ['%0A::error::x', '%250A', 'a\r\n::add-mask::s', '::stop-commands::t,:%']) {
      expect(decode(escapeData(text))).toBe(text);
      expect(decode(escapeProperty(text))).toBe(text);
      expect(escapeProperty(text)).not.toMatch(/[\r\n,:]/);
    }
  });

  it('gives exactly one well-formed command per problem, whatever the document and its path hold', () => {
    const text = '%0A::error::x %25 ::add-mask::s ::stop-commands::t';
    const cwd = project('specs/a,b:c%d', withPlaceholder(text).replace('**Scope**:', '**Scope**: [%0D%0A::warning::two]'));
    const json = JSON.parse(runCli(['--format', 'json', 'specs'], { cwd }).stdout) as JsonResult[];
    const messages = json.flatMap((result) => result.messages);
    const run = runCli(['--format', 'github', 'specs'], { cwd });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(messages.length);
    const command = /^::(error|warning) file=([^,:]*),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]*)::(.*)$/;
    lines.forEach((line, index) => {
      const match = command.exec(line);
      if (!match) throw new Error(`not one well-formed workflow command: ${line}`);
      expect(decode(match[2] ?? '')).toBe('specs/a,b:c%d/data-model.md');
      expect(Number(match[3])).toBe(messages[index]?.line);
      expect(decode(match[8] ?? '')).toBe(messages[index]?.message);
    });
    expect(messages.map((message) => message.message).join('\n')).toContain(text);
  });
});

describe('machine-readable formats', () => {
  const text = `"q" \\b\\s <t> & 𝕏 é \u05D0\u05D1 '`;
  const dir = 'specs/a b:c#ü 𝕏';

  function lint(format: string): { stdout: string; json: JsonResult[] } {
    const cwd = project(dir, withPlaceholder(text));
    const json = JSON.parse(runCli(['--format', 'json', 'specs'], { cwd }).stdout) as JsonResult[];
    return { stdout: runCli(['--format', format, 'specs'], { cwd }).stdout, json };
  }

  it('json carries the text and the path unchanged', () => {
    const { json } = lint('json');
    expect(json[0]?.filePath.endsWith(`${dir}/data-model.md`)).toBe(true);
    expect(json[0]?.messages.find((message) => message.ruleId === 'no-placeholder')?.message).toContain(text);
  });

  it('sarif parses back to the same messages and path', () => {
    const { stdout, json } = lint('sarif');
    const sarif = JSON.parse(stdout) as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const results = sarif.runs[0]?.results ?? [];
    expect(results.map((result) => [result.ruleId, result.message.text])).toEqual(json[0]?.messages.map((message) => [message.ruleId, message.message]));
    expect(decodeURIComponent(results[0]?.locations[0]?.physicalLocation.artifactLocation.uri ?? '')).toBe(`${dir}/data-model.md`);
  });

  it('junit parses back to the same messages and path', () => {
    const { stdout, json } = lint('junit');
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(stdout) as {
      testsuites: { testsuite: { testcase: { name: string; failure: { message: string; type: string } | { message: string; type: string }[] } } };
    };
    const testcase = xml.testsuites.testsuite.testcase;
    const failures = [testcase.failure].flat();
    expect(testcase.name).toBe(`${dir}/data-model.md`);
    expect(failures.map((failure) => [failure.type, failure.message])).toEqual(json[0]?.messages.map((message) => [message.ruleId, message.message]));
  });
});
