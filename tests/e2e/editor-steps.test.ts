// The editor's step list (issue 20): each hint is previewed as the step card draws it (bold as <strong>, never
// raw **), updated as the author types; each step says what it points at (the control's kind and words) and
// "Chỉ trên trang" brings the site's tab to the front with that control outlined — or says calmly in the
// editor that it is not on the page open there; "Thêm bước" adds a step after the current one from a control
// the author clicks on the site (the click only picks), made as the recorder makes one, and the saved version
// has it. A step added on a password field carries the privacy mark.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { axe, axeUi, clickWhenReady, expectOutlines, inUi, SidePanelPage, targetBox, useEnv, waitForUi, waitInUi, type Box } from './fixture';
import { privateItem } from './private-items';
import { openEditor } from '../support/pages/editor';

interface StoredStep {
  id: string;
  page: string;
  private?: string;
  text: { vi: string; en?: string };
  advance: { kind: string };
  anchor?: { name?: string; tag?: string };
}
type Library = { packs: Record<string, { version: string; walkthroughs: { steps: StoredStep[] }[] }[]> };

const latest = async (page: Page, id: string): Promise<{ version: string; steps: StoredStep[] }> => {
  const versions = (await privateItem<Library>(page, 'library'))!.packs[id]!;
  const last = versions.at(-1)!;
  return { version: last.version, steps: last.walkthroughs[0]!.steps };
};

const stepCount = (editor: Page): Promise<number> => editor.$$eval('[data-step]', (els) => els.length);

/** Replace a field's whole text by typing, as the author does. */
async function retype(editor: Page, selector: string, text: string): Promise<void> {
  const field = (await editor.waitForSelector(selector))!;
  await field.click();
  await field.evaluate((el) => (el as HTMLTextAreaElement).select());
  await editor.keyboard.type(text);
}

