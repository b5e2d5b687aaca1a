/**
 * Matches the document's section tree against the template's outline: which section is which
 * template heading, which template headings are missing, which sections sit at the wrong level or
 * in the wrong order. Computed once per document; several rules read it.
 */
import type { TemplateSchema, TemplateSection } from '../template/schema.js';
import { matchesPattern, normalizeTitle } from '../template/title.js';
import type { Section } from '../markdown/types.js';
import { skeletonOf } from '../template/skeleton.js';

export interface MissingSection {
  template: TemplateSection;
  /** The document section it belongs in (the root for top-level sections). */
  parent: Section;
  /** The present section it should follow, if any. */
  after: Section | null;
  /** The present section it should precede, if any. */
  before: Section | null;
  /** Where and what to insert for it: the template's skeleton of the section, at its place. */
  insertion: Insertion;
}

/** Text to insert at an offset of the document. */
export interface Insertion {
  at: number;
  text: string;
}

export interface MisplacedSection {
  section: Section;
  template: TemplateSection;
  /** The document section it belongs under. */
  expectedParent: Section;
}

export interface UnorderedSection {
  section: Section;
  template: TemplateSection;
  /** A present sibling the template puts before it. */
  after: Section | null;
}

/** A document title that does not follow the template's title. */
export interface RetitledSection {
  section: Section;
  template: TemplateSection;
}

export interface Outline {
  templateOf(section: Section): TemplateSection | null;
  sectionsOf(template: TemplateSection): readonly Section[];
  missing: MissingSection[];
  misplaced: MisplacedSection[];
  unordered: UnorderedSection[];
  retitled: RetitledSection[];
  /** Sections below the title that match no template heading, in a section that does (or at the top); their subsections are not listed apart. */
  extra: Section[];
}

export function titleMatches(template: TemplateSection, section: Section): boolean {
  if (section.level === 0) return false;
  return template.pattern ? matchesPattern(template.pattern, section.title) : normalizeTitle(section.title) === template.key;
}

export function matchOutline(root: Section, schema: TemplateSchema): Outline {
  const matcher = new OutlineMatcher();
  matcher.matchChildren(schema.root, root, true);
  const outline = matcher.result();
  const collect = (section: Section): void => {
    for (const child of section.children) {
      if (outline.templateOf(child)) collect(child);
      else if (child.level > 1) outline.extra.push(child);
      else collect(child);
    }
  };
  collect(root);
  return outline;
}

class OutlineMatcher {
  private readonly bySection = new Map<Section, TemplateSection>();
  private readonly byTemplate = new Map<TemplateSection, Section[]>();
  private readonly missing: MissingSection[] = [];
  private readonly misplaced: MisplacedSection[] = [];
  private readonly unordered: UnorderedSection[] = [];
  private readonly retitled: RetitledSection[] = [];

  result(): Outline {
    const { bySection, byTemplate } = this;
    return {
      templateOf: (section) => bySection.get(section) ?? null,
      sectionsOf: (template) => byTemplate.get(template) ?? [],
      missing: this.missing,
      misplaced: this.misplaced,
      unordered: this.unordered,
      retitled: this.retitled,
      extra: [],
    };
  }

  /** Matches the template's children under `parent`; `report` is off while recovering from a missing heading. */
  matchChildren(template: TemplateSection, parent: Section, report: boolean): void {
    const missingHere: TemplateSection[] = [];
    for (const child of template.children) {
      let found = this.pick(child, parent.children);
      let direct = true;
      if (found.length === 0) {
        found = this.pick(child, this.strayCandidates(template, parent));
        direct = false;
      }
      if (found.length === 0 && child.level === 1) {
        // The document title holds everything: a title that does not follow the template is
        // reported once, and the rest of the document is still checked under it (or, with no
        // title at all, at the top).
        const title = parent.children.find((section) => section.level === 1 && !this.bySection.has(section));
        if (title) {
          if (report) this.retitled.push({ section: title, template: child });
          this.bySection.set(title, child);
        } else if (report) missingHere.push(child);
        this.matchChildren(child, title ?? parent, report);
        continue;
      }
      if (found.length === 0) {
        if (child.optional) continue;
        if (report) missingHere.push(child);
        // The heading is missing; its subsections may still be here, one level up.
        this.matchChildren(child, parent, false);
        continue;
      }
      for (const section of found) {
        this.claim(section, child);
        if (!direct && report) this.misplaced.push({ section, template: child, expectedParent: parent });
        this.matchChildren(child, section, report);
      }
    }
    if (!report) return;
    this.reportMissing(missingHere, parent);
    this.checkOrder(template, parent);
  }

