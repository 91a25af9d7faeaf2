// Desk settings — the language of the console and hints, resident mode, the ward code, the volunteer's
// nickname and how long records are kept — in the extension's private store (extension/private-store.ts):
// a content script can neither read the nickname nor change what goes into records or when they are
// deleted. Extension pages and the background only; content scripts read extension/display-settings.ts.
import type { Lang } from '../core/i18n';
import { DEFAULT_RETENTION_MONTHS } from '../core/log-record';
import { displayItem, displayOf } from './display-settings';
import { privateStore, type PrivateItem } from './private-store';

export interface Settings {
  /** Language of the console and the on-page hints. @default 'vi' */
  lang: Lang;
  /** Resident mode: larger, high-contrast hints with a thicker outline, each read aloud. @default false */
  residentMode: boolean;
  /** The ward's administrative code (5 digits), written into each record. */
  wardCode?: string;
  /** The volunteer's chosen nickname (not their full name), written into each record. */
  volunteer?: string;
  /** Months the records are kept before they are deleted automatically. @default 12 */
  retentionMonths: number;
}

export const DEFAULT_SETTINGS: Settings = { lang: 'vi', residentMode: false, retentionMonths: DEFAULT_RETENTION_MONTHS };

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

/** Settings sanitised: anything malformed falls back to the defaults. */
export function sanitizeSettings(raw: Partial<Settings> | null | undefined): Settings {
  const months = raw?.retentionMonths;
  const settings: Settings = {
    ...displayOf(raw),
    retentionMonths: typeof months === 'number' && Number.isInteger(months) && months >= 1 && months <= 60 ? months : DEFAULT_RETENTION_MONTHS,
  };
  if (typeof raw?.wardCode === 'string' && /^\d{5}$/.test(raw.wardCode)) settings.wardCode = raw.wardCode;
  if (typeof raw?.volunteer === 'string' && raw.volunteer.trim()) settings.volunteer = raw.volunteer.trim().slice(0, 40);
  return settings;
}

/** Settings read defensively: anything malformed falls back to the defaults. */
export async function readSettings(): Promise<Settings> {
  return sanitizeSettings((await stored.getValue().catch(() => DEFAULT_SETTINGS)) as Partial<Settings> | null);
}

/** Write the on-page guide's copy of language and resident mode when it differs from the settings. */
export async function syncDisplaySettings(from?: Settings): Promise<void> {
  const want = displayOf(from ?? (await readSettings()));
  const have = displayOf(await displayItem.getValue().catch(() => null));
  // Nothing stored reads as the defaults: no write needed for them.
  if (have.lang !== want.lang || have.residentMode !== want.residentMode) await displayItem.setValue(want);
}