/** The outline drawn by "Chỉ trên trang" on the site, once it surrounds the control `selector` names. */
async function shownOutline(site: Page, selector: string): Promise<Box> {
  await waitInUi(
    site,
    'dan-buoc-shown',
    { timeout: 15_000 },
    (root, sel: string) => {
      const o = root?.querySelector('[data-dan-buoc="outline"]') as HTMLElement | null | undefined;
      const c = document.querySelector(sel);
      if (!o || o.hidden || !c) return false;
      const a = o.getBoundingClientRect();
      const b = c.getBoundingClientRect();
      return a.width > 0 && a.left <= b.left && a.top <= b.top && a.right >= b.right && a.bottom >= b.bottom;
    },
    selector,
  );
  return inUi(site, 'dan-buoc-shown', (root) => {
    const r = root!.querySelector('[data-dan-buoc="outline"]')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

describe('the editor step list (issue 20)', () => {
  const ctx = useEnv();

  it('previews hints as the card does, names what each step points at, shows it on the site, and adds a picked step', async () => {
    const env = ctx.env;
    const panel = await SidePanelPage.open(env);
    const site = await env.browser.newPage();
    await site.goto('https://evn.example/', { waitUntil: 'load' });
    await panel.page.bringToFront();
    await (await panel.page.waitForSelector('[data-walkthrough="evn/thanh-toan-hoa-don-dien"]'))!.click();
    const editor = await openEditor(panel.page, '[data-testid="wt-edit"]', '/editor.html?pack=evn-ban-sua');
    await editor.waitForSelector('[data-testid="editor-save"]');
    const before = await stepCount(editor);
    expect(before).toBe(6);

    // What each step points at: its kind in words and the control's own words.
    const target = (i: number): Promise<{ text: string; kind: string | null }> =>
      editor.$eval(`[data-step="${i}"] [data-testid="step-target"]`, (el) => ({ text: el.textContent ?? '', kind: el.getAttribute('data-kind') }));
    expect(await target(0)).toEqual({ text: 'Chỉ tới: ô nhập «Mã khách hàng»', kind: 'field' });
    expect(await target(1)).toEqual({ text: 'Chỉ tới: nút «Tra cứu»', kind: 'button' });
    expect(await target(3)).toMatchObject({ text: expect.stringMatching(/^Chỉ tới: ô chọn một «.*MoMo.*»$/), kind: 'radio' });
    expect((await target(5)).text).toBe('Bước này không chỉ vào chỗ nào trên trang.');
    expect(await editor.$eval('[data-step="5"] [data-testid="step-show"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);

    // The preview is the card's own rendering: **…** is bold, the asterisks gone.
    const preview = (i: number, lang: 'vi' | 'en') =>
      editor.$eval(`[data-step="${i}"] [data-testid="preview-${lang}-text"]`, (el) => ({ text: el.textContent ?? '', bold: [...el.querySelectorAll('strong, b')].map((b) => b.textContent) }));
    expect(await preview(0, 'vi')).toMatchObject({ bold: ['mã khách hàng'] });
    expect((await preview(0, 'vi')).text).not.toContain('**');
    // It follows the author's typing, key by key, in both languages.
    await retype(editor, '[data-step="0"] [data-testid="text-vi"]', 'Gõ **mã số** in trên hóa đơn');
    await editor.waitForFunction(() => document.querySelector('[data-step="0"] [data-testid="preview-vi-text"]')?.textContent === 'Gõ mã số in trên hóa đơn');
    expect(await preview(0, 'vi')).toEqual({ text: 'Gõ mã số in trên hóa đơn', bold: ['mã số'] });
    await editor.keyboard.type(', rồi bấm **Tab**');
    await editor.waitForFunction(() => document.querySelectorAll('[data-step="0"] [data-testid="preview-vi-text"] strong').length === 2);
    expect(await preview(0, 'vi')).toEqual({ text: 'Gõ mã số in trên hóa đơn, rồi bấm Tab', bold: ['mã số', 'Tab'] });
    await retype(editor, '[data-step="0"] [data-testid="text-en"]', 'Type **the customer code**');
    await editor.waitForFunction(() => document.querySelector('[data-step="0"] [data-testid="preview-en-text"] strong')?.textContent === 'the customer code');
    expect(await axe(editor)).toEqual([]);

    // "Thêm bước" after step 1: the site's tab comes to the front with the picker's bar; the click on a link
    // only picks (the page stays where it is); the new step is step 2, named by the link's words.
    await clickWhenReady(editor, '[data-step="0"] [data-testid="step-add"]');
    const prompt = await waitForUi(site, '[data-dan-buoc="pick-prompt"]', { host: 'dan-buoc-picker', timeout: 15_000 });
    expect(await prompt.evaluate((el) => el.textContent)).toBe('Bấm vào nút hoặc ô mà bước mới chỉ tới');
    const urlBefore = site.url();
    const link = await targetBox(site, 'nav-pay');
    await site.mouse.click(link.x + link.width / 2, link.y + link.height / 2);
    await editor.waitForFunction((n: number) => document.querySelectorAll('[data-step]').length === n, { timeout: 15_000 }, before + 1);
    await site.waitForFunction(() => !document.querySelector('dan-buoc-picker'));
    expect(site.url()).toBe(urlBefore);
    expect(await target(1)).toEqual({ text: 'Chỉ tới: liên kết «Thanh toán tiền điện»', kind: 'link' });
    expect(await editor.$eval('[data-step="1"] [data-testid="text-vi"]', (el) => (el as HTMLTextAreaElement).value)).toBe('Bấm vào «Thanh toán tiền điện».');
    expect(await editor.$eval('[data-step="1"]', (el) => !!el.querySelector('[data-testid="step-new"]'))).toBe(true);
    // The steps around it are unchanged.
    expect(await target(0)).toMatchObject({ kind: 'field' });
    expect(await target(2)).toMatchObject({ text: 'Chỉ tới: nút «Tra cứu»' });
    expect(await axe(editor)).toEqual([]);

    await clickWhenReady(editor, '[data-testid="editor-save"]');
    await editor.waitForFunction(() => /1\.0\.1/.test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''));
    const saved = await latest(panel.page, 'evn-ban-sua');
    expect(saved.version).toBe('1.0.1');
    expect(saved.steps).toHaveLength(before + 1);
    expect(saved.steps[1]).toMatchObject({ page: 'https://evn.example/', advance: { kind: 'click' }, anchor: { tag: 'a', name: 'Thanh toán tiền điện' }, text: { vi: 'Bấm vào «Thanh toán tiền điện».' } });
    expect(saved.steps[1]!.private).toBeUndefined();
    expect(new Set(saved.steps.map((s) => s.id)).size).toBe(saved.steps.length);
    expect(saved.steps[0]!.text).toEqual({ vi: 'Gõ **mã số** in trên hóa đơn, rồi bấm **Tab**', en: 'Type **the customer code**' });

    // "Chỉ trên trang" on "Tra cứu" (now step 3): the site's tab comes to the front, the control outlined.
    await clickWhenReady(editor, '[data-step="2"] [data-testid="step-show"]');
    const outline = await shownOutline(site, '#lookupForm button[type=submit]');
    expectOutlines(outline, await targetBox(site, 'lookup-button'), 'Chỉ trên trang');
    expect(await site.evaluate(() => document.visibilityState)).toBe('visible');
    await editor.waitForFunction(() => /Đã khoanh chỗ của bước 3/.test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''));
    expect(await axeUi(site, 'dan-buoc-shown'), 'the outline and its bar').toEqual([]);
    // The outline lets the page be used; the author closes it with the bar's button.
    await (await waitForUi(site, '[data-dan-buoc="shown-close"]', { host: 'dan-buoc-shown' })).click();
    await site.waitForFunction(() => !document.querySelector('dan-buoc-shown'));

    // A step whose control is on another page: the editor comes back and says so calmly, nothing is outlined.
    await editor.bringToFront();
    await clickWhenReady(editor, '[data-step="3"] [data-testid="step-show"]');
    const missing = await editor.waitForSelector('[data-step="3"] [data-testid="show-missing"]', { timeout: 20_000 });
    expect(await missing!.evaluate((el) => el.textContent)).toMatch(/^Chưa thấy chỗ này trên trang đang mở \(Chỉ tới: nút «Thanh toán»\)/);
    expect(await editor.evaluate(() => document.visibilityState)).toBe('visible');
    expect(await site.evaluate(() => !!document.querySelector('dan-buoc-shown'))).toBe(false);
    expect(await axe(editor)).toEqual([]);
    await editor.close();
    await site.close();
  });

  it('a step added on a password field carries the privacy mark and a hint to type it oneself; its value is never read', async () => {
    const env = ctx.env;
    const panel = await SidePanelPage.open(env);
    const site = await env.browser.newPage();
    await site.goto('https://ebank.example/dang-nhap', { waitUntil: 'load' });
    const secret = 'matkhau-bi-mat-123';
    const field = await targetBox(site, 'password');
    await site.mouse.click(field.x + field.width / 2, field.y + field.height / 2);
    await site.keyboard.type(secret);
    await panel.page.bringToFront();
    await (await panel.page.waitForSelector('[data-walkthrough="ebank/chuyen-tien"]'))!.click();
    const editor = await openEditor(panel.page, '[data-testid="wt-edit"]', '/editor.html?pack=ebank-ban-sua');
    await editor.waitForSelector('[data-testid="editor-save"]');
    const before = await stepCount(editor);

    await clickWhenReady(editor, '[data-testid="add-step-end"]');
    await waitForUi(site, '[data-dan-buoc="pick-prompt"]', { host: 'dan-buoc-picker', timeout: 15_000 });
    await site.mouse.click(field.x + field.width / 2, field.y + field.height / 2);
    await editor.waitForFunction((n: number) => document.querySelectorAll('[data-step]').length === n, { timeout: 15_000 }, before + 1);
    const last = `[data-step="${before}"]`;
    expect(await editor.$eval(`${last} [data-testid="step-target"]`, (el) => el.getAttribute('data-kind'))).toBe('field');
    expect(await editor.$eval(last, (el) => el.textContent)).toMatch(/mật khẩu/i);
    await clickWhenReady(editor, '[data-testid="editor-save"]');
    await editor.waitForFunction(() => /1\.0\.1/.test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''));
    const saved = await latest(panel.page, 'ebank-ban-sua');
    expect(saved.steps).toHaveLength(before + 1);
    expect(saved.steps.at(-1)).toMatchObject({ private: 'password', advance: { kind: 'input' } });
    expect(JSON.stringify(saved)).not.toContain(secret);
    await editor.close();
    await site.close();
  });
});
