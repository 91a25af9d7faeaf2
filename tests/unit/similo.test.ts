// Similo baseline (tests/support/bench/similo.ts): the published similarity functions, scoring, ranking, the margin rule
// of similoPick, and the record extractor. Hand-made records only (the study's data has no licence).
import { afterEach, describe, expect, it } from 'vitest';
import {
  candidateRecords,
  equalSimilarity,
  idXpathOf,
  integerSimilarity,
  isButton,
  isValidText,
  levenshtein,
  locationSimilarity,
  neighborTextSimilarity,
  recordOfElement,
  SIMILO_MAX_SCORE,
  similoPick,
  similoRank,
  similoScore,
  stringSimilarity,
  xpathOf,
  type SimiloRecord,
} from '../support/bench/similo';

const LOGIN: SimiloRecord = {
  tag: 'A',
  id: 'login',
  name: 'login',
  class: 'btn btn-primary',
  href: 'https://example.org/login',
  alt: 'Log in',
  xpath: '/html[1]/body[1]/div[1]/a[2]',
  idxpath: "//*[@id='nav']/a[2]",
  is_button: 'yes',
  x: '100',
  y: '40',
  width: '80',
  height: '20',
  area: '1600',
  shape: '400',
  text: 'Log in',
  visible_text: 'Log in',
  neighbor_text: 'home help log in sign up',
};

describe('similarity functions', () => {
  it('levenshtein is the plain edit distance', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', 'abc')).toBe(0);
  });

  it('string similarity: 1 − distance / longer length, truncated to whole percent', () => {
    expect(stringSimilarity('abc', 'abc')).toBe(1);
    expect(stringSimilarity('', 'abc')).toBe(0);
    expect(stringSimilarity('abcd', 'abxd')).toBe(0.75);
    expect(stringSimilarity('abc', 'ab')).toBe(0.66); // 66.7 % truncated, as the Java int arithmetic does
    expect(stringSimilarity('ab', 'abc')).toBe(0.66); // symmetric
  });

  it('string similarity ignores punctuation in the distance but not in the length (reference quirk)', () => {
    expect(stringSimilarity('a-b', 'ab')).toBe(1);
    expect(stringSimilarity('/div[1]/a[2]', '/div[1]/a[3]')).toBe(0.91); // (12 − 1) / 12
  });

  it('integer similarity: (max − |a − b|) / max', () => {
    expect(integerSimilarity(100, 50)).toBe(0.5);
    expect(integerSimilarity(50, 100)).toBe(0.5);
    expect(integerSimilarity(3, 2)).toBe(0.66);
    expect(integerSimilarity(7, 7)).toBe(1);
    expect(integerSimilarity(0, 0)).toBe(1);
  });

  it('location similarity falls linearly to 0 at 100 px', () => {
    expect(locationSimilarity(0, 0, 0, 0)).toBe(1);
    expect(locationSimilarity(0, 0, 30, 40)).toBe(0.5);
    expect(locationSimilarity(10, 10, 200, 10)).toBe(0);
  });

  it('neighbour text: characters of matched words over the longer text, prefix/suffix words match', () => {
    expect(neighborTextSimilarity('ok cancel', 'cancel help ok')).toBe(0.66); // 8 of 12
    expect(neighborTextSimilarity('sign', 'signin')).toBe(0.66); // 4 of 6: "sign" is a prefix
    expect(neighborTextSimilarity('signin', 'sign')).toBe(1); // asymmetric, like the reference
    expect(neighborTextSimilarity('home', 'contact')).toBe(0);
    expect(neighborTextSimilarity('', 'x')).toBe(0);
  });

  it('equality ignores case', () => {
    expect(equalSimilarity('A', 'a')).toBe(1);
    expect(equalSimilarity('a', 'b')).toBe(0);
  });

  it('valid text and button rules follow the extractor', () => {
    expect(isValidText('Go')).toBe(false);
    expect(isValidText('  Sign in ')).toBe(true);
    expect(isValidText('two\nlines')).toBe(false);
    expect(isValidText('x'.repeat(51))).toBe(false);
    expect(isButton('A', undefined, 'btn-primary')).toBe(true);
    expect(isButton('a', undefined, 'link')).toBe(false);
    expect(isButton('BUTTON', undefined, undefined)).toBe(true);
    expect(isButton('input', 'SUBMIT', undefined)).toBe(true);
    expect(isButton('input', 'text', undefined)).toBe(false);
  });
});

