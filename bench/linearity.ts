/**
 * Linear time on hostile inputs, measured in one process: each attack of test/hostile/attacks.ts
 * (runs that make regular expressions backtrack, paragraphs the parser used to take quadratic time
 * on) and each complete example, linted at one size and at twice the size. Linear growth is 2;
 * quadratic shows as 4. Run by bench/run.mjs with the parser patched as in the shipped bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { lintText, type LintTextOptions } from '../src/engine/lint-text.js';
import { prepareRelatedDocuments } from '../src/host/related.js';
import { ATTACK_SIZE, PARSER_RUNS, parserRunDocument, parserRunSize, regexAttacks } from '../test/hostile/attacks.js';

export interface Growth {
  name: string;
  /** Milliseconds at one size and at twice the size, each the fastest of three runs. */
  small: number;
  big: number;
}

function fastest(work: () => unknown): number {
  let time = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = performance.now();
    work();
    time = Math.min(time, performance.now() - start);
  }
  return time;
}

function growth(name: string, document: (size: number) => string, size: number, options: LintTextOptions = {}): Growth {
  const [once, twice] = [document(size), document(2 * size)];
  return { name, small: fastest(() => lintText(once, options)), big: fastest(() => lintText(twice, options)) };
}

export async function measureLinearity(repo: string): Promise<Growth[]> {
  // The related-document attacks read contracts: load the YAML parser first, as hosts do.
  await prepareRelatedDocuments({ enabled: true, contracts: [] });
  const complete = readFileSync(join(repo, 'fixtures/examples/room-booking/data-model.md'), 'utf8');
  const rows: Growth[] = [];
  const attacks = regexAttacks(complete);
  for (const rule of builtinRules) {
    for (const attack of attacks[rule.id] ?? []) rows.push(growth(`${rule.id}: ${attack.name}`, (size) => attack.document(size), ATTACK_SIZE, { ...attack.options, ruleSet: [rule] }));
  }
  for (const [name, unit] of Object.entries(PARSER_RUNS)) rows.push(growth(`parser: ${name}`, (size) => parserRunDocument(complete, unit, size), parserRunSize(unit)));
  for (const example of readdirSync(join(repo, 'fixtures/examples')).sort()) {
    const text = readFileSync(join(repo, 'fixtures/examples', example, 'data-model.md'), 'utf8');
    // Twice the document: the same text again after it, every rule on.
    rows.push(growth(`example ${example}, doubled`, (copies) => Array.from({ length: copies }, () => text).join('\n\n'), 1));
  }
  return rows;
}
