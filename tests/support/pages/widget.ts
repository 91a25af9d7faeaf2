// Page object of the embeddable widget (<dan-buoc-guide> on a ward's page, open shadow root): wait for an
// instance to be ready, read and click inside it, follow the keyboard focus through shadow roots.
import type { Page } from 'puppeteer-core';

/** Wait until widget `i` shows something other than its loading line. */
export async function ready(page: Page, i: number): Promise<void> {
  await page.waitForFunction((i: number) => {
    const root = document.querySelectorAll('dan-buoc-guide')[i]?.shadowRoot;
    return !!root && !!root.firstElementChild && !root.querySelector('[aria-busy="true"]');
  }, {}, i);
}

/** Text of the first element matching `selector` in widget `i`'s shadow root. */
export function textIn(page: Page, i: number, selector: string): Promise<string | null> {
  return page.evaluate((i: number, sel: string) => document.querySelectorAll('dan-buoc-guide')[i]!.shadowRoot!.querySelector(sel)?.textContent ?? null, i, selector);
}

/** Click the first element matching `selector` in widget `i`'s shadow root. */
export function clickIn(page: Page, i: number, selector: string): Promise<void> {
  return page.evaluate((i: number, sel: string) => (document.querySelectorAll('dan-buoc-guide')[i]!.shadowRoot!.querySelector(sel) as HTMLElement).click(), i, selector);
}

/** What has the keyboard focus, through shadow roots: its data-dan-buoc attribute, tag and text. */
export function focused(page: Page): Promise<{ tag: string; mark: string | null; text: string; widget: number }> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    const host = a;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return { tag: a?.tagName.toLowerCase() ?? '', mark: a?.getAttribute('data-dan-buoc') ?? null, text: a?.textContent ?? '', widget: [...document.querySelectorAll('dan-buoc-guide')].indexOf(host as Element) };
  });
}

/** Wait until the keyboard focus (through shadow roots) is on an element with this tag: the widget moves it after rendering. */
export async function focusReaches(page: Page, tag: string): Promise<void> {
  await page
    .waitForFunction(
      (want: string) => {
        let a: Element | null = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a?.tagName.toLowerCase() === want;
      },
      { timeout: 5000, polling: 50 },
      tag,
    )
    .catch(() => undefined);
}

/** Press Tab until the focused control carries `mark` (at most 12 presses). */
export async function tabTo(page: Page, mark: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).mark === mark) return;
  }
  throw new Error(`Tab never reached ${mark} (at ${JSON.stringify(await focused(page))})`);
}
