// End-to-end fixture: re-exports the environment and overlay probes, and adds the assertions.
import { expect } from 'vitest';
import type { Box } from '../../scripts/lib/overlay-probe';

export { setup, type Env } from '../../scripts/lib/env';
export * from '../../scripts/lib/overlay-probe';

/** The outline surrounds exactly this control: it contains it, each edge within a few pixels. */
export function expectOutlines(outline: Box | null, control: Box): void {
  expect(outline, 'overlay outline').not.toBeNull();
  const o = outline!;
  const slack = 10;
  expect(o.x).toBeLessThanOrEqual(control.x + 0.5);
  expect(o.y).toBeLessThanOrEqual(control.y + 0.5);
  expect(o.x + o.width).toBeGreaterThanOrEqual(control.x + control.width - 0.5);
  expect(o.y + o.height).toBeGreaterThanOrEqual(control.y + control.height - 0.5);
  expect(control.x - o.x).toBeLessThanOrEqual(slack);
  expect(control.y - o.y).toBeLessThanOrEqual(slack);
  expect(o.x + o.width - (control.x + control.width)).toBeLessThanOrEqual(slack);
  expect(o.y + o.height - (control.y + control.height)).toBeLessThanOrEqual(slack);
}

