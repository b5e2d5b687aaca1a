/**
 * Everything that decides how one document is linted, resolved the way the CLI and the language
 * server both need it: its configuration file, the team's template, plugin rules, severities
 * and options. Files, templates and plugins are read once per run and cached.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { ConfigLoader } from '../config/load.js';
import { isIgnoredByConfig, resolveConfig } from '../config/resolve.js';
import { ConfigError, type ConfigLayer, type ResolvedConfig, type RuleEntry } from '../config/types.js';
import type { LintHost, RuleConfig } from '../engine/run-rules.js';
import type { AnyRule } from '../rule-kit/rule.js';
import type { LintTextOptions } from '../engine/lint-text.js';
import { bundledSchema } from '../template/bundled.js';
import { buildTemplateSchema, withColumns, withIdentity, type TemplateSchema } from '../template/schema.js';
import { declaredIdentity } from './front-matter.js';
import { describeFsError } from './discover.js';
import { nodeHost } from './node-host.js';
import { loadPlugin } from './plugins.js';
import { prepareRelatedDocuments } from './related.js';

export interface WorkspaceOptions {
  cwd: string;
  /** `--config`: use this file for every document. */
  configFile?: string | null;
  /** false with `--no-config`. */
  useConfig?: boolean;
  /** `--template`: this template for every document. */
  template?: string | null;
  /** `--rule` entries, applied last. */
  commandLineRules?: Record<string, RuleEntry>;
  /** false with `--no-plugins`. */
  usePlugins?: boolean;
  /** false with `--no-related`: no spec or contract is read, whatever the configuration says. */
  useRelated?: boolean;
  reportUnusedDisables?: boolean;
  /** What rules may ask of the file system; a host that confines itself to a directory passes its own. */
  host?: LintHost;
  /** A host confined to a directory: configuration is not looked for above it. */
  boundary?: string;
}

export interface FileSettings {
  config: ResolvedConfig;
  /** Matched by the configuration's `ignores`. */
  ignored: boolean;
  lint: LintTextOptions;
}

export class Workspace {
  private readonly loader: ConfigLoader;
  private readonly schemas = new Map<string, Promise<TemplateSchema>>();
  private readonly plugins = new Map<string, Promise<AnyRule[]>>();
  /** The plugin each loaded plugin rule came from, as the configuration names it. */
  private readonly pluginOf = new WeakMap<AnyRule, string>();
  private readonly checked = new WeakMap<ConfigLayer, Set<string>>();
  private commandLineChecked = false;

  constructor(private readonly options: WorkspaceOptions) {
    this.loader = new ConfigLoader(builtinRules, options.boundary ?? null);
  }

  /** The configuration file that applies to a document, or null. */
  configFileFor(file: string): string | null {
    if (this.options.configFile) return resolve(this.options.cwd, this.options.configFile);
    return this.options.useConfig === false ? null : this.loader.find(dirname(file));
  }

  async settingsFor(file: string): Promise<FileSettings> {
    const configFile = this.configFileFor(file);
    const layers = configFile ? await this.loader.load(configFile) : [];
    const config = resolveConfig(layers, file, this.options.commandLineRules);
    if (this.options.template) config.template = resolve(this.options.cwd, this.options.template);
    const ruleSet = await this.ruleSet(config, configFile);
    await this.checkRules(layers, ruleSet, config.plugins.length === 0 || this.options.usePlugins !== false);
    const schema = withColumns(await this.schema(config.template, configFile), config.columns);
    const related = this.options.useRelated === false ? { ...config.related, enabled: false } : config.related;
    await prepareRelatedDocuments(related, dirname(file));
    const rules: RuleConfig = {
      severities: Object.fromEntries(Object.entries(config.rules).map(([id, entry]) => [id, entry.setting])),
      options: Object.fromEntries(Object.entries(config.rules).flatMap(([id, entry]) => (entry.options ? [[id, entry.options]] : []))),
    };
    return {
      config,
      ignored: isIgnoredByConfig(config, file),
      lint: { filePath: file, schema, ruleSet, rules, host: this.options.host ?? nodeHost, related, reportUnusedDisables: this.options.reportUnusedDisables === true },
    };
  }

  private async ruleSet(config: ResolvedConfig, configFile: string | null): Promise<readonly AnyRule[]> {
    if (config.plugins.length === 0 || this.options.usePlugins === false) return builtinRules;
    const loaded: AnyRule[] = [];
    for (const { specifier, base } of config.plugins) {
      const key = `${base}\0${specifier}`;
      let rules = this.plugins.get(key);
      if (!rules) {
        rules = loadPlugin(specifier, base, configFile).then((ruleList) => {
          for (const rule of ruleList) this.pluginOf.set(rule, specifier);
          return ruleList;
        });
        this.plugins.set(key, rules);
      }
      loaded.push(...(await rules));
    }
    const ids = new Set(builtinRules.map((rule) => rule.id));
    for (const rule of loaded) {
      if (ids.has(rule.id)) throw new ConfigError(`plugin rule ${JSON.stringify(rule.id)} has the id of another rule; give it a prefix such as "team/${rule.id}"`, configFile);
      ids.add(rule.id);
    }
    return [...builtinRules, ...loaded];
  }

  /** The rules that apply in `dir` (its configuration's plugins included), each with the plugin it comes from. */
  async rulesIn(dir: string): Promise<Array<{ rule: AnyRule; plugin: string | null }>> {
    const { lint } = await this.settingsFor(resolve(this.options.cwd, dir, 'data-model.md'));
    return (lint.ruleSet ?? builtinRules).map((rule) => ({ rule, plugin: this.pluginOf.get(rule) ?? null }));
  }

  /**
   * Rule ids and options, checked once the plugins' rules are known. With plugins switched off,
   * their rules' ids cannot be known, so only the structure is checked (`strictIds` false).
   */
  private async checkRules(layers: readonly ConfigLayer[], ruleSet: readonly AnyRule[], strictIds: boolean): Promise<void> {
    const commandLine = this.options.commandLineRules;
    const commandLineToCheck = commandLine && Object.keys(commandLine).length > 0 && !this.commandLineChecked;
    // The validator (ajv) is loaded only when there is something to validate: most runs have no config.
    if (layers.length === 0 && !commandLineToCheck) return;
    const { validateLayer } = await import('../config/validate.js');
    const key = `${strictIds}:${ruleSet.map((rule) => rule.id).join(',')}`;
    for (const layer of layers) {
      const done = this.checked.get(layer) ?? new Set<string>();
      if (done.has(key)) continue;
      validateLayer(layer, ruleSet, strictIds);
      done.add(key);
      this.checked.set(layer, done);
    }
    if (commandLine && commandLineToCheck) {
      validateLayer({ file: '--rule', dir: this.options.cwd, data: { rules: commandLine }, locate: () => null }, ruleSet, strictIds);
      this.commandLineChecked = true;
    }
  }

  private schema(template: string | null, configFile: string | null): Promise<TemplateSchema> {
    if (!template) return Promise.resolve(bundledSchema());
    let schema = this.schemas.get(template);
    if (!schema) {
      const shown = relative(this.options.cwd, template) || template;
      schema = readFile(template, 'utf8').then(
        async (text) => {
          const declared = await declaredIdentity(text).catch((error: unknown) => {
            throw new ConfigError(`template: the front matter of ${shown} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`, configFile);
          });
          return withIdentity(buildTemplateSchema(text, template), declared);
        },
        (error: unknown) => {
          throw new ConfigError(`template: cannot read ${shown}: ${describeFsError(error)}`, configFile);
        },
      );
      this.schemas.set(template, schema);
    }
    return schema;
  }
}
