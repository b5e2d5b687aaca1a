/** One line per problem, `path:line:col: severity message [rule-id]`, for editors' problem matchers. */
import type { Reporter } from './types.js';
import { displayPath, fixableSummary, printable } from './text.js';

export const compact: Reporter = (results, { cwd }) => {
  const lines: string[] = [];
  for (const result of results) {
    const path = displayPath(result.filePath, cwd);
    for (const message of result.messages) {
      // A plugin names its own rules: the id is shown as printable as the message.
      lines.push(`${path}:${message.line}:${message.column}: ${message.severity} ${printable(message.message)} [${printable(message.ruleId)}]`);
    }
  }
  // As in stylish; a line no problem matcher takes for a problem.
  const fixable = fixableSummary(results);
  if (fixable) lines.push('', fixable);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
