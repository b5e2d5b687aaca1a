/**
 * A Markdown summary for $GITHUB_STEP_SUMMARY or a pull-request comment: counts per file, then
 * the first problems of each file with links to the rules' pages.
 */
import type { Reporter } from './types.js';
import { displayPath, filledIn, plural, printable } from './text.js';

const SHOWN_PER_FILE = 10;

/**
 * Table-cell text: control and bidirectional characters shown as escapes, as in the terminal
 * formats (a line break would end the row, U+202E would turn it around), then pipes and markup
 * characters escaped.
 */
export function cellText(text: string): string {
  return printable(text).replace(/([\\|`*_[\]<>#])/g, '\\$1');
}

/** GitHub's limit for a comment body and a step summary, in characters. */
export const MAX_SUMMARY_CHARS = 65_536;
/** Room kept for the closing "and N more" line. */
const TAIL_CHARS = 200;

/** Lines that stop being added once their total would pass the limit. */
class Budget {
  readonly lines: string[] = [];
  private used = 0;

  add(...lines: string[]): boolean {
    const size = lines.reduce((sum, line) => sum + line.length + 1, 0);
    if (this.used + size > MAX_SUMMARY_CHARS - TAIL_CHARS) return false;
    this.lines.push(...lines);
    this.used += size;
    return true;
  }
}

export const markdown: Reporter = (results, { cwd, rules, hiddenWarnings = 0 }) => {
  const links = new Map(rules.map((rule) => [rule.id, rule.docsUrl]));
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const withProblems = results.filter((result) => result.messages.length > 0);
  if (errors + warnings === 0 && hiddenWarnings > 0) return ['## dmlint', '', `No errors in ${plural(results.length, 'file')}; ${plural(hiddenWarnings, 'warning')} not shown (--quiet).`, ''].join('\n');
  if (errors + warnings === 0) return ['## dmlint', '', `✅ No problems in ${plural(results.length, 'file')}.`, ''].join('\n');
  const out = new Budget();
  out.add('## dmlint', '', `❌ ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(withProblems.length, 'file')} of ${results.length}.`, '');
  out.add('| File | Errors | Warnings | Filled in |', '|---|---:|---:|---:|');
  let listed = 0;
  while (listed < withProblems.length) {
    const result = withProblems[listed];
    if (!result || !out.add(`| ${cellText(displayPath(result.filePath, cwd))} | ${result.errorCount} | ${result.warningCount} | ${filledIn(result.completeness)} |`)) break;
    listed++;
  }
  if (listed < withProblems.length) return [...out.lines, '', `…and ${plural(withProblems.length - listed, 'more file')} with problems.`, ''].join('\n');
  let shown = 0;
  let truncated = false;
  for (const result of withProblems) {
    truncated = !out.add('', `### ${cellText(displayPath(result.filePath, cwd))}`, '', '| Line | Severity | Problem | Rule |', '|---:|---|---|---|');
    for (const message of truncated ? [] : result.messages.slice(0, SHOWN_PER_FILE)) {
      const link = links.get(message.ruleId);
      const rule = link ? `[${message.ruleId}](${link})` : `\`${message.ruleId}\``;
      truncated = !out.add(`| ${message.line}:${message.column} | ${message.severity} | ${cellText(message.message)} | ${rule} |`);
      if (truncated) break;
      shown++;
    }
    if (!truncated && result.messages.length > SHOWN_PER_FILE) truncated = !out.add('', `…and ${plural(result.messages.length - SHOWN_PER_FILE, 'more problem')}.`);
    if (!truncated) shown += Math.max(result.messages.length - SHOWN_PER_FILE, 0);
    if (truncated) break;
  }
  const total = withProblems.reduce((sum, result) => sum + result.messages.length, 0);
  if (truncated) out.lines.push('', `…and ${plural(total - shown, 'more problem')} not shown: this summary is kept within GitHub's limit of ${MAX_SUMMARY_CHARS} characters.`);
  out.lines.push('');
  return out.lines.join('\n');
};
