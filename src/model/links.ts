/** Links to files next to the document: the Spec link of the header names the feature's spec. */

/**
 * The file a link points to, as a path relative to the document, decoded; null for what is not a
 * relative file link (a web address, an anchor, an absolute path) or points nowhere (`?x`).
 */
export function linkedFilePath(url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('/')) return null;
  // Cut at the first `?` or `#`. (/[?#].*$/ retries from every `?` when a line separator stops `.`.)
  const cut = url.search(/[?#]/);
  const path = cut >= 0 ? url.slice(0, cut) : url;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: the path as written.
  }
  return decoded === '' ? null : decoded;
}
