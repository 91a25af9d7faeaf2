// Issue 17.5: where the step card goes (core/geometry.ts placeCard), the text a hint quotes and where it is on
// the page (quotedIn, quotedRanges), the edge the author's bars dock to (dockAway), and the card's layout as
// read back from storage (cardLayoutOf).
import { describe, expect, it } from 'vitest';
import { cardLayoutOf, dockAway, intersects, placeCard, quotedIn, quotedRanges, type Box } from '../../core/geometry';

const view = { width: 1280, height: 800 };
const card = { width: 440, height: 260 };
const at = (p: { x: number; y: number }): Box => ({ ...p, ...card });
const guard = (b: Box): Box => ({ x: b.x - 6, y: b.y - 6, width: b.width + 12, height: b.height + 12 });

describe('17.5 placeCard', () => {
  it('17.5 by default below the control, left edges aligned, `gap` under it', () => {
    expect(placeCard({ x: 100, y: 100, width: 80, height: 30 }, card, view, [], null, 20)).toEqual({ x: 100, y: 150 });
  });

  it('17.5 above the control when there is no room below, and never over it at either viewport', () => {
    const target = { x: 900, y: 700, width: 200, height: 40 };
    for (const v of [view, { width: 1024, height: 768 }]) {
      const p = placeCard(target, card, v, [], null, 20);
      expect(intersects(at(p), guard(target))).toBe(false);
      expect(p.y + card.height).toBeLessThanOrEqual(target.y);
    }
  });

  it('17.5 keeps clear of the text the hint quotes where it can', () => {
    const target = { x: 100, y: 100, width: 80, height: 30 };
    const quoted = { x: 100, y: 300, width: 200, height: 20 };
    const p = placeCard(target, card, view, [quoted], null, 20);
    expect(intersects(at(p), guard(target))).toBe(false);
    expect(intersects(at(p), quoted)).toBe(false);
  });

  it('17.5 covers quoted text rather than the control when nothing is clear of both', () => {
    const target = { x: 400, y: 300, width: 80, height: 30 };
    const everywhere = { x: 0, y: 0, width: 1280, height: 800 };
    const p = placeCard(target, card, view, [everywhere], null, 20);
    expect(intersects(at(p), guard(target))).toBe(false);
  });

  it('17.5 a card the volunteer moved stays where it was put (clamped into the viewport)', () => {
    const target = { x: 100, y: 100, width: 80, height: 30 };
    expect(placeCard(target, card, view, [], { x: 700, y: 400 })).toEqual({ x: 700, y: 400 });
    expect(placeCard(target, card, view, [], { x: 5000, y: -40 })).toEqual({ x: 1280 - 440 - 12, y: 12 });
    expect(placeCard(null, card, view, [], { x: 300, y: 200 })).toEqual({ x: 300, y: 200 });
  });

  it('17.5 a moved card that would cover the control moves just enough: the smallest shift that clears it', () => {
    const target = { x: 600, y: 400, width: 100, height: 40 };
    // Put so that its bottom edge overlaps the control's top by 20 px: moving up 26 px (guard 6) clears it.
    const p = placeCard(target, card, view, [], { x: 500, y: 400 - card.height + 20 });
    expect(p).toEqual({ x: 500, y: 394 - card.height });
    expect(intersects(at(p), guard(target))).toBe(false);
  });

  it('17.5 a moved card that cannot be shifted clear goes to the default place instead', () => {
    const target = { x: 0, y: 0, width: 1280, height: 300 };
    const p = placeCard(target, card, view, [], { x: 200, y: 100 }, 20);
    expect(intersects(at(p), guard(target))).toBe(false);
  });

  it('17.5 with no control and not moved: the bottom right corner', () => {
    expect(placeCard(null, card, view)).toEqual({ x: 1280 - 440 - 12, y: 800 - 260 - 12 });
  });
});

