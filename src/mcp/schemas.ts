/**
 * The agent server's contract: each tool's input and output, as zod shapes the SDK validates
 * calls against and publishes as JSON Schema. They mirror the types of tools.ts; the server's
 * tests read them back through the protocol.
 */
import { z } from 'zod';

const PATHS_MAX = 1000;

export const lintInput = {
  paths: z.array(z.string().min(1).max(4096)).min(1).max(PATHS_MAX).optional().describe("Files, directories (every data-model.md below) or globs, relative to the server's root."),
  text: z.string().optional().describe('A document to lint as text, instead of paths.'),
  filePath: z.string().min(1).max(4096).optional().describe("With text: where the document would be, relative to the root (its configuration and links follow from it); default data-model.md."),
};

export const outlineInput = {
  path: z.string().min(1).max(4096).optional().describe("A document, relative to the server's root."),
  text: z.string().optional().describe('A document as text, instead of a path.'),
  filePath: z.string().min(1).max(4096).optional().describe('With text: where the document would be, relative to the root.'),
};

export const explainInput = {
  ruleId: z.string().min(1).max(200).describe('A rule id, as in a problem\'s "ruleId" (no-placeholder, required-section ...).'),
};

const problem = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  fix: z.object({ range: z.tuple([z.number().int(), z.number().int()]), text: z.string() }).optional().describe('The safe fix: replace these character offsets (after any byte-order mark) with the text.'),
  options: z.array(z.string()).optional().describe('The options of an unresolved choice: keep one.'),
});

const completeness = {
  complete: z.boolean().describe('True when no error remains.'),
  completeness: z.number().min(0).max(1).nullable().describe("The share of the template's required items present, non-empty and free of placeholders and unresolved choices; null when dmlint could not read the document."),
};

const fileReport = z.object({ filePath: z.string(), ...completeness, problems: z.array(problem) });

const ignored = z.array(z.string()).describe("Files named in paths that the project's ignore settings (.dmlintignore, \"ignores\") skip: not linted.");

export const lintOutput = { files: z.array(fileReport), ignored };

export const fixOutput = {
  files: z.array(
    fileReport.extend({
      changed: z.boolean(),
      fixed: z.array(z.object({ ruleId: z.string(), message: z.string(), line: z.number().int() })).describe('The problems the fixes removed (lines as they were before).'),
      output: z.string().optional().describe('For text: the fixed text.'),
    }),
  ),
  ignored,
};

export const outlineOutput = {
  filePath: z.string(),
  ...completeness,
  items: z.array(
    z.object({
      kind: z.enum(['section', 'header-field']),
      title: z.string(),
      level: z.number().int(),
      required: z.boolean(),
      repeated: z.boolean(),
      grouping: z.boolean().describe('A heading that only groups its subsections; not counted in completeness.'),
      state: z.enum(['missing', 'empty', 'has-placeholders', 'present', 'complete']).describe('present: written out but an error remains in it.'),
      lines: z.array(z.number().int()),
    }),
  ),
  headerFields: z.array(z.object({ label: z.string(), value: z.string(), line: z.number().int() })),
  entities: z.array(z.object({ name: z.string(), line: z.number().int(), attributes: z.number().int(), relationships: z.number().int() })),
};

export const explainOutput = {
  ruleId: z.string(),
  description: z.string(),
  rationale: z.string(),
  defaultSeverity: z.enum(['error', 'warning']),
  docsUrl: z.string().nullable(),
  documentation: z.string().describe('The rule page in Markdown: what, why, examples, options, how to fix.'),
};
