/**
 * The template's text of a section with its subsections: what a person inserts for a section the
 * document lacks (heading, guidance and placeholders, to be filled in).
 */
import type { TemplateSection } from './schema.js';

export function skeletonOf(section: TemplateSection): string {
  // A rule (`---`) at the end separates the template's sections; the document has its own.
  return partsOf(section).join('\n\n').replace(/\n+ {0,3}(?:-[ \t]*){3,}$/, '');
}

function partsOf(section: TemplateSection): string[] {
  return [section.own, ...section.children.flatMap(partsOf)].filter((part) => part !== '');
}
