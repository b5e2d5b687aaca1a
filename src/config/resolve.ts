/**
 * The settings for one document: the layers of its configuration in order (what they extend
 * first), then the overrides whose globs match it, then rules given on the command line.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { ColumnNames } from '../template/columns.js';
import { DEFAULT_CONTRACT_GLOBS } from '../rule-kit/index.js';
import { severityOf, type ConfigLayer, type ResolvedConfig, type RuleEntry } from './types.js';

export function emptyConfig(): ResolvedConfig {
  return { files: [], template: null, rules: {}, ignores: [], plugins: [], columns: {}, related: { enabled: true, contracts: [...DEFAULT_CONTRACT_GLOBS] } };
}

function applyRules(target: ResolvedConfig['rules'], entries: Readonly<Record<string, RuleEntry>> | undefined): void {
  for (const [id, entry] of Object.entries(entries ?? {})) {
    const [severity, given] = Array.isArray(entry) ? entry : [entry];
    // Options given once stay until replaced, as in ESLint: "warn" keeps earlier options.
    const options = given ?? target[id]?.options;
    target[id] = options ? { setting: severityOf(severity), options } : { setting: severityOf(severity) };
  }
}

function mergeColumns(base: ColumnNames, extra: ColumnNames | undefined): ColumnNames {
  if (!extra) return base;
  const merged: ColumnNames = { attributes: { ...base.attributes }, relationships: { ...base.relationships } };
  for (const [role, names] of Object.entries(extra.attributes ?? {})) (merged.attributes as Record<string, string[]>)[role] = [...((base.attributes as Record<string, string[]> | undefined)?.[role] ?? []), ...names];
  for (const [role, names] of Object.entries(extra.relationships ?? {})) (merged.relationships as Record<string, string[]>)[role] = [...((base.relationships as Record<string, string[]> | undefined)?.[role] ?? []), ...names];
  return merged;
}

/** Whether `file`, relative to `base`, matches any of the globs (files outside `base` never do). */
export function matchesGlobs(file: string, base: string, globs: readonly string[]): boolean {
  const path = relative(base, file);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return false;
  return picomatch(globs as string[], { dot: true })(path.split('\\').join('/'));
}

export function resolveConfig(layers: readonly ConfigLayer[], file: string, commandLineRules: Readonly<Record<string, RuleEntry>> = {}): ResolvedConfig {
  const config = emptyConfig();
  for (const layer of layers) {
    const { data, dir } = layer;
    config.files.push(layer.file);
    if (data.template) config.template = resolve(dir, data.template);
    applyRules(config.rules, data.rules);
    if (data.ignores?.length) config.ignores.push({ base: dir, patterns: data.ignores });
    for (const specifier of data.plugins ?? []) config.plugins.push({ specifier, base: dir });
    config.columns = mergeColumns(config.columns, data.columns);
    if (typeof data.relatedDocuments === 'boolean') config.related = { ...config.related, enabled: data.relatedDocuments };
    else if (data.relatedDocuments) config.related = { enabled: true, contracts: data.relatedDocuments.contracts ?? config.related.contracts };
    for (const override of data.overrides ?? []) if (matchesGlobs(file, dir, override.files)) applyRules(config.rules, override.rules);
  }
  applyRules(config.rules, commandLineRules);
  return config;
}

export function isIgnoredByConfig(config: ResolvedConfig, file: string): boolean {
  return config.ignores.some(({ base, patterns }) => matchesGlobs(file, base, patterns));
}
