// The on-page scripts' reading of the two display settings (language, resident mode): straight from
// storage.local, so WXT's storage module stays out of the guide's bundle, which every official page loads.
// The copy itself, and who writes it, is in extension/display-settings.ts.
import { browser } from 'wxt/browser';
import { DEFAULT_DISPLAY, displayOf, type DisplaySettings } from '../core/settings';
import { cardLayoutOf, type CardLayout } from '../core/geometry';
import { wordsOf, type Words } from '../core/page-words';

export { DEFAULT_DISPLAY, displayOf, type DisplaySettings };

/** The copy's key in storage.local (WXT's item 'local:dan-buoc-display'). */
export const DISPLAY_KEY = 'dan-buoc-display';

/** The display settings, read defensively. */
export async function readDisplaySettings(): Promise<DisplaySettings> {
  const stored: Record<string, unknown> = await browser.storage.local.get(DISPLAY_KEY).catch(() => ({}));
  return displayOf(stored[DISPLAY_KEY]);
}

/** The guide's words in the chosen language, written by the background beside the settings (core/page-words.ts). */
export const WORDS_KEY = 'dan-buoc-words';

export interface GuideCopy {
  display: DisplaySettings;
  words: Words;
  card: CardLayout | null;
}

/** The guide's copy as kept in storage.local, unread: its three keys. */
export async function readStoredCopy(): Promise<Record<string, unknown>> {
  return browser.storage.local.get([DISPLAY_KEY, WORDS_KEY, CARD_KEY]).catch(() => ({}));
}

/** The guide's copy from what storage.local holds under its keys, each validated (read by the guide or handed to it). */
export function guideCopyOf(stored: Record<string, unknown>): GuideCopy {
  return { display: displayOf(stored[DISPLAY_KEY]), words: wordsOf(stored[WORDS_KEY]), card: cardLayoutOf(stored[CARD_KEY]) };
}

/** What the guide reads at its start, in one call: the settings, its words and the card's layout. */
export async function readGuideCopy(): Promise<GuideCopy> {
  return guideCopyOf(await readStoredCopy());
}

/**
 * Call `cb` with the guide's copy whenever the settings or the words change (a change of language or resident
 * mode: the background writes both). Returns a function that stops watching.
 */
export function watchGuideCopy(cb: (next: Partial<Pick<GuideCopy, 'display' | 'words'>>) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local') return;
    const next: Partial<Pick<GuideCopy, 'display' | 'words'>> = {};
    if (DISPLAY_KEY in changes) next.display = displayOf(changes[DISPLAY_KEY]!.newValue);
    if (WORDS_KEY in changes) next.words = wordsOf(changes[WORDS_KEY]!.newValue);
    if (next.display || next.words) cb(next);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Where the volunteer put the step card and whether it is shrunk, for one session (17.5). */
export const CARD_KEY = 'dan-buoc-card';

/** The card's layout as kept, validated (null when there is none or it is not one). */
export async function readCardLayout(): Promise<CardLayout | null> {
  const stored: Record<string, unknown> = await browser.storage.local.get(CARD_KEY).catch(() => ({}));
  return cardLayoutOf(stored[CARD_KEY]);
}

export function saveCardLayout(layout: CardLayout): void {
  void browser.storage.local.set({ [CARD_KEY]: layout }).catch(() => undefined);
}
