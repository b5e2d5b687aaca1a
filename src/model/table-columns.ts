/**
 * A table's header row against the columns the template gives the section it is in. Column
 * names are compared through the column vocabulary (`Field` and `Attribute` are the same column),
 * so a table headed with another name for a column is still read; that it differs from the
 * template's name is told apart (`synonyms`), unless the team declared the name (in table-shape's
 * options, or in the `columns` of its configuration).
 */
import type { Cell, Table } from '../markdown/types.js';
import { normalizeText } from '../template/classify.js';
import { columnKeyFor, type ColumnVocabulary } from '../template/columns.js';

/** Header names a team accepts for a template column, by the template's column name. */
export type DeclaredSynonyms = Readonly<Record<string, readonly string[]>>;

export interface ColumnComparison {
  /** The template's columns, as it writes them. */
  expected: readonly string[];
  /**
   * Header cells that stand where a missing column belongs, as many as are missing: renamed
   * columns. When there are any, `missing` and `extra` are empty.
   */
  renamed: Array<{ cell: Cell; expected: string }>;
  /** Header cells the template does not have. */
  extra: Cell[];
  /** Template columns the table lacks. */
  missing: string[];
  /** Every column is there, but not in the template's order. */
  outOfOrder: boolean;
  /**
   * Header cells read as a template column under another name the vocabulary knows (`Cascade` for
   * `Cascade Behavior`), which the team did not declare.
   */
  synonyms: Array<{ cell: Cell; expected: string }>;
}

/** Cells named otherwise than the template column they are read as, leaving out declared names. */
function undeclaredSynonyms(cells: readonly Cell[], expected: readonly string[], vocabulary: ColumnVocabulary, declared: DeclaredSynonyms): ColumnComparison['synonyms'] {
  const keyOf = columnKeyFor(expected, vocabulary);
  const accepted = new Map(Object.entries(declared).map(([column, names]) => [normalizeText(column), new Set(names.map(normalizeText))]));
  return cells.flatMap((cell) => {
    const header = normalizeText(cell.text);
    const name = expected.find((column) => keyOf(column) === keyOf(cell.text));
    if (name === undefined || normalizeText(name) === header || vocabulary.declared?.includes(header)) return [];
    return accepted.get(normalizeText(name))?.has(header) ? [] : [{ cell, expected: name }];
  });
}

export function compareColumns(table: Table, expected: readonly string[], vocabulary: ColumnVocabulary, declared: DeclaredSynonyms = {}): ColumnComparison {
  const keyOf = columnKeyFor(expected, vocabulary);
  const expectedKeys = expected.map(keyOf);
  const cells = table.header.cells;
  const synonyms = undeclaredSynonyms(cells, expected, vocabulary, declared);
  const actualKeys = cells.map((cell) => keyOf(cell.text));
  const missingKeys = expectedKeys.filter((key) => !actualKeys.includes(key));
  const extra = actualKeys.flatMap((key, index) => (expectedKeys.includes(key) ? [] : [index]));
  // As many missing as extra, each extra where a missing one belongs: the columns were renamed.
  if (extra.length > 0 && missingKeys.length === extra.length && extra.every((index) => missingKeys.includes(expectedKeys[index] ?? ''))) {
    const renamed = extra.flatMap((index) => {
      const cell = cells[index];
      return cell ? [{ cell, expected: expected[index] ?? '' }] : [];
    });
    return { expected, renamed, extra: [], missing: [], outOfOrder: false, synonyms };
  }
  return {
    expected,
    renamed: [],
    extra: extra.flatMap((index) => cells[index] ?? []),
    missing: missingKeys.map((key) => expected[expectedKeys.indexOf(key)] ?? key),
    outOfOrder: missingKeys.length === 0 && extra.length === 0 && actualKeys.some((key, index) => key !== expectedKeys[index]),
    synonyms,
  };
}
