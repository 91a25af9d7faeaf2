// The desk settings' shape, defaults and normalisation, shared by the extension (which stores them:
// extension/settings.ts in the private store, extension/display-settings.ts for the on-page guide's copy)
// and the components that show and edit them. No storage here.
import type { Lang } from './i18n';

/** Default retention of records, in months. @default 12 */
export const DEFAULT_RETENTION_MONTHS = 12;

export interface DisplaySettings {
  /** Language of the on-page hints. @default 'vi' */
  lang: Lang;
  /** Larger, high-contrast hints, each read aloud. @default false */
  residentMode: boolean;
}

export const DEFAULT_DISPLAY: DisplaySettings = { lang: 'vi', residentMode: false };

/** Only the two known fields, each of its own type: anything else falls back to the default. */
export function displayOf(raw: unknown): DisplaySettings {
  const r = (raw ?? {}) as Partial<DisplaySettings>;
  return { lang: r.lang === 'en' ? 'en' : 'vi', residentMode: r.residentMode === true };
}

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
  /**
   * "Cảnh báo trang giả mạo" (issue 19): a main-frame navigation to a host core/scam.ts calls a lookalike is
   * replaced by the extension's warning page. Needs the optional `webNavigation` permission. @default false
   */
  scamWarning: boolean;
}

export const DEFAULT_SETTINGS: Settings = { lang: 'vi', residentMode: false, retentionMonths: DEFAULT_RETENTION_MONTHS, scamWarning: false };

/** Settings sanitised: anything malformed falls back to the defaults. */
export function sanitizeSettings(raw: Partial<Settings> | null | undefined): Settings {
  const months = raw?.retentionMonths;
  const settings: Settings = {
    ...displayOf(raw),
    retentionMonths: typeof months === 'number' && Number.isInteger(months) && months >= 1 && months <= 60 ? months : DEFAULT_RETENTION_MONTHS,
    scamWarning: raw?.scamWarning === true,
  };
  if (typeof raw?.wardCode === 'string' && /^\d{5}$/.test(raw.wardCode)) settings.wardCode = raw.wardCode;
  if (typeof raw?.volunteer === 'string' && raw.volunteer.trim()) settings.volunteer = raw.volunteer.trim().slice(0, 40);
  return settings;
}
