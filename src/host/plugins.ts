/**
 * Loads custom rules from plugin modules named in configuration. A plugin is an ES module whose
 * default export (or `rules` export) is a rule, an array of rules, or `{ rules: [...] }`, each
 * built with `defineRule`. Loading a plugin runs its code: only configured modules are loaded,
 * and `--no-plugins` loads none.
 */
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/types.js';
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
    fail(`failed to load: ${error instanceof Error ? error.message : String(error)}`);
  }
  const exported = module.rules ?? module.default;
  const listed = (exported as { rules?: unknown } | undefined)?.rules ?? exported;
  const rules: unknown[] = Array.isArray(listed) ? listed : [listed];
  if (rules.length === 0 || rules[0] === undefined) fail('exports no rules; export default a rule made with defineRule, or an array of them');
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
