// What the background hands the guide as it injects it into the session's tab after a page load: the step for
// this page and the guide's copy (settings, words, card layout) as storage.local holds it. The guide then draws
// without asking anything (two round trips to the worker fewer between the page's load and the hint); without
// it (a hand-off link, a page whose load never ended) it asks. Passed through the content scripts' own global,
// which the page's scripts cannot see (another JavaScript world), and taken once.
import type { StepView } from '../core/views';

export interface GuideBoot {
  view: StepView | null;
  /** storage.local's values under the guide's keys, validated by the guide as if it had read them itself. */
  stored: Record<string, unknown>;
}

/** The name of the global's symbol (Symbol.for: the injected setter is serialised, it can close over nothing). */
export const GUIDE_BOOT_KEY = 'dan-buoc.guide-boot';

/** Runs in the tab (scripting.executeScript) just before the guide is injected: self-contained. */
export function deliverGuideBoot(key: string, boot: unknown): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(key)] = boot;
}

/** The boot left for this copy of the guide, taken once (null when there is none or it is not one). */
export function takeGuideBoot(scope: object = globalThis): GuideBoot | null {
  const store = scope as Record<symbol, unknown>;
  const key = Symbol.for(GUIDE_BOOT_KEY);
  const boot = store[key];
  delete store[key];
  if (!boot || typeof boot !== 'object') return null;
  const { view, stored } = boot as Partial<GuideBoot>;
  if (!stored || typeof stored !== 'object' || view === undefined || (view !== null && typeof view !== 'object')) return null;
  return { view, stored };
}
