// The two desk settings the on-page guide needs — language and resident mode — as a copy in storage.local,
// the only settings a content script reads. The desk settings themselves (ward code, volunteer nickname,
// retention) live in the private store (extension/settings.ts), out of content scripts' reach. A content
// script that changes this copy changes how hints look, nothing else; the background puts it back. The
// on-page scripts read it through extension/page-display.ts, without WXT's storage module. Beside it, the
// guide's words in the chosen language: the content script carries none of its own.
import { storage } from 'wxt/utils/storage';
import type { Words } from '../core/page-words';
import { DEFAULT_DISPLAY, DISPLAY_KEY, WORDS_KEY, type DisplaySettings } from './page-display';

export { DEFAULT_DISPLAY, displayOf, readDisplaySettings, type DisplaySettings } from './page-display';

export const displayItem = storage.defineItem<DisplaySettings>(`local:${DISPLAY_KEY}`, { fallback: DEFAULT_DISPLAY });

/** The guide's words in the chosen language (core/page-words.ts), written with the settings' copy. */
export const wordsItem = storage.defineItem<Words>(`local:${WORDS_KEY}`, { fallback: {} });
