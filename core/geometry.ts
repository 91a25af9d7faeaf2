// Rectangles in the top window's viewport, also for elements inside same-origin iframes.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The element's border box in the viewport of `top` (defaults to the element's own window's top). */
export function viewportRect(el: Element, top: Window | null = null): Box {
  const r = el.getBoundingClientRect();
  let x = r.left;
  let y = r.top;
  let win: Window | null = el.ownerDocument.defaultView;
  const stop = top ?? win?.top ?? null;
  while (win && win !== stop && win.frameElement) {
    const frame = win.frameElement;
    const fr = frame.getBoundingClientRect();
    x += fr.left + frame.clientLeft;
    y += fr.top + frame.clientTop;
    win = win.parent;
  }
  return { x, y, width: r.width, height: r.height };
}

export function inflate(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Where to put a card of size `card` so it does not cover `target`: `preferred` when it is clear,
 * otherwise docked at the top or bottom edge of the viewport, on the side away from the target.
 */
export function clearPlacement(preferred: { x: number; y: number }, card: { width: number; height: number }, target: Box, viewport: { width: number; height: number }, margin = 12): { x: number; y: number } {
  const at = (x: number, y: number): Box => ({ x, y, width: card.width, height: card.height });
  const guard = inflate(target, 6);
  if (!intersects(at(preferred.x, preferred.y), guard)) return preferred;
  const x = Math.max(margin, Math.min(viewport.width - card.width - margin, preferred.x));
  const top = margin;
  const bottom = Math.max(margin, viewport.height - card.height - margin);
  const targetMid = target.y + target.height / 2;
  const first = targetMid > viewport.height / 2 ? top : bottom;
  const second = first === top ? bottom : top;
  if (!intersects(at(x, first), guard)) return { x, y: first };
  if (!intersects(at(x, second), guard)) return { x, y: second };
  // Side by side as a last resort: left or right of the target.
  const left = target.x - card.width - margin;
  if (left >= 0) return { x: left, y: Math.max(margin, Math.min(preferred.y, viewport.height - card.height - margin)) };
  return { x: target.x + target.width + margin, y: Math.max(margin, Math.min(preferred.y, viewport.height - card.height - margin)) };
}

/**
 * Where a card of size `card` goes beside `target` (viewport coordinates): below it, left edges aligned;
 * else right edges aligned, above, above right-aligned — the first that overflows neither the side it lies
 * on nor the side it grows towards (by `padding` from the edges); else the one that overflows least. Then
 * slid sideways into the viewport. The same choice as Floating UI's bottom-start with offset, flip and shift
 * (the overlay used it; this keeps it out of the content script), `gap` being the offset.
 */
export function placeBeside(target: Box, card: { width: number; height: number }, viewport: { width: number; height: number }, gap: number, padding = 8): { x: number; y: number } {
  const below = target.y + target.height + gap;
  const above = target.y - gap - card.height;
  const start = target.x;
  const end = target.x + target.width - card.width;
  const options = [
    { x: start, y: below, main: 'bottom', grows: 'right' },
    { x: end, y: below, main: 'bottom', grows: 'left' },
    { x: start, y: above, main: 'top', grows: 'right' },
    { x: end, y: above, main: 'top', grows: 'left' },
  ] as const;
  const overflow = (o: (typeof options)[number]): number => {
    const main = o.main === 'bottom' ? o.y + card.height - (viewport.height - padding) : padding - o.y;
    const side = o.grows === 'right' ? o.x + card.width - (viewport.width - padding) : padding - o.x;
    return Math.max(0, main) + Math.max(0, side);
  };
  const chosen = options.find((o) => overflow(o) <= 0) ?? options.reduce((best, o) => (overflow(o) < overflow(best) ? o : best));
  const x = Math.max(padding, Math.min(chosen.x, viewport.width - padding - card.width));
  return { x, y: chosen.y };
}

export interface Point {
  x: number;
  y: number;
}

type Size = { width: number; height: number };

/**
 * Where the step card goes (issue 17.5). `moved`: where the volunteer put it — kept, clamped into the viewport,
 * unless it would cover the control: then moved just enough (the smallest shift up, down, left or right that
 * clears it), else placed as by default. By default: beside the control (below, then above; left edges aligned,
 * then right edges), else at a corner of the viewport — the first place clear of the control and of `avoid` (the
 * boxes of the text the hint quotes), else the first clear of the control alone. `margin` from the viewport's edges.
 */
export function placeCard(target: Box | null, card: Size, view: Size, avoid: Box[] = [], moved: Point | null = null, gap = 20, margin = 12): Point {
  const fit = (x: number, y: number): Point => ({
    x: Math.max(margin, Math.min(view.width - card.width - margin, x)),
    y: Math.max(margin, Math.min(view.height - card.height - margin, y)),
  });
  const guard = target ? [inflate(target, 6)] : [];
  const clearOf = (boxes: Box[]) => (p: Point) => !boxes.some((b) => intersects({ x: p.x, y: p.y, width: card.width, height: card.height }, b));
  const g = guard[0];
  const corners = [fit(view.width, view.height), fit(0, view.height), fit(view.width, 0), fit(0, 0)];
  if (moved) {
    const p = fit(moved.x, moved.y);
    const nudges = g ? [fit(p.x, g.y - card.height), fit(p.x, g.y + g.height), fit(g.x - card.width, p.y), fit(g.x + g.width, p.y)] : [];
    const far = (q: Point): number => Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
    const kept = [p, ...nudges.sort((a, b) => far(a) - far(b))].find(clearOf(guard));
    if (kept) return kept;
  }
  const t = target;
  const beside = t
    ? [
        fit(t.x, t.y + t.height + gap),
        fit(t.x + t.width - card.width, t.y + t.height + gap),
        fit(t.x, t.y - gap - card.height),
        fit(t.x + t.width - card.width, t.y - gap - card.height),
        // Right or left of it, top edges aligned, then bottom edges.
        fit(t.x + t.width + gap, t.y),
        fit(t.x - gap - card.width, t.y),
        fit(t.x + t.width + gap, t.y + t.height - card.height),
        fit(t.x - gap - card.width, t.y + t.height - card.height),
        // Docked at the bottom or top edge, above or below it.
        fit(t.x, view.height),
        fit(t.x, 0),
      ]
    : [];
  const all = [...beside, ...corners];
  // Nowhere clear (a card larger than the room around the control): where it covers least of it.
  const covered = (p: Point): number => (g ? Math.max(0, Math.min(p.x + card.width, g.x + g.width) - Math.max(p.x, g.x)) * Math.max(0, Math.min(p.y + card.height, g.y + g.height) - Math.max(p.y, g.y)) : 0);
  return all.find(clearOf([...guard, ...avoid])) ?? all.find(clearOf(guard)) ?? all.reduce((a, b) => (covered(b) < covered(a) ? b : a));
}

/** The texts a hint quotes: inside «…», "…" or “…” (at least 2 characters), lower-cased. */
export function quotedIn(hint: string): string[] {
  return [...hint.matchAll(/«([^»]{2,80})»|"([^"]{2,80})"|“([^”]{2,80})”/g)].map((m) => (m[1] ?? m[2] ?? m[3]!).replace(/\*\*/g, '').trim().toLowerCase());
}

/**
 * Ranges over the page's text (never a field's value: text in fields, lists, scripts and styles is skipped)
 * that hold one of `phrases` (lower-cased), at most `limit`. Live ranges: their boxes follow the page.
 */
/** Elements whose text is never a quoted label: scripts, styles, and fields (their text is a value). */
const SKIPPED = new Set(['script', 'style', 'textarea', 'select', 'noscript', 'template']);

export function quotedRanges(root: Element, phrases: string[], limit = 8): Range[] {
  const doc = root.ownerDocument;
  const out: Range[] = [];
  if (!phrases.length) return out;
  // Elements and text: a skipped element's whole subtree is passed over at once (no look up the tree per text).
  const walk = doc.createTreeWalker(root, 1 | 4 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (n) => (n.nodeType !== 1 ? 1 : SKIPPED.has((n as Element).localName) ? 2 /* FILTER_REJECT */ : 3 /* FILTER_SKIP */),
  });
  for (let n = walk.nextNode(); n && out.length < limit; n = walk.nextNode()) {
    const text = n.nodeValue!.toLowerCase();
    for (const p of phrases) {
      const i = text.indexOf(p);
      if (i < 0) continue;
      const r = doc.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + p.length);
      out.push(r);
    }
  }
  return out;
}

/** Which edge a bar docks to, away from where the author last pointed (`y`); between 40 % and 60 %, as it was. */
export function dockAway(y: number, height: number, was: 'top' | 'bottom'): 'top' | 'bottom' {
  return y < height * 0.4 ? 'bottom' : y > height * 0.6 ? 'top' : was;
}

/** The card's place and size as kept for one session (storage.local), or null when `v` is not one. */
export interface CardLayout {
  session: string;
  at: Point | null;
  shrunk: boolean;
}

export function cardLayoutOf(v: unknown): CardLayout | null {
  const o = (v ?? {}) as CardLayout;
  const at = o.at;
  const ok = (n: unknown): boolean => typeof n === 'number' && Math.abs(n) < 1e5;
  return typeof o.session === 'string' && typeof o.shrunk === 'boolean' && (at === null || (ok(at?.x) && ok(at?.y))) ? { session: o.session, at: at && { x: at.x, y: at.y }, shrunk: o.shrunk } : null;
}
