// Engine v2, piece by piece: meanings, per-property similarities, the combined score, the decision rule,
// matchRecords on property records, and the features a live element offers.
import { describe, expect, it } from 'vitest';
import { choose, NO_RELATIONS, RULE } from '../../core/anchors/decide';
import { captureAnchor, features, matchRecords, resolveAnchor } from '../../core/anchors/index';
import { conceptTokens } from '../../core/anchors/lexicon';
import { combine, scoreProps, WEIGHTS } from '../../core/anchors/score';
import {
  attrsSimilarity,
  contradicts,
  hrefSimilarity,
  identSimilarity,
  labelSimilarity,
  locationSimilarity,
  nearSimilarity,
  sizeSimilarity,
  xpathSimilarity,
} from '../../core/anchors/similarity';
import type { Props, Scored } from '../../core/anchors/types';
import { captureAnchor as captureForPack } from '../../core/capture';

function page(html: string): void {
  document.body.replaceChildren();
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  document.body.append(...Array.from(doc.body.childNodes, (n) => document.importNode(n, true)));
}

describe('meanings (lexicon)', () => {
  it('maps words of the same meaning to one concept and drops instructions and bare numbers', () => {
    expect(conceptTokens('Đăng nhập')).toEqual(conceptTokens('VÀO TÀI KHOẢN'));
    expect(conceptTokens('Số định danh cá nhân')).toEqual(conceptTokens('Nhập số CCCD 12 số'));
    expect(conceptTokens('Tra cứu')).toEqual(conceptTokens('Tìm kiếm'));
    expect(conceptTokens('Đăng nhập')).not.toEqual(conceptTokens('Đăng ký'));
  });
});

