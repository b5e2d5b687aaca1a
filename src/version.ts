import packageJson from '../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
export const HOMEPAGE = 'https://github.com/dmlint/dmlint';

/** The documentation page of a rule. */
export function ruleDocsUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/v${VERSION}/docs/rules/${ruleId}.md`;
}
