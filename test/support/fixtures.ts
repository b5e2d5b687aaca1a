/** Every Markdown file under fixtures/, for tests that hold a property over all of them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli.js';

const FIXTURES = join(REPO, 'fixtures');

/** Paths relative to fixtures/, sorted. */
export const FIXTURE_DOCUMENTS: readonly string[] = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.md'))
  .sort();

/** A fixture's text, without a leading BOM (the parser expects none). */
export function readFixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8').replace(/^\uFEFF/, '');
}
