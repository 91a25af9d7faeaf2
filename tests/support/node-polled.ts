// Firefox ESR 140's WebDriver BiDi runs puppeteer's waiting code under the page's Content Security Policy:
// `waitForFunction` and `waitForSelector` build their predicate with `new Function(…)` inside the page, and an
// extension page (script-src 'self') or a ward page with a strict CSP refuses it ("call to Function() blocked by
// CSP"); Firefox 153 exempts WebDriver's scripts. A page of the Firefox tests therefore waits from Node: the
// same predicate, run by `evaluate` (which BiDi compiles itself, outside the page's CSP), again and again until
// it holds or the deadline passes. The state waited for is the same; only who asks changes.
import type { ElementHandle, JSHandle, Page } from 'puppeteer-core';

const INTERVAL = 100;
const DEFAULT_TIMEOUT = 30_000;

async function poll<T>(what: string, timeout: number, check: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      // A navigation between two checks destroys the context the check ran in: the next check runs in the new one.
      last = err;
    }
    if (Date.now() >= deadline) {
      throw new Error(`Waiting failed: ${timeout} ms exceeded waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, INTERVAL));
  }
}

type WaitOptions = { timeout?: number; visible?: boolean; hidden?: boolean };

/** `page`, its `waitForFunction` and `waitForSelector` polled from Node (see above). Returns the same page. */
export function pollFromNode(page: Page): Page {
  const waitForFunction = async (fn: string | ((...args: unknown[]) => unknown), options: { timeout?: number } = {}, ...args: unknown[]): Promise<JSHandle> => {
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    const source = typeof fn === 'string' ? fn : fn.toString();
    return poll(`function ${source.slice(0, 80)}`, timeout, async () => {
      const handle = typeof fn === 'string' ? await page.evaluateHandle(fn) : await page.evaluateHandle(fn as (...a: unknown[]) => unknown, ...args);
      if (await handle.jsonValue().catch(() => true)) return handle;
      await handle.dispose();
      return null;
    }) as Promise<JSHandle>;
  };
  const waitForSelector = async (selector: string, options: WaitOptions = {}): Promise<ElementHandle | null> => {
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    if (options.hidden) {
      await poll(`${selector} to be hidden or gone`, timeout, async () => {
        const el = await page.$(selector);
        const gone = !el || !(await el.isVisible());
        await el?.dispose();
        return gone;
      });
      return null;
    }
    return poll(`selector ${selector}${options.visible ? ' (visible)' : ''}`, timeout, async () => {
      const el = await page.$(selector);
      if (el && options.visible && !(await el.isVisible())) {
        await el.dispose();
        return null;
      }
      return el;
    });
  };
  Object.assign(page, { waitForFunction, waitForSelector });
  return page;
}
