// The house style of the words (locales/STYLE.md), checked where a machine can: one spelling (hóa, xóa, thủy,
// khỏe: never hoá, xoá, thuỷ, khoẻ) in the locales, the shipped packs and the code's own strings; the resident
// never spoken of in the third person on what the resident reads; the widget never mentions a volunteer; no
// statistics jargon.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import { SHIPPED_PACKS } from '../../walkthroughs';
import type { Pack } from '../../core/pack';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The new-style accent placement in an open "oa", "oe" or "uy" (no final consonant): the mark on the second
 * vowel (hoá, khoẻ, thuỷ). "qu" is a consonant, so "quý" is right in both styles; "hoàn", "khoản" (a final
 * consonant) are right too.
 */
const NEW_STYLE = /(?<![qQ])(?:[oO][áàảãạéèẻẽẹÁÀẢÃẠÉÈẺẼẸ]|[uU][ýỳỷỹỵÝỲỶỸỴ])(?![\p{L}\p{M}])/u;

const oldMix = (s: string): string | null => s.normalize('NFC').match(NEW_STYLE)?.[0] ?? null;

/** Every string inside a JSON value, with its path. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}/${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}/${k}`));
  return [];
}

const packs = SHIPPED_PACKS as Pack[];
const locales = { vi: vi as Record<string, string>, en: en as Record<string, string> };

/** Keys the resident reads: the card on the page (and read aloud), the widget, its search and list. */
const residentFacing = (key: string): boolean => /^(overlay|widget)\./.test(key);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(rel);
    return /\.(tsx?|css)$/.test(d.name) ? [rel] : [];
  });
}

describe('words: the house style (locales/STYLE.md)', () => {
  it('knows the two accent placements apart', () => {
    for (const bad of ['hoá đơn', 'Xoá', 'hoà', 'thuỷ điện', 'khoẻ', 'HOÁ', 'uỷ ban', 'khoá'])
      expect(oldMix(bad), bad).not.toBeNull();
    for (const good of ['hóa đơn', 'Xóa', 'hòa', 'thủy điện', 'khỏe', 'HÓA', 'ủy ban', 'khóa', 'hoàn thành', 'tài khoản', 'quý', 'quỳ', 'thuyết', 'toán', 'khuyên'])
      expect(oldMix(good), good).toBeNull();
    // Decomposed input (a combining accent) is read as what it shows.
    expect(oldMix('hoa\u0301')).not.toBeNull();
  });

  it('one spelling of hóa / xóa / hòa / thủy / khỏe in the locales, the shipped packs and the code', () => {
    const found: string[] = [];
    for (const [lang, words] of Object.entries(locales)) {
      for (const [key, s] of Object.entries(words)) if (oldMix(s)) found.push(`locales/${lang}.json ${key}: ${s}`);
    }
    for (const p of packs) for (const [at, s] of strings(p)) if (oldMix(s)) found.push(`pack ${p.id}${at}: ${s}`);
    // The code's own literal strings and comments (test fixtures copying real documents and scam messages keep theirs).
    for (const dir of ['core', 'components', 'extension', 'entrypoints', 'widget']) {
      for (const f of sourceFiles(dir)) {
        readFileSync(path.join(ROOT, f), 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (oldMix(line)) found.push(`${f}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(found).toEqual([]);
  });

  it('resident-facing text never speaks of the resident in the third person; the widget never of a volunteer', () => {
    const found: string[] = [];
    for (const [key, s] of Object.entries(locales.vi)) {
      if (residentFacing(key) && /người dân/i.test(s)) found.push(`vi ${key}: ${s}`);
      if (key.startsWith('widget.') && /người hỗ trợ|tình nguyện/i.test(s)) found.push(`vi ${key}: ${s}`);
    }
    for (const [key, s] of Object.entries(locales.en)) {
      if (residentFacing(key) && /\bresidents?\b/i.test(s)) found.push(`en ${key}: ${s}`);
      if (key.startsWith('widget.') && /\b(helper|volunteer)s?\b/i.test(s)) found.push(`en ${key}: ${s}`);
    }
    // What the card shows on a password / OTP / PIN step speaks to the resident (the widget shows it too);
    // telling the volunteer to look away is the console's (panel.private).
    for (const kind of ['password', 'otp', 'pin']) {
      expect(locales.vi[`overlay.private.${kind}`]).toMatch(/^Tự nhập/);
      expect(locales.vi[`overlay.private.${kind}`]).not.toMatch(/người hỗ trợ|quay mặt/i);
      expect(locales.en[`overlay.private.${kind}`]).not.toMatch(/helper|look away/i);
    }
    expect(locales.vi['panel.private']).toMatch(/quay mặt đi/);
    expect(locales.en['panel.private']).toMatch(/look away/);
    // The packs' titles, what to bring and hints are on the card, in the widget, on the printed sheet.
    for (const p of packs) {
      for (const w of p.walkthroughs) {
        const texts = [w.title, ...w.bring, ...w.steps.map((s) => s.text)];
        for (const t of texts) {
          if (/người dân|người hỗ trợ/i.test(t.vi)) found.push(`pack ${p.id}/${w.id}: ${t.vi}`);
          if (t.en && /\b(the resident|helper|volunteer)\b/i.test(t.en)) found.push(`pack ${p.id}/${w.id}: ${t.en}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('no statistics jargon', () => {
    const all = [...Object.values(locales.vi), ...packs.flatMap((p) => strings(p).map(([, s]) => s))];
    expect(all.filter((s) => /trung vị/i.test(s))).toEqual([]);
    expect(Object.values(locales.en).filter((s) => /\bmedian\b/i.test(s))).toEqual([]);
  });

  it('STYLE.md names the resident-facing and the volunteer-facing prefixes', () => {
    const style = readFileSync(path.join(ROOT, 'locales/STYLE.md'), 'utf8');
    for (const prefix of ['overlay.*', 'widget.*', 'panel.*', 'dashboard.*', 'editor.*']) expect(style).toContain(`\`${prefix}\``);
  });
});
