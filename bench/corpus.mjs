// Builds the benchmark's documents from the repository's own valid examples, the same bytes on
// every run (no network, nothing from outside the repository). Each copy differs from the others
// (its own title and a numbered note) so that no tool can answer one file from another.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXAMPLES = ['checkout-orders', 'editorial-cms', 'sensor-telemetry', 'tenant-workspaces'];

function example(name) {
  const dir = new URL(`../fixtures/examples/${name}/`, import.meta.url);
  return { document: readFileSync(new URL('data-model.md', dir), 'utf8'), spec: readFileSync(new URL('spec.md', dir), 'utf8') };
}

/** A copy with its own title line and a note that names it. */
function numbered(text, number) {
  const note = `\n> Benchmark copy ${number}: generated from a bundled example.\n`;
  const titleEnd = text.indexOf('\n');
  return `${text.slice(0, titleEnd)} ${number}${note}${text.slice(titleEnd)}`;
}

function writeDocument(root, relativeDir, document, spec) {
  const dir = join(root, relativeDir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'data-model.md'), document);
  writeFileSync(join(dir, 'spec.md'), spec);
  return join(dir, 'data-model.md');
}

/** The entity blocks of a document (from the first `### Entity:` to the next level-2 heading) and the rest. */
function entityBlocks(text) {
  const start = text.indexOf('\n### Entity:') + 1;
  const end = text.indexOf('\n## ', start) + 1;
  const block = text.slice(start, end);
  const names = [...block.matchAll(/^### Entity: (\S+)/gm)].map((match) => match[1]);
  return { before: text.slice(0, start), block, after: text.slice(end), names };
}

/** A document grown to about `bytes` by adding renamed copies of its entities (Order → Order7, consistently). */
function grown(text, bytes) {
  const { before, block, after, names } = entityBlocks(text);
  const pattern = new RegExp(`\\b(${names.join('|')})\\b`, 'g');
  let blocks = block;
  for (let copy = 2; before.length + blocks.length + after.length < bytes; copy++) blocks += block.replace(pattern, (name) => `${name}${copy}`);
  return before + blocks + after;
}

/** The first attributes table with `rows` more rows. */
function withLongTable(text, rows) {
  const header = text.indexOf('| Attribute');
  const tableEnd = text.indexOf('\n\n', header);
  const extra = Array.from({ length: rows }, (_, row) => `| field_${row} | String | No | Generated field number ${row} | At most 64 characters |`).join('\n');
  return `${text.slice(0, tableEnd)}\n${extra}${text.slice(tableEnd)}`;
}

/** Writes every corpus below `root` and returns where each is. */
export function buildCorpora(root) {
  rmSync(root, { recursive: true, force: true });
  const examples = EXAMPLES.map(example);
  const [first] = examples;
  const one = writeDocument(root, 'one/specs/001-checkout', numbered(first.document, 1), first.spec);
  for (let number = 1; number <= 1000; number++) {
    const source = examples[number % examples.length];
    writeDocument(root, `many/specs/${String(number).padStart(4, '0')}-${EXAMPLES[number % EXAMPLES.length]}`, numbered(source.document, number), source.spec);
  }
  const sized = {};
  for (const [label, bytes] of [['100kb', 100_000], ['300kb', 300_000], ['1mb', 1_000_000]]) {
    sized[label] = writeDocument(root, `sized/${label}/specs/001-big`, grown(first.document, bytes), first.spec);
  }
  const table = writeDocument(root, 'table/specs/001-table', withLongTable(first.document, 5000), first.spec);
  // What an agent lints as it writes: the smallest example grown to about 15 KB.
  const small = example('room-booking');
  const agent = writeDocument(root, 'agent/specs/001-agent', grown(small.document, 15_000), small.spec);
  return { one, many: join(root, 'many'), sized, table, agent };
}
