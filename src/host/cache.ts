/**
 * `--cache`: results of files that have not changed since the last run, kept in one JSON file.
 * An entry is used only when the file's content, the settings it was linted with (dmlint's
 * version, template, rules and options, plugin rules' code) and every file-system fact a rule
 * looked at (does the Spec link's file exist?) are all as they were. A cache file that cannot be
 * read, is corrupt, or was written by another version is ignored and replaced: the cache can make
 * a run faster, never different.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { toResult, type LintHost } from '../engine/run-rules.js';
import type { LintMessage, LintResult } from '../engine/types.js';
import type { LintTextOptions } from '../engine/lint-text.js';
import { serializeSchema } from '../template/serialize.js';
import type { TemplateSchema } from '../template/schema.js';
import { VERSION } from '../util/version.js';
import { describeFsError } from './discover.js';
import { relatedInputsUnchanged, type RelatedInput } from './related.js';

export const DEFAULT_CACHE_FILE = '.dmlintcache';
const FORMAT = 'dmlint-cache';
/** Bumped when the shape of the file changes. */
const FORMAT_VERSION = 2;

/** A file-system fact a rule relied on: whether this path was an existing file. */
export type FileCheck = [path: string, exists: boolean];

interface Entry {
  /** Hash of the file's text. */
  content: string;
  /** Hash of the settings it was linted with. */
  settings: string;
  checks: FileCheck[];
  /** The related documents read (spec, contracts), paths relative to the cache's directory. */
  related: RelatedInput[];
  result: LintResult;
}

interface CacheFile {
  format: typeof FORMAT;
  version: number;
  dmlint: string;
  /** Keyed by path relative to the cache file's directory, so a cache restored elsewhere still applies. */
  entries: Record<string, Entry>;
}

