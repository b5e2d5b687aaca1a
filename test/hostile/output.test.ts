/**
 * What a document says reaches the reader only as text: terminal formats show control and
 * bidirectional characters as escapes, GitHub annotations are one well-formed command per problem
 * whatever the text, and JSON, SARIF and JUnit parse back to exactly the messages.
 */
import { Chalk } from 'chalk';
import { XMLParser } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { ruleMeta } from '../../src/engine/meta.js';
import type { LintResult } from '../../src/engine/types.js';
import { lintText } from '../../src/engine/lint-text.js';
import { compact } from '../../src/reporters/compact.js';
import { github } from '../../src/reporters/github.js';
import { json } from '../../src/reporters/json.js';
import { junit } from '../../src/reporters/junit.js';
import { markdown } from '../../src/reporters/markdown.js';
import { sarif } from '../../src/reporters/sarif.js';
import { stylish } from '../../src/reporters/stylish.js';
import type { ReportContext } from '../../src/reporters/types.js';
import { COMPLETE } from './support.js';

const CWD = '/work/project';
const rules = ruleMeta(builtinRules, new Set(builtinRules.map((rule) => rule.id)));
const context = (level: 0 | 3 = 0): ReportContext => ({ cwd: CWD, chalk: new Chalk({ level }), rules });

/**
 * Text that attacks a reader: clearing the screen, a terminal hyperlink, a C1 control sequence, a
 * right-to-left override, a carriage return and line feed that start a fake line, GitHub workflow
 * commands and their escapes, and what XML and JSON must escape.
 */
const HOSTILE = '\u001b[2J\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 \u009b31m \u202Egnp.exe \u0001 \u007f\r\n::warning file=x::fake %0A::error::y %25 ::add-mask::secret ::stop-commands::tok " \\ \' < & ]]> 𝕏 مرحبا';

/**
 * Problems whose messages quote the hostile text: an empty field labelled with it, and a placeholder
 * around the part without brackets. A rule after the field keeps it from heading the fields below.
 */
const DOCUMENT = COMPLETE.replace('**Rationale**: Overlap checks need an exclusion constraint; PostgreSQL provides one.', `**${HOSTILE}**:\n\n---`).replace(
  '**Storage Type**: SQL Database',
  '**Storage Type**: [TBD \u001bc \u009b2J \u202Egnp.exe %0A::error::y %25 ::add-mask::secret " \\ \' < & 𝕏 مرحبا]',
);

function lint(filePath: string): LintResult {
  const result = lintText(DOCUMENT, { filePath });
  // The test is only as good as the hostile text reaching the messages.
  expect(result.messages.map((message) => message.ruleId)).toEqual(['no-placeholder', 'no-empty-section']);
  expect(result.messages[1]?.message).toBe(`Field "${HOSTILE}" is empty: write a value after the colon`);
  return result;
}

/** Control and bidirectional formatting characters, which a terminal acts on instead of showing. */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('terminal formats', () => {
  const result = lint(`${CWD}/specs/evil\u001b[31m\u202E/data-model.md`);

  it('compact: one line per problem, every control and bidi character shown as an escape', () => {
    const lines = compact([result], context()).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(result.messages.length);
    for (const line of lines) expect(line).not.toMatch(ACTIVE);
    expect(lines[1]).toBe(
      'specs/evil\\u001b[31m\\u202e/data-model.md:123:1: error Field "\\u001b[2J\\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007 \\u009b31m \\u202egnp.exe \\u0001 \\u007f\\u000d\\u000a::warning file=x::fake %0A::error::y %25 ::add-mask::secret ::stop-commands::tok " \\ \' < & ]]> 𝕏 مرحبا" is empty: write a value after the colon [no-empty-section]',
    );
  });

  it('stylish: the same, in colour or not, with only its own colour codes', () => {
    for (const level of [0, 3] as const) {
      // chalk's colour codes (SGR) taken out: what is left must be inert.
      // eslint-disable-next-line no-control-regex
      const output = stylish([result], context(level)).replace(/\u001b\[\d+(?:;\d+)*m/g, '');
      // The file, one line per problem, a blank line and the summary.
      expect(output.split('\n')).toHaveLength(result.messages.length + 4);
      expect(output.replace(/\n/g, '')).not.toMatch(ACTIVE);
      expect(output).toContain('Field "\\u001b[2J\\u001b]8;;https://evil.example\\u0007click');
    }
  });

  it('a rule id or a <name> cannot carry control characters either', () => {
    const forged: LintResult = { ...result, filePath: '<stdin\u001b[2J>', messages: result.messages.map((message) => ({ ...message, ruleId: 'plugin\u001b[2J\u202E' })) };
    for (const output of [compact([forged], context()), stylish([forged], context())]) {
      expect(output.replace(/\n/g, '')).not.toMatch(ACTIVE);
      expect(output).toContain('plugin\\u001b[2J\\u202e');
      expect(output).toContain('<stdin\\u001b[2J>');
    }
  });
});

describe('markdown', () => {
  it('one table row per problem, four cells each, nothing a renderer acts on', () => {
    const result = lint(`${CWD}/specs/a|b/data-model.md`);
    const rows = markdown([result], context()).split('\n').filter((line) => /^\| \d+:\d+ \|/.test(line));
    expect(rows).toHaveLength(result.messages.length);
    for (const row of rows) {
      expect(row).not.toMatch(ACTIVE);
      expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
    }
    expect(rows[1]).toContain('Field "\\\\u001b\\[2J\\\\u001b\\]8;;https://evil.example');
  });
});

describe('github', () => {
  const file = 'specs/a,b:c%d/data-model.md';
  const result = lint(`${CWD}/${file}`);
  const lines = github([result], context()).split('\n');

  /** The runner's unescaping: of data, `%25`, `%0D`, `%0A`; of properties, also `%3A`, `%2C`. */
  const unescape = (text: string): string => text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));

  it('writes exactly one well-formed workflow command per problem', () => {
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(result.messages.length);
    lines.forEach((line, i) => {
      const message = result.messages[i];
      const command = /^::(error|warning) ([^:]*)::(.*)$/.exec(line);
      if (!command?.[2] || command[3] === undefined || !message) throw new Error(`not one workflow command: ${line}`);
      const properties = command[2].split(',').map((pair) => pair.split('='));
      expect(properties.map(([key]) => key)).toEqual(['file', 'line', 'col', 'endLine', 'endColumn', 'title']);
      expect(Object.fromEntries(properties.map(([key, value]) => [key, unescape(value ?? '')]))).toEqual({
        file,
        line: String(message.line),
        col: String(message.column),
        endLine: String(message.endLine),
        endColumn: String(message.endColumn),
        title: `dmlint (${message.ruleId})`,
      });
      expect(unescape(command[3])).toBe(message.message);
    });
  });

  it('escapes as the runner requires: no raw CR or LF, every % an escape, no : or , inside a property', () => {
    for (const line of lines) {
      const [, properties = '', data = ''] = /^::\w+ ([^:]*)::(.*)$/.exec(line) ?? [];
      expect(line).not.toMatch(/[\r\n]/);
      expect(properties.replace(/%(?:25|0D|0A|3A|2C)/g, '')).not.toMatch(/%/);
      expect(data.replace(/%(?:25|0D|0A)/g, '')).not.toMatch(/%/);
    }
    expect(lines[1]).toContain('::error file=specs/a%2Cb%3Ac%25d/data-model.md,');
    expect(lines[1]).toContain('\u007f%0D%0A::warning file=x::fake %250A::error::y %2525 ::add-mask::secret');
  });
});

