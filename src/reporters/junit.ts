/**
 * JUnit XML for CI dashboards: one test case per file. A file with errors fails, with one
 * `<failure>` per error; warnings do not fail it and are listed in its `<system-out>`. So
 * `failures` counts failed files, never exceeds `tests`, and is 0 exactly when the exit code is.
 */
import type { LintMessage } from '../engine/types.js';
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

function problemLine(message: LintMessage): string {
  return `${message.line}:${message.column} ${message.severity} ${message.message} [${message.ruleId}]`;
}

export const junit: Reporter = (results, { cwd }) => {
  const failures = results.filter((result) => result.errorCount > 0).length;
  const cases = results.map((result) => {
    const path = escapeXml(displayPath(result.filePath, cwd));
    const body = result.messages
      .filter((message) => message.severity === 'error')
      .map((message) => `      <failure message="${escapeXml(message.message)}" type="${escapeXml(message.ruleId)}">${escapeXml(problemLine(message))}</failure>`);
    const warnings = result.messages.filter((message) => message.severity !== 'error').map(problemLine);
    if (warnings.length > 0) body.push(`      <system-out>${escapeXml(warnings.join('\n'))}</system-out>`);
    return body.length === 0 ? `    <testcase classname="dmlint" name="${path}"/>` : `    <testcase classname="dmlint" name="${path}">\n${body.join('\n')}\n    </testcase>`;
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
