/**
 * A team template derived from one good document (`dmlint --init --from`): its outline and heading
 * levels, header fields, table columns and repeated entity block, with every value replaced by a
 * bracketed placeholder. Pure: text in, template text out.
 */
import { buildStructure } from '../markdown/structure.js';
import type { SourceText } from '../markdown/source.js';
import type { Block, List, Paragraph, Section, Table } from '../markdown/types.js';
import { DEFAULT_COLUMNS, tableRole } from './columns.js';
import { normalizeTitle } from './title.js';

/** The slot of a repeated block's heading and of a title. */
const NAME_SLOT = '[Name]';
const NUMBERING = /^(\d+(?:\.\d+)*\.?\s+)/;

/** Sections shown once in the template for several in the document, with the heading they get. */
interface Group {
  members: Section[];
  title: string;
}

export function deriveTemplate(text: string): string {
  const structure = buildStructure(text);
  const { source } = structure;
  const groups = findGroups(structure.root);
  const out: string[] = [];
  const emitSection = (section: Section, title: string): void => {
    if (section.level > 0) out.push(`${'#'.repeat(section.level)} ${title}`);
    // Prose becomes one placeholder named after its section; in a repeated block, a neutral one.
    const prose = section.level === 0 ? 'Text' : groups.has(section) ? 'Description' : withoutNumbering(section.title);
    emitBlocks(section.blocks, source, out, prose);
    for (const child of section.children) {
      const group = groups.get(child);
      if (!group) emitSection(child, child.level === 1 ? titleTemplate(child.title) : child.title);
      else if (group.members[0] === child) emitSection(child, group.title);
    }
  };
  emitSection(structure.root, '');
  return `${out.join('\n\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** `Data Model: Room Booking` → `Data Model: [Name]`; a title without a label is all slot. */
function titleTemplate(title: string): string {
  const colon = title.indexOf(':');
  return colon > 0 ? `${title.slice(0, colon + 1)} ${NAME_SLOT}` : NAME_SLOT;
}

/**
 * Repeated blocks: consecutive siblings labelled alike (`Entity: User`, `Entity: Order`), or
 * with the same subsections (`1. User`, `2. Order`); a single labelled section holding an
 * attribute table (the only entity); then siblings that name the entities found so
 * (`Sample User`).
 */
function findGroups(root: Section): Map<Section, Group> {
  const groups = new Map<Section, Group>();
  const names = new Set<string>();
  const add = (members: Section[], title: string, slot: (section: Section) => string): void => {
    const group = { members, title };
    for (const member of members) {
      groups.set(member, group);
      names.add(slot(member).toLowerCase());
    }
  };
  const visit = (section: Section): void => {
    const children = section.children.filter((child) => child.level > 1);
    for (let i = 0; i < children.length; ) {
      const first = children[i];
      if (!first) break;
      const label = labelOf(first.title);
      const outline = childOutline(first);
      let end = i + 1;
      if (label !== null) while (end < children.length && labelOf(children[end]?.title ?? '') === label) end++;
      if (end - i >= 2 || (label !== null && holdsAttributeTable(first))) {
        add(children.slice(i, end), `${first.title.slice(0, first.title.indexOf(':') + 1)} ${NAME_SLOT}`, (member) => member.title.slice(member.title.indexOf(':') + 1).trim());
        i = end;
        continue;
      }
      end = i + 1;
      if (outline !== '') while (end < children.length && childOutline(children[end] as Section) === outline) end++;
      if (end - i >= 2) {
        const members = children.slice(i, end);
        const prefix = commonWords(members.map((member) => withoutNumbering(member.title)));
        add(members, `${NUMBERING.exec(first.title)?.[1] ?? ''}${prefix}${NAME_SLOT}`, (member) => withoutNumbering(member.title).slice(prefix.length));
        i = end;
        continue;
      }
      i++;
    }
    section.children.forEach(visit);
  };
  visit(root);
  // `Sample User`, `Sample Order`: a literal start and an entity's name.
  const named = (section: Section): string | null => {
    const words = withoutNumbering(section.title).split(' ');
    for (let n = 1; n < words.length; n++) if (names.has(words.slice(n).join(' ').toLowerCase())) return `${words.slice(0, n).join(' ')} `;
    return null;
  };
  const visitNamed = (section: Section): void => {
    const children = section.children.filter((child) => child.level > 1 && !groups.has(child));
    for (let i = 0; i < children.length; ) {
      const first = children[i] as Section;
      const prefix = named(first);
      let end = i + 1;
      if (prefix !== null) while (end < children.length && named(children[end] as Section) === prefix) end++;
      if (prefix !== null) add(children.slice(i, end), `${prefix}${NAME_SLOT}`, () => '');
      i = end;
    }
    section.children.forEach(visitNamed);
  };
  visitNamed(root);
  return groups;
}

/** `Entity: User` → `entity`; null for a title with no label before a colon. */
function labelOf(title: string): string | null {
  const colon = title.indexOf(':');
  return colon > 0 && title.slice(colon + 1).trim() !== '' ? normalizeTitle(title.slice(0, colon)) : null;
}

function childOutline(section: Section): string {
  return section.children.map((child) => `${child.level} ${normalizeTitle(child.title)}`).join('\n');
}

function holdsAttributeTable(section: Section): boolean {
  return section.blocks.some((block) => block.kind === 'table' && tableRole(block.header.cells.map((cell) => cell.text), DEFAULT_COLUMNS) === 'attributes') || section.children.some(holdsAttributeTable);
}

function withoutNumbering(title: string): string {
  return title.replace(NUMBERING, '');
}

/** The whole words every title starts with, with the space after them. */
function commonWords(titles: readonly string[]): string {
  const [first = '', ...rest] = titles;
  const words = first.split(' ');
  let n = 0;
  while (n < words.length - 1 && rest.every((title) => title.split(' ')[n] === words[n])) n++;
  return n === 0 ? '' : `${words.slice(0, n).join(' ')} `;
}

function emitBlocks(blocks: readonly Block[], source: SourceText, out: string[], prose: string): void {
  let inProse = false;
  for (const block of blocks) {
    const wasProse = inProse;
    inProse = block.kind === 'paragraph' && block.fields.length === 0;
    switch (block.kind) {
      case 'paragraph':
        // Consecutive paragraphs of prose become one placeholder.
        if (block.fields.length > 0) out.push(fieldsTemplate(block, source));
        else if (!wasProse) out.push(`[${prose}]`);
        break;
      case 'list':
        out.push(listTemplate(block, ''));
        break;
      case 'table':
        out.push(tableTemplate(block, source));
        break;
      case 'code':
        out.push(`\`\`\`${block.lang ?? ''}\n[${block.lang ?? 'code'}]\n\`\`\``);
        break;
      case 'thematic-break':
        out.push('---');
        break;
      case 'blockquote':
        out.push('> [Note]');
        break;
      // Comments, HTML, link definitions and broken tables belong to the document, not to a template.
      default:
        break;
    }
  }
}

