/** The documents of a data model's feature folder, as the rules receive them (read-only). */
import type { ContractSchema } from './contracts.js';
import type { SpecDocument } from './spec.js';
import type { RelatedProblem } from './tree.js';

export interface RelatedDocuments {
  /** The spec the header's Spec link names; null without a link, a readable file, or with related documents off. */
  spec: SpecDocument | null;
  /** Every schema of the folder's contract files. */
  contracts: ContractSchema[];
  /** Files that could not be read or followed: the `related-document` rule reports them. */
  problems: RelatedProblem[];
}

/** What the rules see when there is nothing related: text linted without a file, or with related documents off. */
export const NO_RELATED_DOCUMENTS: RelatedDocuments = Object.freeze({ spec: null, contracts: [], problems: [] });

/** How a host finds a data model's related documents (configuration `relatedDocuments`). */
export interface RelatedSettings {
  /** false with `--no-related` or `relatedDocuments: false`. */
  enabled: boolean;
  /** Globs of contract files, relative to the data model's folder. */
  contracts: string[];
}

export const DEFAULT_CONTRACT_GLOBS: readonly string[] = ['contracts/**/*.{yaml,yml,json}'];

export type { ContractProperty, ContractSchema, RefLoader } from './contracts.js';
export { readContracts } from './contracts.js';
export type { SpecClarification, SpecDocument, SpecEntity, SpecRequirement } from './spec.js';
export { readSpec } from './spec.js';
export type { ParsedTree, RelatedFile, RelatedProblem, TreeEntry, TreeNode } from './tree.js';
