// Access to sites beyond the manifest's official hosts (issue 7): a pack for a provincial portal, or for an
// origin the ward admin chose to trust, asks the browser for that one origin at run time (an optional host
// permission, granted by the volunteer's click), and the content script is then registered there too — only
// where an installed walkthrough runs: a granted origin no walkthrough uses (the address a pack file was
// downloaded from) gets no content script.
import { browser } from 'wxt/browser';
import { OFFICIAL_MATCH_PATTERNS } from '../core/origins';
import { originsInUse } from '../core/pack-library';
import { libraryItem, catalogOf } from './library';

const SCRIPT_ID = 'dan-buoc-guide-extra';
/** One https host, nothing broader. */
const ONE_HOST = /^https:\/\/[a-z0-9.-]+\/\*$/;

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

/**
 * Register the content script on the run-time granted origins that installed walkthroughs run on
 * (`inUse`: origins, by default those of the desk's library and the shipped packs, and the trusted ones). The background calls it
 * at start, on every permission change and on every library change.
 */
export async function syncContentScripts(inUse?: readonly string[]): Promise<string[]> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return [];
  // Origins the ward admin trusted count too: an author records a new walkthrough there before any pack uses it.
  const lib = inUse ? null : await libraryItem.getValue();
  const used = new Set((inUse ?? [...originsInUse(catalogOf(lib!).packs), ...lib!.trusted]).map(patternOf));
  const granted = ((await browser.permissions.getAll()).origins ?? []).filter((p) => ONE_HOST.test(p) && !OFFICIAL_MATCH_PATTERNS.includes(p) && used.has(p));
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (!granted.length) {
    if (existing.length) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return [];
  }
  const script = { id: SCRIPT_ID, matches: granted, js: ['content-scripts/guide.js'], runAt: 'document_idle' as const };
  if (existing.length) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
  return granted;
}
