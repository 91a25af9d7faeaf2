// Finding a control named by a sites' *.targets.json selector in a live page. A selector may step into a
// nested document with ` >>> ` (../shared/sites/README.md): the open shadow root of the element left of it,
// or a same-origin iframe's document. Each part left of `>>>` must match exactly one element.
import type { ElementHandle, Page } from 'puppeteer-core';

/**
 * Page-side resolver, as source text (scripts run by tsx would wrap a named function in a __name() the page
 * lacks). Returns { el, count, error }: the element when the last part matches exactly one, how many the last
 * part matched, and why it failed otherwise.
 */
export const DEEP_QUERY = `(selector) => {
  const parts = selector.split(/\\s+>>>\\s+/);
  let root = document;
  for (let i = 0; i < parts.length; i++) {
    const found = root.querySelectorAll(parts[i]);
    const last = i === parts.length - 1;
    if (found.length !== 1) return { el: null, count: found.length, error: (last ? '' : 'part ' + (i + 1) + ' "' + parts[i] + '" ') + 'matches ' + found.length };
    if (last) return { el: found[0], count: 1, error: '' };
    const host = found[0];
    if (host.shadowRoot) root = host.shadowRoot;
    else if (host.tagName === 'IFRAME') {
      let doc = null;
      try { doc = host.contentDocument; } catch (e) { doc = null; }
      if (!doc) return { el: null, count: 0, error: 'iframe "' + parts[i] + '" has no readable document' };
      root = doc;
    } else return { el: null, count: 0, error: '"' + parts[i] + '" has no open shadow root and is no iframe' };
  }
  return { el: null, count: 0, error: 'empty selector' };
}`;

/** How a selector stands in the page now: the element when exactly one matches, else why not. */
export async function probeTarget(page: Page, selector: string): Promise<{ handle: ElementHandle<Element> | null; count: number; error: string }> {
  const result = await page.evaluateHandle(`(${DEEP_QUERY})(${JSON.stringify(selector)})`);
  try {
    const el = await result.evaluateHandle((r) => (r as { el: Element | null }).el);
    const info = await result.evaluate((r) => ({ count: (r as { count: number }).count, error: (r as { error: string }).error }));
    const handle = el.asElement() as ElementHandle<Element> | null;
    if (!handle) await el.dispose();
    return { handle, ...info };
  } finally {
    await result.dispose();
  }
}

/** The one element a targets selector names, or null. */
export async function queryTarget(page: Page, selector: string): Promise<ElementHandle<Element> | null> {
  return (await probeTarget(page, selector)).handle;
}

/** Wait until the selector names exactly one element (content may render late), then return it. */
export async function waitForTarget(page: Page, selector: string, timeout = 10_000): Promise<ElementHandle<Element>> {
  try {
    await page.waitForFunction(`(${DEEP_QUERY})(${JSON.stringify(selector)}).el !== null`, { timeout, polling: 50 });
  } catch (err) {
    const now = await probeTarget(page, selector).catch(() => null);
    throw new Error(`target selector "${selector}" on ${page.url()}: ${now?.error || 'not found'} (${String(err)})`);
  }
  const { handle, error } = await probeTarget(page, selector);
  if (!handle) throw new Error(`target selector "${selector}" on ${page.url()}: ${error}`);
  return handle;
}
