/**
 * Reads a configuration file's text: JSON (comments allowed) or YAML. Syntax errors and later
 * validation errors are reported with the line and column inside the file.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Document } from 'yaml';
import type * as YamlModule from 'yaml';
import { SourceText } from '../markdown/source.js';
import { ConfigError } from './types.js';

export interface ParsedConfig {
  value: unknown;
  locate(path: ReadonlyArray<string | number>): { line: number; column: number } | null;
}

export function isYamlFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

/** YAML support is loaded only for YAML files: the parser is large and most projects use JSON. */
export async function parseConfigText(file: string, text: string): Promise<ParsedConfig> {
  return isYamlFile(file) ? parseYaml(file, text, await loadYaml()) : parseJson(file, text);
}

export type Yaml = typeof YamlModule;

export async function loadYaml(): Promise<Yaml> {
  const loaded = await import('yaml');
  // Bundled, the CommonJS build arrives as the default export of the namespace.
  return 'LineCounter' in loaded ? loaded : (loaded as unknown as { default: Yaml }).default;
}

export function parseJson(file: string, text: string): ParsedConfig {
  const source = new SourceText(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const [error] = errors;
  if (error || !root) {
    const { line, column } = source.position(error?.offset ?? 0);
    throw new ConfigError(`not valid JSON: ${error ? printParseErrorCode(error.error) : 'the file is empty'}`, file, { line, column });
  }
  return {
    value: toValue(root),
    locate(path) {
      const node = path.length === 0 ? root : findNodeAtLocation(root, [...path]);
      // Point at the key of a property, where a reader looks for it.
      const at = node?.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
      return at ? pick(source.position(at.offset)) : null;
    },
  };
}

function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((property) => [String(property.children?.[0]?.value), property.children?.[1] ? toValue(property.children[1]) : null]));
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value as unknown;
  }
}

function parseYaml(file: string, text: string, yaml: Yaml): ParsedConfig {
  const lines = new yaml.LineCounter();
  const doc: Document = yaml.parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    const position = lines.linePos(error.pos[0]);
    throw new ConfigError(`not valid YAML: ${error.message.split('\n')[0] ?? ''}`, file, { line: position.line, column: position.col });
  }
  return {
    value: doc.toJS() as unknown,
    locate(path) {
      const parent = path.length > 0 ? doc.getIn(path.slice(0, -1), true) : null;
      const last = path[path.length - 1];
      const pair = yaml.isMap(parent) ? parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === last) : undefined;
      const node = (pair?.key ?? doc.getIn([...path], true)) as { range?: [number, number, number] } | undefined;
      if (!node?.range) return null;
      const position = lines.linePos(node.range[0]);
      return { line: position.line, column: position.col };
    },
  };
}

function pick(position: { line: number; column: number }): { line: number; column: number } {
  return { line: position.line, column: position.column };
}
