// Page patterns of walkthrough steps: "https://host/path" with * wildcards; query and fragment never count.

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

/**
 * True when the page of `url` matches `pattern`, e.g. `https://dichvucong.gov.vn/thu-tuc/*`.
 * A `*` matches any run of characters; query and fragment of `url` are ignored.
 */
export function matchesPage(pattern: string, url: string): boolean {
  const key = pageKey(url);
  if (!key) return false;
  if (!pattern.includes('*')) return pageKey(pattern) === key;
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp('^' + escaped.join('.*') + '$').test(key);
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
