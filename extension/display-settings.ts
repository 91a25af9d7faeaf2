// The two desk settings the on-page guide needs — language and resident mode — as a copy in storage.local,
// the only settings a content script reads. The desk settings themselves (ward code, volunteer nickname,
// retention) live in the private store (extension/settings.ts), out of content scripts' reach. A content
// script that changes this copy changes how hints look, nothing else; the background puts it back.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_DISPLAY, displayOf, type DisplaySettings } from '../core/settings';

export { DEFAULT_DISPLAY, displayOf, type DisplaySettings };

export const displayItem = storage.defineItem<DisplaySettings>('local:dan-buoc-display', { fallback: DEFAULT_DISPLAY });

/** The display settings, read defensively. */
export async function readDisplaySettings(): Promise<DisplaySettings> {
  return displayOf(await displayItem.getValue().catch(() => DEFAULT_DISPLAY));
}
