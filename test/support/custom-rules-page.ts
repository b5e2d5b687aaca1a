/** The worked examples of docs/custom-rules.md, read from the page, for the tests that run them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli.js';

const PAGE = readFileSync(join(REPO, 'docs/custom-rules.md'), 'utf8');

/** The page's code block whose info string is `info` (```js plugin ...). */
export function pageBlock(info: string): string {
  const match = new RegExp(`\`\`\`${info}\\n([\\s\\S]*?)\\n\`\`\``).exec(PAGE);
  if (!match?.[1]) throw new Error(`docs/custom-rules.md has no \`\`\`${info} block`);
  return match[1];
}

const ROOM_BOOKING = readFileSync(join(REPO, 'fixtures/examples/room-booking/data-model.md'), 'utf8');

/** A clean example document whose header names an owning team. */
export const withOwner = (owner: string): string => ROOM_BOOKING.replace('**Branch**:', `**Owner**: ${owner}  \n**Branch**:`);

/** The worked example as a project (no package.json, no dmlint installed) and what the page says dmlint prints for it. */
export function ownerFieldProject(): { files: Record<string, string>; compactOutput: string } {
  return {
    files: {
      'dmlint-rules/owner-field.js': pageBlock('js plugin'),
      '.dmlintrc.jsonc': pageBlock('jsonc config'),
      'specs/020-refunds/spec.md': '# Spec\n',
      'specs/020-refunds/data-model.md': withOwner('Payment team'),
    },
    compactOutput: `${pageBlock('text output')}\n`,
  };
}
