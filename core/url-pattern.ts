// Page patterns of walkthrough steps: "https://host/path" with * wildcards; query and fragment never count.
// Matching is a greedy glob over the literal pieces between stars (no regular expression, no backtracking):
// at most one left-to-right pass per piece, so a hostile pack cannot hang the background or the page.

/** The most `*` a pack's page pattern may hold (core/pack.ts refuses more). Matching stays fast beyond it. */
export const MAX_WILDCARDS = 8;

/** The part of a URL a pattern is matched against: origin + path, with a trailing index.html dropped. */
export function pageKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  return `${u.protocol}//${u.host}${canonicalPath(u.pathname)}`;
}

function canonicalPath(path: string): string {
  return path.replace(/\/index\.html?$/i, '/') || '/';
}

/** How many `*` a pattern holds. */
export function wildcardCount(pattern: string): number {
  let n = 0;
  for (let i = pattern.indexOf('*'); i !== -1; i = pattern.indexOf('*', i + 1)) n++;
  return n;
}

/**
 * True when `text` matches `glob`, where `*` matches any run of characters (none included) and every other
 * character only itself. The first piece must start the text, the last must end it, and each piece between
 * is taken at its leftmost place after the one before: leftmost is never worse for the pieces still to come,
 * so no other choice needs trying.
 */
export function globMatches(glob: string, text: string): boolean {
  const pieces = glob.split('*');
  if (pieces.length === 1) return glob === text;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (first.length + last.length > text.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    if (!piece) continue;
    const found = text.indexOf(piece, at);
    if (found === -1 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/**
 * True when the page of `url` matches `pattern`, e.g. `https://dichvucong.gov.vn/thu-tuc/*`.
 * A `*` matches any run of characters; query and fragment of `url` are ignored.
 */
export function matchesPage(pattern: string, url: string): boolean {
  const key = pageKey(url);
  if (!key) return false;
  if (!pattern.includes('*')) return pageKey(pattern) === key;
  return globMatches(pattern, key);
}

/** Origin + path without query or fragment: the only form of a URL the product may log or show. */
export function stripUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}