/** The paragraph's own text with each field's value replaced: `**Owner**: [Owner]`. */
function fieldsTemplate(paragraph: Paragraph, source: SourceText): string {
  const start = paragraph.range.start.offset;
  let text = source.text.slice(start, paragraph.range.end.offset);
  for (const field of [...paragraph.fields].reverse()) {
    if (field.value === '') continue;
    text = `${text.slice(0, field.valueRange.start.offset - start)}[${field.label}]${text.slice(field.valueRange.end.offset - start)}`;
  }
  return text;
}

/** One item per field label (`- **Pattern**: [Pattern]`), one for the items without, one for task items. */
function listTemplate(list: List, indent: string): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  list.items.forEach((item) => {
    const field = item.fields[0];
    const key = field ? field.label : item.checked !== null ? 'task' : '';
    if (seen.has(key)) return;
    seen.add(key);
    const marker = `${indent}${list.ordered ? `${lines.length + 1}.` : '-'} `;
    if (field) lines.push(`${marker}**${field.label}**: ${field.value === '' ? '' : `[${field.label}]`}`.trimEnd());
    else if (item.checked !== null) lines.push(`${marker}[ ] [Item]`);
    else lines.push(`${marker}[Item]`);
    for (const nested of item.lists) lines.push(listTemplate(nested, `${indent}   `));
  });
  return lines.join('\n');
}

/** The header and delimiter rows as written, and one row of placeholders (`Yes/No` where every value is one). */
function tableTemplate(table: Table, source: SourceText): string {
  const header = source.text.slice(table.header.range.start.offset, table.header.range.end.offset);
  const delimiter = source.lineText(table.header.range.start.line + 1);
  const cells = table.header.cells.map((cell, column) => {
    const values = table.rows.map((row) => row.cells[column]?.text ?? '');
    if (values.length > 0 && values.every((value) => value === 'Yes' || value === 'No')) return 'Yes/No';
    return `[${cell.text || 'Value'}]`;
  });
  return `${header}\n${delimiter}\n| ${cells.join(' | ')} |`;
}
