/**
 * Files that are not documents, and file systems that fail: every case gets a clear per-path
 * message and exit code 2, and the other files are still linted.
 */
import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDocument, firstInvalidUtf8, parseSize } from '../../src/host/read-document.js';
import { CLI, REPO, runCli, scratchDir } from '../support/cli.js';

const VALID = readFileSync(join(REPO, 'fixtures/examples/checkout-orders/data-model.md'), 'utf8');
const SPEC = readFileSync(join(REPO, 'fixtures/examples/checkout-orders/spec.md'), 'utf8');

/** A project with one good document, plus the given extra files. */
function project(extra: Record<string, string | Buffer> = {}): string {
  const dir = scratchDir({ 'specs/001-good/data-model.md': VALID, 'specs/001-good/spec.md': SPEC });
  for (const [path, content] of Object.entries(extra)) writeFileSync(join(dir, path), content);
  return dir;
}

function compactLines(stdout: string): string[] {
  return stdout.trimEnd().split('\n').filter((line) => line !== '');
}

describe('files that are not text documents', () => {
  it('refuses a file with a NUL byte as binary, and lints the others', () => {
    const cwd = project({ 'binary.md': Buffer.from([0x23, 0x20, 0x00, 0x01]) });
    const run = runCli(['--format', 'compact', 'binary.md', 'specs'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dmlint: binary.md: cannot lint: a binary file (a NUL byte at byte offset 2), not a Markdown document\n');
    expect(run.stdout).toBe('');
    const json = runCli(['--format', 'json', 'binary.md', 'specs'], { cwd });
    expect((JSON.parse(json.stdout) as { filePath: string }[]).map((result) => result.filePath)).toEqual([join(cwd, 'specs/001-good/data-model.md')]);
  });

  it('refuses a file above --max-file-size, by default above 10 MB, without reading it', () => {
    const cwd = project({ 'huge.md': Buffer.alloc(10 * 1024 * 1024 + 1, 0x61) });
    expect(runCli(['huge.md'], { cwd }).stderr).toBe('dmlint: huge.md: cannot lint: 10.0 MB is more than --max-file-size (10.0 MB); raise the limit to lint it\n');
    const limited = runCli(['--max-file-size', '4KB', 'specs'], { cwd });
    expect(limited.code).toBe(2);
    expect(limited.stderr).toBe('dmlint: specs/001-good/data-model.md: cannot lint: 17.6 KB is more than --max-file-size (4.0 KB); raise the limit to lint it\n');
    expect(runCli(['--max-file-size', '20KB', 'specs'], { cwd }).code).toBe(0);
    const usage = runCli(['--max-file-size', 'lots', 'specs'], { cwd });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^dmlint: --max-file-size takes a size such as 10MB/);
  });

  it('reads sizes as bytes, KB, MB and GB', () => {
    expect([parseSize('2000'), parseSize('500KB'), parseSize('1.5mb'), parseSize('1 GB')]).toEqual([2000, 512_000, 1_572_864, 1024 ** 3]);
    expect([parseSize('0'), parseSize('-1'), parseSize('10 MiB'), parseSize('')]).toEqual([null, null, null, null]);
  });
});

describe('invalid UTF-8', () => {
  const body = VALID.replace('**Purpose**: Records', '**Purpose**: Rec\uFFFDords');
  const badLine = body.split('\n').findIndex((line) => line.includes('\uFFFD')) + 1;
  const withBadByte = (text: string): Buffer => {
    const [before, after] = text.split('\uFFFD');
    return Buffer.concat([Buffer.from(before ?? ''), Buffer.from([0xff]), Buffer.from(after ?? '')]);
  };

  it.each([
    ['LF', body, ''],
    ['CRLF', body.replaceAll('\n', '\r\n'), ''],
    ['a byte-order mark', body, '\uFEFF'],
  ])('is one invalid-encoding error at the first bad byte (%s), and the rest is still linted', (_case, text, prefix) => {
    const bytes = withBadByte(prefix + text);
    const cwd = project({ 'specs/001-good/data-model.md': bytes });
    const run = runCli(['--format', 'compact', 'specs'], { cwd });
    expect(run.code).toBe(1);
    expect(compactLines(run.stdout)).toEqual([
      `specs/001-good/data-model.md:${badLine}:17: error The file is not valid UTF-8 (byte offset ${bytes.indexOf(0xff)}): save it as UTF-8; bad bytes were read as U+FFFD [invalid-encoding]`,
    ]);
  });

  it('is reported on standard input too', () => {
    const bytes = withBadByte(body);
    const run = runCli(['--format', 'compact', '--stdin', '--stdin-filename', 'specs/001-good/data-model.md'], { cwd: project(), input: bytes });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`specs/001-good/data-model.md:${badLine}:17: error The file is not valid UTF-8 (byte offset ${bytes.indexOf(0xff)})`);
  });

  it('is never "fixed": --fix leaves the bytes alone', () => {
    const fixable = withBadByte(body.replace('**Date**: 2026-04-07', '**Date**: 2026-4-7'));
    const cwd = project({ 'specs/001-good/data-model.md': fixable });
    runCli(['--fix', 'specs'], { cwd });
    expect(readFileSync(join(cwd, 'specs/001-good/data-model.md')).equals(fixable)).toBe(true);
  });

  it('finds the first bad byte exactly where a strict decoder stops (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const at = firstInvalidUtf8(bytes);
        const valid = (part: Uint8Array): boolean => {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(part);
            return true;
          } catch {
            return false;
          }
        };
        expect(at === bytes.length).toBe(valid(bytes));
        // Everything before it is well-formed; adding the bad sequence's lead byte is not, whatever follows.
        expect(valid(bytes.subarray(0, at))).toBe(true);
      }),
      { seed: 7, numRuns: 2000 },
    );
    expect(['\xc0\xaf', '\xed\xa0\x80', '\xf4\x90\x80\x80', 'ok\xe2\x82'].map((text) => firstInvalidUtf8(Buffer.from(text, 'latin1')))).toEqual([0, 0, 0, 2]);
  });

  it('keeps valid text as it is, U+FFFD written in the file included', () => {
    expect(decodeDocument(Buffer.from('a \uFFFD b'))).toEqual({ text: 'a \uFFFD b', encodingError: null });
  });
});

