/** JUnit XML for CI dashboards: one test case per file, one failure per problem. */
import type { Reporter } from './types.js';
import { displayPath } from './text.js';

/**
 * Text as XML character data or attribute value; characters XML 1.0 cannot carry (control
 * characters, lone surrogates) become U+FFFD. Tab, line feed and carriage return are written as
 * references: a parser turns them into spaces in an attribute, and a CR into a LF in text.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

export const junit: Reporter = (results, { cwd }) => {
  const failures = results.reduce((sum, result) => sum + result.messages.length, 0);
  const cases = results.map((result) => {
    const path = escapeXml(displayPath(result.filePath, cwd));
    const body = result.messages
      .map((message) => {
        const text = `${message.line}:${message.column} ${message.severity} ${message.message} [${message.ruleId}]`;
        return `      <failure message="${escapeXml(message.message)}" type="${escapeXml(message.ruleId)}">${escapeXml(text)}</failure>`;
      })
      .join('\n');
    return body === '' ? `    <testcase classname="dmlint" name="${path}"/>` : `    <testcase classname="dmlint" name="${path}">\n${body}\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dmlint" tests="${results.length}" failures="${failures}">`,
    `  <testsuite name="dmlint" tests="${results.length}" failures="${failures}" errors="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
