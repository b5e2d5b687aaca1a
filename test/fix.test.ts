/** --fix and --fix-dry-run: what is fixed, what is written, and that a write is all or nothing. */
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileChangedError, writeAtomically } from '../src/host/write-fixes.js';
import { REPO, runCli, scratchDir } from './support/cli.js';

const CLEAN = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
/** Four fixable problems and one that needs a person. */
const FIXABLE = CLEAN.replace('| `floor` | Integer | Yes |', '| `floor` | Integer | yes |')
  .replace('| Room | Many-to-One | The booked room | Delete: RESTRICT |', '| Room | Many-to-One | The booked room | delete: restrict |')
  .replace('**Input**: Specification + Research findings\n\n', '**Input**: Specification + Research findings\n\n**Note**: This template is filled in by the plan-architect agent during Phase 1 design.\n\n')
  .replace('### Sample Room\n\n```json', '### Sample Room\n\n```')
  .replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]');

/** What --fix says it did to FIXABLE. */
const FIXED = '4 problems (attribute-table 1, no-template-text 1, relationship-table 1, sample-data 1)';

function project(text: string): { dir: string; file: string } {
  const dir = scratchDir({ '.git/HEAD': 'ref\n', 'specs/a/data-model.md': text, 'specs/a/spec.md': '# s\n' });
  return { dir, file: join(dir, 'specs/a/data-model.md') };
}

describe('--fix', () => {
  it('applies the safe fixes, reports what is left, and leaves a second run nothing to do', () => {
    const { dir, file } = project(FIXABLE);
    const run = runCli(['--fix', '--format', 'compact', '.'], { cwd: dir });
    expect(run).toMatchObject({ code: 1, stderr: `dmlint: specs/a/data-model.md: fixed ${FIXED}\n` });
    expect(run.stdout).toBe('specs/a/data-model.md:121:19: error Unfilled placeholder "[TBD]" in field "Storage Type": write the actual value in its place [no-placeholder]\n');
    expect(readFileSync(file, 'utf8')).toBe(CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]'));
    const before = statSync(file);
    expect(runCli(['--fix', '--format', 'compact', '.'], { cwd: dir })).toMatchObject({ stdout: run.stdout, stderr: '' });
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
  });

  it('keeps CRLF line endings, the byte-order mark and the file mode', () => {
    const { dir, file } = project(`\uFEFF${FIXABLE.replace(/\n/g, '\r\n')}`);
    chmodSync(file, 0o640);
    runCli(['--fix', '.'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]').replace(/\n/g, '\r\n')}`);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, 'specs/a')).sort()).toEqual(['data-model.md', 'spec.md']);
  });

  it('never writes a file that has nothing to fix', () => {
    const { dir, file } = project(CLEAN);
    const before = statSync(file);
    expect(runCli(['--fix', '.'], { cwd: dir }).code).toBe(0);
    expect(statSync(file)).toMatchObject({ mtimeMs: before.mtimeMs, ino: before.ino });
  });
});

describe('what --fix can fix', () => {
  it.each([
    ['stylish', '✖ 5 problems (5 errors, 0 warnings) in 1 file of 1 file\n  4 errors and 0 warnings potentially fixable with the --fix option.\n'],
    ['compact', '[sample-data]\n\n4 errors and 0 warnings potentially fixable with the --fix option.\n'],
  ])('%s counts it in the summary', (format, end) => {
    const { dir } = project(FIXABLE);
    const run = runCli(['--format', format, '--no-color', '.'], { cwd: dir });
    expect(run.stdout.endsWith(end)).toBe(true);
    // Without fixable problems, nothing is said about fixing.
    expect(runCli(['--format', format, '--no-color', '.'], { cwd: project(CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]')).dir }).stdout).not.toContain('fixable');
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing and shows the fixed text in --format json', () => {
    const { dir, file } = project(FIXABLE);
    const run = runCli(['--fix-dry-run', '--format', 'json', '.'], { cwd: dir });
    const [entry] = JSON.parse(run.stdout) as Array<{ output: string; messages: unknown[]; fixableErrorCount: number }>;
    expect(entry?.output).toBe(CLEAN.replace('**Storage Type**: SQL Database', '**Storage Type**: [TBD]'));
    expect(entry?.messages).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(FIXABLE);
    expect(run.stderr).toBe(`dmlint: specs/a/data-model.md: would fix ${FIXED}\n`);
  });

  it('works on standard input', () => {
    const run = runCli(['--stdin', '--fix-dry-run', '--format', 'json'], { input: FIXABLE.replace('[TBD]', 'SQL Database') });
    const [entry] = JSON.parse(run.stdout) as Array<{ output: string }>;
    expect(entry?.output).toBe(CLEAN);
    expect(run.code).toBe(0);
  });

  it('--fix cannot write standard input', () => {
    expect(runCli(['--stdin', '--fix'], { input: CLEAN })).toMatchObject({ code: 2 });
  });
});

describe('writing a fixed file', () => {
  it('leaves the old content whole when it fails between writing and renaming', async () => {
    const { file } = project(FIXABLE);
    await expect(
      writeAtomically(file, FIXABLE, 'new content', {
        beforeRename: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(file, 'utf8')).toBe(FIXABLE);
    expect(readdirSync(join(file, '..')).sort()).toEqual(['data-model.md', 'spec.md']);
  });

  it('refuses to write when the file changed since it was read', async () => {
    const { file } = project(FIXABLE);
    await expect(writeAtomically(file, FIXABLE, 'new content', { beforeRename: () => writeFileSync(file, 'edited by someone else') })).rejects.toBeInstanceOf(FileChangedError);
    expect(readFileSync(file, 'utf8')).toBe('edited by someone else');
    expect(readdirSync(join(file, '..')).sort()).toEqual(['data-model.md', 'spec.md']);
  });
});
