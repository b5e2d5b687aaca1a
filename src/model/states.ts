/**
 * State machines from State Management: `**Loan States**:` with its diagram (or list of states),
 * then `**Valid Transitions**:` and `**Invalid Transitions**:` lists of `a → b` items.
 */
import { VOCABULARY } from '../template/vocabulary.js';
import { ARROW, arrowEnds, boxTitles, NAME_BEFORE_ARROW, STATE_NAME } from './diagrams.js';
import { foldLetters } from '../util/letters.js';
import { fieldItems, markedSpan } from './references.js';
import type { SourceText } from '../markdown/source.js';
import type { CodeBlock, Field, ListItem, Section, Span } from '../markdown/types.js';

export interface Transition {
  from: Span;
  to: Span;
  item: ListItem;
}

export interface StateMachine {
  /** The `**Loan States**:` field. */
  label: Field;
  /** The entity named in the label (`Loan`). */
  entity: Span | null;
  diagram: CodeBlock | null;
  /** States drawn in the diagram, or listed under the label. */
  states: Span[];
  valid: Transition[];
  invalid: Transition[];
}

/** On folded text (letters.ts). */
const TRANSITION = new RegExp(String.raw`${NAME_BEFORE_ARROW}\s*${ARROW}\s*(${STATE_NAME})`, 'd');
const LEADING_STATE_NAME = new RegExp(`^${STATE_NAME}`);

function readTransitions(source: SourceText, items: readonly ListItem[]): Transition[] {
  return items.flatMap((item) => {
    const start = item.textRange.start.offset;
    const match = TRANSITION.exec(source.folded.slice(start, source.lineEnd(item.textRange.start.line)));
    const [fromAt, toAt] = [match?.indices?.[1], match?.indices?.[2]];
    if (!fromAt || !toAt) return [];
    const span = ([from, to]: [number, number]): Span => ({ text: source.text.slice(start + from, start + to), range: source.range(start + from, start + to) });
    return [{ from: span(fromAt), to: span(toAt), item }];
  });
}

export function readStateMachines(source: SourceText, sections: readonly Section[]): StateMachine[] {
  const machines: StateMachine[] = [];
  for (const section of sections) {
    let current: StateMachine | null = null;
    for (const block of section.blocks) {
      if (block.kind !== 'paragraph') continue;
      for (const field of block.fields) {
        const statesOf = VOCABULARY.statesLabel.exec(field.label);
        if (VOCABULARY.validTransitionsLabel.test(field.label) || VOCABULARY.invalidTransitionsLabel.test(field.label)) {
          if (!current) continue;
          const transitions = readTransitions(source, fieldItems(field));
          const list = VOCABULARY.validTransitionsLabel.test(field.label) ? current.valid : current.invalid;
          for (const transition of transitions) list.push(transition);
        } else if (statesOf) {
          const labelStart = field.labelRange.start.offset;
          const nameEnd = source.text.indexOf(statesOf[1] ?? '', labelStart) + (statesOf[1]?.length ?? 0);
          const diagram = field.content?.kind === 'code' ? field.content : null;
          const listed = fieldItems(field).flatMap((item) => {
            const span = markedSpan(source, item.textRange.start.offset, Math.min(item.textRange.end.offset, source.lineEnd(item.textRange.start.line)));
            const length = span ? (LEADING_STATE_NAME.exec(foldLetters(span.text))?.[0].length ?? 0) : 0;
            return span && length > 0 ? [{ text: span.text.slice(0, length), range: source.range(span.range.start.offset, span.range.start.offset + length) }] : [];
          });
          const drawn = diagram ? uniqueByText([...boxTitles(source, diagram), ...arrowEnds(source, diagram)]) : [];
          current = { label: field, entity: markedSpan(source, labelStart, nameEnd), diagram, states: [...drawn, ...listed], valid: [], invalid: [] };
          machines.push(current);
        }
      }
    }
  }
  return machines;
}

function uniqueByText(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((span) => !seen.has(span.text) && seen.add(span.text));
}
