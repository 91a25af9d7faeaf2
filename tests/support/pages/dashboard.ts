// Page object of the ward's dashboard (dashboard.html): open it, read its texts, import a file and read
// what it answers, wait for its record count.
import type { ElementHandle, Page } from 'puppeteer-core';
import en from '../../../locales/en.json';
import vi from '../../../locales/vi.json';
import type { Env } from '../env';

/** The line shown while a file is read, in either language: not yet the answer. */
const IMPORTING = [vi['dashboard.importing'], en['dashboard.importing']];

/** Text of the element a selector names, read through its element handle. */
export async function textOf(page: Page, selector: string): Promise<string | null> {
  const el = await page.$(selector);
  if (!el) throw new Error(`no element for ${selector}`);
  return el.evaluate((node) => node.textContent);
}

/** Texts of every element a selector names. */
export async function textsOf(page: Page, selector: string): Promise<(string | null)[]> {
  return Promise.all((await page.$$(selector)).map((el) => el.evaluate((node) => node.textContent)));
}

/** The dashboard in a new tab, once its figures are there. */
export async function openDashboard(env: Env): Promise<Page> {
  const page = await env.browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${env.extensionId}/dashboard.html`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="total"]');
  return page;
}

/** Wait until the dashboard counts `n` records. */
export async function waitTotal(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want: number) => document.querySelector('[data-testid="total"]')?.getAttribute('data-value') === String(want), { timeout: 10_000 }, n);
}

/** Import a file through the dashboard's own file input; the message (or error) it then shows, in either language. */
export async function importFile(page: Page, file: string): Promise<string> {
  // Each message is a new element: mark the one shown now, then wait for the next.
  await page.evaluate(() => document.querySelectorAll('[data-testid="message"], [data-testid="error"]').forEach((el) => ((el as unknown as { old: boolean }).old = true)));
  const input = (await page.waitForSelector('[data-testid="import"]:not([disabled])')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  const shown = await page.waitForFunction(
    (busy: string[]) => {
      const el = [...document.querySelectorAll('[data-testid="message"], [data-testid="error"]')].find((e) => !(e as unknown as { old?: boolean }).old);
      const text = el?.textContent ?? '';
      return text && !busy.includes(text) ? text : null;
    },
    { timeout: 10_000 },
    IMPORTING,
  );
  return (await shown.jsonValue()) as string;
}
