/**
 * Finds and reads configuration files. Discovery (lilconfig) goes from a document's directory
 * upward and stops at the repository root: `.dmlintrc.json`, `.dmlintrc.jsonc`, `.dmlintrc.yaml`,
 * `.dmlintrc.yml`, then a `"dmlint"` key in package.json. No JavaScript configuration: reading a
 * configuration never runs code. `extends` chains are followed, with cycles refused.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, parse, relative, resolve } from 'node:path';
import { lilconfigSync, type LilconfigResult } from 'lilconfig';
import type { AnyRule } from '../rule-kit/rule.js';
import { parseConfigText, parseJson, type ParsedConfig } from './parse.js';
import { ConfigError, type ConfigLayer } from './types.js';

export const CONFIG_FILES = ['.dmlintrc.json', '.dmlintrc.jsonc', '.dmlintrc.yaml', '.dmlintrc.yml', 'package.json'];

const roots = new Map<string, string>();

/** The nearest directory at or above `dir` that holds `.git`; the filesystem root if none. */
export function repositoryRoot(dir: string): string {
  const start = resolve(dir);
  const known = roots.get(start);
  if (known) return known;
  let root = parse(start).root;
  for (let current = start; dirname(current) !== current; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) {
      root = current;
      break;
    }
  }
  roots.set(start, root);
  return root;
}

export class ConfigLoader {
  /** Parsed files by path, so each file is read and validated once per run. */
  private readonly parsed = new Map<string, Promise<ParsedConfig>>();
  private readonly layers = new Map<string, ConfigLayer[]>();
  private readonly searchers = new Map<string, ReturnType<typeof lilconfigSync>>();

  /**
   * `rules`: the rules whose options a file's settings are checked against before plugins are known.
   * `boundary`: a folder the search never goes above (the agent server's root), else the repository root.
   */
  constructor(
    private readonly rules: readonly AnyRule[],
    private readonly boundary: string | null = null,
  ) {}

  /**
   * The configuration file that applies to documents in `dir`, or null. The search is synchronous:
   * it asks a few paths in each directory up to the repository root, and asynchronous file access
   * would cost a thread-pool round trip for each (docs/performance.md).
   */
  find(dir: string): string | null {
    const repository = repositoryRoot(dir);
    const stopDir = this.boundary !== null && isAbove(repository, this.boundary) ? this.boundary : repository;
    let searcher = this.searchers.get(stopDir);
    if (!searcher) {
      // Only package.json needs reading here (does it have a "dmlint" key?); any other file found is read by load().
      const json = (file: string, content: string): unknown => (basename(file) === 'package.json' ? this.parsePackage(file, content) : true);
      const pathOnly = (): unknown => true;
      searcher = lilconfigSync('dmlint', { searchPlaces: CONFIG_FILES, stopDir, loaders: { '.json': json, '.jsonc': pathOnly, '.yaml': pathOnly, '.yml': pathOnly } });
      this.searchers.set(stopDir, searcher);
    }
    const found: LilconfigResult = searcher.search(dir);
    return found?.filepath ?? null;
  }

  /** A package.json's content, parsed once for the search and for load(). */
  private parsePackage(file: string, content: string): unknown {
    const parsed = parseJson(file, content);
    this.parsed.set(file, Promise.resolve(parsed));
    return parsed.value;
  }

  /** The layers of a configuration file: what it extends first, then the file itself. */
  async load(file: string, seen: readonly string[] = []): Promise<ConfigLayer[]> {
    const path = resolve(file);
    const cached = this.layers.get(path);
    if (cached) return cached;
    if (seen.includes(path)) throw new ConfigError(`"extends" makes a cycle: ${[...seen, path].join(' → ')}`, path);
    const layer = await this.readLayer(path);
    const bases = typeof layer.data.extends === 'string' ? [layer.data.extends] : (layer.data.extends ?? []);
    const layers: ConfigLayer[] = [];
    for (const [index, base] of bases.entries()) {
      const basePath = resolve(layer.dir, base);
      if (!existsSync(basePath)) throw new ConfigError(`extends: no such file ${JSON.stringify(base)}`, path, layer.locate(typeof layer.data.extends === 'string' ? ['extends'] : ['extends', index]));
      layers.push(...(await this.load(basePath, [...seen, path])));
    }
    layers.push(layer);
    this.layers.set(path, layers);
    return layers;
  }

  private async readLayer(file: string): Promise<ConfigLayer> {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`cannot read the configuration file: ${error instanceof Error ? error.message : String(error)}`, file);
    }
    const parsed = await this.parse(file, text);
    const inPackage = file.endsWith('package.json');
    const value = inPackage ? (parsed.value as Record<string, unknown> | null)?.dmlint : parsed.value;
    if (inPackage && value === undefined) throw new ConfigError('package.json has no "dmlint" key', file);
    const prefix = inPackage ? ['dmlint'] : [];
    const layer: ConfigLayer = { file, dir: dirname(file), data: value ?? {}, locate: (path) => parsed.locate([...prefix, ...path]) };
    // The structure is checked now; rule ids once plugins are known (see Workspace). The
    // validator (Ajv) is loaded only when there is a configuration to check.
    const { validateLayer } = await import('./validate.js');
    validateLayer(layer, this.rules, false);
    return layer;
  }

  private parse(file: string, text: string): Promise<ParsedConfig> {
    let parsed = this.parsed.get(file);
    if (!parsed) {
      parsed = parseConfigText(file, text);
      this.parsed.set(file, parsed);
    }
    return parsed;
  }
}

/** Whether `folder` is above `inner` (holds it and is not it). */
function isAbove(folder: string, inner: string): boolean {
  const path = relative(folder, inner);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}
