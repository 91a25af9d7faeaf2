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
