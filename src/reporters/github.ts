/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation per problem, with
 * file, position and the rule id as title. Values are escaped as the runner requires, so no text
 * from a document can end a command or start a new one.
 */
import { relative, sep } from 'node:path';
import type { Reporter } from './types.js';

/** Escaping of a command's message: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Reporter = (results, { cwd, root = cwd }) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = result.filePath.startsWith('<') ? result.filePath : relative(root, result.filePath).split(sep).join('/');
    for (const message of result.messages) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${message.line}`,
        `col=${message.column}`,
        `endLine=${message.endLine}`,
        `endColumn=${message.endColumn}`,
        `title=${escapeProperty(`dmlint (${message.ruleId})`)}`,
      ];
      lines.push(`::${message.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(message.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