describe('similoScore / similoRank', () => {
  it('a record with every property scores the sum of the weights against itself', () => {
    expect(SIMILO_MAX_SCORE).toBe(12);
    expect(similoScore(LOGIN, { ...LOGIN })).toBeCloseTo(12, 10);
  });

  it('is case-insensitive (the reference lower-cases at extraction)', () => {
    const upper: SimiloRecord = { ...LOGIN, visible_text: 'LOG IN', class: 'BTN BTN-PRIMARY', tag: 'a' };
    expect(similoScore(LOGIN, upper)).toBeCloseTo(12, 10);
  });

  it('properties missing on either side contribute nothing', () => {
    expect(similoScore({ tag: 'A' }, { tag: 'a' }, { derive: false })).toBe(1.5);
    // derived is_button ("no" for both) adds its 0.5
    expect(similoScore({ tag: 'A' }, { tag: 'a' })).toBe(2);
    expect(similoScore({ tag: 'A' }, { tag: 'SPAN' }, { derive: false })).toBe(0);
  });

  it('derives visible_text from text, value or placeholder unless told not to', () => {
    const a: SimiloRecord = { tag: 'INPUT', placeholder: 'Search' };
    const b: SimiloRecord = { tag: 'INPUT', visible_text: 'Search' };
    expect(similoScore(a, b, { derive: false })).toBe(1.5);
    expect(similoScore(a, b)).toBe(1.5 + 1.5 + 0.5); // tag, visible_text, is_button
  });

  it('uses the directional neighbour texts when a record has no neighbor_text', () => {
    const t: SimiloRecord = { neighbor_text_above: 'Sign up', neighbor_text_left: '0', neighbor_text_right: 'Help' };
    const c: SimiloRecord = { neighbor_text: 'help sign up' };
    expect(similoScore(t, c, { derive: false })).toBe(1.5);
  });

  it('ranks the identical record first and keeps candidate order on ties', () => {
    const moved: SimiloRecord = { ...LOGIN, x: '400', y: '300', id: 'signin' };
    const other: SimiloRecord = { tag: 'A', visible_text: 'Help', href: 'https://example.org/help', is_button: 'no' };
    const ranked = similoRank(LOGIN, [other, moved, { ...LOGIN }, { ...LOGIN }]);
    expect(ranked.map((r) => r.index)).toEqual([2, 3, 1, 0]);
    expect(ranked[0]?.score).toBeGreaterThan(ranked[2]?.score ?? Infinity);
  });
});

describe('similoPick', () => {
  const other: SimiloRecord = { tag: 'SPAN', visible_text: 'Contact us' };

  it('returns the top candidate with margin 0', () => {
    expect(similoPick(LOGIN, [other, { ...LOGIN }])).toEqual({ index: 1, score: expect.closeTo(12, 10) });
  });

  it('a tie gives null with any margin, the first of the tied without one', () => {
    const twins = [{ ...LOGIN }, { ...LOGIN }];
    expect(similoPick(LOGIN, twins, 0.01)).toBeNull();
    expect(similoPick(LOGIN, twins)?.index).toBe(0);
  });

  it('the margin is the relative lead over the runner-up', () => {
    const near: SimiloRecord = { ...LOGIN, id: 'other' }; // loses id's 1.5 of 12: lead 0.125
    expect(similoPick(LOGIN, [near, { ...LOGIN }], 0.12)?.index).toBe(1);
    expect(similoPick(LOGIN, [near, { ...LOGIN }], 0.13)).toBeNull();
  });

  it('no candidates, or nothing similar at all, gives null', () => {
    expect(similoPick(LOGIN, [])).toBeNull();
    expect(similoPick({ tag: 'TD' }, [{ tag: 'LI' }], 0, { derive: false })).toBeNull();
    expect(similoPick(LOGIN, [other], 0.5)?.index).toBe(0); // a single candidate leads by 100 %
  });
});

