/** The texts of --help and --list-rules. */
import type { AnyRule } from '../rule-kit/rule.js';
import { FORMAT_NAMES } from '../reporters/index.js';

export function helpText(version: string): string {
  return `dmlint ${version} — lint filled-in data-model documents

Usage: dmlint [options] [file | directory | glob ...]
       dmlint mcp      Run the agent server (Model Context Protocol, stdio) in this directory

A directory means every data-model.md below it (node_modules and .git are skipped).
With no paths, dmlint lints the current directory.

Options:
  -f, --format <name>[:file] Output format: ${FORMAT_NAMES.join(', ')} (default: stylish);
                             repeat it to write more formats, to files (sarif:dmlint.sarif)
  -o, --output-file <file>   Write the standard-output format to a file instead
  -q, --quiet                Report errors only
      --max-warnings <n>     Exit with 1 when there are more than n warnings
      --fix                  Apply safe fixes to the files
      --fix-dry-run          Compute fixes without writing (--format json shows the fixed text)
      --lsp                  Run the language server on standard input and output
      --stdin                Lint text read from standard input
      --stdin-filename <p>   Path to report for standard input (its configuration and Spec link)
  -c, --config <file>        Use this configuration file for every document
      --no-config            Use no configuration file
      --template <file>      Check against this template instead of the configured or bundled one
      --rule '<id>: <sev>'   Set a rule: off, warn, error, or a JSON array with options (repeatable)
      --no-ignore            Also lint what .dmlintignore, .gitignore or "ignores" would skip
      --no-plugins           Do not load plugin modules named in configuration
      --no-related           Read no spec or API contract beside a data model (feature folders)
      --report-unused-disables  Warn about dmlint-disable comments that suppress nothing
      --cache                Reuse the results of files that did not change (in .dmlintcache)
      --cache-location <p>   Cache file, or directory to hold .dmlintcache (with --cache)
      --shard <i/n>          Lint only part i of n of the files (split a CI job across runners)
      --concurrency <n>      Threads that lint: auto (default: every core for many files), off, or n
      --max-file-size <size> Refuse files larger than this (default 10MB)
      --suppress-all         Record every current error in dmlint-suppressions.json (a baseline);
                             later runs report only what goes beyond the recorded counts
      --suppress-rule <id>   Record the current errors of one rule only (repeatable)
      --prune-suppressions   Drop recorded errors that no longer occur
      --suppressions-location <file>  The baseline file (default: dmlint-suppressions.json at
                             the repository root)
      --print-config <file>  Print the configuration that applies to a document
      --init                 Write a starter .dmlintrc.jsonc
      --init --from <doc>    Also derive a team template (data-model-template.md) from a good
                             document, with its values as placeholders, and point the
                             configuration to it
      --color, --no-color    Force colours on or off (default: on for a terminal;
                             NO_COLOR and FORCE_COLOR are respected)
      --list-rules           List the rules with their default severity (plugin rules too)
  -v, --version              Print the version
  -h, --help                 Print this help

Exit codes:
  0  no errors (warnings allowed)
  1  at least one error
  2  bad usage, a file that cannot be read, or an internal failure

Examples:
  dmlint specs/012-library-lending/data-model.md
  dmlint specs/                         every data-model.md under specs/
  dmlint 'specs/**/data-model.md'       a glob (quote it so the shell leaves it alone)
  dmlint --format compact specs/        one line per problem, for editors
  dmlint --format json specs/ > dmlint.json
  dmlint --format github --format sarif:dmlint.sarif specs/    in a GitHub Actions job
  dmlint --fix specs/
  dmlint --cache --shard 2/4 specs/     in the second of four CI runners
  dmlint --stdin --stdin-filename specs/001-x/data-model.md < draft.md
  dmlint --rule 'open-questions: error' specs/
  dmlint --suppress-all specs/          adopt dmlint on existing documents
  dmlint --init --from specs/007-room-booking/data-model.md
  dmlint --print-config specs/012-library-lending/data-model.md
`;
}

/** The rules, a plugin rule with the plugin it comes from (as the configuration names it). */
export function ruleListText(rules: ReadonlyArray<{ rule: AnyRule; plugin: string | null }>): string {
  const idWidth = Math.max(...rules.map(({ rule }) => rule.id.length));
  const lines = rules.map(({ rule, plugin }) => `${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.description}${plugin === null ? '' : ` (plugin ${JSON.stringify(plugin)})`}`);
  return `${'rule'.padEnd(idWidth)}  ${'default'.padEnd(7)}  description\n${lines.join('\n')}\n`;
}
