// Desk settings kept in storage.local: the language of the console and hints, and resident mode.
import { storage } from 'wxt/utils/storage';
import type { Lang } from '../core/i18n';
import { DEFAULT_RETENTION_MONTHS } from '../core/log-record';

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

export const settingsItem = storage.defineItem<Settings>('local:dan-buoc-settings', { fallback: DEFAULT_SETTINGS });

/** Settings read defensively: anything malformed falls back to the defaults. */
export async function readSettings(): Promise<Settings> {
  const raw = (await settingsItem.getValue().catch(() => DEFAULT_SETTINGS)) as Partial<Settings> | null;
  const months = raw?.retentionMonths;
  const settings: Settings = {
    lang: raw?.lang === 'en' ? 'en' : 'vi',
    residentMode: raw?.residentMode === true,
    retentionMonths: typeof months === 'number' && Number.isInteger(months) && months >= 1 && months <= 60 ? months : DEFAULT_RETENTION_MONTHS,
  };
  if (typeof raw?.wardCode === 'string' && /^\d{5}$/.test(raw.wardCode)) settings.wardCode = raw.wardCode;
  if (typeof raw?.volunteer === 'string' && raw.volunteer.trim()) settings.volunteer = raw.volunteer.trim().slice(0, 40);
  return settings;
}
