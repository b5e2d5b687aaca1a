/** The starter configuration `dmlint --init` writes: every key, documented, with every rule at its default. */
import type { AnyRule } from '../rule-kit/rule.js';

export const STARTER_FILE = '.dmlintrc.jsonc';

/** With `template`, the configuration points to it (a path relative to the configuration file). */
export function starterConfig(rules: readonly AnyRule[], template: string | null = null): string {
  const width = Math.max(...rules.map((rule) => rule.id.length)) + 4;
  const ruleLines = rules.map((rule, index) => {
    const entry = `    ${JSON.stringify(rule.id)}: ${JSON.stringify(rule.defaultSeverity === 'warning' ? 'warn' : 'error')}${index < rules.length - 1 ? ',' : ''}`;
    return `${entry.padEnd(width + 16)}// ${rule.description}`;
  });
  return `// dmlint configuration. Every key is optional; see README.md, "Configuration".
{
  // Lets editors complete and check this file.
  "$schema": "./node_modules/dmlint/src/config/dmlintrc.schema.json",

  // Another configuration file to start from, relative to this one.
  // "extends": "../.dmlintrc.jsonc",

  // Your team's data-model template, relative to this file. Without it, the bundled one is used.
  ${template === null ? '// "template": "docs/templates/data-model-template.md"' : `"template": ${JSON.stringify(template)},`}

  // Severity per rule: "off", "warn" or "error"; or ["error", { options }].
  "rules": {
${ruleLines.join('\n')}
  },

  // Globs of documents not to lint, relative to this file (.dmlintignore and .gitignore also apply).
  "ignores": [],

  // ES modules with custom rules (docs/custom-rules.md). They run code: list only trusted modules.
  "plugins": [],

  // Rule settings for some documents only.
  // "overrides": [{ "files": ["specs/legacy/**"], "rules": { "section-order": "off" } }],

  // More header names for table columns, for templates that name them differently.
  // "columns": { "attributes": { "name": ["Column"], "nullable": ["Null?"] } }
}
`;
}