describe('file-system faults', () => {
  /** Runs the CLI as an unprivileged user when the tests run as root (root reads anything). */
  function runUnprivileged(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
    const asRoot = process.getuid?.() === 0;
    const command = asRoot ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, CLI, ...args] : [process.execPath, CLI, ...args];
    const result = spawnSync(command[0] ?? '', command.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('reports a directory it cannot read while walking, and lints the rest', () => {
    const cwd = project();
    const locked = scratchDir({ 'x/data-model.md': VALID });
    const dir = join(cwd, 'specs/locked');
    spawnSync('cp', ['-r', locked, dir]);
    chmodSync(cwd, 0o755);
    spawnSync('chmod', ['-R', 'a+rX', cwd]);
    chmodSync(dir, 0o000);
    try {
      const run = runUnprivileged(['--format', 'compact', 'specs'], cwd);
      expect(run.stderr).toBe('dmlint: specs/locked: cannot read this directory: permission denied\n');
      expect(run.code).toBe(2);
      expect(compactLines(run.stdout)).toEqual([]);
      const named = runUnprivileged(['--format', 'compact', 'specs/locked/x/data-model.md', 'specs/001-good/data-model.md'], cwd);
      expect(named.stderr).toBe('dmlint: specs/locked/x/data-model.md: permission denied; check the path and try again\n');
      expect(named.code).toBe(2);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('stops with exit 2 and one line when .dmlintignore cannot be read, rather than lint what it excludes', () => {
    const cwd = project();
    writeFileSync(join(cwd, '.dmlintignore'), 'specs/\n');
    chmodSync(cwd, 0o755);
    chmodSync(join(cwd, '.dmlintignore'), 0o000);
    const run = runUnprivileged(['--format', 'compact', 'specs'], cwd);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', 'dmlint: .dmlintignore: cannot read this ignore file: permission denied\n']);
  });

  it('reports a named symbolic-link loop and a broken link, and lints the other files', () => {
    const cwd = project();
    symlinkSync('loop-b.md', join(cwd, 'loop-a.md'));
    symlinkSync('loop-a.md', join(cwd, 'loop-b.md'));
    symlinkSync('gone.md', join(cwd, 'broken.md'));
    const run = runCli(['--format', 'json', 'loop-a.md', 'broken.md', 'specs'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'dmlint: loop-a.md: too many levels of symbolic links; check the path and try again\ndmlint: broken.md: no such file or directory; check the path and try again\n',
    );
    expect((JSON.parse(run.stdout) as { filePath: string }[]).map((result) => result.filePath)).toEqual([join(cwd, 'specs/001-good/data-model.md')]);
  });

  it('does not follow symbolic links while walking: a loop inside the tree ends, a linked tree is not linted twice', () => {
    const cwd = project();
    symlinkSync('.', join(cwd, 'specs/001-good/self'));
    symlinkSync('../specs', join(cwd, 'specs/again'));
    const run = runCli(['--format', 'json', '.'], { cwd });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { filePath: string }[]).map((result) => result.filePath)).toEqual([join(cwd, 'specs/001-good/data-model.md')]);
  });
});
