// Issue 16, errors are data: every error code has a text in both locales, the English ones carry no
// Vietnamese, and a core error reads in the page's language with its values filled in.
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import { errorText } from '../../core/error-text';
import { createTranslator } from '../../core/i18n';
import { parseExport } from '../../core/log-export';
import { parsePack } from '../../core/pack';

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe('16 errors are data', () => {
  it('16 every error.* text is in both locales, and no English one has a Vietnamese letter', () => {
    const keys = Object.keys(vi).filter((k) => k.startsWith('error.'));
    expect(keys.length).toBeGreaterThan(50);
    const enTexts = en as Record<string, string>;
    expect(keys.filter((k) => !enTexts[k])).toEqual([]);
    expect(keys.filter((k) => VIETNAMESE.test(enTexts[k]!))).toEqual([]);
  });

  it('16 a pack error and an import error read in English and Vietnamese with their values, the path kept apart', () => {
    const en = createTranslator('en');
    const vi = createTranslator('vi');
    const r = parsePack({ schema: 1, id: 'x', version: '1.0.0', title: { vi: 'y'.repeat(700) }, origins: ['https://dichvucong.gov.vn'], walkthroughs: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toEqual({ path: '/title/vi', code: 'pack.tooLong', params: { max: 600 } });
    expect(errorText(en, r.errors[0]!)).toBe('is longer than 600 characters');
    expect(errorText(vi, r.errors[0]!)).toBe('dài quá 600 ký tự');
    const log = parseExport('{"format":"dan-buoc-logs","version":99,"records":[]}');
    expect(log.ok).toBe(false);
    if (log.ok) return;
    expect(log.errors[0]).toMatchObject({ path: '/version', code: 'log.newer' });
    expect(errorText(en, log.errors[0]!)).not.toMatch(VIETNAMESE);
  });
});
