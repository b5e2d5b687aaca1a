import { defineRule, plural, quote, type PipeRows, type RuleContext, type Table } from '../src/rule-kit/index.js';

/** Header names the team accepts for a template column, by the template's name for it. */
interface Options {
  synonyms: Record<string, string[]>;
}

type Context = RuleContext<Options>;

export default defineRule<Options>({
  id: 'table-shape',
  description: "Tables have the template's columns, every row has one cell per column, and no table is broken into plain text",
  rationale: 'A row with a missing or extra cell shifts values into the wrong column, and a table with a broken delimiter row is not a table at all: renderers and tools see a paragraph of pipes.',
  defaultSeverity: 'error',
  fixable: true,
  defaultOptions: { synonyms: {} },
  optionsSchema: {
    type: 'object',
    properties: {
      synonyms: {
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
        description: 'Header names your documents use for a template column, by the template\'s name for it, such as { "Cascade Behavior": ["Cascade"] }: such a column is not reported.',
      },
    },
    additionalProperties: false,
  },
  check(context) {
    for (const table of context.doc.structure.tables) {
      checkColumns(context, table);
      checkRows(context, table);
    }
    for (const rows of context.doc.structure.pipeRows) checkBrokenTable(context, rows);
  },
});

function checkColumns({ doc, report, options }: Context, table: Table): void {
  const columns = doc.tableColumns(table, options.synonyms);
  if (!columns) return;
  const listed = columns.expected.join(' | ');
  // Read as the template's column all the same: renaming it changes nothing but the name.
  for (const { cell, expected } of columns.synonyms) {
    report({
      range: cell.range,
      message: `Column ${quote(cell.text)} is read as the template's ${quote(expected)}: name it so, or declare it a synonym in table-shape's options`,
      ...(cell.textRange ? { fix: { range: [cell.textRange.start.offset, cell.textRange.end.offset], text: expected } } : {}),
    });
  }
  for (const { cell, expected } of columns.renamed) report({ range: cell.range, message: `Column ${quote(cell.text)} should be ${quote(expected)}, as in the template (${listed})` });
  for (const cell of columns.extra) report({ range: cell.range, message: `Unexpected column ${quote(cell.text)}: the template's columns are ${listed}` });
  for (const name of columns.missing) report({ range: table.header.range, message: `Missing column ${quote(name)}: the template's columns are ${listed}` });
  if (columns.outOfOrder) report({ range: table.header.range, message: `Columns are out of order: the template's order is ${listed}` });
}

function checkRows({ report }: Context, table: Table): void {
  const count = table.columnCount;
  const headers = table.header.cells.map((cell) => cell.text);
  for (const row of table.rows) {
    const cells = row.cells.length;
    if (cells < count) {
      const absent = headers.slice(cells).join(', ');
      report({ range: row.range, message: `Row has ${cells} ${plural(cells, 'cell')} but the table has ${count} columns: add ${absent}` });
    } else if (cells > count) {
      const first = row.cells[count];
      report({
        range: first ? { start: first.range.start, end: row.range.end } : row.range,
        message: `Row has ${cells} cells but the table has ${count} columns: an unescaped "|" splits a cell (write "\\|" for a literal pipe), or a cell is extra`,
      });
    }
  }
}

function checkBrokenTable({ report }: Context, rows: PipeRows): void {
  const [header, delimiter] = rows.lines;
  if (!header) return;
  if (header.isDelimiter) {
    report({ range: header.range, message: 'Table is not recognised: its delimiter row has no header row above it' });
  } else if (!delimiter) {
    report({ range: header.range, message: 'Line looks like a table row but is not in a table: remove the blank line above it, or give it a header row and a delimiter row (| --- | --- |)' });
  } else if (delimiter.isDelimiter && delimiter.cellCount !== header.cellCount) {
    report({
      range: delimiter.range,
      message: `Table is not recognised: its delimiter row has ${delimiter.cellCount} ${plural(delimiter.cellCount, 'cell')} but its header row has ${header.cellCount}; give both the same number`,
    });
  } else if (!delimiter.isDelimiter) {
    const later = rows.lines.slice(2).find((line) => line.isDelimiter);
    report({
      range: later ? later.range : header.range,
      message: later
        ? 'Table is not recognised: its delimiter row must come right after the header row'
        : 'Table is not recognised: its header row is not followed by a delimiter row (| --- | --- |)',
    });
  } else {
    report({ range: header.range, message: 'Table is not recognised: check that it is not indented as code and starts on its own line' });
  }
}
