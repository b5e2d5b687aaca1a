/**
 * The documents of a data model's feature folder, read for the rules: the spec its Spec link
 * names and the contract files its globs match, each parsed once per run (again only when its
 * text changed), and the local files their `$ref`s name. Only files inside the repository are
 * read, never a web address: a pull request cannot make dmlint fetch anything or read outside
 * the checkout. What was read is noted (path and content hash) so a cached result can be re-checked.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import type { Document, Node as YamlNode } from 'yaml';
import type { Yaml } from '../config/parse.js';
import type { DataModelDocument } from '../model/document.js';
import { readContracts, readSpec, type ParsedTree, type RelatedDocuments, type RelatedFile, type RelatedProblem, type RelatedSettings, type SpecDocument, type TreeNode } from '../model/related/index.js';
import { SourceText } from '../markdown/source.js';
import { hashText } from './cache.js';
import { describeFsError } from './discover.js';
import { formatSize } from './read-document.js';
import { ensureYaml, loadedYaml } from './yaml-parser.js';

/** Far above any hand-written contract or spec; a larger file is reported, not read. */
export const MAX_RELATED_BYTES = 2 * 1024 * 1024;
/** Nodes of one contract tree (aliases expanded): stops a small file that expands without end. */
const MAX_TREE_NODES = 200_000;

/** A file or a listing a result depended on, for the cache: its content hash, null when it was missing. */
export type RelatedInput = { kind: 'file'; path: string; digest: string | null } | { kind: 'listing'; dir: string; patterns: string[]; digest: string };

export interface RelatedReading {
  documents: RelatedDocuments;
  inputs: RelatedInput[];
}

/**
 * Loads the YAML parser before linting starts: rules run synchronously and contracts are read
 * from them. Given a document's folder, only when a contract glob's base folder is there: a run
 * without contracts does not pay for the parser.
 */
export async function prepareRelatedDocuments(settings: RelatedSettings | undefined, folder: string | null = null): Promise<void> {
  if (!settings?.enabled || loadedYaml()) return;
  if (folder !== null && !settings.contracts.some((pattern) => existsSync(resolve(folder, picomatch.scan(pattern).base || '.')))) return;
  await ensureYaml();
}

export class RelatedLoader {
  private readonly trees = new Map<string, { text: string; tree: ParsedTree }>();
  private readonly specs = new Map<string, { text: string; spec: SpecDocument }>();
  private readonly roots = new Map<string, string>();

  /** `boundary`: a folder no related file may come from outside of (the agent server's root); else each document's repository. */
  constructor(private readonly boundary: string | null = null) {}

