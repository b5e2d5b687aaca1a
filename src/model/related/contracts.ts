/**
 * The schemas of a feature's API contracts: OpenAPI 3.0/3.1 `components.schemas` (and Swagger's
 * `definitions`), or a JSON Schema file (its root, `$defs` and `definitions`). Each schema's
 * properties with their types, formats, nullability, enum values and whether they are required,
 * following `$ref`s to shared schemas in the same or another local file.
 */
import { pointerSegments } from '@hyperjump/json-pointer';
import type { Range } from '../../markdown/types.js';
import { entryOf, rangeIn, scalarText, valueOf, type ParsedTree, type RelatedFile, type RelatedProblem, type TreeNode } from './tree.js';

export interface ContractProperty {
  name: string;
  /** The file and place of the property's name. */
  file: RelatedFile;
  range: Range;
  /** JSON Schema types, `null` left out; empty when the schema names none. */
  types: string[];
  format: string | null;
  /** `nullable: true` (OpenAPI 3.0), a `null` type (3.1, JSON Schema) or a null enum value or alternative. */
  nullable: boolean;
  enumValues: string[] | null;
  required: boolean;
}

export interface ContractSchema {
  name: string;
  file: RelatedFile;
  /** The schema's name (its key under `components.schemas`, or its title). */
  range: Range;
  properties: ContractProperty[];
}

/**
 * Loads a file a `$ref` names, relative to the file that holds the `$ref`: the tree, or why it
 * cannot be followed (outside the repository, missing, a web address). The host does the I/O.
 */
export type RefLoader = (fromPath: string, target: string) => ParsedTree | string;

/** How deep `$ref`s may chain before dmlint stops following them. */
const MAX_REF_DEPTH = 32;

interface Located {
  tree: ParsedTree;
  node: TreeNode;
}

export interface ContractReading {
  schemas: ContractSchema[];
  problems: RelatedProblem[];
}

export function readContracts(trees: readonly ParsedTree[], load: RefLoader): ContractReading {
  const reader = new ContractReader(load);
  const schemas: ContractSchema[] = [];
  for (const tree of trees) {
    if (tree.error) {
      reader.problem(tree, tree.error.start, tree.error.end, tree.error.message);
      continue;
    }
    for (const named of namedSchemas(tree)) schemas.push(reader.schema(tree, named));
  }
  return { schemas, problems: reader.problems };
}

interface NamedSchema {
  name: string;
  start: number;
  end: number;
  node: TreeNode;
}

