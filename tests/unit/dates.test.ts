// Dates as the desk reads and types them (core/dates.ts): one written form per language, typed text read back
// to the same "YYYY-MM-DD", and every refusal with its reason.
import { describe, expect, it } from 'vitest';
import { datePattern, formatDate, parseTypedDate, YEAR_RANGE } from '../../core/dates';

describe('formatDate', () => {
  it('writes day/month/year in Vietnamese and in English (day first, as en-GB and as read in Vietnam)', () => {
    expect(formatDate('2026-12-02', 'vi')).toBe('02/12/2026');
    expect(formatDate('2026-12-02', 'en')).toBe('02/12/2026');
    expect(datePattern('vi')).toBe('dd/mm/yyyy');
    expect(datePattern('en')).toBe('dd/mm/yyyy');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDate('', 'vi')).toBe('');
    expect(formatDate('02/12/2026', 'vi')).toBe('02/12/2026');
  });
});

describe('parseTypedDate', () => {
  it('reads dd/mm/yyyy to the ISO date, with one-digit parts, other separators and spaces', () => {
    expect(parseTypedDate('02/12/2026', 'vi')).toEqual({ ok: true, iso: '2026-12-02' });
    expect(parseTypedDate('2/1/2026', 'vi')).toEqual({ ok: true, iso: '2026-01-02' });
    expect(parseTypedDate(' 31-12-2025 ', 'vi')).toEqual({ ok: true, iso: '2025-12-31' });
    expect(parseTypedDate('31.12.2025', 'en')).toEqual({ ok: true, iso: '2025-12-31' });
    expect(parseTypedDate('29 / 02 / 2028', 'vi')).toEqual({ ok: true, iso: '2028-02-29' });
  });

  it('is the inverse of formatDate', () => {
    for (const iso of ['2000-01-01', '2026-02-28', '2028-02-29', '2099-12-31', '2025-07-09']) {
      for (const lang of ['vi', 'en'] as const) expect(parseTypedDate(formatDate(iso, lang), lang)).toEqual({ ok: true, iso });
    }
  });

  it('takes empty text as an open end', () => {
    expect(parseTypedDate('', 'vi')).toEqual({ ok: true, iso: '' });
    expect(parseTypedDate('   ', 'en')).toEqual({ ok: true, iso: '' });
  });

  it('refuses other shapes: ISO, two-digit years, words, missing parts', () => {
    for (const s of ['2026-12-02', '02/12/26', '02122026', 'hôm nay', '02/12', '02/12/2026/1', '0x/12/2026', '02//12/2026']) {
      expect(parseTypedDate(s, 'vi'), s).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('refuses a day the calendar does not have', () => {
    for (const s of ['31/02/2026', '29/02/2026', '31/04/2026', '00/05/2026', '15/13/2026', '15/00/2026', '32/01/2026']) {
      expect(parseTypedDate(s, 'vi'), s).toEqual({ ok: false, reason: 'no-such-day' });
    }
  });

  it(`refuses a year outside ${YEAR_RANGE.min}–${YEAR_RANGE.max}`, () => {
    expect(parseTypedDate('01/01/1999', 'vi')).toEqual({ ok: false, reason: 'year' });
    expect(parseTypedDate('01/01/2100', 'vi')).toEqual({ ok: false, reason: 'year' });
    expect(parseTypedDate('01/01/0226', 'vi')).toEqual({ ok: false, reason: 'year' });
  });
});
