/**
 * Validates a configuration file against the schema (Ajv), then checks what a schema cannot say
 * well: unknown rule ids get the closest id as a suggestion. Errors carry the file, the path
 * inside it and its line, and say what is allowed.
 */
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import { NameIndex } from '../util/names.js';
import type { AnyRule } from '../rule-kit/rule.js';
import { buildConfigSchema, TOP_LEVEL_KEYS } from './schema.js';
import { ConfigError, type ConfigData, type ConfigLayer } from './types.js';

// ajv is CommonJS; its class is the default export or the module itself.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as typeof AjvModule.default;

const validators = new WeakMap<readonly AnyRule[], ValidateFunction>();

function validatorFor(rules: readonly AnyRule[]): ValidateFunction {
  let validate = validators.get(rules);
  if (!validate) {
    // verbose: errors carry their schema, which lists the keys that are allowed.
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    ajv.addFormat('regex', (text: string) => {
      try {
        new RegExp(text, 'u');
        return true;
      } catch {
        return false;
      }
    });
    validate = ajv.compile(buildConfigSchema(rules));
    validators.set(rules, validate);
  }
  return validate;
}

/** `/rules/no-placeholder/1/allow` → `['rules', 'no-placeholder', 1, 'allow']`. */
function pathOf(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function pathLabel(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((label, part) => (typeof part === 'number' ? `${label}[${part}]` : label === '' ? part : `${label}.${part}`), '') || 'the file';
}

/** The most specific error: the deepest path, and at one path an unknown key before the rest. */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject | undefined {
  return [...errors].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length || Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties'))[0];
}

/** `rules.<id>` or `overrides[n].rules.<id>`: a rule's severity entry. */
function isRuleEntry(path: ReadonlyArray<string | number>): boolean {
  return (path.length === 2 && path[0] === 'rules') || (path.length === 4 && path[0] === 'overrides' && path[2] === 'rules');
}

function describe(error: ErrorObject, path: ReadonlyArray<string | number>): string {
  const label = pathLabel(path);
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty?: string }).additionalProperty);
    const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const parent = pathLabel(path.slice(0, -1));
    return `${parent === 'the file' ? '' : `${parent}: `}unknown key ${JSON.stringify(key)}; allowed: ${allowed.join(', ')}`;
  }
  if (isRuleEntry(path)) {
    return `${label}: use "off", "warn" or "error", or ["error", { options }]`;
  }
  if (error.keyword === 'format') return `${label}: not a valid regular expression`;
  return `${label}: ${error.message ?? 'is not valid'}`;
}

/**
 * Checks a layer's data. With `ruleIds`, also that every rule id names a known rule (after
 * plugins are loaded); without, any rule id is accepted for now.
 */
export function validateLayer(layer: ConfigLayer, rules: readonly AnyRule[], checkRuleIds: boolean): ConfigData {
  const data = layer.data as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`a configuration is an object with keys such as ${TOP_LEVEL_KEYS.slice(1).join(', ')}`, layer.file, layer.locate([]));
  const validate = validatorFor(rules);
  if (!validate(data)) {
    const error = mostSpecific(validate.errors ?? []);
    if (error) {
      let path = pathOf(error.instancePath);
      if (error.keyword === 'additionalProperties') path = [...path, String((error.params as { additionalProperty?: string }).additionalProperty)];
      throw new ConfigError(describe(error, path), layer.file, layer.locate(path));
    }
  }
  if (checkRuleIds) checkIds(layer, rules);
  return layer.data;
}

function checkIds(layer: ConfigLayer, rules: readonly AnyRule[]): void {
  const known = new NameIndex(rules.map((rule) => [rule.id, rule] as const));
  const ids = new Set(rules.map((rule) => rule.id));
  const sets: Array<[Array<string | number>, Record<string, unknown> | undefined]> = [
    [['rules'], layer.data.rules],
    ...(layer.data.overrides ?? []).map((override, index): [Array<string | number>, Record<string, unknown> | undefined] => [['overrides', index, 'rules'], override.rules]),
  ];
  for (const [base, entries] of sets) {
    for (const id of Object.keys(entries ?? {})) {
      if (ids.has(id)) continue;
      const near = known.closest(id);
      const path = [...base, id];
      throw new ConfigError(`${pathLabel(path)}: unknown rule ${JSON.stringify(id)}${near ? `; did you mean ${JSON.stringify(near.name)}?` : ''} Run "dmlint --list-rules" to see the rules.`, layer.file, layer.locate(path));
    }
  }
}