/** `--cache-location`: a file, or a directory (existing, or written with a trailing slash) to hold `.dmlintcache`. */
export async function cacheFilePath(location: string | null, cwd: string): Promise<string> {
  if (location === null) return join(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  if (location.endsWith('/') || location.endsWith(sep)) return join(path, DEFAULT_CACHE_FILE);
  const isDirectory = await stat(path).then(
    (found) => found.isDirectory(),
    () => false,
  );
  return isDirectory ? join(path, DEFAULT_CACHE_FILE) : path;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export class LintCache {
  private readonly entries: Map<string, Entry>;
  private readonly base: string;
  private changed = false;
  private readonly settingsKeys = new WeakMap<object, Map<string, string>>();

  private constructor(
    readonly path: string,
    entries: Record<string, Entry>,
    /** Why the previous cache file was not used, if it was there but unusable. */
    readonly discarded: string | null,
  ) {
    this.entries = new Map(Object.entries(entries));
    this.base = dirname(path);
    this.changed = discarded !== null;
  }

  /** Reads the cache file; a missing, unreadable, corrupt or foreign one gives an empty cache. */
  static async open(path: string): Promise<LintCache> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return new LintCache(path, {}, missing ? null : `cannot read it: ${describeFsError(error)}`);
    }
    const data = parseCacheFile(text);
    if (typeof data === 'string') return new LintCache(path, {}, data);
    return new LintCache(path, data.entries, null);
  }

  private key(file: string): string {
    return relative(this.base, file).split(sep).join('/');
  }

  /** The stored result for this file, if nothing it depends on has changed. */
  lookup(file: string, contentHash: string, settingsHash: string, host: LintHost): LintResult | null {
    const entry = this.entries.get(this.key(file));
    if (!entry || entry.content !== contentHash || entry.settings !== settingsHash) return null;
    if (!entry.checks.every(([path, exists]) => (host.fileExists?.(resolve(this.base, path)) ?? false) === exists)) return null;
    // A spec or contract that changed changes the result as much as the document itself.
    const related = entry.related.map((input): RelatedInput => (input.kind === 'file' ? { ...input, path: resolve(this.base, input.path) } : { ...input, dir: resolve(this.base, input.dir) }));
    if (!relatedInputsUnchanged(related)) return null;
    // Counts are recomputed from the messages rather than trusted.
    return toResult(file, entry.result.messages, entry.result.suppressedMessages, entry.result.completeness);
  }

  store(file: string, contentHash: string, settingsHash: string, checks: readonly FileCheck[], result: LintResult, related: readonly RelatedInput[] = []): void {
    const relativeTo = (path: string): string => relative(this.base, path).split(sep).join('/');
    const { output: _output, ...kept } = result;
    this.entries.set(this.key(file), {
      content: contentHash,
      settings: settingsHash,
      checks: checks.map(([path, exists]) => [relativeTo(path), exists]),
      related: related.map((input) => (input.kind === 'file' ? { ...input, path: relativeTo(input.path) } : { ...input, dir: relativeTo(input.dir) })),
      result: kept,
    });
    this.changed = true;
  }

  /**
   * A hash of everything besides the text that decides a file's result. Settings objects are
   * shared between files with the same configuration, so the hash is computed once per object.
   */
  settingsHash(settings: LintTextOptions): string {
    const schema: TemplateSchema | undefined = settings.schema;
    const owner: object = schema ?? this;
    const detail = JSON.stringify({
      rules: settings.rules ?? {},
      related: settings.related ?? null,
      unused: settings.reportUnusedDisables === true,
      // Plugin rules can change without dmlint's version changing: their code is part of the key.
      ruleSet: (settings.ruleSet ?? []).map((rule) => `${rule.id}\0${rule.check.toString()}\0${JSON.stringify(rule.defaultOptions ?? null)}\0${rule.defaultSeverity}`),
    });
    let byDetail = this.settingsKeys.get(owner);
    if (!byDetail) {
      byDetail = new Map();
      this.settingsKeys.set(owner, byDetail);
    }
    let hash = byDetail.get(detail);
    if (!hash) {
      hash = hashText(`${VERSION}\0${schema ? serializeSchema(schema) : ''}\0${detail}`);
      byDetail.set(detail, hash);
    }
    return hash;
  }

  /**
   * Writes the cache if anything changed, atomically (a reader never sees half a file). Entries
   * for files that no longer exist are dropped. Returns a reason when it could not be written.
   */
  async save(): Promise<string | null> {
    if (!this.changed) return null;
    for (const key of [...this.entries.keys()]) {
      const exists = await stat(resolve(this.base, key)).then(
        () => true,
        () => false,
      );
      if (!exists) this.entries.delete(key);
    }
    const data: CacheFile = { format: FORMAT, version: FORMAT_VERSION, dmlint: VERSION, entries: Object.fromEntries(this.entries) };
    const temporary = join(this.base, `.${basename(this.path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(this.base, { recursive: true });
      await writeFile(temporary, JSON.stringify(data));
      await rename(temporary, this.path);
      return null;
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      return `cannot write the cache ${this.path}: ${describeFsError(error)}`;
    }
  }
}

/** The cache file's content, or why it cannot be used. */
function parseCacheFile(text: string): CacheFile | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'it is not valid JSON (a truncated or corrupt file)';
  }
  if (typeof data !== 'object' || data === null || (data as Partial<CacheFile>).format !== FORMAT) return 'it is not a dmlint cache file';
  const file = data as CacheFile;
  if (file.version !== FORMAT_VERSION || file.dmlint !== VERSION) return `it was written by dmlint ${String(file.dmlint)}`;
  if (typeof file.entries !== 'object' || file.entries === null || !Object.values(file.entries).every(isEntry)) return 'its entries are malformed';
  return file;
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<Entry>;
  return (
    typeof entry.content === 'string' &&
    typeof entry.settings === 'string' &&
    Array.isArray(entry.checks) &&
    entry.checks.every((check) => Array.isArray(check) && typeof check[0] === 'string' && typeof check[1] === 'boolean') &&
    Array.isArray(entry.related) &&
    entry.related.every(isRelatedInput) &&
    typeof entry.result === 'object' &&
    entry.result !== null &&
    Array.isArray(entry.result.messages) &&
    Array.isArray(entry.result.suppressedMessages) &&
    entry.result.messages.every(isMessage) &&
    entry.result.suppressedMessages.every(isMessage)
  );
}

function isRelatedInput(value: unknown): value is RelatedInput {
  if (typeof value !== 'object' || value === null) return false;
  const input = value as Partial<Record<string, unknown>>;
  if (input.kind === 'file') return typeof input.path === 'string' && (typeof input.digest === 'string' || input.digest === null);
  return input.kind === 'listing' && typeof input.dir === 'string' && typeof input.digest === 'string' && Array.isArray(input.patterns) && input.patterns.every((pattern) => typeof pattern === 'string');
}

/** A stored message is shown as it is: every field a reporter reads must be there, with its type. */
function isMessage(value: unknown): value is LintMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<LintMessage>;
  const positive = (number: unknown): boolean => Number.isInteger(number) && (number as number) >= 1;
  return (
    typeof message.ruleId === 'string' &&
    (message.severity === 'error' || message.severity === 'warning') &&
    typeof message.message === 'string' &&
    positive(message.line) &&
    positive(message.column) &&
    positive(message.endLine) &&
    positive(message.endColumn)
  );
}
