/** How messages name things: headings with their level marks, quoted text kept short. */
import type { ResidueContext } from '../template/residue.js';
import type { Section } from './types.js';

export function headingLabel(section: { level: number; title: string }): string {
  return section.level === 0 ? 'the document' : `${'#'.repeat(section.level)} ${section.title}`;
}

/** Double-quoted and shortened to `max` characters, with runs of whitespace shown as one space. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

/** `"## Overview"`, or `the document` for the root. */
export function quoteHeading(section: Section | { level: number; title: string }): string {
  return section.level === 0 ? 'the document' : quote(headingLabel(section), 80);
}

/** ` in column "Type"`, ` in field "Purpose"`, ` in a heading`, or '' when the place is unknown. */
export function placeLabel(context: ResidueContext | null): string {
  if (!context) return '';
  return context.kind === 'heading' ? ' in a heading' : ` in ${context.kind} ${quote(context.name, 40)}`;
}

/** `; did you mean "Loan" (line 120)?`, or '' when there is nothing close. */
export function didYouMean(near: { name: string; line?: number } | undefined): string {
  if (!near) return '';
  return `; did you mean ${quote(near.name)}${near.line === undefined ? '' : ` (line ${near.line})`}?`;
}

/** `Member (line 12), Loan (line 40)`: a list of names with where each is. */
export function namesWithLines(items: ReadonlyArray<{ name: string; line: number }>): string {
  return items.map((item) => `${item.name} (line ${item.line})`).join(', ');
}
