/**
 * No false alarms on how real teams write: the complete example documents, with type generics,
 * text in other scripts, marker-like nouns and template-engine tokens inserted at random (as
 * paragraphs of their own and inside Description cells), lint exactly as clean as before; with
 * one real template placeholder inserted as well, they give exactly one message, for it. Each
 * property has a fixed seed, so a failure is the same on every run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint-text.js';
import { VALID_DOCUMENTS } from './hostile/support.js';

/** Types as teams write them: in code, or in a bracket syntax Markdown shows as written. */
const GENERICS = [
  '`List<string>`',
  '`List<UUID>`',
  'Map<K, V>',
  'Optional[int]',
  '`Vec<u8>`',
  'Record<string, number>',
  '`Array<LineItem>`',
  'Dictionary<string, decimal>',
  'HashMap<A, B>',
  'Array[String]',
  '`Map<string, List<UUID>>`',
  'List[str]',
  '`Date \\| null`',
];
const SCRIPTS = ['할 일 목록', 'タスク管理アプリ', '待办事项清单', 'lista de tareas pendientes', 'lista de afazeres', 'Aufgabenliste für übermorgen', 'liste des tâches à faire', 'список дел', 'قائمة المهام', '🚀 déploiement ✅', 'e\u0301te\u0301 終わり'];
const NOUNS = ['Todo manager app', 'the Todo entity', 'a Todo list', 'every todo', 'Fixme-style tags', 'the xxx-large layout', 'Todo'];
const TOKENS = ['`{{variables}}`', '{{user_name}}', '`Hi {{name}}`'];
const BENIGN = [...GENERICS, ...SCRIPTS, ...NOUNS, ...TOKENS];

/** Placeholders of the bundled template, as a writer leaves them. */
const PLACEHOLDERS = ['[EntityName]', '[DATE]', '[Purpose]', '[Question 3]', '[TBD]', '[attribute1]', '[e.g., users]', '[Describe the scope here]'];

/** Where text goes: a paragraph of its own before a heading, or the end of a Description cell. */
interface Site {
  kind: 'paragraph' | 'description';
  line: number;
}

function sitesOf(text: string): Site[] {
  const sites: Site[] = [];
  let fence = false;
  let descriptionColumn = -1;
  text.split('\n').forEach((line, index) => {
    if (/^(?:`{3,}|~{3,})/.test(line)) fence = !fence;
    if (fence) return;
    const cells = line.split(/(?<!\\)\|/);
    if (!line.startsWith('|')) descriptionColumn = -1;
    else if (/^\|\s*Attribute\s*\|/.test(line)) descriptionColumn = cells.findIndex((cell) => cell.trim() === 'Description');
    else if (descriptionColumn > 0 && line.startsWith('| `')) sites.push({ kind: 'description', line: index });
    // Each heading after the title: the end of the section before it.
    if (/^#{2,6} /.test(line)) sites.push({ kind: 'paragraph', line: index });
  });
  return sites;
}

/** The text with `words` put at a site. */
function insert(text: string, site: Site, words: string): string {
  const lines = text.split('\n');
  const line = lines[site.line] ?? '';
  if (site.kind === 'paragraph') lines[site.line] = `${words}\n\n${line}`;
  else {
    // The Description is the fourth cell: it ends at the fifth unescaped pipe.
    const pipes = [...line.matchAll(/(?<!\\)\|/g)].map((match) => match.index);
    const end = pipes[4];
    if (end !== undefined) lines[site.line] = `${line.slice(0, end).trimEnd()} ${words} ${line.slice(end)}`;
  }
  return lines.join('\n');
}

/** The complete examples: clean with every rule. */
const EXAMPLES = VALID_DOCUMENTS.filter((document) => document.name.startsWith('examples/'));

const insertion = fc.record({ at: fc.nat(), words: fc.array(fc.constantFrom(...BENIGN), { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')) });
const changed = fc.record({ document: fc.constantFrom(...EXAMPLES), insertions: fc.array(insertion, { minLength: 1, maxLength: 8 }) }).map(({ document, insertions }) => {
  const sites = sitesOf(document.text);
  // Later lines first, so the earlier sites keep their line numbers.
  const chosen = insertions.map(({ at, words }) => ({ site: sites[at % sites.length] as Site, words })).sort((a, b) => b.site.line - a.site.line);
  return chosen.reduce((text, { site, words }) => insert(text, site, words), document.text);
});

const said = (text: string): string[] => lintText(text).messages.map((message) => `${message.line}:${message.column} ${message.message} [${message.ruleId}]`);

describe('real writing inserted into complete documents', () => {
  it('the documents start clean, with places of both kinds to insert at', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(5);
    for (const document of EXAMPLES) {
      expect(said(document.text), document.name).toEqual([]);
      expect(new Set(sitesOf(document.text).map((site) => site.kind)), document.name).toEqual(new Set(['paragraph', 'description']));
    }
  });

  it('type generics, other scripts, marker-like nouns and engine tokens add no message', () => {
    fc.assert(
      fc.property(changed, (text) => {
        expect(said(text)).toEqual([]);
      }),
      { seed: 1801, numRuns: 25 },
    );
  }, 60_000);

  it('a real template placeholder among them adds exactly one message, for it', () => {
    const withPlaceholder = fc.tuple(changed, fc.nat(), fc.constantFrom(...PLACEHOLDERS)).map(([text, at, placeholder]) => {
      const sites = sitesOf(text);
      return { text: insert(text, sites[at % sites.length] as Site, placeholder), placeholder };
    });
    fc.assert(
      fc.property(withPlaceholder, ({ text, placeholder }) => {
        const messages = lintText(text).messages;
        expect(messages.map((message) => [message.ruleId, message.message.startsWith(`Unfilled placeholder "${placeholder}"`)])).toEqual([['no-placeholder', true]]);
      }),
      { seed: 1802, numRuns: 25 },
    );
  }, 60_000);
});
