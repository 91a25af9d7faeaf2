// Desk settings — the language of the console and hints, resident mode, the ward code, the volunteer's
// nickname and how long records are kept — in the extension's private store (extension/private-store.ts):
// a content script can neither read the nickname nor change what goes into records or when they are
// deleted. Extension pages and the background only; content scripts read extension/display-settings.ts.
import { DEFAULT_SETTINGS, displayOf, sanitizeSettings, type Settings } from '../core/settings';
import { pageWords } from '../core/i18n';
import { displayItem, wordsItem } from './display-settings';
import { privateStore, type PrivateItem } from './private-store';
import { sessionStore } from './session-storage';
import { isActive, type Session } from '../core/session';

export { DEFAULT_SETTINGS, sanitizeSettings, type Settings };

/** Kept in storage.local ('dan-buoc-settings') before issue 15.5, moved from there once. */
const stored = privateStore.defineItem<Settings>('settings', { fallback: DEFAULT_SETTINGS, legacyKey: 'dan-buoc-settings' });

/** The settings; saving them also refreshes the copy the on-page guide reads. */
export const settingsItem: PrivateItem<Settings> = {
  ...stored,
  async setValue(value) {
    await stored.setValue(value);
    await syncDisplaySettings(value);
  },
};

/** Settings read defensively: anything malformed falls back to the defaults. */
export async function readSettings(): Promise<Settings> {
  return sanitizeSettings((await stored.getValue().catch(() => DEFAULT_SETTINGS)) as Partial<Settings> | null);
}

/** Resident mode as the running session chose it in the console, if it did (null: the desk setting applies). */
export function sessionResidentMode(s: Session | null | undefined): boolean | null {
  return isActive(s) && s.residentMode !== undefined ? s.residentMode : null;
}

/**
 * Write the on-page guide's copy of language and resident mode, and its words in that language, when they differ
 * from the settings (also when a content script changed them). Resident mode is the running session's when the
 * console set it for that session, else the desk setting's.
 */
export async function syncDisplaySettings(from?: Settings): Promise<void> {
  const settings = from ?? (await readSettings());
  const session = sessionResidentMode(await sessionStore.get().catch(() => null));
  const want = displayOf({ ...settings, residentMode: session ?? settings.residentMode });
  const have = displayOf(await displayItem.getValue().catch(() => null));
  // Nothing stored reads as the defaults: no write needed for them.
  if (have.lang !== want.lang || have.residentMode !== want.residentMode) await displayItem.setValue(want);
  const words = pageWords(want.lang);
  if (JSON.stringify(await wordsItem.getValue().catch(() => null)) !== JSON.stringify(words)) await wordsItem.setValue(words);
}
