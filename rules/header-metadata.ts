import { defineRule, isIsoDate, quote, type Field, type RuleContext } from '../src/rule-kit/index.js';

interface Options {
  /** A regular expression the Branch must match. */
  branchPattern: string;
}

type Context = RuleContext<Options>;

const NNN_KEBAB = '^\\d{3,}-[a-z0-9]+(?:-[a-z0-9]+)*$';

export default defineRule<Options>({
  id: 'header-metadata',
  description: 'The header names a NNN-kebab-case Branch, a real ISO Date, a Spec link to an existing file, and every other header field of the template',
  rationale: 'The header ties the data model to its branch, its date and its spec; a wrong branch or a dangling spec link breaks that trail.',
  defaultSeverity: 'error',
  defaultOptions: { branchPattern: NNN_KEBAB },
  optionsSchema: {
    type: 'object',
    properties: { branchPattern: { type: 'string', format: 'regex', description: 'A regular expression the Branch must match (default: NNN-kebab-case).' } },
    additionalProperties: false,
  },
  check(context) {
    const { doc, report } = context;
    const anchor = doc.title?.headingRange ?? doc.range(0, 0);
    for (const label of doc.schema.headerFields) {
      const field = doc.header.get(label.toLowerCase());
      if (!field) {
        report({ range: anchor, message: `Header field "${label}" is missing: add "**${label}**: …" below the title` });
        continue;
      }
      if (doc.hasResidue(field.valueRange)) continue;
      if (field.value === '') {
        report({ range: field.labelRange, message: `Header field "${label}" is empty: write a value after the colon` });
        continue;
      }
      const key = label.toLowerCase();
      if (key === 'branch') checkBranch(context, field);
      else if (key === 'date') checkDate(context, field);
      else if (key === 'spec') checkSpec(context);
    }
  },
});

function checkBranch({ report, options }: Context, field: Field): void {
  const branch = field.value.replace(/`/g, '').trim();
  if (new RegExp(options.branchPattern, 'u').test(branch)) return;
  report({
    range: field.valueRange,
    message:
      options.branchPattern === NNN_KEBAB
        ? `Branch ${quote(branch)} is not NNN-kebab-case: write the feature number and name, like "012-library-lending"`
        : `Branch ${quote(branch)} does not match the configured pattern /${options.branchPattern}/`,
  });
}

function checkDate({ report }: Context, field: Field): void {
  const value = field.value.trim();
  if (isIsoDate(value)) return;
  const shaped = /^\d{4}-\d{2}-\d{2}$/.test(value);
  report({
    range: field.valueRange,
    message: shaped ? `Date ${quote(value)} is not a real calendar date: write an existing day as YYYY-MM-DD` : `Date ${quote(value)} is not an ISO date: write it as YYYY-MM-DD`,
  });
}

function checkSpec({ doc, report, fileExists }: Context): void {
  const spec = doc.specLink;
  if (!spec) return;
  const { field, link, path } = spec;
  if (!link?.url) {
    report({ range: field.valueRange, message: `Spec ${quote(field.value)} is not a link: write it as [spec.md](./spec.md)` });
    return;
  }
  // Only relative file links can be checked; web addresses and anchors are taken as they are.
  if (path === null || fileExists(path) !== false) return;
  report({ range: link.range, message: `Spec link ${quote(link.url)} points to a file that does not exist next to this document` });
}