function namedSchemas(tree: ParsedTree): NamedSchema[] {
  const root = tree.root;
  if (root?.kind !== 'map') return [];
  const entries = (holder: TreeNode | undefined): NamedSchema[] =>
    holder?.kind === 'map' ? holder.entries.map((entry) => ({ name: entry.key, start: entry.keyStart, end: entry.keyEnd, node: entry.value })) : [];
  if (entryOf(root, 'openapi') || entryOf(root, 'swagger')) return [...entries(valueOf(valueOf(root, 'components'), 'schemas')), ...entries(valueOf(root, 'definitions'))];
  const found = [...entries(valueOf(root, '$defs')), ...entries(valueOf(root, 'definitions'))];
  if (entryOf(root, 'properties')) {
    const title = valueOf(root, 'title');
    const name = scalarText(title) ?? tree.file.label.replace(/^.*\//, '').replace(/(?:\.schema)?\.(?:json|ya?ml)$/i, '');
    found.unshift({ name, start: title?.start ?? root.start, end: title?.end ?? root.start, node: root });
  }
  return found;
}

class ContractReader {
  readonly problems: RelatedProblem[] = [];
  private readonly reported = new Set<string>();

  constructor(private readonly load: RefLoader) {}

  problem(tree: ParsedTree, start: number, end: number, message: string): void {
    const key = `${tree.file.path}\0${start}\0${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ file: tree.file, range: rangeIn(tree.file, start, end), message });
  }

  schema(tree: ParsedTree, named: NamedSchema): ContractSchema {
    const properties = new Map<string, ContractProperty>();
    const required = new Set<string>();
    this.collect({ tree, node: named.node }, properties, required, []);
    for (const property of properties.values()) property.required = required.has(property.name);
    return { name: named.name, file: tree.file, range: rangeIn(tree.file, named.start, named.end), properties: [...properties.values()] };
  }

  /** Properties and required names of a schema, through `$ref` and `allOf`. */
  private collect(at: Located, properties: Map<string, ContractProperty>, required: Set<string>, chain: string[]): void {
    const resolved = this.resolve(at, chain);
    if (!resolved) return;
    const { tree, node } = resolved.at;
    const parts = valueOf(node, 'allOf');
    if (parts?.kind === 'seq') for (const part of parts.items) this.collect({ tree, node: part }, properties, required, resolved.chain);
    const declared = valueOf(node, 'properties');
    if (declared?.kind === 'map') {
      for (const entry of declared.entries) {
        if (properties.has(entry.key)) continue;
        const info = this.describe({ tree, node: entry.value }, resolved.chain);
        properties.set(entry.key, { name: entry.key, file: tree.file, range: rangeIn(tree.file, entry.keyStart, entry.keyEnd), ...info, required: false });
      }
    }
    const names = valueOf(node, 'required');
    if (names?.kind === 'seq') for (const item of names.items) if (item.kind === 'scalar' && typeof item.value === 'string') required.add(item.value);
  }

  /** What a property's schema says about its values. */
  private describe(at: Located, chain: string[]): Pick<ContractProperty, 'types' | 'format' | 'nullable' | 'enumValues'> {
    const unknown = { types: [], format: null, nullable: false, enumValues: null };
    const nullableHere = scalarOf(valueOf(at.node, 'nullable')) === true;
    const resolved = this.resolve(at, chain);
    if (!resolved) return { ...unknown, nullable: nullableHere };
    const { tree, node } = resolved.at;
    let nullable = nullableHere || scalarOf(valueOf(node, 'nullable')) === true;
    // `allOf: [$ref]` (how OpenAPI 3.0 puts `nullable` beside a reference) and `anyOf/oneOf: [T, null]`.
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const alternatives = valueOf(node, key);
      if (alternatives?.kind !== 'seq') continue;
      const kept = alternatives.items.filter((item) => !(scalarText(valueOf(item, 'type')) === 'null'));
      nullable ||= kept.length < alternatives.items.length;
      const [only] = kept;
      if (kept.length === 1 && only) {
        const inner = this.describe({ tree, node: only }, resolved.chain);
        return { ...inner, nullable: nullable || inner.nullable };
      }
    }
    const typeNode = valueOf(node, 'type');
    const declared = typeNode?.kind === 'seq' ? typeNode.items.map(scalarText) : [scalarText(typeNode)];
    const types = declared.filter((type): type is string => type !== null && type !== 'null');
    nullable ||= declared.includes('null');
    const enumNode = valueOf(node, 'enum');
    let enumValues: string[] | null = null;
    if (enumNode?.kind === 'seq') {
      enumValues = [];
      for (const item of enumNode.items) {
        if (item.kind !== 'scalar') continue;
        if (item.value === null) nullable = true;
        else enumValues.push(String(item.value));
      }
    }
    return { types, format: scalarText(valueOf(node, 'format')), nullable, enumValues };
  }

  /** Follows `$ref`s from a node to the schema they name; null (with a problem) when one cannot be followed. */
  private resolve(at: Located, chain: string[]): { at: Located; chain: string[] } | null {
    let current = at;
    let seen = chain;
    for (;;) {
      const refNode = valueOf(current.node, '$ref');
      const ref = scalarText(refNode);
      if (ref === null || !refNode) return { at: current, chain: seen };
      const place = (message: string): null => {
        this.problem(current.tree, refNode.start, refNode.end, message);
        return null;
      };
      if (seen.length >= MAX_REF_DEPTH) return place(`$ref ${JSON.stringify(ref)} is more than ${MAX_REF_DEPTH} references deep; dmlint stops following it`);
      const hash = ref.indexOf('#');
      const filePart = hash >= 0 ? ref.slice(0, hash) : ref;
      const fragment = hash >= 0 ? ref.slice(hash + 1) : '';
      let tree = current.tree;
      if (filePart !== '') {
        if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) return place(`$ref ${JSON.stringify(ref)} is a web address; dmlint follows only files of the repository and fetches nothing`);
        const loaded = this.load(current.tree.file.path, filePart);
        if (typeof loaded === 'string') return place(`$ref ${JSON.stringify(ref)}: ${loaded}`);
        if (loaded.error) return place(`$ref ${JSON.stringify(ref)} names ${loaded.file.label}, which cannot be read: ${loaded.error.message}`);
        tree = loaded;
      }
      const key = `${tree.file.path}#${fragment}`;
      if (seen.includes(key)) return place(`$ref ${JSON.stringify(ref)} closes a cycle of references (${[...seen.slice(seen.indexOf(key)), key].map(shortRef).join(' → ')})`);
      const target = pointTo(tree.root, fragment);
      if (typeof target === 'string') return place(`$ref ${JSON.stringify(ref)} points nowhere: ${target}`);
      seen = [...seen, key];
      current = { tree, node: target };
    }
  }
}

function shortRef(key: string): string {
  return key.replace(/^.*\//, '');
}

/** The node a JSON pointer fragment names, or why there is none. */
function pointTo(root: TreeNode | null, fragment: string): TreeNode | string {
  if (!root) return 'the file is empty';
  if (fragment === '') return root;
  let pointer: string;
  try {
    pointer = decodeURIComponent(fragment);
  } catch {
    return `"#${fragment}" is not a valid URI fragment`;
  }
  let node: TreeNode = root;
  try {
    for (const segment of pointerSegments(pointer)) {
      const next: TreeNode | undefined = node.kind === 'map' ? valueOf(node, segment) : node.kind === 'seq' && /^(?:0|[1-9]\d*)$/.test(segment) ? node.items[Number(segment)] : undefined;
      if (!next) return `there is no ${JSON.stringify(segment)} in ${JSON.stringify(pointer)}`;
      node = next;
    }
  } catch (error) {
    return `"#${fragment}" is not a JSON pointer (${error instanceof Error ? error.message : String(error)})`;
  }
  return node;
}

function scalarOf(node: TreeNode | undefined): string | number | boolean | null | undefined {
  return node?.kind === 'scalar' ? node.value : undefined;
}
