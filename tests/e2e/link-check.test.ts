// "Kiểm tra đường link" in the built extension's console (issue 19): a whole SMS pasted (through the clipboard, as a
// volunteer does) with a lookalike link gets "Trang giả mạo" and the real site; an official link typed and checked
// is official; an unrelated one is calmly "other"; only hosts are shown back; the checker passes axe, and speaks
// English when the console does. It asks for no permission: the extension has none added for it.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { SidePanelPage, axe, clickWhenReady, selectWhenReady, useEnv } from './fixture';

const SMS =
  '[BO CONG AN] Tai khoan dinh danh cua ong/ba se bi khoa trong 24h. Vui long cap nhat tai https://dichvucong-gov.vn.xyz/xac-thuc?ma=84912&cccd=001234567890 de tranh bi xu phat.';

interface Item {
  verdict: string;
  host: string;
  text: string;
}

/** The verdicts shown, once there are `n` of them. */
async function verdicts(page: Page, n: number): Promise<Item[]> {
  await page.waitForFunction((count: number) => document.querySelectorAll('[data-testid="links-item"]').length === count, { timeout: 10_000 }, n);
  return page.$$eval('[data-testid="links-item"]', (els) =>
    els.map((el) => ({ verdict: (el as HTMLElement).dataset.verdict ?? '', host: (el as HTMLElement).dataset.host ?? '', text: el.textContent ?? '' })),
  );
}

/** Paste `text` into the checker's field through the clipboard (Ctrl+V), as a volunteer pastes an SMS. */
async function paste(page: Page, text: string): Promise<void> {
  await page.bringToFront();
  await page.evaluate((t: string) => navigator.clipboard.writeText(t), text);
  const field = (await page.waitForSelector('[data-testid="links-text"]'))!;
  await field.click({ count: 3 });
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.press('KeyV');
  await page.keyboard.up('Control');
  await page.waitForFunction((t: string) => (document.querySelector('[data-testid="links-text"]') as HTMLTextAreaElement).value === t, { timeout: 5000 }, text);
}

/** Replace the field's text by typing, then press "Kiểm tra". */
async function typeAndCheck(page: Page, text: string): Promise<void> {
  const field = (await page.waitForSelector('[data-testid="links-text"]'))!;
  await field.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await field.type(text);
  await clickWhenReady(page, '[data-testid="links-check"]');
}

describe('19 the link checker in the console', () => {
  const ctx = useEnv();

  it('19 a pasted SMS with a lookalike, an official link, an unrelated one: each verdict; axe passes; English in an English console', async () => {
    const { browser, extensionId } = ctx.env;
    await browser.defaultBrowserContext().overridePermissions(`chrome-extension://${extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const panel = await SidePanelPage.open(ctx.env);
    const page = panel.page;
    await clickWhenReady(page, '[data-testid="links-open"]');
    await page.waitForSelector('[data-testid="link-check"]');

    // The whole SMS, pasted: checked at once.
    await paste(page, SMS);
    const [fake] = await verdicts(page, 1);
    expect(fake).toMatchObject({ verdict: 'lookalike', host: 'dichvucong-gov.vn.xyz' });
    expect(fake!.text).toContain('Trang giả mạo');
    expect(fake!.text).toContain('Không nhập gì vào trang này. Trang thật là dichvucong.gov.vn');
    expect(await page.$eval('[data-testid="links-results"]', (e) => e.getAttribute('aria-live'))).toBe('polite');
    // The host only: nothing of the path or query string is shown back.
    const shown = await page.$eval('[data-testid="links-results"]', (e) => (e as HTMLElement).innerText);
    for (const part of ['xac-thuc', '84912', '001234567890', '?ma=']) expect(shown, part).not.toContain(part);

    // An official link, typed, checked with the button.
    await typeAndCheck(page, 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html');
    const [official] = await verdicts(page, 1);
    expect(official).toMatchObject({ verdict: 'official', host: 'dichvucong.gov.vn' });
    expect(official!.text).toMatch(/Trang chính thức/);
    expect(official!.text).toMatch(/không bao giờ đọc mã OTP/);

    // An unrelated site: calm, no alarm.
    await typeAndCheck(page, 'Xem thêm ở vnexpress.net nhé');
    const [other] = await verdicts(page, 1);
    expect(other).toMatchObject({ verdict: 'other', host: 'vnexpress.net' });
    expect(other!.text).toContain('Không phải trang chính thức mà Dẫn Bước biết');
    expect(other!.text).not.toMatch(/giả mạo|Không nhập gì/);

    // All three at once (every colour on the page), for axe.
    await paste(page, `${SMS} Trang thật: dichvucong.gov.vn. Báo: vnexpress.net`);
    expect((await verdicts(page, 3)).map((v) => v.verdict)).toEqual(['lookalike', 'official', 'other']);
    expect(await axe(page, '[data-testid="link-check"]')).toEqual([]);

    // The console in English: the same verdicts, in English.
    await page.evaluate(() => ((document.querySelector('details.settings') as HTMLDetailsElement).open = true));
    await selectWhenReady(page, '[data-testid="language"]', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction(() => document.querySelector('#links-title')?.textContent === 'Check a link');
    const english = await verdicts(page, 3);
    expect(english[0]!.text).toContain('Fake site');
    expect(english[0]!.text).toContain('Do not type anything into this site. The real site is dichvucong.gov.vn');
    expect(english[1]!.text).toContain('Official site');
    expect(english[2]!.text).toContain('Not an official site Dẫn Bước knows');
    expect(await axe(page, '[data-testid="link-check"]')).toEqual([]);
    await page.evaluate(() => navigator.clipboard.writeText(''));

    // No permission was added for it: the manifest asks for none that reads navigations or the clipboard.
    const permissions = await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { permissions?: string[] } } } }).chrome.runtime.getManifest().permissions ?? []);
    for (const p of ['webNavigation', 'clipboardRead', 'tabs', 'history']) expect(permissions).not.toContain(p);
  });
});
