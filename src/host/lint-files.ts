/** Finds, reads and lints files with their configuration: shared by the CLI and the library's lintFiles(). */
import type { RuleEntry } from '../config/types.js';
import type { LintResult } from '../engine/types.js';
import type { AnyRule } from '../rule-kit/rule.js';
import { timed, timedAsync } from '../util/timing.js';
import type { LintTextOptions } from '../engine/lint-text.js';
import type { ChunkCache } from '../markdown/parse.js';
import { hashText, LintCache, type FileCheck } from './cache.js';
import { describeFsError, discoverFiles, foundByWalking, type PathProblem } from './discover.js';
import { fixText } from '../engine/fixes.js';
import { FileChangedError, writeAtomically } from './write-fixes.js';
import { nodeHost, recordingHost } from './node-host.js';
import type { RelatedInput } from './related.js';
import { IgnoreFiles } from './ignore-files.js';
import { runLintJob, type JobOutcome } from './lint-job.js';
import { prepareFrontMatter, withFrontMatter } from './front-matter.js';
import { lintInWorkers, poolSize } from './pool.js';
import { DEFAULT_MAX_FILE_SIZE, readDocument, withEncodingError, type EncodingError } from './read-document.js';
import { inShard, type Shard } from './shard.js';
import { projectRoot } from './project-root.js';
import { Workspace, type FileSettings, type WorkspaceOptions } from './workspace.js';

export interface LintFilesOptions {
  /** Directory that relative paths and globs start from; defaults to the process's directory. */
  cwd?: string;
  /** A configuration file for every document; false for none; by default each document's nearest. */
  config?: string | false;
  /** A template for every document, replacing the configured or bundled one. */
  template?: string;
  /** Rule settings applied over the configuration, as in a config file's `rules`. */
  rules?: Record<string, RuleEntry>;
  /** false to skip plugin modules named in configuration. */
  plugins?: boolean;
  /** false to read no spec or contract beside a data model (`--no-related`). */
  related?: boolean;
  /** false to lint files that `.dmlintignore`, `.gitignore` or `ignores` would skip. */
  ignore?: boolean;
  reportUnusedDisables?: boolean;
  /** `write` applies safe fixes to the files; `dry-run` only puts the fixed text in each result's `output`. */
  fix?: 'write' | 'dry-run' | null;
  /** The cache file to reuse results of unchanged files from (see `--cache`). */
  cacheFile?: string | null;
  /** Lint only this part of the files (see `--shard`). */
  shard?: Shard | null;
  /** What shards are computed from: paths relative to this directory (default: projectRoot of `cwd`). */
  root?: string;
  /** Threads that lint (this one and worker threads): a number, or `auto` (the default) to use every core when there are enough files. */
  concurrency?: number | 'auto';
  /** The built worker entry; without it every file is linted in this thread. */
  workerScript?: URL | null;
  /** Files larger than this many bytes are refused (default 10 MiB). */
  maxFileSize?: number;
  /** Called as files are done, for a progress display. */
  onProgress?(done: number, total: number): void;
  /** The workspace to take settings from, kept by a long-lived host between calls; by default a new one from the options above. */
  workspace?: Workspace;
  /** Parsed parts kept between calls by a long-lived host, so a document edited between them is parsed again only where it changed (in this thread). */
  chunkCache?: ChunkCache;
}

export interface LintFilesResult {
  results: LintResult[];
  /** Paths that named no file or could not be read; each is a reason to exit with 2. */
  problems: PathProblem[];
  /** Files named explicitly that ignore settings skipped. */
  ignored: string[];
  /** Every rule that ran on some file (built-in and plugin rules), for formats that describe rules. */
  ruleSet: AnyRule[];
  /** Things worth telling that do not change the results (an unusable cache file, a failed worker). */
  notices: string[];
}

/** A file to lint, with what decides its result. */
interface Job {
  file: string;
  text: string;
  encodingError: EncodingError | null;
  settings: LintTextOptions;
  contentHash: string;
  settingsHash: string;
}