  private pick(template: TemplateSection, candidates: readonly Section[]): Section[] {
    const found = candidates.filter((section) => !this.bySection.has(section) && titleMatches(template, section));
    return template.repeated ? found : found.slice(0, 1);
  }

  /**
   * Sections that belong under `parent` but ended up elsewhere because of a wrong heading level:
   * anything deeper inside it, and the siblings right after it until the next section the
   * template knows at the parent's own level.
   */
  private strayCandidates(template: TemplateSection, parent: Section): Section[] {
    const candidates: Section[] = [];
    const addTree = (section: Section): void => {
      candidates.push(section);
      section.children.forEach(addTree);
    };
    parent.children.forEach((child) => child.children.forEach(addTree));
    const grandparent = parent.parent;
    const peers = template.parent?.children ?? [];
    if (grandparent && parent.level > 0) {
      const siblings = grandparent.children;
      for (let i = siblings.indexOf(parent) + 1; i < siblings.length; i++) {
        const sibling = siblings[i];
        if (!sibling || this.bySection.has(sibling) || peers.some((peer) => titleMatches(peer, sibling))) break;
        addTree(sibling);
      }
    }
    return candidates;
  }

  private claim(section: Section, template: TemplateSection): void {
    this.bySection.set(section, template);
    const list = this.byTemplate.get(template);
    if (list) list.push(section);
    else this.byTemplate.set(template, [section]);
  }

  private reportMissing(missing: readonly TemplateSection[], parent: Section): void {
    for (const template of missing) {
      let after: Section | null = null;
      let before: Section | null = null;
      for (const section of parent.children) {
        const other = this.bySection.get(section);
        if (!other || other.parent !== template.parent) continue;
        if (other.index < template.index) after = section;
        else if (!before) before = section;
      }
      this.missing.push({ template, parent, after, before, insertion: this.strayInsertion(template) ?? insertionFor(template, parent, after, before) });
    }
  }

  /**
   * A missing heading whose subsections are present elsewhere: only the heading and its guidance,
   * put before the first of them, so that nothing is inserted twice.
   */
  private strayInsertion(template: TemplateSection): Insertion | null {
    const present: Section[] = [];
    const visit = (node: TemplateSection): void => {
      present.push(...(this.byTemplate.get(node) ?? []));
      node.children.forEach(visit);
    };
    template.children.forEach(visit);
    if (present.length === 0) return null;
    const at = present.reduce((least, section) => Math.min(least, section.headingRange.start.offset), Infinity);
    return { at, text: `${template.own}\n\n` };
  }

  /** Reports the fewest sections that, moved, would put the rest in the template's order. */
  private checkOrder(template: TemplateSection, parent: Section): void {
    const placed = parent.children.flatMap((section) => {
      const matched = this.bySection.get(section);
      return matched && matched.parent === template ? [{ section, template: matched }] : [];
    });
    const keep = longestNonDecreasing(placed.map((entry) => entry.template.index));
    placed.forEach((entry, i) => {
      if (keep.has(i)) return;
      let after: Section | null = null;
      for (const other of placed) if (other.template.index < entry.template.index) after = other.section;
      this.unordered.push({ section: entry.section, template: entry.template, after });
    });
  }
}

/**
 * The skeleton goes before the present section it precedes, else after the end of the one it
 * follows (its subsections included), else before the parent's first subsection, else at the end
 * of the parent's own text.
 */
function insertionFor(template: TemplateSection, parent: Section, after: Section | null, before: Section | null): Insertion {
  const skeleton = skeletonOf(template);
  const ahead = before ?? (after ? null : (parent.children[0] ?? null));
  if (ahead) return { at: ahead.headingRange.start.offset, text: `${skeleton}\n\n` };
  return { at: (after ?? parent).range.end.offset, text: `\n\n${skeleton}` };
}

/** Indices of one longest non-decreasing subsequence (patience sorting, O(n log n)). */
export function longestNonDecreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((values[tails[mid] ?? 0] ?? 0) <= value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1] ?? -1;
    tails[low] = i;
  });
  const keep = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i] ?? -1) keep.add(i);
  return keep;
}
