/**
 * A related document as the rules see it: a file of the feature folder (the spec, a contract),
 * its text with positions, and the problems reading it gave. Contracts arrive as a plain tree of
 * maps, sequences and scalars with source offsets: the host parses them (YAML or JSON) and the
 * model reads the tree, so the model needs no parser of its own.
 */
import type { Range } from '../../markdown/types.js';
import type { SourceText } from '../../markdown/source.js';

export interface RelatedFile {
  /** Absolute path, for related locations. */
  path: string;
  /** The path relative to the data model's folder, with `/`, for messages (`contracts/openapi.yaml`). */
  label: string;
  source: SourceText;
}

export type TreeNode =
  | { kind: 'map'; start: number; end: number; entries: TreeEntry[] }
  | { kind: 'seq'; start: number; end: number; items: TreeNode[] }
  | { kind: 'scalar'; start: number; end: number; value: string | number | boolean | null };

export interface TreeEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: TreeNode;
}

/** One parsed contract file: its tree, or where and why it could not be read. */
export interface ParsedTree {
  file: RelatedFile;
  root: TreeNode | null;
  error: { message: string; start: number; end: number } | null;
}

/** A problem with a related document, at a place in that document. */
export interface RelatedProblem {
  file: RelatedFile;
  range: Range;
  message: string;
}

export function entryOf(node: TreeNode | undefined, key: string): TreeEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((entry) => entry.key === key) : undefined;
}

export function valueOf(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return entryOf(node, key)?.value;
}

export function scalarText(node: TreeNode | undefined): string | null {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : null;
}

export function rangeIn(file: RelatedFile, start: number, end: number): Range {
  return file.source.range(start, end);
}
