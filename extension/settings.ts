// Desk settings kept in storage.local: the language of the console and hints, and resident mode.
import { storage } from 'wxt/utils/storage';
import type { Lang } from '../core/i18n';

export interface Settings {
  /** Language of the console and the on-page hints. @default 'vi' */
  lang: Lang;
  /** Resident mode: larger, high-contrast hints with a thicker outline, each read aloud. @default false */
  residentMode: boolean;
}

export const DEFAULT_SETTINGS: Settings = { lang: 'vi', residentMode: false };

export const settingsItem = storage.defineItem<Settings>('local:dan-buoc-settings', { fallback: DEFAULT_SETTINGS });

/** Settings read defensively: anything malformed falls back to the defaults. */
export async function readSettings(): Promise<Settings> {
  const raw = (await settingsItem.getValue().catch(() => DEFAULT_SETTINGS)) as Partial<Settings> | null;
  return {
    lang: raw?.lang === 'en' ? 'en' : 'vi',
    residentMode: raw?.residentMode === true,
  };
}