/**
 * Lints files, directories (every data-model.md below them) and globs, in a stable order.
 * Throws a ConfigError when a configuration file, template or plugin is unusable.
 */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  const cwd = options.cwd ?? process.cwd();
  const useIgnores = options.ignore !== false;
  const ignores = useIgnores ? new IgnoreFiles(cwd) : null;
  const workspaceOptions: WorkspaceOptions = {
    cwd,
    configFile: typeof options.config === 'string' ? options.config : null,
    useConfig: options.config !== false,
    template: options.template ?? null,
    commandLineRules: options.rules ?? {},
    usePlugins: options.plugins !== false,
    useRelated: options.related !== false,
    reportUnusedDisables: options.reportUnusedDisables === true,
  };
  const workspace = options.workspace ?? new Workspace(workspaceOptions);
  const discovery = await timedAsync('discover', () => discoverFiles(patterns, cwd, ignores));
  const { explicit, problems } = discovery;
  const files = options.shard ? inShard(discovery.files, options.shard, options.root ?? projectRoot(cwd, process.env)) : discovery.files;
  const cache = options.cacheFile ? await LintCache.open(options.cacheFile) : null;
  const notices: string[] = cache?.discarded ? [`the cache ${cache.path} was not used (${cache.discarded}); it will be rebuilt`] : [];
  const ignored: string[] = [];
  const ruleSet = new Map<string, AnyRule>();
  const queued: Array<{ file: string; settings: LintTextOptions }> = [];
  for (const file of files) {
    const settings = await timedAsync('config', () => workspace.settingsFor(file));
    for (const rule of settings.lint.ruleSet ?? []) ruleSet.set(rule.id, rule);
    if (useIgnores && ignores && skippedByIgnores(file, settings, ignores)) {
      if (explicit.has(file)) ignored.push(file);
      continue;
    }
    queued.push({ file, settings: options.chunkCache ? { ...settings.lint, chunkCache: options.chunkCache } : settings.lint });
  }

  // Files are read only when their turn comes, and dropped once linted: memory stays flat.
  const results: Array<LintResult | undefined> = new Array<LintResult | undefined>(queued.length);
  const refused: Array<PathProblem | undefined> = new Array<PathProblem | undefined>(queued.length);
  let done = 0;
  const finish = (index: number, result: LintResult): void => {
    results[index] = result;
    options.onProgress?.(++done, queued.length);
  };
  /** Reads a file; null when it needs no linting (refused, or answered from the cache). */
  const prepare = (index: number): Job | null => {
    const entry = queued[index];
    if (!entry) return null;
    const { file, settings } = entry;
    const read = timed('read', () => readDocument(file, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE));
    if ('refused' in read) {
      refused[index] = { path: file, message: read.refused };
      options.onProgress?.(++done, queued.length);
      return null;
    }
    const job: Job = { file, text: read.text, encodingError: read.encodingError, settings, contentHash: cache ? hashText(read.text) : '', settingsHash: cache ? cache.settingsHash(settings) : '' };
    const cached = cache?.lookup(file, job.contentHash, job.settingsHash, settings.host ?? nodeHost);
    if (cached && !(options.fix && cached.messages.some((message) => message.fix))) {
      finish(index, cached);
      return null;
    }
    return job;
  };
  const record = (index: number, job: Job, lint: JobOutcome): void => {
    const outcome = job.encodingError ? { ...lint, result: withEncodingError(lint.result, job.text, job.encodingError) } : lint;
    // A fixed file's result describes the new text, not the one that was read: not worth keeping.
    if (outcome.result.output === undefined) cache?.store(job.file, job.contentHash, job.settingsHash, outcome.checks, outcome.result, outcome.related);
    finish(index, outcome.result);
  };

  const workers = options.fix || !options.workerScript ? 0 : poolSize(queued.length, options.concurrency ?? 'auto');
  if (workers > 0 && options.workerScript) {
    await lintInWorkers(queued.length, {
      script: options.workerScript,
      workspace: workspaceOptions,
      workers,
      prepare: async (index) => {
        const job = prepare(index);
        if (job) await prepareFrontMatter(job.text);
        return job && { file: job.file, text: job.text, inThisThread: () => runLintJob(job.text, job.settings), done: (outcome: JobOutcome) => record(index, job, outcome) };
      },
      onNotice: (notice) => notices.push(notice),
    });
  } else {
    for (let index = 0; index < queued.length; index++) {
      const job = prepare(index);
      if (!job) continue;
      await prepareFrontMatter(job.text);
      // A file that is not valid UTF-8 is never fixed: writing it back would replace its bad bytes.
      const fix = job.encodingError ? null : options.fix;
      record(index, job, fix ? await fixFile(job, fix, problems) : runLintJob(job.text, job.settings));
      // Let the event loop breathe between files (progress output, signals).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  problems.push(...refused.filter((problem): problem is PathProblem => problem !== undefined));
  const saved = cache ? await cache.save() : null;
  if (saved) notices.push(saved);
  return { results: results.filter((result): result is LintResult => result !== undefined), problems, ignored, ruleSet: [...ruleSet.values()], notices };
}

/** Whether the ignore settings skip a file: the configuration's `ignores`, or `.dmlintignore`. */
export function skippedByIgnores(file: string, settings: FileSettings, ignores: IgnoreFiles): boolean {
  return settings.ignored || ignores.byIgnoreFile(file);
}

/**
 * Whether `dmlint` run in `root` with no arguments lints `file`: found by walking (its name, no
 * node_modules or .git), not skipped by a `.gitignore`, nor by the ignore settings. The language
 * server lints exactly these documents.
 */
export function lintedByDefault(file: string, root: string, settings: FileSettings, ignores: IgnoreFiles): boolean {
  return foundByWalking(file, root) && !ignores.byGitignore(file) && !skippedByIgnores(file, settings, ignores);
}

async function fixFile(job: Job, mode: 'write' | 'dry-run', problems: PathProblem[]): Promise<JobOutcome> {
  const checks: FileCheck[] = [];
  const related: RelatedInput[] = [];
  const result = fixText(job.text, { ...withFrontMatter(job.settings), host: recordingHost(job.settings.host ?? nodeHost, checks, related) });
  if (mode === 'write' && result.output !== undefined) {
    try {
      await writeAtomically(job.file, job.text, result.output);
    } catch (error) {
      problems.push({ path: job.file, message: error instanceof FileChangedError ? error.message : `cannot write the fixes: ${describeFsError(error)}` });
    }
  }
  return { result, checks, related };
}
