// Pack validation, and the shipped packs against it.
/* eslint-disable @typescript-eslint/no-explicit-any -- tests build deliberately malformed packs */
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../core/pack';
import { OFFICIAL_MATCH_PATTERNS } from '../../core/origins';
import { matchesPage } from '../../core/url-pattern';
import { SHIPPED_PACKS } from '../../walkthroughs';
import dichvucong from '../../walkthroughs/dichvucong.json';

const clone = (): Record<string, unknown> => structuredClone(dichvucong) as unknown as Record<string, unknown>;

describe('parsePack', () => {
  it('accepts every shipped pack', () => {
    for (const raw of SHIPPED_PACKS) {
      const r = parsePack(raw);
      expect(r.ok ? [] : r.errors).toEqual([]);
    }
  });

  it('names the bad field with a JSON pointer and an error code (16 errors are data)', () => {
    const bad = clone();
    (bad.walkthroughs as { steps: { advance: unknown }[] }[])[0]!.steps[3]!.advance = { kind: 'teleport' };
    const r = parsePack(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.path).toBe('/walkthroughs/0/steps/3/advance/kind');
    expect(r.errors[0]!.code).toBe('pack.advance');
  });

  it('refuses non-https, javascript: and data: URLs', () => {
    for (const url of ['http://dichvucong.gov.vn/', 'javascript:alert(1)', 'data:text/html,x']) {
      const bad = clone();
      (bad.walkthroughs as { startUrl: string }[])[0]!.startUrl = url;
      const r = parsePack(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('/walkthroughs/0/startUrl');
    }
  });

  it('refuses markup in texts, and accepts a step illustration only from https or a relative path', () => {
    const html = clone();
    (html.walkthroughs as { title: { vi: string } }[])[0]!.title.vi = 'Đăng nhập <img src=x onerror="window.__pwned=1">';
    expect(parsePack(html)).toMatchObject({ ok: false, errors: [{ path: '/walkthroughs/0/title/vi', code: 'pack.markup' }] });
    // A "<" that is not a tag is ordinary text.
    const lt = clone();
    (lt.walkthroughs as { title: { vi: string } }[])[0]!.title.vi = 'Số tiền < 500.000 đồng';
    expect(parsePack(lt).ok).toBe(true);
    const withImage = (src: string): ReturnType<typeof parsePack> => {
      const p = clone();
      (p.walkthroughs as { steps: Record<string, unknown>[] }[])[0]!.steps[0]!.image = { src, alt: { vi: 'Nút Đăng nhập ở góc phải' } };
      return parsePack(p);
    };
    for (const ok of ['https://dichvucong.gov.vn/anh/buoc-1.png', 'anh/buoc-1.png', '../img/b1.webp']) expect(withImage(ok).ok, ok).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', '//evil.example/x.png', 'http://x.example/a.png', 'a b.png']) {
      expect(withImage(bad), bad).toMatchObject({ ok: false, errors: [{ path: '/walkthroughs/0/steps/0/image/src' }] });
    }
  });

  it('refuses origins that are not official unless trusted', () => {
    const bad = clone();
    bad.origins = ['https://dichvucong.gov.vn', 'https://sso.dancuquocgia.gov.vn', 'https://phuong-a.example'];
    const r = parsePack(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '/origins/2' });
    expect(parsePack(bad, { trustedOrigins: ['https://phuong-a.example'] }).ok).toBe(true);
  });

  it('refuses dangerous keys, unknown keys and wrong types without throwing', () => {
    const proto = JSON.parse('{"schema":1,"__proto__":{"x":1}}');
    expect(parsePack(proto)).toMatchObject({ ok: false, errors: [{ path: '/__proto__' }] });
    const extra = clone();
    extra.script = 'alert(1)';
    expect(parsePack(extra).ok).toBe(false);
    expect(parsePack(null).ok).toBe(false);
    expect(parsePack('not json').ok).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(parsePack(cyclic).ok).toBe(false);
  });

  it('refuses type mismatches anywhere, with the path of the field', () => {
    const cases: [(p: Record<string, any>) => void, string][] = [
      [(p) => (p.version = 1), '/version'],
      [(p) => (p.title = 'Cổng'), '/title'],
      [(p) => (p.walkthroughs[0].minutes = '5'), '/walkthroughs/0/minutes'],
      [(p) => (p.walkthroughs[0].category = 'game'), '/walkthroughs/0/category'],
      [(p) => (p.walkthroughs[0].steps[2].private = 'yes'), '/walkthroughs/0/steps/2/private'],
      [(p) => (p.walkthroughs[0].steps[0].anchor.index = -1), '/walkthroughs/0/steps/0/anchor/index'],
      [(p) => (p.walkthroughs[0].steps[0].text = { vi: 42 }), '/walkthroughs/0/steps/0/text/vi'],
      [(p) => (p.walkthroughs[0].steps = []), '/walkthroughs/0/steps'],
    ];
    for (const [mutate, path] of cases) {
      const bad = clone() as Record<string, any>;
      mutate(bad);
      const r = parsePack(bad);
      expect(r.ok, path).toBe(false);
      if (!r.ok) {
        expect(r.errors.map((e) => e.path), path).toContain(path);
        expect(r.errors[0]!.code.length).toBeGreaterThan(3);
      }
    }
  });

  it('refuses nesting deeper than the schema allows', () => {
    const bad = clone() as Record<string, any>;
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 20; i++) {
      deep.x = {};
      deep = deep.x as Record<string, unknown>;
    }
    bad.walkthroughs[0].steps[0].anchor.extra = root;
    const r = parsePack(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'pack.tooDeep', params: { max: 12 } });
  });

  it('refuses packs over 2 MB', () => {
    const big = clone();
    big.title = { vi: 'x'.repeat(2 * 1024 * 1024 + 10) };
    expect(parsePack(big)).toMatchObject({ ok: false, errors: [{ path: '/', code: 'pack.tooBig' }] });
  });
});