describe('17.5 the text a hint quotes', () => {
  it('17.5 quotedIn finds «…», "…" and “…”, lower-cased, without bold markup', () => {
    expect(quotedIn('Xem dòng «Lệ phí» và "Thành phần hồ sơ", rồi bấm “**Nộp hồ sơ**”.')).toEqual(['lệ phí', 'thành phần hồ sơ', 'nộp hồ sơ']);
    expect(quotedIn('Bấm nút Tiếp.')).toEqual([]);
  });

  it('17.5 quotedRanges finds the page text, never the text of fields, lists or scripts', () => {
    const el = (tag: string, text: string, id = ''): HTMLElement => Object.assign(document.createElement(tag), { textContent: text, id });
    const select = document.createElement('select');
    select.append(el('option', 'Lệ phí'));
    const div = document.createElement('div');
    div.append(el('span', 'Thành phần hồ sơ', 'papers'));
    document.body.append(el('p', 'Lệ phí: 200.000 đồng', 'fee'), el('textarea', 'lệ phí trong ô'), select, el('script', 'var x = "lệ phí";'), div);
    const ranges = quotedRanges(document.body, ['lệ phí', 'thành phần hồ sơ']);
    expect(ranges.map((r) => r.startContainer.parentElement?.id)).toEqual(['fee', 'papers']);
    expect(ranges[0]!.toString()).toBe('Lệ phí');
    expect(quotedRanges(document.body, [])).toEqual([]);
    document.body.replaceChildren();
  });
});

describe('17.5 the author\'s bars dock away from the pointer', () => {
  it('17.5 dockAway: bottom when pointing high, top when pointing low, unchanged in between', () => {
    expect(dockAway(50, 800, 'top')).toBe('bottom');
    expect(dockAway(700, 800, 'bottom')).toBe('top');
    expect(dockAway(400, 800, 'top')).toBe('top');
    expect(dockAway(400, 800, 'bottom')).toBe('bottom');
  });
});

describe('17.5 the card\'s layout as read back from storage', () => {
  it('17.5 cardLayoutOf keeps a well-formed layout and refuses anything else', () => {
    expect(cardLayoutOf({ session: 's1', at: { x: 10, y: 20 }, shrunk: true })).toEqual({ session: 's1', at: { x: 10, y: 20 }, shrunk: true });
    expect(cardLayoutOf({ session: 's1', at: null, shrunk: false })).toEqual({ session: 's1', at: null, shrunk: false });
    for (const bad of [null, undefined, 'x', {}, { session: 's1', at: null }, { session: 1, at: null, shrunk: false }, { session: 's', at: { x: 'a', y: 1 }, shrunk: false }, { session: 's', at: { x: NaN, y: 1 }, shrunk: false }, { session: 's', at: { x: 1e9, y: 1 }, shrunk: false }])
      expect(cardLayoutOf(bad), JSON.stringify(bad)).toBeNull();
  });
});

describe('17.5 placement with the size the browser measures', () => {
  it('17.5 a card measured as a DOMRect (sizes are getters, not own fields) is still kept off the control', () => {
    class Rect {
      constructor(private readonly w: number, private readonly h: number) {}
      get width(): number {
        return this.w;
      }
      get height(): number {
        return this.h;
      }
    }
    // The VNeID sign-in button low on a 1280×800 screen: below it there is no room, above it there is.
    const control = { x: 450, y: 511, width: 380, height: 43 };
    const p = placeCard(control, new Rect(440, 263.5), { width: 1280, height: 800 }, [], null, 20);
    expect(p).toEqual({ x: 450, y: 227.5 });
    // Nowhere clear (a card taller than the room above and below, wider than the room beside): least covered.
    const q = placeCard({ x: 100, y: 300, width: 1080, height: 200 }, new Rect(440, 290), { width: 1280, height: 800 }, [], null, 20);
    const cover = Math.max(0, Math.min(q.x + 440, 1186) - Math.max(q.x, 94)) * Math.max(0, Math.min(q.y + 290, 506) - Math.max(q.y, 294));
    expect(cover).toBeLessThan(440 * 290 * 0.5);
  });
});
