import packageJson from '../../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
/** The project's home, from package.json: where rule pages are linked from. */
export const HOMEPAGE: string = packageJson.homepage.replace(/#.*$/, '');

/**
 * The branch or tag whose docs output links to. No release is tagged yet, so links go to main;
 * the first release changes this to its tag (`v${VERSION}`), so that a version links its own docs.
 */
const DOCS_REF = 'main';

/** The documentation page of a built-in rule. */
export function ruleDocsUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/${DOCS_REF}/docs/rules/${ruleId}.md`;
}

/** Where the engine's own message ids (internal-error, invalid-directive ...) are explained. */
export function engineDocsUrl(anchor: string): string {
  return `${HOMEPAGE}/blob/${DOCS_REF}/README.md#${anchor}`;
}
