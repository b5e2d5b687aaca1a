/**
 * YAML front matter for the pure layers. The YAML parser is large and loaded apart, and linting
 * is synchronous: a host calls `prepareFrontMatter` with a text before linting it, and the parser
 * is loaded only when some text (a document or a template) has front matter.
 */
import type { LintTextOptions } from '../engine/lint-text.js';
import { frontMatterOf } from '../markdown/source.js';
import { ensureYaml, loadedYaml } from './yaml-parser.js';

let readYaml: ((text: string) => unknown) | null = null;

/** Loads the YAML parser if `text` has front matter and it is not loaded yet. */
export async function prepareFrontMatter(text: string): Promise<void> {
  if (frontMatterOf(text)) await ensureYaml();
}

/** The settings with the YAML parser, once one is loaded (for front matter or for contracts). */
export function withFrontMatter(settings: LintTextOptions): LintTextOptions {
  const yaml = loadedYaml();
  if (!yaml) return settings;
  readYaml ??= (body) => yaml.parse(body) as unknown;
  return { ...settings, readYaml };
}

/** A template's declared `name` and `version`, from its front matter; null when it has none. Throws on YAML it cannot read. */
export async function declaredIdentity(text: string): Promise<{ name?: string; version?: string } | null> {
  const frontMatter = frontMatterOf(text);
  if (!frontMatter) return null;
  const value = (await ensureYaml()).parse(frontMatter.body) as unknown;
  if (typeof value !== 'object' || value === null) return null;
  const { name, version } = value as Record<string, unknown>;
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof version === 'string' || typeof version === 'number' ? { version: String(version) } : {}),
  };
}