  read(doc: DataModelDocument, settings: RelatedSettings): RelatedReading {
    const inputs: RelatedInput[] = [];
    const empty: RelatedReading = { documents: { spec: null, contracts: [], problems: [] }, inputs };
    const specPath = doc.specLink?.path;
    // A document that links no spec is not part of a feature folder: nothing else is read.
    if (!doc.filePath || !specPath) return empty;
    const folder = dirname(resolve(doc.filePath));
    const root = this.boundary === null ? this.repositoryRoot(folder) : realPath(this.boundary);
    const problems: RelatedProblem[] = [];
    const label = (path: string): string => relative(folder, path).split(sep).join('/');
    // Not the resolved path: outside the repository it depends on where the clone lives.
    const outside = 'the file is outside the repository; dmlint reads only files inside it';
    const fileAt = (path: string, text = ''): RelatedFile => ({ path, label: label(path), source: new SourceText(text) });
    /** A file's text, or why it is not read; notes what was read. */
    const readText = (path: string): { text: string } | string => {
      if (!inside(root, path)) return outside;
      let text: string;
      try {
        const { size } = statSync(path);
        if (size > MAX_RELATED_BYTES) {
          inputs.push({ kind: 'file', path, digest: `size:${size}` });
          return `${label(path)} is ${formatSize(size)}, more than the ${formatSize(MAX_RELATED_BYTES)} dmlint reads of a related document`;
        }
        text = readFileSync(path, 'utf8');
      } catch (error) {
        inputs.push({ kind: 'file', path, digest: null });
        return `${label(path)} cannot be read: ${describeFsError(error)}`;
      }
      inputs.push({ kind: 'file', path, digest: hashText(text) });
      return { text };
    };

    const specFile = resolve(folder, specPath);
    let spec: SpecDocument | null = null;
    // A missing spec is header-metadata's finding (the link's target); only an unreadable or far one is reported here.
    if (!existsSync(specFile)) inputs.push({ kind: 'file', path: specFile, digest: null });
    else {
      const read = readText(specFile);
      if (typeof read === 'string') problems.push({ file: fileAt(specFile), range: fileAt(specFile).source.range(0, 0), message: read });
      else spec = this.spec(specFile, label(specFile), read.text);
    }

    const patterns = settings.contracts;
    const matched = patterns.length === 0 ? [] : globSync([...patterns], { cwd: folder, absolute: true, onlyFiles: true, expandDirectories: false }).map((path) => resolve(path)).sort();
    inputs.push({ kind: 'listing', dir: folder, patterns: [...patterns], digest: listingDigest(folder, matched) });
    const trees: ParsedTree[] = [];
    const loadTree = (path: string): ParsedTree | string => {
      const read = readText(path);
      return typeof read === 'string' ? read : this.tree(path, label(path), read.text);
    };
    for (const path of matched) {
      const tree = loadTree(path);
      if (typeof tree === 'string') problems.push({ file: fileAt(path), range: fileAt(path).source.range(0, 0), message: tree });
      else trees.push(tree);
    }
    const contracts = readContracts(trees, (fromPath, target) => {
      let decoded = target;
      try {
        decoded = decodeURIComponent(target);
      } catch {
        // A malformed escape: the path as written.
      }
      const path = resolve(dirname(fromPath), decoded);
      if (!inside(root, path)) return outside;
      if (!existsSync(path)) {
        inputs.push({ kind: 'file', path, digest: null });
        return `${label(path)} does not exist`;
      }
      return loadTree(path);
    });
    problems.push(...contracts.problems);
    return { documents: { spec, contracts: contracts.schemas, problems }, inputs };
  }

  private spec(path: string, label: string, text: string): SpecDocument {
    const key = `${path}\0${label}`;
    const known = this.specs.get(key);
    if (known?.text === text) return known.spec;
    const spec = readSpec({ path, label }, text);
    remember(this.specs, key, { text, spec });
    return spec;
  }

  private tree(path: string, label: string, text: string): ParsedTree {
    const key = `${path}\0${label}`;
    const known = this.trees.get(key);
    if (known?.text === text) return known.tree;
    const tree = parseTree({ path, label, source: new SourceText(text) });
    remember(this.trees, key, { text, tree });
    return tree;
  }

  /** The nearest folder above with a `.git`; the feature folder itself when there is none. */
  private repositoryRoot(folder: string): string {
    let root = this.roots.get(folder);
    if (root === undefined) {
      root = folder;
      for (let at = folder; ; at = dirname(at)) {
        if (existsSync(join(at, '.git'))) {
          root = at;
          break;
        }
        if (dirname(at) === at) break;
      }
      this.roots.set(folder, realPath(root));
    }
    return this.roots.get(folder) ?? folder;
  }
}

/**
 * Parsed files kept for the next document or the next lint of the same one: a spec usually
 * serves one data model, and a run over a thousand feature folders must not keep a thousand
 * parsed specs (the bench's peak memory grew by a sixth).
 */
const REMEMBERED = 64;

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  cache.delete(key);
  cache.set(key, value);
  // Maps keep insertion order: the first key is the one least recently parsed.
  if (cache.size > REMEMBERED) cache.delete(cache.keys().next().value as string);
}

