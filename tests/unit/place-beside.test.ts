// The step card's place beside its control (core/geometry.ts placeBeside), which replaced Floating UI in the
// content script (issue 16, a lean page): below and left-aligned when it fits, flipped or slid when not.
import { describe, expect, it } from 'vitest';
import { placeBeside } from '../../core/geometry';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };

describe('placeBeside', () => {
  it('16 below the control, left edges aligned, `gap` under it, when that fits', () => {
    expect(placeBeside({ x: 100, y: 100, width: 80, height: 30 }, card, viewport, 20)).toEqual({ x: 100, y: 150 });
  });

  it('16 right edges aligned when the card would run past the right edge', () => {
    expect(placeBeside({ x: 850, y: 100, width: 100, height: 30 }, card, viewport, 20)).toEqual({ x: 650, y: 150 });
  });

  it('16 above the control when there is no room below', () => {
    expect(placeBeside({ x: 100, y: 700, width: 80, height: 30 }, card, viewport, 20)).toEqual({ x: 100, y: 480 });
  });

  it('16 where it overflows least when nothing fits, slid back inside the viewport', () => {
    // A tall control, partly off the left edge: below overflows by 178 px, above by 128 px.
    const p = placeBeside({ x: -50, y: 100, width: 40, height: 650 }, card, viewport, 20);
    expect(p).toEqual({ x: 8, y: -120 });
  });
});
