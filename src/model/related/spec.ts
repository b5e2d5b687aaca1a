/**
 * The feature specification a data model cites: its Key Entities (`- **Name**: ...` under a
 * "Key Entities" heading), its functional requirements (`**FR-001**: ...`) and its
 * `[NEEDS CLARIFICATION: ...]` markers, each with its place in the spec.
 */
import { buildStructure } from '../../markdown/structure.js';
import type { Range, Section } from '../../markdown/types.js';
import type { RelatedFile } from './tree.js';

export interface SpecEntity {
  name: string;
  range: Range;
}

export interface SpecRequirement {
  id: string;
  text: string;
  range: Range;
}

export interface SpecClarification {
  /** The question, without the marker's words. */
  question: string;
  range: Range;
}

export interface SpecDocument {
  file: RelatedFile;
  /** The Key Entities heading; null when the spec has none. */
  keyEntitiesSection: Section | null;
  keyEntities: SpecEntity[];
  requirements: SpecRequirement[];
  clarifications: SpecClarification[];
}

const KEY_ENTITIES = /^key\s+entities\b/i;
const REQUIREMENT = /^(?:FR|NFR)-\d+$/i;
const CLARIFICATION = /^NEEDS\s+CLARIFICATION\s*:?\s*/i;

export function readSpec(file: Omit<RelatedFile, 'source'>, text: string): SpecDocument {
  const structure = buildStructure(text.replace(/^\uFEFF/, ''));
  const related: RelatedFile = { ...file, source: structure.source };
  const keyEntitiesSection = structure.sections.find((section) => KEY_ENTITIES.test(section.title)) ?? null;
  const inKeyEntities = (section: Section): boolean => {
    for (let at: Section | null = section; at; at = at.parent) if (at === keyEntitiesSection) return true;
    return false;
  };
  const keyEntities: SpecEntity[] = [];
  const requirements: SpecRequirement[] = [];
  for (const field of structure.fields) {
    if (REQUIREMENT.test(field.label)) requirements.push({ id: field.label, text: field.value, range: field.labelRange });
    else if (keyEntitiesSection && inKeyEntities(field.section)) keyEntities.push({ name: field.label.replace(/`/g, '').trim(), range: field.labelRange });
  }
  // Markers in prose only: a marker shown in a code block is an example, not an open question.
  const clarifications = structure.brackets
    .filter((group) => group.syntax === 'bracket' && CLARIFICATION.test(group.content))
    .map((group) => ({ question: group.content.replace(CLARIFICATION, '').trim(), range: group.range }));
  return { file: related, keyEntitiesSection, keyEntities, requirements, clarifications };
}