/** Whether a path (after links are followed) is inside the root. */
function inside(root: string, path: string): boolean {
  const rel = relative(root, realPath(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    // Not there (yet): its directory decides, as it is where the file would be.
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), path.slice(parent.length + 1));
  }
}

function listingDigest(folder: string, files: readonly string[]): string {
  return hashText(files.map((file) => relative(folder, file).split(sep).join('/')).join('\n'));
}

/** Whether what a cached result read is still the same: each file's content, each listing's files. */
export function relatedInputsUnchanged(inputs: readonly RelatedInput[]): boolean {
  return inputs.every((input) => {
    if (input.kind === 'listing') {
      const matched = globSync(input.patterns, { cwd: input.dir, absolute: true, onlyFiles: true, expandDirectories: false }).map((path) => resolve(path)).sort();
      return listingDigest(input.dir, matched) === input.digest;
    }
    let digest: string | null;
    try {
      const { size } = statSync(input.path);
      digest = size > MAX_RELATED_BYTES ? `size:${size}` : hashText(readFileSync(input.path, 'utf8'));
    } catch {
      digest = null;
    }
    return digest === input.digest;
  });
}

/** Parses a contract (YAML or JSON, which YAML reads) into a tree with offsets; never throws. */
export function parseTree(file: RelatedFile): ParsedTree {
  const text = file.source.text.replace(/^\uFEFF/, ' ');
  const yaml = loadedYaml();
  if (!yaml) return { file, root: null, error: { message: 'the YAML parser was not loaded (a dmlint bug); please report it', start: 0, end: 0 } };
  try {
    const doc = yaml.parseDocument(text, { prettyErrors: false, uniqueKeys: false, strict: false });
    const [error] = doc.errors;
    if (error) return { file, root: null, error: { message: `not valid ${/\.json$/i.test(file.path) ? 'JSON' : 'YAML'}: ${error.message.split('\n')[0] ?? ''}`, start: error.pos[0], end: error.pos[1] } };
    const budget = { nodes: 0 };
    return { file, root: doc.contents ? toTree(yaml, doc, doc.contents, budget, 0) : null, error: null };
  } catch (error) {
    const message = error instanceof TreeTooLarge ? error.message : `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    return { file, root: null, error: { message, start: 0, end: 0 } };
  }
}

class TreeTooLarge extends Error {}

function toTree(lib: Yaml, doc: Document, node: YamlNode, budget: { nodes: number }, depth: number): TreeNode {
  if (++budget.nodes > MAX_TREE_NODES || depth > 512) throw new TreeTooLarge(`has more than ${MAX_TREE_NODES.toLocaleString('en')} values (or nests deeper than 512) once aliases are expanded; dmlint does not read it`);
  const [start, end] = node.range ?? [0, 0];
  if (lib.isAlias(node)) {
    const target = node.resolve(doc);
    return target ? toTree(lib, doc, target, budget, depth + 1) : { kind: 'scalar', start, end, value: null };
  }
  if (lib.isMap(node)) {
    const entries = node.items.flatMap((pair) => {
      const key = pair.key as YamlNode | null;
      const keyValue = lib.isScalar(key) ? key.value : null;
      if (!key || !(typeof keyValue === 'string' || typeof keyValue === 'number' || typeof keyValue === 'boolean')) return [];
      const [keyStart, keyEnd] = key.range ?? [start, start];
      const value = pair.value ? toTree(lib, doc, pair.value as YamlNode, budget, depth + 1) : { kind: 'scalar' as const, start: keyEnd, end: keyEnd, value: null };
      return [{ key: String(keyValue), keyStart, keyEnd, value }];
    });
    return { kind: 'map', start, end, entries };
  }
  if (lib.isSeq(node)) return { kind: 'seq', start, end, items: node.items.map((item) => toTree(lib, doc, item as YamlNode, budget, depth + 1)) };
  const value = lib.isScalar(node) ? node.value : null;
  return { kind: 'scalar', start, end, value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null };
}
