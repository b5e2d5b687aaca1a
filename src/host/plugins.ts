/**
 * Loads custom rules from plugin modules named in configuration. A plugin is a module whose
 * default export (or `rules` export) is a rule, an array of rules, `{ rules: [...] }`, or a
 * function that is given the rule kit and returns one of those: a plugin needs nothing from an
 * installed dmlint, so it runs wherever dmlint does (pre-commit, the Action, npx, a global
 * install). Loading a plugin runs its code: only configured modules are loaded, and
 * `--no-plugins` loads none.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/types.js';
import * as ruleKit from '../rule-kit/index.js';
import type { AnyRule } from '../rule-kit/rule.js';
import { importModule } from './import-module.js';

const RULE_ID = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)?$/;

/** Where a plugin specifier points: a path relative to the config file, or a package. */
export function pluginPath(specifier: string, base: string): string {
  if (specifier.startsWith('.') || isAbsolute(specifier)) return resolve(base, specifier);
  return createRequire(join(base, 'package.json')).resolve(specifier);
}

export async function loadPlugin(specifier: string, base: string, configFile: string | null): Promise<AnyRule[]> {
  const fail = (reason: string): never => {
    throw new ConfigError(`plugin ${JSON.stringify(specifier)}: ${reason}`, configFile);
  };
  let path = '';
  try {
    path = pluginPath(specifier, base);
  } catch (error) {
    fail(`cannot be found from ${base}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let module: Record<string, unknown> = {};
  try {
    module = (await importModule(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    fail(`failed to load: ${error instanceof Error ? error.message : String(error)}${moduleTypeHint(path, error)}`);
  }
  let exported = module.rules ?? module.default;
  if (typeof exported === 'function') {
    try {
      exported = (exported as (kit: typeof ruleKit) => unknown)(ruleKit);
    } catch (error) {
      fail(`its exported function failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const listed = (exported as { rules?: unknown } | undefined)?.rules ?? exported;
  const rules: unknown[] = Array.isArray(listed) ? listed : [listed];
  if (rules.length === 0 || rules[0] === undefined) fail('exports no rules; export default a rule, an array of rules, or a function that returns them');
  return rules.map((rule, index) => checkRule(rule, index, fail));
}

function checkRule(candidate: unknown, index: number, fail: (reason: string) => never): AnyRule {
  const rule = candidate as Partial<AnyRule> | null;
  const name = typeof rule?.id === 'string' ? JSON.stringify(rule.id) : `number ${index + 1}`;
  if (!rule || typeof rule !== 'object') return fail(`rule ${name} is not an object`);
  if (typeof rule.id !== 'string' || !RULE_ID.test(rule.id)) return fail(`rule ${name} needs an id in kebab-case, optionally with a prefix: "team/owner-field"`);
  if (typeof rule.check !== 'function') return fail(`rule ${name} has no check function`);
  if (typeof rule.description !== 'string' || rule.description === '') return fail(`rule ${name} has no description`);
  if (rule.defaultSeverity !== 'error' && rule.defaultSeverity !== 'warning') return fail(`rule ${name}: defaultSeverity is "error" or "warning"`);
  return { rationale: '', ...rule } as AnyRule;
}

/**
 * What to change when a `.js` plugin failed to parse because Node read it as CommonJS: its
 * package says `"type": "commonjs"`, or says nothing and the file is not clearly an ES module.
 */
function moduleTypeHint(path: string, error: unknown): string {
  if (!(error instanceof SyntaxError) || !path.endsWith('.js')) return '';
  const manifest = nearestPackageJson(dirname(path));
  if (manifest?.type === 'module') return '';
  const where = manifest ? `"type": "module" to ${manifest.file}` : `a package.json with "type": "module" next to it`;
  return `\nNode read ${path} as CommonJS. If it is an ES module (import/export), add ${where}, or rename it to .mjs.`;
}

function nearestPackageJson(dir: string): { file: string; type: unknown } | null {
  for (let current = dir; ; current = dirname(current)) {
    const file = join(current, 'package.json');
    let text: string | null = null;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // No package.json here: look further up.
    }
    if (text !== null) {
      try {
        return { file, type: (JSON.parse(text) as { type?: unknown }).type };
      } catch {
        // Node itself would have refused an unreadable package.json: nothing to advise.
        return null;
      }
    }
    if (dirname(current) === current) return null;
  }
}
