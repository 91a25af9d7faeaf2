// The two desk settings the on-page guide needs — language and resident mode — as a copy in storage.local,
// the only settings a content script reads. The desk settings themselves (ward code, volunteer nickname,
// retention) live in the private store (extension/settings.ts), out of content scripts' reach. A content
// script that changes this copy changes how hints look, nothing else; the background puts it back. The
// on-page scripts read it through extension/page-display.ts, without WXT's storage module.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_DISPLAY, DISPLAY_KEY, type DisplaySettings } from './page-display';

export { DEFAULT_DISPLAY, displayOf, readDisplaySettings, type DisplaySettings } from './page-display';

export const displayItem = storage.defineItem<DisplaySettings>(`local:${DISPLAY_KEY}`, { fallback: DEFAULT_DISPLAY });
