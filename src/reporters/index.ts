/** The reporters by name. SARIF, JUnit and Markdown are loaded only when asked for. */
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

const eager: Readonly<Record<string, Reporter>> = { stylish, compact, json, github };

const lazy: Readonly<Record<string, () => Promise<Reporter>>> = {
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  markdown: async () => (await import('./markdown.js')).markdown,
};

export const FORMAT_NAMES = [...Object.keys(eager), ...Object.keys(lazy)];

export async function loadReporter(name: string): Promise<Reporter | undefined> {
  return eager[name] ?? (await lazy[name]?.());
}
