// Search knows the words people use (issue 20): a walkthrough's `aliases` (LLTP, CCCD, VNeID, tiền điện, CK…)
// are validated with the pack (a short list of short plain strings, errors naming the bad entry) and searched
// like the title, with or without diacritics and in any case — in the console's catalogue and the widget's.
/* eslint-disable @typescript-eslint/no-explicit-any -- tests build deliberately malformed packs */
import { describe, expect, it } from 'vitest';
import { parseAliases } from '../../components/pack-editor';
import { createCatalog, searchText } from '../../core/catalog';
import { MAX_ALIAS_LENGTH, MAX_ALIASES, parsePack } from '../../core/pack';
import { SHIPPED_PACKS } from '../../walkthroughs';
import dichvucong from '../../walkthroughs/dichvucong.json';

const withAliases = (aliases: unknown): any => {
  const p = structuredClone(dichvucong) as any;
  p.walkthroughs[1].aliases = aliases;
  return p;
};

const ids = (entries: { walkthrough: { id: string } }[]): string[] => entries.map((e) => e.walkthrough.id);

describe('walkthrough aliases in packs', () => {
  it('accepts a short list of short strings, trimmed; a walkthrough without aliases is fine', () => {
    const r = parsePack(withAliases(['  LLTP ', 'lý lịch']));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pack.walkthroughs[1]!.aliases).toEqual(['LLTP', 'lý lịch']);
    const none = withAliases(undefined);
    delete none.walkthroughs[1].aliases;
    expect(parsePack(none).ok).toBe(true);
  });

  it('refuses a bad list with a clear error path and code', () => {
    const cases: [unknown, string, string, Record<string, number>?][] = [
      ['LLTP', '/walkthroughs/1/aliases', 'pack.aliases'],
      [{ 0: 'LLTP' }, '/walkthroughs/1/aliases', 'pack.aliases'],
      [['LLTP', 7], '/walkthroughs/1/aliases/1', 'pack.text'],
      [['LLTP', '   '], '/walkthroughs/1/aliases/1', 'pack.empty'],
      [['x'.repeat(MAX_ALIAS_LENGTH + 1)], '/walkthroughs/1/aliases/0', 'pack.tooLong', { max: MAX_ALIAS_LENGTH }],
      [['<b>LLTP</b>'], '/walkthroughs/1/aliases/0', 'pack.markup'],
      [Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}`), '/walkthroughs/1/aliases', 'pack.aliasesMax', { max: MAX_ALIASES }],
    ];
    for (const [aliases, path, code, params] of cases) {
      const r = parsePack(withAliases(aliases));
      expect(r.ok, JSON.stringify(aliases)).toBe(false);
      if (!r.ok) expect(r.errors[0], JSON.stringify(aliases)).toMatchObject({ path, code, ...(params ? { params } : {}) });
    }
  });

  it('every shipped walkthrough has aliases, each one valid and distinct once folded', () => {
    for (const raw of SHIPPED_PACKS) {
      const r = parsePack(raw);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      for (const w of r.pack.walkthroughs) {
        expect(w.aliases?.length, w.id).toBeGreaterThan(0);
        const folded = w.aliases!.map((a) => a.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
        expect(new Set(folded).size, w.id).toBe(folded.length);
      }
    }
  });
});

describe('search with aliases', () => {
  const catalog = createCatalog(SHIPPED_PACKS);

  it('LLTP (any case) finds the lý lịch tư pháp walkthrough, and only it', () => {
    for (const q of ['LLTP', 'lltp', 'Lltp', ' lltp ']) expect(ids(catalog.search(q)), q).toEqual(['ly-lich-tu-phap']);
  });

  it('common words and abbreviations find their walkthrough, with or without diacritics', () => {
    const cases: [string, string][] = [
      ['lý lịch', 'ly-lich-tu-phap'],
      ['ly lich', 'ly-lich-tu-phap'],
      ['án tích', 'ly-lich-tu-phap'],
      ['CCCD', 'dang-nhap-vneid'],
      ['vneid', 'dang-nhap-vneid'],
      ['dinh danh', 'dang-nhap-vneid'],
      ['tiền điện', 'thanh-toan-hoa-don-dien'],
      ['tien dien', 'thanh-toan-hoa-don-dien'],
      ['EVN', 'thanh-toan-hoa-don-dien'],
      ['chuyển khoản', 'chuyen-tien'],
      ['chuyen khoan', 'chuyen-tien'],
      ['CK', 'chuyen-tien'],
    ];
    for (const [q, id] of cases) expect(ids(catalog.search(q)), q).toContain(id);
    expect(ids(catalog.search('CK'))).toEqual(['chuyen-tien']);
    expect(ids(catalog.search('EVN'))).toEqual(['thanh-toan-hoa-don-dien']);
  });

  it('aliases are searched, not shown: an unknown word finds nothing, the title still works', () => {
    expect(catalog.search('xyzzy')).toEqual([]);
    expect(ids(catalog.search('phieu ly lich tu phap'))).toEqual(['ly-lich-tu-phap']);
    const lltp = catalog.find('dichvucong', 'ly-lich-tu-phap')!;
    expect(searchText(lltp)).toContain('LLTP');
    expect(lltp.walkthrough.title.vi).not.toContain('LLTP');
  });

  it("a desk pack's own aliases are searched too (a pack from a file or an edited copy)", () => {
    const own = structuredClone(dichvucong) as any;
    own.id = 'phuong-rieng';
    own.walkthroughs = [{ ...own.walkthroughs[0], id: 'rieng', aliases: ['TTHC'] }];
    const both = createCatalog([...SHIPPED_PACKS, own]);
    expect(both.search('tthc').map((e) => `${e.pack.id}/${e.walkthrough.id}`)).toEqual(['phuong-rieng/rieng']);
  });
});

describe('search order', () => {
  const catalog = createCatalog(SHIPPED_PACKS);

  it('puts the query as one phrase of a title or an alias first; words found apart come after', () => {
    // "tien dien": "tiền điện" (an alias of the electricity bill) as a phrase; "chuyển tiền … điện tử" apart.
    const found = ids(catalog.search('tien dien'));
    expect(found[0]).toBe('thanh-toan-hoa-don-dien');
    expect(found).toContain('chuyen-tien');
    // No query: the catalogue's own order.
    expect(catalog.search('  ')).toEqual(catalog.list());
  });
});

describe("the editor's one line of search words", () => {
  it('splits on commas, trims, drops blanks; nothing typed is no list', () => {
    expect(parseAliases(' LLTP,  lý lịch ,,án tích, ')).toEqual(['LLTP', 'lý lịch', 'án tích']);
    expect(parseAliases('')).toBeUndefined();
    expect(parseAliases(' , ,')).toBeUndefined();
  });
});
