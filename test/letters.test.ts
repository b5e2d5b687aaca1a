/**
 * Folded letters (src/util/letters.ts): patterns with ASCII classes over folded text find
 * exactly what the same patterns with Unicode classes find over the original, and names in any
 * script come through the model as written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARROW, NAME_BEFORE_ARROW, STATE_NAME } from '../src/model/diagrams.js';
import { foldLetters, NAME_PATTERN } from '../src/util/letters.js';
import { DataModelDocument } from '../src/model/document.js';
import { nameKey } from '../src/util/names.js';
import { bundledSchema } from '../src/template/bundled.js';

/** Letters, digits and marks of several scripts, astral ones and lone surrogates among them. */
const UNITS = ['a', 'Z', '_', '-', '0', ' ', '.', '→', '⟶', '=', '>', '(', 'é', 'É', 'ß', 'ǅ', 'Σ', 'ж', 'Ж', '貸', '٣', '²', 'Ⅻ', '𝕏', '𐐀', '𐐨', 'e\u0301', '\u00A0', '\uD800', '\uDC00', 'ſ', 'K'];
const text = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 24 });

/**
 * Patterns as they were written before folding (Unicode classes), and as the code writes them now:
 * the name patterns from the modules that use them, the others as written where they are used.
 */
const PAIRS: ReadonlyArray<[unicode: RegExp, folded: RegExp]> = [
  [/[\p{L}_][\p{L}\p{N}_]*/gu, new RegExp(NAME_PATTERN, 'g')],
  [/(?<![\p{L}\p{N}_-])[\p{N}-]*([\p{L}_][\p{L}\p{N}_-]*)\s*(?:->|→|⟶|=>)\s*([\p{L}_][\p{L}\p{N}_-]*)/gu, new RegExp(String.raw`${NAME_BEFORE_ARROW}\s*${ARROW}\s*(${STATE_NAME})`, 'g')],
  [/(?<![\p{L}\p{N}_])[\p{L}\p{N}_]+(?=\()/gu, /(?<![A-Za-z0-9_])[A-Za-z0-9_]+(?=\()/g],
  [/^[^\p{L}\p{N}(]+/gu, /^[^A-Za-z0-9(]+/g],
];

/** Where each match and group is, as [start, end] offsets. */
function spans(pattern: RegExp, input: string): number[][] {
  return [...input.matchAll(new RegExp(pattern.source, `${pattern.flags}d`))].flatMap((match) => (match.indices ?? []).map((at) => (at ? [...at] : [])));
}

describe('folded letters', () => {
  it('keep the length and every character that is not a letter or digit outside ASCII', () => {
    expect(foldLetters('Prêt → Ausleihe_2 · 貸出 𝕏 ٣ ²')).toBe('Prat → Ausleihe_2 · aa AA 0 0');
    expect(foldLetters('Élan ß Σ')).toBe('Alan a A');
    expect(foldLetters('plain ASCII')).toBe('plain ASCII');
    fc.assert(
      fc.property(text, (input) => foldLetters(input).length === input.length),
      { seed: 1, numRuns: 500 },
    );
  });

  it('make ASCII-class patterns find what Unicode-class patterns find', () => {
    for (const [unicode, folded] of PAIRS) {
      fc.assert(
        fc.property(text, (input) => {
          expect(spans(folded, foldLetters(input))).toEqual(spans(unicode, input));
        }),
        { seed: 2, numRuns: 400 },
      );
    }
    // A single letter matched alone is one code unit of the fold: only whether it matches compares.
    fc.assert(
      fc.property(text, (input) => /^[A-Z]/.test(foldLetters(input)) === /^\p{Lu}/u.test(input)),
      { seed: 3, numRuns: 400 },
    );
  });

  it('give name keys of the letters and digits of any script', () => {
    expect(nameKey('Prêt_Ausleihe 2')).toBe('prêtausleihe2');
    expect(nameKey('`貸出` Item')).toBe('貸出item');
    expect(nameKey('𝕏-Ray')).toBe('𝕏ray');
    expect(nameKey('Order Item')).toBe('orderitem');
  });
});

describe('names in any script', () => {
  const doc = new DataModelDocument(
    [
      '# Data Model: X',
      '',
      '## Data Integrity',
      '',
      '### Referential Integrity',
      '',
      '**Foreign Key Constraints**:',
      '- Ausleihe.mitglied_id → Mitglied.id - RESTRICT',
      '- `Prêt.livre_id` -> `Livre.id`: CASCADE',
      '',
      '## State Management',
      '',
      '### Entity States',
      '',
      '**Ausleihe States**:',
      '```',
      'offen → zurückgegeben',
      '```',
      '',
      '**Valid Transitions**:',
      '- offen → überfällig',
    ].join('\n'),
    { schema: bundledSchema() },
  );

  it('are read from foreign keys with their exact ranges', () => {
    expect(doc.foreignKeys.keys.map((key) => [key.from.entity.text, key.from.field.text, key.to.entity.text, key.to.field.text, key.action?.text])).toEqual([
      ['Ausleihe', 'mitglied_id', 'Mitglied', 'id', 'RESTRICT'],
      ['Prêt', 'livre_id', 'Livre', 'id', 'CASCADE'],
    ]);
    expect(doc.foreignKeys.keys[1]?.from.entity.range.start).toMatchObject({ line: 9, column: 4 });
  });

  it('are read from state diagrams and transitions', () => {
    const [machine] = doc.stateMachines;
    expect(machine?.states.map((state) => state.text)).toEqual(['offen', 'zurückgegeben']);
    expect(machine?.valid.map((transition) => [transition.from.text, transition.to.text, transition.to.range.start.column])).toEqual([['offen', 'überfällig', 11]]);
  });
});