describe('property similarities', () => {
  it('labels: words, case, icons and meanings; numbers that disagree mean another control', () => {
    expect(labelSimilarity('Đăng nhập', '→ ĐĂNG NHẬP')).toBe(1);
    expect(labelSimilarity('Đăng nhập', 'Vào tài khoản')).toBe(1);
    expect(labelSimilarity('Tiếp tục', 'Tiếp theo ›')).toBe(1);
    expect(labelSimilarity('Chữ số 1', 'Chữ số 2')).toBeLessThan(0.5);
    expect(labelSimilarity('Đăng nhập', 'Thanh toán')).toBeLessThan(0.35);
    // A decoy that adds a word keeps most, but not all, of the likeness.
    const decoy = labelSimilarity('Đăng nhập', 'Đăng nhập doanh nghiệp');
    expect(decoy).toBeGreaterThan(0.5);
    expect(decoy).toBeLessThan(1);
  });

  it('two long texts that each say something the other does not name two different things', () => {
    expect(contradicts('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 'Cấp Phiếu lý lịch tư pháp cho người nước ngoài đã cư trú tại Việt Nam')).toBe(true);
    expect(contradicts('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 'CẤP PHIẾU LÝ LỊCH TƯ PHÁP (công dân Việt Nam)')).toBe(false);
    expect(contradicts('Đăng nhập', 'Đăng nhập doanh nghiệp')).toBe(false);
  });

  it('links, paths, identifiers and attributes', () => {
    expect(hrefSimilarity('a.vn/dang-nhap.html', 'a.vn/dang-nhap.html')).toBe(1);
    expect(hrefSimilarity('a.vn/x/dang-nhap.html', 'a.vn/y/dang-nhap.html')).toBe(0.8);
    expect(hrefSimilarity('a.vn/dang-nhap.html', 'b.vn/khac')).toBe(0);
    expect(xpathSimilarity('/html[1]/body[1]/a[2]', '/html[1]/body[1]/a[2]')).toBe(1);
    expect(xpathSimilarity('/html[1]/body[1]/div[1]/a[2]', '/html[1]/body[1]/a[2]')).toBeCloseTo(6 / 7);
    expect(xpathSimilarity('/html[1]/body[1]/a[2]', '/html[1]/body[1]/a[3]')).toBeLessThan(0.7);
    expect(identSimilarity('soDinhDanh', 'so_dinh_danh')).toBeGreaterThan(0.6);
    expect(identSimilarity('username', 'password')).toBeLessThan(0.3);
    expect(attrsSimilarity(['autocomplete=username', 'maxlength=12'], ['maxlength=12', 'autocomplete=username'])).toBe(1);
    expect(attrsSimilarity(['maxlength=12'], ['maxlength=10'])).toBeCloseTo(0.3);
  });

  it('neighbours by meaning, boxes by distance and shape', () => {
    expect(nearSimilarity(['Mật khẩu'], ['MẬT KHẨU', 'Quên mật khẩu?'])).toBeGreaterThan(0.5);
    expect(nearSimilarity(['Mật khẩu'], ['Số tiền'])).toBe(0);
    const at = (x: number, y: number): number[] => [x, y, 100, 40, 1280];
    expect(locationSimilarity(at(100, 100), at(100, 100))).toBe(1);
    expect(locationSimilarity(at(100, 100), at(100, 200))).toBeGreaterThan(locationSimilarity(at(100, 100), at(100, 900)));
    // A centred layout in a narrower window moves sideways by half the difference: no move at all.
    expect(locationSimilarity([590, 100, 100, 40, 1280], [390, 100, 100, 40, 880])).toBe(1);
    expect(sizeSimilarity([0, 0, 100, 40, 0], [0, 0, 100, 40, 0])).toBe(1);
    expect(sizeSimilarity([0, 0, 100, 40, 0], [0, 0, 40, 100, 0])).toBeLessThan(0.6);
    expect(sizeSimilarity([0, 0, 100, 40, 0], [0, 0, 400, 160, 0])).toBeLessThan(0.75);
  });
});

describe('combined score', () => {
  it('bonus evidence (a surviving id) only ever raises the score; its absence lowers nothing', () => {
    const plain = combine({ name: 0.6, tag: 1 }, WEIGHTS);
    const withId = combine({ name: 0.6, tag: 1, id: 1 }, WEIGHTS);
    expect(withId.confidence).toBeGreaterThan(plain.confidence);
    expect(combine({ name: 0.6, tag: 1, id: 0 }, WEIGHTS).confidence).toBe(plain.confidence);
  });

  it('a candidate of another kind is discounted', () => {
    const a: Props = { kind: 'action', tag: 'button', role: 'button', path: 'body>button', name: 'Gửi' };
    const same = scoreProps(a, null, { ...a }, null, 1);
    const field = scoreProps(a, null, { ...a, kind: 'field', tag: 'input', role: 'textbox' }, null, 2);
    expect(same.confidence).toBeGreaterThan(field.confidence / 0.6 - 0.5);
    expect(field.confidence).toBeLessThan(same.confidence);
  });
});

describe('decision rule', () => {
  const anchor: Props = { kind: 'action', tag: 'button', role: 'button', path: 'body>button', name: 'Xác nhận' };
  const scored = (element: number, confidence: number, identity = 1, twinKey = '', context = 0.8): Scored<number> => ({ element, confidence, identity, context, twinKey, exact: false });

  it('a near-tie between two candidates gives null', () => {
    expect(choose(anchor, [scored(1, 0.9), scored(2, 0.89)], NO_RELATIONS as never)).toBeNull();
  });

  it('a clear lead is taken', () => {
    expect(choose(anchor, [scored(1, 0.95), scored(2, 0.6, 0.5)], NO_RELATIONS as never)?.element).toBe(1);
  });

  it('a weak best is not taken, however far ahead', () => {
    expect(choose(anchor, [scored(1, RULE.minConfidence - 0.05, (RULE.minIdentity + RULE.strongIdentity) / 2), scored(2, 0.1, 0.1)], NO_RELATIONS as never)).toBeNull();
    expect(choose(anchor, [scored(1, 0.95, 0.2 * RULE.minIdentity, '', 0.9 * RULE.minContext), scored(2, 0.3, 0.1)], NO_RELATIONS as never)).toBeNull();
  });

  it('look-alikes (same name) of an anchor without a box need a wider lead, which only order could give', () => {
    const lead = Math.max(RULE.minMargin, RULE.strongMargin) + 0.001;
    const a = { ...anchor };
    if (lead < RULE.twinMargin) expect(choose(a, [scored(1, 0.95, 1, 'k'), scored(2, 0.95 - lead, 1, 'k')], NO_RELATIONS as never)).toBeNull();
    expect(choose(a, [scored(1, 0.95, 1, 'k'), scored(2, 0.95 - Math.max(RULE.twinMargin, RULE.minMargin) - 0.01, 1, 'k')], NO_RELATIONS as never)?.element).toBe(1);
  });
});

describe('matchRecords (property records, no DOM)', () => {
  const rec = (tag: string, text: string, x: number, y: number, extra: Record<string, string> = {}): Record<string, string> => ({
    tag,
    text,
    visible_text: text,
    x: String(x),
    y: String(y),
    width: '120',
    height: '36',
    xpath: `/HTML/BODY/DIV/${tag}`,
    ...extra,
  });

  it('finds the element whose words and place survived, with a confidence', () => {
    const target = rec('A', 'Sign in', 900, 20, { href: 'https://x.com/login', class: 'nav-signin' });
    const candidates = [rec('A', 'Help', 700, 20), rec('A', 'Sign in', 905, 24, { href: 'https://x.com/login', class: 'nav-signin' }), rec('A', 'Register', 1000, 20)];
    const m = matchRecords(target, candidates);
    expect(m?.index).toBe(1);
    expect(m!.confidence).toBeGreaterThan(0.7);
  });

  it('answers null between two indistinguishable records', () => {
    const target = rec('BUTTON', 'OK', 100, 100);
    expect(matchRecords(target, [rec('BUTTON', 'OK', 300, 300), rec('BUTTON', 'OK', 300, 300)])).toBeNull();
  });

  it('answers null when nothing is like the target', () => {
    expect(matchRecords(rec('A', 'Sign in', 0, 0), [rec('A', 'Weather today', 800, 900)])).toBeNull();
  });
});

describe('features of a live element', () => {
  it('neighbour texts, stable attributes and the XPath; never a value', () => {
    page('<form><p>Thông tin đăng nhập</p><input name="cccd" maxlength="12" inputmode="numeric" data-field="id" value="001234567890"><small>Gồm 12 chữ số</small></form>');
    const input = document.querySelector('input')!;
    const f = features(input);
    expect(f.near).toEqual(['Thông tin đăng nhập', 'Gồm 12 chữ số']);
    expect(f.attrs).toEqual(expect.arrayContaining(['maxlength=12', 'inputmode=numeric', 'data-field=id']));
    expect(f.xpath).toBe('/html[1]/body[1]/form[1]/input[1]');
    expect(JSON.stringify(captureAnchor(input))).not.toContain('001234567890');
  });

  it('a pack anchor drops neighbours and data-* values that are a resident’s data', () => {
    page('<div><span>Xin chào NGUYỄN VĂN AN</span><button data-acct="0451000123456">Đăng xuất</button><span>0912 345 678</span></div>');
    const a = captureForPack(document.querySelector('button')!);
    const stored = JSON.stringify(a);
    expect(stored).not.toMatch(/NGUYỄN|0912|0451000123456/);
    expect(a.name).toBe('Đăng xuất');
  });

  it('finds a field whose label was replaced, by the meaning left in its placeholder and its attributes', () => {
    page('<form><label for="u">Số định danh cá nhân</label><input id="u" name="username" maxlength="12"><label for="p">Mật khẩu</label><input id="p" type="password"></form>');
    const a = captureAnchor(document.querySelector('#u')!);
    page('<form><div><label for="x1">Tên đăng nhập</label><input id="x1" placeholder="Nhập số CCCD 12 số" maxlength="12"></div><div><label for="x2">Mật khẩu</label><input id="x2" type="password"></div></form>');
    expect(resolveAnchor(a)?.element).toBe(document.querySelector('#x1'));
  });

  it('tells a header link from its footer copy by where the control was', () => {
    const boxes = new Map<string, [number, number]>([
      ['top', [1100, 20]],
      ['bottom', [600, 2400]],
    ]);
    const stub = (el: Element, key: string): void => {
      const [x, y] = boxes.get(key)!;
      el.getBoundingClientRect = () => ({ x, y, width: 120, height: 36, top: y, left: x, right: x + 120, bottom: y + 36, toJSON: () => ({}) }) as DOMRect;
    };
    page('<header><a href="/dang-nhap.html">Đăng nhập</a></header><main><p>Dịch vụ công</p></main>');
    stub(document.querySelector('header a')!, 'top');
    const a = captureAnchor(document.querySelector('header a')!);
    expect(a.box?.slice(0, 2)).toEqual([1100, 20]);
    page('<header><a href="/dang-nhap.html">ĐĂNG NHẬP</a></header><main><p>Dịch vụ công</p></main><footer><a href="/dang-nhap.html">Đăng nhập</a></footer>');
    stub(document.querySelector('header a')!, 'top');
    stub(document.querySelector('footer a')!, 'bottom');
    expect(resolveAnchor(a)?.element).toBe(document.querySelector('header a'));
  });
});

describe('engine v2 anchors in packs and records', () => {
  it('a pack keeps v1 anchors valid, takes v2 fields, and names a bad box by its path', async () => {
    const { parsePack } = await import('../../core/pack');
    const dichvucong = (await import('../../walkthroughs/dichvucong.json')).default;
    const pack = structuredClone(dichvucong) as unknown as { walkthroughs: { steps: { anchor?: Record<string, unknown> }[] }[] };
    const anchor = pack.walkthroughs[0]!.steps[0]!.anchor!;
    expect(anchor.v).toBe(2);
    expect(anchor.box).toHaveLength(5);
    anchor.v = 1;
    for (const k of ['box', 'near', 'attrs', 'xpath', 'form', 'unique']) delete anchor[k];
    expect(parsePack(pack).ok).toBe(true);
    anchor.v = 2;
    anchor.box = [1, 2, 3];
    const r = parsePack(pack);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toMatch(/^\/walkthroughs\/0\/steps\/0\/anchor\/box/);
  });

  it('the form a field belongs to, by its fields’ names; the only control of its kind is marked unique', () => {
    page('<form><input name="ma" placeholder="Mã khách hàng"><button>Tra cứu</button></form><a href="/x">Trợ giúp</a>');
    const f = features(document.querySelector('button')!);
    expect(f.form).toBe('ma');
    expect(captureAnchor(document.querySelector('input')!).unique).toBe(true);
    expect(captureAnchor(document.querySelector('button')!).unique).toBeUndefined();
  });

  it('finds the only field of its kind again though every word of it changed, and not when it has rivals', () => {
    page('<main><h2>Tìm kiếm dịch vụ công</h2><form><input name="q" placeholder="Nhập từ khóa"><button>Tìm</button></form></main>');
    const a = captureAnchor(document.querySelector('input')!);
    page('<main><h2>Bạn cần gì hôm nay?</h2><form><input name="q" type="search" placeholder="Gõ tên thủ tục"><button>Tìm</button></form></main>');
    expect(resolveAnchor(a)?.element).toBe(document.querySelector('input'));
    page('<main><h2>Bạn cần gì hôm nay?</h2><form><input name="kw" placeholder="Gõ tên thủ tục"><input name="noi" placeholder="Nơi ở"><button>Tìm</button></form></main>');
    expect(resolveAnchor(a)).toBeNull();
  });

  it('reads a record of the Similo format as properties: kind, link, neighbours, box, XPath', async () => {
    const { propsOfRecord } = await import('../../core/anchors/records');
    const p = propsOfRecord({ tag: 'A', text: 'Sign in', href: 'https://web.archive.org/web/2019/https://x.com/login?next=1', neighbor_text_above: 'Menu', neighbor_text_below: '0', x: '10', y: '20', width: '30', height: '40', xpath: '/HTML/BODY/DIV[2]/A' });
    expect(p).toMatchObject({ kind: 'action', tag: 'a', name: 'Sign in', href: 'x.com/login', near: ['Menu'], box: [10, 20, 30, 40, 0], xpath: '/html[1]/body[1]/div[2]/a[1]' });
  });
});

describe('resolving a step among the other steps of its page', () => {
  const at = (el: Element, x: number, y: number, w: number, h: number): void => {
    el.getBoundingClientRect = () => ({ x, y, width: w, height: h, top: y, left: x, right: x + w, bottom: y + h, toJSON: () => ({}) }) as DOMRect;
  };

  it('places a control whose words all changed where it sat beside the peers found, and never among decoys alone', async () => {
    const { waitForAnchor } = await import('../../core/anchors/index');
    page('<form><label for="c">Mã khách hàng</label><input id="c" name="customerCode"><button>Tra cứu</button></form>');
    at(document.querySelector('input')!, 100, 200, 300, 40);
    at(document.querySelector('button')!, 420, 200, 90, 40);
    const field = captureAnchor(document.querySelector('input')!);
    const button = captureAnchor(document.querySelector('button')!);
    page(`<form><input name="ma_kh" aria-label="Mã khách hàng" placeholder="Mã khách hàng, ví dụ PE01000123456"><button>Xem hóa đơn</button></form>
      <div><button>Tra cứu lịch cắt điện</button><button>Tra cứu chỉ số công tơ</button></div>`);
    const [input, view, outage, meter] = [document.querySelector('input')!, ...Array.from(document.querySelectorAll('button'))];
    at(input, 300, 400, 300, 40);
    at(view!, 620, 400, 90, 40);
    at(outage!, 300, 700, 200, 40);
    at(meter!, 520, 700, 200, 40);
    expect(await waitForAnchor(button, { timeoutMs: 50 })).toBeNull();
    expect((await waitForAnchor(button, { timeoutMs: 50, peers: [field, button] }))?.element).toBe(view);
    // Without the field on the page there is no frame: still nothing rather than a decoy.
    input.remove();
    expect(await waitForAnchor(button, { timeoutMs: 50, peers: [field] })).toBeNull();
  });
});
