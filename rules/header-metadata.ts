import { quote } from '../src/document/labels.js';
import type { Field } from '../src/document/types.js';
import { isIsoDate } from '../src/document/values.js';
import { defineRule, type RuleContext } from '../src/engine/rule.js';

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
    const title = doc.structure.root.children.find((section) => section.level === 1);
    const anchor = title?.headingRange ?? doc.range(0, 0);
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
      else if (key === 'spec') checkSpec(context, field);
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

function checkSpec({ report, fileExists }: Context, field: Field): void {
  const link = field.links[0];
  if (!link?.url) {
    report({ range: field.valueRange, message: `Spec ${quote(field.value)} is not a link: write it as [spec.md](./spec.md)` });
    return;
  }
  // Only relative file links can be checked; web addresses and anchors are taken as they are.
  if (/^[a-z][a-z0-9+.-]*:/i.test(link.url) || link.url.startsWith('#') || link.url.startsWith('/')) return;
  const path = decodeLinkPath(link.url);
  if (path === '' || fileExists(path) !== false) return;
  report({ range: link.range, message: `Spec link ${quote(link.url)} points to a file that does not exist next to this document` });
}

function decodeLinkPath(url: string): string {
  // Cut at the first `?` or `#`. (/[?#].*$/ retries from every `?` when a line separator stops `.`.)
  const cut = url.search(/[?#]/);
  const path = cut >= 0 ? url.slice(0, cut) : url;
  try {
    return decodeURIComponent(path);
  } catch {
    // A malformed escape: check the path as written.
    return path;
  }
}
