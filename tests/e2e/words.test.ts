// The words of the console (issue 20): search knows the abbreviations people use ("LLTP" for lý lịch tư pháp,
// in any case; the editor adds more), and an edited copy of a built-in walkthrough is listed beside the original labelled "Bản sửa
// của phường" with its version — in the catalogue and in the desk's pack list — instead of a second, identical
// title.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { SidePanelPage } from '../support/overlay-probe';
import { openEditor } from '../support/pages/editor';
import { axe, clickWhenReady, useEnv } from './fixture';

const ORIGINAL = 'evn/thanh-toan-hoa-don-dien';
const COPY = 'evn-ban-sua/thanh-toan-hoa-don-dien';

/** Type a query into the console's search (replacing what is there) and wait until the list is exactly `keys`. */
async function searchFor(page: Page, query: string, keys: string[]): Promise<void> {
  const box = (await page.waitForSelector('.panel-search'))!;
  await box.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await box.type(query);
  await page.waitForFunction(
    (want: string) => JSON.stringify([...document.querySelectorAll('.wt-list [data-walkthrough]')].map((b) => b.getAttribute('data-walkthrough'))) === want,
    { timeout: 10_000 },
    JSON.stringify(keys),
  );
}

/** The label of a catalogue entry, or null when it has none. */
const copyLabel = (page: Page, key: string): Promise<string | null> =>
  page.$eval(`[data-walkthrough="${key}"]`, (el) => el.querySelector('[data-testid="wt-copy"]')?.textContent ?? null);

describe('the console: words and labels', () => {
  const ctx = useEnv();

  it('"LLTP" and "lltp" find the lý lịch tư pháp walkthrough; other abbreviations find theirs', async () => {
    const panel = await SidePanelPage.open(ctx.env);
    const page = panel.page;
    await searchFor(page, 'LLTP', ['dichvucong/ly-lich-tu-phap']);
    expect(await page.$eval('[data-walkthrough="dichvucong/ly-lich-tu-phap"]', (el) => el.textContent)).toMatch(/lý lịch tư pháp/);
    await searchFor(page, 'lltp', ['dichvucong/ly-lich-tu-phap']);
    // Words found apart match too ("chuyển tiền" on a "ngân hàng điện tử"), after the phrase "tiền điện".
    await searchFor(page, 'tien dien', [ORIGINAL, 'ebank/chuyen-tien']);
    await searchFor(page, 'CK', ['ebank/chuyen-tien']);
    await searchFor(page, 'cccd', ['dichvucong/dang-nhap-vneid']);
    await searchFor(page, 'khong co gi nhu the', []);
    expect(await page.$eval('main.panel', (el) => el.textContent)).toMatch(/Không có hướng dẫn phù hợp/);
  });

  it('an edited built-in walkthrough is listed beside the original, labelled "bản sửa của phường" with its version', async () => {
    const panel = await SidePanelPage.open(ctx.env);
    const page = panel.page;
    // The built-in walkthrough carries no label.
    await page.waitForSelector(`[data-walkthrough="${ORIGINAL}"]`);
    expect(await copyLabel(page, ORIGINAL)).toBeNull();

    // "Sửa" makes the desk's copy (1.0.0) and opens it in the editor; the console lists it at once, labelled.
    await (await page.waitForSelector(`[data-walkthrough="${ORIGINAL}"]`))!.click();
    const editor = await openEditor(page, '[data-testid="wt-edit"]', '/editor.html?pack=evn-ban-sua');
    await page.waitForSelector(`[data-walkthrough="${COPY}"] [data-testid="wt-copy"]`, { timeout: 10_000 });
    expect(await copyLabel(page, COPY)).toBe('Bản sửa của phường · phiên bản 1.0.0');

    // Edit a hint and save: version 1.0.1, and the label follows.
    const hint = (await editor.waitForSelector('[data-step="0"] [data-testid="text-vi"]'))!;
    await hint.click();
    await editor.keyboard.press('End');
    await editor.keyboard.type(' Mã in ở góc trên hóa đơn.');
    // The walkthrough's search words are one comma-separated line; a new one is added.
    const aliases = (await editor.waitForSelector('[data-testid="editor-aliases"]'))!;
    expect(await aliases.evaluate((el) => (el as HTMLInputElement).value)).toMatch(/^tiền điện, EVN/);
    await aliases.click();
    await editor.keyboard.press('End');
    await editor.keyboard.type(', TTĐ phường');
    await clickWhenReady(editor, '[data-testid="editor-save"]');
    await editor.waitForFunction(() => /1\.0\.1/.test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''));
    await editor.close();

    await page.bringToFront();
    await page.waitForFunction((key: string) => /1\.0\.1/.test(document.querySelector(`[data-walkthrough="${key}"] [data-testid="wt-copy"]`)?.textContent ?? ''), { timeout: 10_000 }, COPY);
    expect(await copyLabel(page, COPY)).toBe('Bản sửa của phường · phiên bản 1.0.1');
    expect(await copyLabel(page, ORIGINAL)).toBeNull();
    // Both are there, with the same title; the button's name tells them apart.
    const names = await page.$$eval(`[data-walkthrough="${ORIGINAL}"], [data-walkthrough="${COPY}"]`, (els) => els.map((el) => el.textContent?.replace(/\s+/g, ' ').trim()));
    expect(names).toHaveLength(2);
    expect(names[0]).not.toBe(names[1]);
    // A search finds both, by title and by alias.
    await searchFor(page, 'EVN', [ORIGINAL, COPY]);
    await searchFor(page, 'hoa don tien dien', [ORIGINAL, COPY]);
    // The alias added in the editor finds the copy only.
    await searchFor(page, 'ttd phuong', [COPY]);

    // The desk's pack list (Cài đặt) labels the copy too.
    expect(await page.$eval('[data-pack="evn-ban-sua"]', (el) => el.textContent)).toMatch(/1\.0\.1.*Bản sửa của phường/s);
    expect(await axe(page)).toEqual([]);
  });
});
