// Access to sites beyond the manifest's official hosts (issue 7): a pack for a provincial portal, or for an
// origin the ward admin chose to trust, asks the browser for that one origin at run time (an optional host
// permission, granted by the volunteer's click). Nothing is registered there: the guide is injected into the
// session's tab only (extension/guide-injection.ts), and a granted origin no walkthrough uses (the address a
// pack file was downloaded from) never gets it.
import { browser } from 'wxt/browser';
import { OFFICIAL_MATCH_PATTERNS } from '../core/origins';

export const patternOf = (origin: string): string => `${new URL(origin).origin}/*`;

/** The origins of a pack the extension may not run on yet (the manifest's hosts always may). */
export async function missingAccess(origins: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const o of origins) {
    const pattern = patternOf(o);
    if (OFFICIAL_MATCH_PATTERNS.includes(pattern)) continue;
    if (!(await browser.permissions.contains({ origins: [pattern] }).catch(() => false))) out.push(o);
  }
  return out;
}

/**
 * Ask for these origins. Must be the first thing a click handler awaits (the browser wants the gesture).
 * True when all are granted.
 */
export function requestAccess(origins: readonly string[]): Promise<boolean> {
  const patterns = origins.map(patternOf).filter((p) => !OFFICIAL_MATCH_PATTERNS.includes(p));
  if (!patterns.length) return Promise.resolve(true);
  return browser.permissions.request({ origins: patterns }).catch(() => false);
}
