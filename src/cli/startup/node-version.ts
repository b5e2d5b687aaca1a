/**
 * The Node versions dmlint runs on (package.json's `engines`). The pre-commit hook and a checkout
 * run the committed command line with whatever `node` is on the PATH, where npm's engines check
 * never ran: an older Node gets this one line instead of a syntax error from deep in the bundle.
 */
export const SUPPORTED_NODE = 'Node 20.19 or later, 22.13 or later, or 24';

/** Why `version` (process.versions.node) cannot run dmlint, or null when it can. */
export function unsupportedNode(version: string): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 13) || major === 21 || major === 23 || major >= 24;
  return supported ? null : `dmlint: needs ${SUPPORTED_NODE}; this is Node ${version}`;
}
