// Issue 16, errors are data: with the console switched to English, a bad pack file and a bad log import are
// refused with English errors that still name the bad field's path (core and extension send codes; the pages
// translate them through locales/).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/harness';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../core/log-export';
import { SidePanelPage, selectWhenReady, useEnv } from './fixture';

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

async function upload(page: Page, selector: string, file: string): Promise<void> {
  const input = (await page.waitForSelector(`${selector}:not([disabled])`)) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
}

/** The text of the first element matching `selector` once it contains `needle`. */
async function textWith(page: Page, selector: string, needle: string): Promise<string> {
  const handle = await page.waitForFunction(
    (sel: string, want: string) => {
      const text = document.querySelector(sel)?.textContent ?? '';
      return text.includes(want) ? text : false;
    },
    { timeout: 15_000 },
    selector,
    needle,
  );
  return (await handle.jsonValue()) as string;
}

describe('16 errors are data: an English console shows no Vietnamese error', () => {
  const ctx = useEnv();
  const dir = mkdtempSync(path.join(tmpdir(), 'dan-buoc-errors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('16 a bad pack file and a bad log import, in English: the errors are English and name the field path', async () => {
    const panel = await SidePanelPage.open(ctx.env);
    const page = panel.page;
    await page.evaluate(() => ((document.querySelector('details.settings') as HTMLDetailsElement).open = true));
    await selectWhenReady(page, '[data-testid="language"]', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    // A pack whose first hint carries markup, and whose second step's id repeats the first's.
    const pack = JSON.parse(readFileSync(path.join(ROOT, 'walkthroughs/evn.json'), 'utf8')) as { id: string; walkthroughs: { steps: { id: string; text: { vi: string } }[] }[] };
    pack.id = 'evn-bad';
    pack.walkthroughs[0]!.steps[0]!.text.vi = 'Press <a href="https://lua-dao.example">here</a>';
    const packFile = path.join(dir, 'bad-pack.json');
    writeFileSync(packFile, JSON.stringify(pack));
    await upload(page, '[data-testid="pack-install"]', packFile);
    const packError = await textWith(page, '[data-testid="packs-message"]', '/walkthroughs/0/steps/0/text/vi');
    expect(packError).toMatch(/Did not install bad-pack\.json/);
    expect(packError).toContain('/walkthroughs/0/steps/0/text/vi: must not contain HTML');
    expect(packError).not.toMatch(VIETNAMESE);

    // A log export with a record whose start is not on the hour and whose session id is not one.
    const hour = Date.UTC(2026, 10, 24, 9);
    const record = { id: 'no', packId: 'evn', walkthroughId: 'thanh-toan-hoa-don-dien', walkthroughVersion: '1.0.0', startHour: hour + 60_000, durationSec: 60, total: 5, stepsReached: 2, stepsCompleted: 1, repeats: {}, notFound: [], skipped: [], outcome: 'completed' };
    const logFile = path.join(dir, 'bad-log.json');
    writeFileSync(logFile, JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, records: [record] }));
    const dashboard = await ctx.env.browser.newPage();
    await dashboard.goto(`chrome-extension://${ctx.env.extensionId}/dashboard.html`, { waitUntil: 'load' });
    await dashboard.waitForFunction(() => document.documentElement.lang === 'en' && !!document.querySelector('[data-testid="total"]'));
    await upload(dashboard, '[data-testid="import"]', logFile);
    const logError = await textWith(dashboard, '[data-testid="error"]', '/records/0/');
    expect(logError).toMatch(/File "bad-log\.json" was not imported/);
    expect(logError).toContain('/records/0/id: the session id is not valid');
    expect(logError).toContain('/records/0/startHour: must be rounded to the hour');
    expect(logError).not.toMatch(VIETNAMESE);
    await dashboard.close();
  });
});
