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

export const markdown: Reporter = (results, { cwd, rules }) => {
  const links = new Map(rules.map((rule) => [rule.id, rule.docsUrl]));
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const lines = ['## dmlint', ''];
  if (errors + warnings === 0) {
    lines.push(`✅ No problems in ${plural(results.length, 'file')}.`, '');
    return lines.join('\n');
  }
  lines.push(`❌ ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(results.filter((result) => result.messages.length > 0).length, 'file')} of ${results.length}.`, '');
  lines.push('| File | Errors | Warnings | Filled in |', '|---|---:|---:|---:|');
  for (const result of results) {
    if (result.messages.length > 0) lines.push(`| ${cellText(displayPath(result.filePath, cwd))} | ${result.errorCount} | ${result.warningCount} | ${filledIn(result.completeness)} |`);
  }
  for (const result of results) {
    if (result.messages.length === 0) continue;
    lines.push('', `### ${cellText(displayPath(result.filePath, cwd))}`, '', '| Line | Severity | Problem | Rule |', '|---:|---|---|---|');
    for (const message of result.messages.slice(0, SHOWN_PER_FILE)) {
      const link = links.get(message.ruleId);
      const rule = link ? `[${message.ruleId}](${link})` : `\`${message.ruleId}\``;
      lines.push(`| ${message.line}:${message.column} | ${message.severity} | ${cellText(message.message)} | ${rule} |`);
    }
    if (result.messages.length > SHOWN_PER_FILE) lines.push('', `…and ${plural(result.messages.length - SHOWN_PER_FILE, 'more problem')}.`);
  }
  lines.push('');
  return lines.join('\n');
};
