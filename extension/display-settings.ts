// The two desk settings the on-page guide needs — language and resident mode — as a copy in storage.local,
// the only settings a content script reads. The desk settings themselves (ward code, volunteer nickname,
// retention) live in the private store (extension/settings.ts), out of content scripts' reach. A content
// script that changes this copy changes how hints look, nothing else; the background puts it back.
import { storage } from 'wxt/utils/storage';
import type { Lang } from '../core/i18n';

export interface DisplaySettings {
  /** Language of the on-page hints. @default 'vi' */
  lang: Lang;
  /** Larger, high-contrast hints, each read aloud. @default false */
  residentMode: boolean;
}

export const DEFAULT_DISPLAY: DisplaySettings = { lang: 'vi', residentMode: false };

export const displayItem = storage.defineItem<DisplaySettings>('local:dan-buoc-display', { fallback: DEFAULT_DISPLAY });

/** Only the two known fields, each of its own type: anything else falls back to the default. */
export function displayOf(raw: unknown): DisplaySettings {
  const r = (raw ?? {}) as Partial<DisplaySettings>;
  return { lang: r.lang === 'en' ? 'en' : 'vi', residentMode: r.residentMode === true };
}

/** The display settings, read defensively. */
export async function readDisplaySettings(): Promise<DisplaySettings> {
  return displayOf(await displayItem.getValue().catch(() => DEFAULT_DISPLAY));
}
