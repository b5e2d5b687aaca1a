/**
 * The YAML parser, for front matter, team templates and API contracts. It is large and bundled
 * apart, and linting is synchronous: a host loads it (`ensureYaml`) before linting a text that
 * needs it, and the readers then take it as loaded (`loadedYaml`). One copy for every reader.
 */
import { loadYaml, type Yaml } from '../config/parse.js';

let loaded: Yaml | null = null;

export async function ensureYaml(): Promise<Yaml> {
  return (loaded ??= await loadYaml());
}

/** The parser once some host has loaded it; null before. */
export function loadedYaml(): Yaml | null {
  return loaded;
}