describe('machine formats', () => {
  const file = 'specs/a b:c#d/é 𝕏 مرحبا/data-model.md';
  const result = lint(`${CWD}/${file}`);

  it('json parses back to the messages', () => {
    const [entry] = JSON.parse(json([result], context())) as Array<{ filePath: string; messages: Array<Record<string, unknown>> }>;
    expect(entry?.filePath).toBe(`${CWD}/${file}`);
    expect(entry?.messages).toEqual(result.messages.map(({ fingerprint, severity, ...message }) => ({ ...message, severity: severity === 'error' ? 2 : 1 })));
  });

  it('sarif parses back to the messages, each at its file and region', () => {
    const log = JSON.parse(sarif([result], context())) as Log;
    const results = log.runs[0]?.results ?? [];
    expect(
      results.map((found) => {
        const location = found.locations?.[0]?.physicalLocation;
        return { ruleId: found.ruleId, message: found.message.text, uri: location?.artifactLocation?.uri?.split('/').map(decodeURIComponent).join('/'), region: location?.region };
      }),
    ).toEqual(result.messages.map((message) => ({ ruleId: message.ruleId, message: message.message, uri: file, region: { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn } })));
    // Each segment percent-encoded: a space, a colon or a # would break the URI.
    expect(results[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toMatch(/^specs\/a%20b%3Ac%23d\//);
    const piped = JSON.parse(sarif([{ ...result, filePath: '<stdin>' }], context())) as Log;
    expect(piped.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: '%3Cstdin%3E' });
  });

  it('junit parses back to the messages; XML cannot carry control characters, which become U+FFFD', () => {
    const xml = junit([result], context());
    // A line break inside a value is a reference, so a conforming parser keeps it: one failure per line.
    expect(xml.split('\n').filter((line) => line.includes('<failure'))).toHaveLength(result.messages.length);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, trimValues: false, isArray: (name) => name === 'failure' }).parse(xml) as {
      testsuites: { testsuite: { testcase: { name: string; failure: Array<{ message: string; type: string; '#text': string }> } } };
    };
    const testcase = parsed.testsuites.testsuite.testcase;
    expect(testcase.name).toBe(file);
    // eslint-disable-next-line no-control-regex
    const storable = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd');
    expect(testcase.failure.map((failure) => [failure.type, failure.message, failure['#text']])).toEqual(
      result.messages.map((message) => [message.ruleId, storable(message.message), storable(`${message.line}:${message.column} ${message.severity} ${message.message} [${message.ruleId}]`)]),
    );
  });
});

describe('many problems', () => {
  it('stylish reports 200,000 problems in one file (no spread of that many arguments)', () => {
    const message = { ruleId: 'no-placeholder', severity: 'error' as const, message: 'Unfilled placeholder', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const many: LintResult = { filePath: `${CWD}/data-model.md`, messages: Array.from({ length: 200_000 }, (_, i) => ({ ...message, line: i + 1 })), errorCount: 200_000, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, fatalErrorCount: 0, suppressedMessages: [] };
    const lines = stylish([many], context()).split('\n');
    expect(lines[200_000]).toBe('  data-model.md:200000:1  error    Unfilled placeholder  no-placeholder');
    expect(lines.at(-2)).toBe('✖ 200000 problems (200000 errors, 0 warnings) in 1 file of 1 file');
  });
});
