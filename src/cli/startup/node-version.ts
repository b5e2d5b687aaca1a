/**
 * The Node versions dmlint runs on: package.json's `engines`, `^20.19.0 || ^22.13.0 || >=24`. The
 * pre-commit hook and a clone run the committed command line with whatever `node` is on the PATH,
 * where no npm engines check ran: an older Node gets one line, not an error from deep in the bundle.
 *
 * Self-contained and in syntax any Node parses: the build puts its source at the top of
 * dist/cli.cjs (scripts/build.mjs), to run before the launcher requires anything.
 */
export function unsupportedNode(version: string): string | null {
  const parts = version.split('.').map(Number);
  const major = parts[0] || 0;
  const minor = parts[1] || 0;
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 13) || major >= 24;
  return supported ? null : 'dmlint: needs Node 20.19 or later, 22.13 or later, or 24; this is Node ' + version;
}