describe('extraction from a page', () => {
  afterEach(() => document.body.replaceChildren());

  function page(html: string): void {
    const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
    document.body.replaceChildren(...Array.from(doc.body.childNodes, (n) => document.importNode(n, true)));
  }

  /** happy-dom has no layout: give elements boxes by hand. */
  function box(el: Element, x: number, y: number, w: number, h: number): void {
    el.getBoundingClientRect = () =>
      ({ left: x, top: y, width: w, height: h, right: x + w, bottom: y + h, x, y, toJSON: () => ({}) }) as DOMRect;
  }

  it('writes xpaths with an index at every step, and from the nearest unique id', () => {
    page('<div id="nav"><ul><li><a>Home</a></li><li><a>Help</a><svg></svg></li></ul></div><p><a>Out</a></p>');
    const [, help, out] = Array.from(document.querySelectorAll('a'));
    expect(xpathOf(help as Element)).toBe('/html[1]/body[1]/div[1]/ul[1]/li[2]/a[1]');
    expect(idXpathOf(help as Element)).toBe("//*[@id='nav']/ul[1]/li[2]/a[1]");
    expect(idXpathOf(out as Element)).toBe('/html[1]/body[1]/p[1]/a[1]');
    expect(xpathOf(document.querySelector('svg') as Element)).toBe(
      '/html[1]/body[1]/div[1]/ul[1]/li[2]/*[local-name() = "svg"][1]',
    );
  });

  it('records an element like the study: properties, geometry, button, neighbour texts', () => {
    page(
      '<div><span>Username please</span></div>' +
        '<label>Name:</label><input name="user" placeholder="Your name"><a class="btn" href="/go">Continue</a>' +
        '<p>Terms of use</p>',
    );
    const [div, span, label, input, a, p] = ['div', 'span', 'label', 'input', 'a', 'p'].map(
      (s) => document.querySelector(s) as Element,
    ) as [Element, Element, Element, Element, Element, Element];
    box(div, 0, 0, 300, 20);
    box(span, 0, 0, 120, 20);
    box(label, 0, 40, 60, 20);
    box(input, 70, 40, 150, 20);
    box(a, 230, 40, 80, 20);
    box(p, 0, 400, 200, 20);

    const { elements, records } = candidateRecords(document);
    expect(elements).toEqual([div, span, label, input, a, p]);
    const rec = records[3] as SimiloRecord;
    expect(rec).toMatchObject({
      tag: 'INPUT',
      name: 'user',
      placeholder: 'Your name',
      visible_text: 'Your name',
      is_button: 'no',
      x: '70',
      y: '40',
      width: '150',
      height: '20',
      area: '3000',
      shape: '750',
      xpath: '/html[1]/body[1]/input[1]',
      neighbor_text_above: 'Username please',
      neighbor_text_below: 'Terms of use',
      neighbor_text_left: 'Name:',
      neighbor_text_right: 'Continue',
    } as SimiloRecord);
    // Reference neighbour text: words of elements ≤ 100 px high within 50 px, in document order.
    expect(rec.neighbor_text).toBe('username please name: continue');
    expect(records[4]).toMatchObject({ tag: 'A', is_button: 'yes', text: 'Continue' });
    expect(recordOfElement(input)).toEqual(rec);
  });

  it('leaves out hidden and zero-sized elements', () => {
    page('<a>Shown</a><a style="visibility:hidden">Hidden</a><a>Empty</a>');
    const [shown, hidden, empty] = Array.from(document.querySelectorAll('a'));
    box(shown as Element, 0, 0, 50, 20);
    box(hidden as Element, 0, 30, 50, 20);
    box(empty as Element, 0, 60, 0.5, 20); // truncates to 0 wide
    expect(candidateRecords(document).elements).toEqual([shown]);
  });
});
