// Calendar dates as the desk reads and types them: one written form per language, used for the dashboard's
// headings, its period inputs and its print view alike. Dates travel inside the code as local "YYYY-MM-DD"
// strings (what `isoDate` writes); this module only turns them into text and back. No UI, no browser APIs.
import type { Lang } from './i18n';

/**
 * The order of day, month and year in each language. English uses the day-first order of en-GB: the desks are
 * in Vietnam, where 02/12 is the 2nd of December, and a month-first English page beside a day-first
 * Vietnamese one would make the same figures read as two different dates.
 */
const ORDER: Record<Lang, 'dmy' | 'mdy'> = { vi: 'dmy', en: 'dmy' };

/** How the form is written in a placeholder or hint, per language. */
const PATTERN_TEXT: Record<Lang, string> = { vi: 'dd/mm/yyyy', en: 'dd/mm/yyyy' };

/** The earliest and latest years a typed date may have: a typo like 0226 or 20266 is refused, not searched for. */
export const YEAR_RANGE = { min: 2000, max: 2099 } as const;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The written pattern of a language's dates ("dd/mm/yyyy"), for placeholders and messages. */
export function datePattern(lang: Lang): string {
  return PATTERN_TEXT[lang];
}

/** "YYYY-MM-DD" → the language's written form ("02/12/2026"); any other text is returned as it is. */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  return ORDER[lang] === 'dmy' ? `${d}/${mo}/${y}` : `${mo}/${d}/${y}`;
}

/** A typed date read: the "YYYY-MM-DD" it names ('' for no date: an open end), or why it is refused. */
export type TypedDate = { ok: true; iso: string } | { ok: false; reason: 'format' | 'no-such-day' | 'year' };

/**
 * Read a date typed in the language's form. Accepts one or two digits for day and month, a four-digit year,
 * and "/", "-" or "." between them (what people type); spaces around are ignored. Empty text is an open end.
 * Refuses other shapes ('format'), a day the calendar lacks such as 31/02 ('no-such-day'), a year outside
 * YEAR_RANGE ('year').
 */
export function parseTypedDate(text: string, lang: Lang): TypedDate {
  const s = text.trim();
  if (s === '') return { ok: true, iso: '' };
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (!m) return { ok: false, reason: 'format' };
  const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [day, month] = ORDER[lang] === 'dmy' ? [a, b] : [b, a];
  if (y < YEAR_RANGE.min || y > YEAR_RANGE.max) return { ok: false, reason: 'year' };
  if (month < 1 || month > 12 || day < 1) return { ok: false, reason: 'no-such-day' };
  // Days in the month: day 0 of the next month is the last of this one (UTC: no daylight-saving edge).
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  if (day > last) return { ok: false, reason: 'no-such-day' };
  return { ok: true, iso: `${y}-${pad(month)}-${pad(day)}` };
}
