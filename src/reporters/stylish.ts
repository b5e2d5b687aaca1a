/**
 * The default, human reporter: problems grouped per file, each with `path:line:column` (clickable
 * in most terminals), severity, message and rule id, then a summary line.
 */
import type { Reporter } from './types.js';
import { displayPath, fixableSummary, plural, printable } from './text.js';

export const stylish: Reporter = (results, { cwd, chalk, hiddenWarnings = 0 }) => {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let filesWithProblems = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    if (result.messages.length === 0) continue;
    filesWithProblems++;
    const path = displayPath(result.filePath, cwd);
    const rows = result.messages.map((message) => ({
      where: `${path}:${message.line}:${message.column}`,
      severity: message.severity,
      text: printable(message.message),
      // A plugin names its own rules: the id is shown as printable as the message.
      rule: printable(message.ruleId),
    }));
    // Not Math.max(...): a spread of 150,000 arguments overflows the call stack.
    const whereWidth = rows.reduce((width, row) => Math.max(width, row.where.length), 0);
    out.push(chalk.underline(path));
    for (const row of rows) {
      const severity = row.severity === 'error' ? chalk.red('error  ') : chalk.yellow('warning');
      out.push(`  ${chalk.dim(row.where.padEnd(whereWidth))}  ${severity}  ${row.text}  ${chalk.dim(row.rule)}`);
    }
    out.push('');
  }
  const files = plural(results.length, 'file');
  if (errors + warnings === 0 && hiddenWarnings > 0) {
    out.push(chalk.yellow(`No errors in ${files}; ${plural(hiddenWarnings, 'warning')} not shown (--quiet)`));
  } else if (errors + warnings === 0) {
    out.push(chalk.green(`✔ No problems in ${files}`));
  } else {
    const summary = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(filesWithProblems, 'file')} of ${files}`;
    out.push(errors > 0 ? chalk.red.bold(summary) : chalk.yellow.bold(summary));
    const fixable = fixableSummary(results);
    if (fixable) out.push(chalk.dim(`  ${fixable}`));
  }
  return `${out.join('\n')}\n`;
};
