// Page patterns (issue 15.4): a greedy glob matcher in place of a backtracking regular expression, with the
// same answers as before, and packs refused when a pattern holds too many stars.
import { describe, expect, it } from 'vitest';
import { parsePack, type Pack } from '../../core/pack';
import { matchesPage, pageKey } from '../../core/url-pattern';
import { SHIPPED_PACKS } from '../../walkthroughs';
import dichvucong from '../../walkthroughs/dichvucong.json';
import { mulberry32 } from '../support/random';

/** The matcher on main at 040064b, kept here as the reference for the answers. */
function regexMatchesPage(pattern: string, url: string): boolean {
  const key = pageKey(url);
  if (!key) return false;
  if (!pattern.includes('*')) return pageKey(pattern) === key;
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp('^' + escaped.join('.*') + '$').test(key);
}

const HOST = 'https://a.gov.vn/';
/** `stars` stars whose every placement fails, yet both ends match the page: the backtracking worst case. */
const hostile = (stars: number): string => HOST + '*a'.repeat(stars - 2) + '*c*b';

function shippedPatterns(): string[] {
  const out = new Set<string>();
  for (const pack of SHIPPED_PACKS as unknown as Pack[]) {
    for (const w of pack.walkthroughs) {
      out.add(w.startUrl);
      for (const s of w.steps) {
        out.add(s.page);
        if (s.advance.kind === 'url') out.add(s.advance.page);
      }
    }
  }
  return [...out];
}

describe('15.4 URL patterns match in linear time, with the answers of before', () => {
  it('15.4 a pattern with 10 stars matches in linear time', () => {
    // On main each of these took from a quarter to half a second (a 40-character path: over ten seconds).
    const start = performance.now();
    for (const length of [32, 34, 36]) expect(matchesPage(hostile(10), HOST + 'a'.repeat(length) + 'b')).toBe(false);
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('15.4 a pattern with 64 stars on a 2,000-character path still answers in well under a millisecond per match', () => {
    const page = HOST + 'a'.repeat(2000) + 'b';
    const start = performance.now();
    for (let i = 0; i < 100; i++) expect(matchesPage(hostile(64), page)).toBe(false);
    expect(performance.now() - start).toBeLessThan(100);
    expect(matchesPage(HOST + '*a'.repeat(63) + '*b', page)).toBe(true);
  });

  it('15.4 a pack whose page pattern holds more than 8 stars is refused, the message naming the field path', () => {
    const pack = structuredClone(dichvucong) as unknown as Pack;
    const origin = pack.origins[0]!;
    pack.walkthroughs[0]!.steps[1]!.page = `${origin}/${'*a'.repeat(9)}`;
    pack.walkthroughs[0]!.steps[2]!.advance = { kind: 'url', page: `${origin}/${'x*'.repeat(12)}` };
    const r = parsePack(pack);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e]));
    expect(byPath['/walkthroughs/0/steps/1/page']).toEqual({ path: '/walkthroughs/0/steps/1/page', code: 'pack.wildcards', params: { max: 8 } });
    expect(byPath['/walkthroughs/0/steps/2/advance/page']).toMatchObject({ code: 'pack.wildcards', params: { max: 8 } });

    // Eight stars are still a valid pattern.
    const eight = structuredClone(dichvucong) as unknown as Pack;
    eight.walkthroughs[0]!.steps[1]!.page = `${origin}/${'*a'.repeat(8)}`;
    const ok = parsePack(eight);
    expect(ok.ok ? [] : ok.errors).toEqual([]);
  });

  it('keeps the answers of the regular expression on every shipped pattern', () => {
    const patterns = shippedPatterns();
    expect(patterns.some((p) => p.includes('*'))).toBe(true);
    const urls = new Set<string>();
    for (const p of patterns) {
      for (const fill of ['', 'x', 'ly-lich.html', 'a/b/index.html', 'index.html']) urls.add(p.replace(/\*/g, fill));
      const u = new URL(p.replace(/\*/g, 'q'));
      urls.add(`${u.origin}/`);
      urls.add(`${u.origin}/khac.html?x=1#y`);
      urls.add(`http://${u.host}${u.pathname}`);
      urls.add(`https://${u.host}.evil.example${u.pathname}`);
      urls.add(`https://evil.example/?${p}`);
    }
    let compared = 0;
    for (const p of patterns) {
      for (const url of urls) {
        expect(matchesPage(p, url), `${p} ~ ${url}`).toBe(regexMatchesPage(p, url));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('keeps the answers of the regular expression on random patterns with regex characters and repeated stars', () => {
    const rnd = mulberry32(154);
    const pick = (chars: string): string => chars[Math.floor(rnd() * chars.length)]!;
    const word = (alphabet: string, max: number): string => Array.from({ length: Math.floor(rnd() * (max + 1)) }, () => pick(alphabet)).join('');
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      const pattern = HOST + word('ab/.-*+?()', 9);
      const url = HOST + word('ab/.-+?()', 10);
      const expected = regexMatchesPage(pattern, url);
      expect(matchesPage(pattern, url), `${pattern} ~ ${url}`).toBe(expected);
      if (expected) matched++;
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(matched).toBeGreaterThan(100);
    expect(matched).toBeLessThan(2900);
  });
});