describe('shipped packs and the manifest', () => {
  it('every page a shipped step runs on is covered by the content script and nothing else is', () => {
    for (const raw of SHIPPED_PACKS) {
      const r = parsePack(raw);
      if (!r.ok) throw new Error('invalid pack');
      for (const w of r.pack.walkthroughs) {
        for (const s of w.steps) {
          const url = s.page.replace(/\*/g, 'x');
          expect(OFFICIAL_MATCH_PATTERNS.some((p) => matchesPage(p, url)), url).toBe(true);
        }
      }
    }
    expect(OFFICIAL_MATCH_PATTERNS.every((p) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(p))).toBe(true);
  });

  it('private steps are the password and OTP ones', () => {
    const r = parsePack(dichvucong);
    if (!r.ok) throw new Error('invalid pack');
    const priv = r.pack.walkthroughs[0]!.steps.filter((s) => s.private).map((s) => s.private);
    expect(priv).toEqual(['password', 'otp']);
  });
});

describe('15.8 a pack cannot reach beyond its own sites', () => {
  const withPage = (page: string, origins?: string[]): ReturnType<typeof parsePack> => {
    const p = clone();
    if (origins) p.origins = origins;
    (p.walkthroughs as { steps: Record<string, unknown>[] }[])[0]!.steps[1]!.page = page;
    return parsePack(p);
  };

  it('15.8 a wildcard or user info in the host of a step page is refused, naming the field', () => {
    const cases: [string, string[] | undefined][] = [
      // Each of these passed the origin check before, and matched pages of other sites.
      ['https://*@dichvucong.gov.vn/*', undefined],
      ['https://*dichvucong.gov.vn/*', ['https://dichvucong.gov.vn', 'https://sso.dancuquocgia.gov.vn', 'https://xdichvucong.gov.vn']],
      ['https://*.gov.vn/*', ['https://dichvucong.gov.vn', 'https://sso.dancuquocgia.gov.vn', 'https://x.gov.vn']],
      ['https://user:pass@dichvucong.gov.vn/', undefined],
      ['https://dichvucong.gov.vn*/x', undefined],
    ];
    for (const [page, origins] of cases) {
      expect(withPage(page, origins), page).toMatchObject({ ok: false, errors: [{ path: '/walkthroughs/0/steps/1/page', code: 'pack.host' }] });
    }
    // The same rule for the start address and a step's "go on at this address".
    const start = clone();
    (start.walkthroughs as { startUrl: string }[])[0]!.startUrl = 'https://*@dichvucong.gov.vn/';
    expect(parsePack(start)).toMatchObject({ ok: false, errors: [{ path: '/walkthroughs/0/startUrl' }] });
    const advance = clone();
    (advance.walkthroughs as { steps: Record<string, unknown>[] }[])[0]!.steps[1]!.advance = { kind: 'url', page: 'https://*@dichvucong.gov.vn/*' };
    expect(parsePack(advance)).toMatchObject({ ok: false, errors: [{ path: '/walkthroughs/0/steps/1/advance/page' }] });
    // A wildcard in the path stays allowed, and stays on its host.
    expect(withPage('https://dichvucong.gov.vn/thu-tuc/*').ok).toBe(true);
    expect(matchesPage('https://dichvucong.gov.vn/thu-tuc/*', 'https://evil.example/dichvucong.gov.vn/thu-tuc/x')).toBe(false);
  });

  it('15.8 a step image on a host that is not one of the pack\'s origins is refused', () => {
    const withImage = (src: string): ReturnType<typeof parsePack> => {
      const p = clone();
      (p.walkthroughs as { steps: Record<string, unknown>[] }[])[0]!.steps[2]!.image = { src, alt: { vi: 'Ảnh nút' } };
      return parsePack(p);
    };
    for (const bad of ['https://theo-doi.example/pixel.gif', 'https://dichvucong.gov.vn.theo-doi.example/a.png']) {
      expect(withImage(bad), bad).toMatchObject({ ok: false, errors: [{ path: '/walkthroughs/0/steps/2/image/src', code: 'pack.imageOrigin' }] });
    }
    for (const ok of ['anh/b3.png', '/anh/b3.png', 'https://sso.dancuquocgia.gov.vn/anh/b3.png']) expect(withImage(ok).ok, ok).toBe(true);
  });
});
