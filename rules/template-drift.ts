import { defineRule, headingLabel, normalizeTitle, plural, quote, quoteHeading, type MissingSection, type Section } from '../src/rule-kit/index.js';

export default defineRule({
  id: 'template-drift',
  description: 'A document that names the template it was filled from follows that template as it is now',
  rationale: 'When the team changes its template, documents filled from an older version silently miss what was added and keep what was dropped.',
  defaultSeverity: 'warning',
  hasSuggestions: true,
  check({ doc, report }) {
    const reference = doc.templateReference;
    if (!reference) return;
    if ('problem' in reference) {
      report({ range: reference.range, message: `Cannot tell which template this document was filled from: ${reference.problem}` });
      return;
    }
    const current = doc.schema.identity;
    if (reference.name !== null && reference.name !== current.name) {
      report({ range: reference.range, message: `The document was filled from template ${quote(reference.name)}, but it is checked against ${quote(current.name)}` });
      return;
    }
    const { version, digest } = reference;
    // A version is compared with a declared version, a digest with the template's text.
    const changed = version !== null ? current.version !== null && current.version !== version : digest !== null && !current.digest.startsWith(digest);
    if (!changed) return;
    const since = version !== null ? `version ${version}` : `digest ${digest ?? ''}`;
    // The current digest is not named: it says nothing a reader can use.
    const now = version !== null ? ` (now version ${current.version ?? ''})` : '';

    const extra = new Set(doc.outline.extra);
    const added: MissingSection[] = [];
    const renamed: Array<{ missing: MissingSection; section: Section }> = [];
    for (const missing of doc.outline.missing) {
      // A section of this document's own in the place of a missing one, with a word in common: the template renamed it.
      const section = missing.template.pattern ? undefined : [...extra].find((candidate) => candidate.parent === missing.parent && between(candidate, missing) && shareStem(candidate.title, missing.template.title));
      if (section) {
        extra.delete(section);
        renamed.push({ missing, section });
      } else added.push(missing);
    }
    const counts = `${added.length} ${plural(added.length, 'section')} added, ${renamed.length} renamed, ${extra.size} removed`;
    report({ range: reference.range, message: `Template ${quote(current.name)} has changed since ${since}, which this document was filled from${now}: ${counts}; update "template:" once the document follows it` });

    for (const missing of added) {
      const { template, insertion, before, after, parent } = missing;
      const wanted = quote(headingLabel(template), 80);
      const range = before?.headingRange ?? after?.headingRange ?? (parent.level > 0 ? parent.headingRange : doc.range(0, 0));
      report({ range, message: `The template added ${wanted} since ${since}: insert it`, suggestions: [{ desc: `Insert the template's ${wanted} section here`, fix: { range: [insertion.at, insertion.at], text: insertion.text } }] });
    }
    for (const { missing, section } of renamed) {
      const wanted = quote(headingLabel(missing.template), 80);
      const title = section.titleRange;
      report({
        range: section.headingRange,
        message: `The template renamed ${quoteHeading(section)} to ${wanted} since ${since}`,
        suggestions: [{ desc: `Rename to ${wanted}`, fix: { range: [title.start.offset, title.end.offset], text: missing.template.title } }],
      });
    }
    for (const section of extra) {
      report({ range: section.headingRange, message: `${quoteHeading(section)} is not in the template as it is now: removed since ${since}, or a section of this document's own` });
    }
  },
});

/** Whether a section sits where the missing one belongs: after the section it follows, before the one it precedes. */
function between(section: Section, missing: MissingSection): boolean {
  const at = section.headingRange.start.offset;
  return (!missing.after || at > missing.after.headingRange.start.offset) && (!missing.before || at < missing.before.headingRange.start.offset);
}

/** Whether two titles have a word starting alike (`Test Plan`, `Testing Strategy`): the first four letters of a word of four or more. */
function shareStem(a: string, b: string): boolean {
  const stems = (title: string): string[] => normalizeTitle(title).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4).map((word) => word.slice(0, 4));
  const first = new Set(stems(a));
  return stems(b).some((stem) => first.has(stem));
}
