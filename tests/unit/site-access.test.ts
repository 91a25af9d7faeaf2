// Run-time site access: the manifest's official hosts are never asked for; other origins are asked one by
// one. Nothing is registered on them: the guide goes where a walkthrough runs (extension/guide-injection.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyLibrary, install } from '../../core/pack-library';
import { missingAccess, requestAccess } from '../../extension/site-access';
import { catalogOf } from '../../extension/library';
import { offeredHere } from '../../extension/guide-injection';
import dichvucong from '../../walkthroughs/dichvucong.json';

function fakeAccess(granted: string[]) {
  const requested: string[][] = [];
  const b = fakeBrowser as unknown as Record<string, unknown>;
  b.permissions = {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o)),
    request: async ({ origins }: { origins: string[] }) => {
      requested.push(origins);
      return origins.every((o) => !o.includes('tu-choi'));
    },
    getAll: async () => ({ origins: [...granted] }),
  };
  return { requested, granted };
}

describe('site access', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks only for origins beyond the manifest, and says which are missing', async () => {
    const f = fakeAccess(['https://dichvucong.hanoi.gov.vn/*']);
    expect(await missingAccess(['https://evn.example', 'https://dichvucong.hanoi.gov.vn', 'https://dichvucong.hue.gov.vn'])).toEqual(['https://dichvucong.hue.gov.vn']);
    expect(await requestAccess(['https://evn.example'])).toBe(true);
    expect(f.requested).toEqual([]);
    expect(await requestAccess(['https://evn.example', 'https://dichvucong.hue.gov.vn/thu-tuc'])).toBe(true);
    expect(f.requested).toEqual([['https://dichvucong.hue.gov.vn/*']]);
    expect(await requestAccess(['https://tu-choi.example'])).toBe(false);
  });
});

describe('15.8 the guide runs only where walkthroughs run', () => {
  it('15.8 a hand-off link gets the guide only on an origin its installed walkthrough runs on (a pack download address gets none)', () => {
    const hue = JSON.parse(JSON.stringify(dichvucong).replaceAll('https://dichvucong.gov.vn', 'https://dichvucong.hue.gov.vn')) as Record<string, unknown>;
    hue.id = 'dichvucong-hue';
    const r = install(emptyLibrary(), hue, { source: 'https://phuong-a.example/goi/hue.json' });
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    const catalog = catalogOf(r.library);
    const walkthrough = (hue.walkthroughs as { id: string }[])[0]!.id;
    expect(offeredHere(catalog, `https://dichvucong.hue.gov.vn/#dan-buoc=dichvucong-hue/${walkthrough}`)).toBe(true);
    expect(offeredHere(catalog, `https://phuong-a.example/goi/#dan-buoc=dichvucong-hue/${walkthrough}`)).toBe(false);
    expect(offeredHere(catalog, 'https://dichvucong.hue.gov.vn/#dan-buoc=dichvucong-hue/khong-co')).toBe(false);
    expect(offeredHere(catalog, 'https://dichvucong.hue.gov.vn/')).toBe(false);
  });
});
