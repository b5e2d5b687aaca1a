import packageJson from '../../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
/** The project's home, from package.json: where rule pages are linked from. */
export const HOMEPAGE: string = packageJson.homepage.replace(/#.*$/, '');

/** The documentation page of a built-in rule, at the docs of this version. */
export function ruleDocsUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/v${VERSION}/docs/rules/${ruleId}.md`;
}

/** Where the engine's own message ids (internal-error, invalid-directive ...) are explained. */
export function engineDocsUrl(anchor: string): string {
  return `${HOMEPAGE}/blob/v${VERSION}/README.md#${anchor}`;
}
