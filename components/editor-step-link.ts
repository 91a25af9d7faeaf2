// The editor opened at one step (editor.html?…&step=N, N from 1, as the dashboard's "Cần kiểm tra gói" links
// it: extension/editor-link.ts): once the editor's step list is on the page, that step is scrolled into view,
// focused (the screen reader reads it) and marked (data-linked, outlined by the editor's style). Kept apart
// from the editor component: it only needs the list's items to carry their index (`li[data-step]`, 0-based).

/** How long the linked step is kept in view when the author does nothing (see keepInView). */
export const KEEP_IN_VIEW_MS = 20_000;

/** The list of steps and the item of the step at index `i` (0-based). */
export const STEP_LIST = '.editor-steps';
const itemAt = (i: number): string => `${STEP_LIST} > li[data-step="${i}"]`;

/** The step a query string asks for, 1-based; null when it asks for none (or for something that is not one). */
export function linkedStep(search: string): number | null {
  const raw = new URLSearchParams(search).get('step');
  if (raw === null || !/^\d{1,4}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 ? n : null;
}

/**
 * Scroll to, focus and mark the step the address names, as soon as the step list is rendered. Waits no longer
 * than the list's first appearance (a step past the end is left alone) or the signal. Returns the cleanup.
 */
export function focusLinkedStep(doc: Document, search: string, signal?: AbortSignal): () => void {
  const n = linkedStep(search);
  if (n === null || signal?.aborted) return () => undefined;
  const tryNow = (): boolean => {
    if (!doc.querySelector(STEP_LIST)) return false;
    const item = doc.querySelector<HTMLElement>(itemAt(n - 1));
    if (item) {
      item.dataset.linked = 'true';
      // An item is not focusable of itself; -1 lets the script focus it without adding a Tab stop.
      if (!item.hasAttribute('tabindex')) item.tabIndex = -1;
      item.scrollIntoView({ block: 'center' });
      item.focus({ preventScroll: true });
      keepInView(doc, item);
    }
    return true;
  };
  if (tryNow()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (tryNow()) stop();
  });
  const stop = (): void => {
    observer.disconnect();
    signal?.removeEventListener('abort', stop);
  };
  observer.observe(doc.body, { childList: true, subtree: true });
  signal?.addEventListener('abort', stop);
  return stop;
}

/**
 * The editor's list draws in more than one pass (the previews, what each step points at, the pack's fields above
 * it): each pass can push the step out of view after it was scrolled to, and on a busy desk computer the last
 * pass can come seconds later. Until the author scrolls, types, clicks or touches (the watch's real end), the
 * step is brought back to the middle whenever the page's size changes; `settleMs` only bounds a watch nobody
 * ends, long enough for a slow machine's passes.
 */
export function keepInView(doc: Document, item: HTMLElement, settleMs = KEEP_IN_VIEW_MS): void {
  const win = doc.defaultView;
  if (!win || typeof ResizeObserver === 'undefined') return;
  const resized = new ResizeObserver(() => {
    const r = item.getBoundingClientRect();
    if (r.top < 0 || r.bottom > win.innerHeight) item.scrollIntoView({ block: 'center' });
  });
  const done = new AbortController();
  const stop = (): void => {
    resized.disconnect();
    done.abort();
  };
  resized.observe(doc.documentElement);
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) win.addEventListener(type, stop, { once: true, capture: true, signal: done.signal });
  win.setTimeout(stop, settleMs);
}
