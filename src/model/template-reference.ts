/**
 * Which template a document says it was filled from: front matter `template:` with a name and a
 * version or a digest —
 *
 * ```yaml
 * template: { name: team-data-model, version: 3 }
 * template: team-data-model@3
 * template: { name: team-data-model, digest: 5f2c0e41a9b7 }
 * ```
 */
import { frontMatterOf, type SourceText } from '../markdown/source.js';
import type { Range } from '../markdown/types.js';

export interface TemplateReference {
  name: string | null;
  version: string | null;
  digest: string | null;
  /** The `template:` line. */
  range: Range;
}

export type TemplateReferenceRead = TemplateReference | { problem: string; range: Range } | null;

/** Null when the document has no front matter, no `template:` key, or no YAML parser was given. */
export function readTemplateReference(source: SourceText, readYaml: ((text: string) => unknown) | null): TemplateReferenceRead {
  const frontMatter = frontMatterOf(source.text);
  if (!frontMatter || !readYaml) return null;
  const keyAt = /^template[ \t]*:/m.exec(frontMatter.body);
  const lineStart = frontMatter.bodyStart + (keyAt?.index ?? 0);
  const range = source.range(lineStart, source.lineEnd(source.position(lineStart).line));
  let value: unknown;
  try {
    value = readYaml(frontMatter.body);
  } catch (error) {
    return { problem: `the front matter is not valid YAML (${(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''})`, range };
  }
  const template = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).template : undefined;
  if (template === undefined || template === null) return null;
  if (typeof template === 'string') {
    const at = template.lastIndexOf('@');
    return at > 0 ? { name: template.slice(0, at), version: template.slice(at + 1), digest: null, range } : { name: template, version: null, digest: null, range };
  }
  if (typeof template !== 'object' || Array.isArray(template)) return { problem: 'write "template:" as { name: ..., version: ... } or name@version', range };
  const { name, version, digest } = template as Record<string, unknown>;
  const text = (field: unknown): string | null => (typeof field === 'string' || typeof field === 'number' ? String(field) : null);
  if (text(version) === null && text(digest) === null) return { problem: '"template:" names no version or digest', range };
  return { name: text(name), version: text(version), digest: text(digest)?.toLowerCase() ?? null, range };
}
