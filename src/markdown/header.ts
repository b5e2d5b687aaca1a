/**
 * The header: `**Label**: value` fields before the first second-level heading, in the document
 * root or under the title. Shared by the template reader and the document model.
 */
import type { Structure } from './structure.js';
import type { Field } from './types.js';

export function headerFields(structure: Structure): Field[] {
  const title = structure.root.children.find((section) => section.level === 1);
  return [...structure.root.blocks, ...(title?.blocks ?? [])].flatMap((block) => (block.kind === 'paragraph' ? block.fields : []));
}
