/**
 * A table's header row against the columns the template gives the section it is in. Column
 * names are compared through the column vocabulary (`Field` and `Attribute` are the same column).
 */
import type { Cell, Table } from '../markdown/types.js';
import { columnKeyFor, type ColumnVocabulary } from '../template/columns.js';

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
}

export function compareColumns(table: Table, expected: readonly string[], vocabulary: ColumnVocabulary): ColumnComparison {
  const keyOf = columnKeyFor(expected, vocabulary);
  const expectedKeys = expected.map(keyOf);
  const cells = table.header.cells;
  const actualKeys = cells.map((cell) => keyOf(cell.text));
  const missingKeys = expectedKeys.filter((key) => !actualKeys.includes(key));
  const extra = actualKeys.flatMap((key, index) => (expectedKeys.includes(key) ? [] : [index]));
  // As many missing as extra, each extra where a missing one belongs: the columns were renamed.
  if (extra.length > 0 && missingKeys.length === extra.length && extra.every((index) => missingKeys.includes(expectedKeys[index] ?? ''))) {
    const renamed = extra.flatMap((index) => {
      const cell = cells[index];
      return cell ? [{ cell, expected: expected[index] ?? '' }] : [];
    });
    return { expected, renamed, extra: [], missing: [], outOfOrder: false };
  }
  return {
    expected,
    renamed: [],
    extra: extra.flatMap((index) => cells[index] ?? []),
    missing: missingKeys.map((key) => expected[expectedKeys.indexOf(key)] ?? key),
    outOfOrder: missingKeys.length === 0 && extra.length === 0 && actualKeys.some((key, index) => key !== expectedKeys[index]),
  };
}
