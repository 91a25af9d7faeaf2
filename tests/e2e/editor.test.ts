// Editing and testing a walkthrough: a built-in pack is edited through the desk's own copy (the original
// untouched); after the site "changed" (a step's anchor no longer fits any control), "Chạy thử" marks that
// step not found and is never written to the assistance logs; "Chọn lại trên trang" re-captures the step by a
// click on the site (the click only picks: the page does not act on it); saved as a new version, the
// walkthrough then guides a resident to the end again, outlining the repaired control.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { EVN_BILL } from '../support/flows';
import { SidePanelPage, targetBox, waitForUi } from '../support/overlay-probe';
import { axe, clickWhenReady, dumpStores, selectWhenReady, useEnv, walkFlow } from './fixture';
import { privateItem, setPrivateItem } from './private-items';
import { openEditor } from '../support/pages/editor';

interface StoredStep {
  id: string;
  anchor?: { name?: string; text?: string; id?: string; box?: number[]; form?: string };
}
interface StoredPack {
  id: string;
  version: string;
  walkthroughs: { id: string; category: string; bring: { vi: string }[]; steps: StoredStep[] }[];
}
type Library = { packs: Record<string, StoredPack[]> };

const COPY = 'evn-ban-sua';

async function library(page: Page): Promise<Library> {
  return (await privateItem<Library>(page, 'library'))!;
}

async function logRecords(page: Page): Promise<number> {
  const dump = await dumpStores(page);
  return Object.entries(dump)
    .filter(([k]) => k.startsWith('idb:') && k.endsWith('/sessions'))
    .reduce((n, [, v]) => n + (v as unknown[]).length, 0);
}

describe('editing a walkthrough', () => {
  const ctx = useEnv();

  it('edits a built-in pack as a copy, marks a broken step in a trial run (not logged), repairs it by re-capture, and guides to the end', async () => {
    const env = ctx.env;
    const panel = await SidePanelPage.open(env);
    // "Sửa" on the walkthrough in the console's list.
    await (await panel.page.waitForSelector('[data-walkthrough="evn/thanh-toan-hoa-don-dien"]'))!.click();
    const editor = await openEditor(panel.page, '[data-testid="wt-edit"]', `/editor.html?pack=${COPY}&w=thanh-toan-hoa-don-dien`);
    await editor.waitForSelector('[data-testid="editor-save"]');
    let lib = await library(panel.page);
    expect(Object.keys(lib.packs)).toEqual([COPY]);
    expect(lib.packs[COPY]!.at(-1)!.version).toBe('1.0.0');
    expect(await axe(editor)).toEqual([]);

    // Category and what to bring are edited too; a bad category never gets past the select, an empty line is dropped.
    await selectWhenReady(editor, '[data-testid="editor-category"]', 'e-wallet');
    const bring = (await editor.waitForSelector('[data-testid="editor-bring"]'))!;
    await bring.click();
    await editor.keyboard.press('End');
    await editor.keyboard.type('\n\nĐiện thoại có ví MoMo');
    await clickWhenReady(editor, '[data-testid="editor-save"]');
    await editor.waitForFunction(() => /1\.0\.1/.test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''));
    lib = await library(panel.page);
    const saved = lib.packs[COPY]!.at(-1)!.walkthroughs[0]!;
    expect(saved.category).toBe('e-wallet');
    expect(saved.bring.at(-1)!.vi).toBe('Điện thoại có ví MoMo');
    expect(saved.bring.every((b) => b.vi.trim().length > 0)).toBe(true);

    // The site changed: step 2's control is no longer the one its anchor describes — neither its words nor
    // where it sits (a step whose words alone changed is still found by its form and its place beside the
    // step-1 field: core/anchors/together.ts).
    {
      const changed = structuredClone(await library(panel.page));
      const versions = changed.packs[COPY]!;
      const step = versions[versions.length - 1]!.walkthroughs[0]!.steps[1]!;
      step.anchor = { ...step.anchor, name: 'Gửi yêu cầu cũ', text: 'Gửi yêu cầu cũ', id: 'btnSendOld' };
      delete step.anchor.box;
      delete step.anchor.form;
      await setPrivateItem(panel.page, 'library', changed);
    }
    await editor.reload({ waitUntil: 'load' });
    await editor.waitForSelector('[data-testid="editor-trial"]');

    // Chạy thử: the site opens in a tab; step 1 is found, step 2 is marked not found in the editor.
    const siteTarget = env.browser.waitForTarget((tg) => tg.url().startsWith('https://evn.example/'));
    await clickWhenReady(editor, '[data-testid="editor-trial"]');
    const site = (await (await siteTarget).page())!;
    await site.waitForFunction(() => !!document.querySelector('dan-buoc-overlay'), { timeout: 15_000 });
    const field = await targetBox(site, 'customer-code');
    await site.mouse.click(field.x + field.width / 2, field.y + field.height / 2);
    await site.keyboard.type('PE01000123456');
    await site.keyboard.press('Tab');
    // The console says it is a test run.
    await panel.page.waitForFunction(() => /Đang chạy thử/.test(document.querySelector('[data-testid="running"] .run-label')?.textContent ?? ''));
    await editor.waitForSelector('[data-step="1"][data-mark="not-found"]', { timeout: 30_000 });
    expect(await editor.$eval('[data-step="0"]', (el) => el.getAttribute('data-mark'))).toBe('found');
    expect(await editor.$eval('[data-testid="trial-summary"]', (el) => el.textContent)).toMatch(/1 bước không tìm thấy/);
    expect(await axe(editor)).toEqual([]);
    await editor.bringToFront();
    await clickWhenReady(editor, '[data-testid="editor-trial-stop"]');
    await editor.waitForFunction(() => !document.querySelector('[data-testid="editor-trial-stop"]'));
    await site.waitForFunction(() => !document.querySelector('dan-buoc-overlay'));
    // The trial is the author testing, not a resident helped: nothing in the logs.
    expect(await logRecords(panel.page)).toBe(0);
    // The not-found mark stays on screen after the trial, to repair.
    expect(await editor.$eval('[data-step="1"]', (el) => el.getAttribute('data-mark'))).toBe('not-found');

    // Re-capture: the author clicks the real control on the site; the click picks, it does not look anything up.
    await clickWhenReady(editor, '[data-step="1"] [data-testid="step-repick"]');
    await waitForUi(site, '[data-dan-buoc="pick-prompt"]', { host: 'dan-buoc-picker', timeout: 15_000 });
    const urlBefore = site.url();
    const button = await targetBox(site, 'lookup-button');
    await site.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await editor.waitForFunction(() => /Tra cứu/.test(document.querySelector('[data-step="1"] [data-testid="repicked"]')?.textContent ?? ''), { timeout: 15_000 });
    await site.waitForFunction(() => !document.querySelector('dan-buoc-picker'));
    expect(site.url()).toBe(urlBefore);
    await clickWhenReady(editor, '[data-testid="editor-save"]');
    await editor.waitForFunction(() => /1\.0\.2/.test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''));
    lib = await library(panel.page);
    const repaired = lib.packs[COPY]!.at(-1)!.walkthroughs[0]!.steps[1]!;
    expect(repaired.anchor?.name).toBe('Tra cứu');
    expect(lib.packs[COPY]!.map((p) => p.version)).toEqual(['1.0.0', '1.0.1', '1.0.2']);
    await editor.close();

    // The repaired copy guides a resident to the end.
    await site.close();
    await walkFlow(env, { ...EVN_BILL, key: `${COPY}/thanh-toan-hoa-don-dien` }, {});
    // The built-in pack is still the shipped one: the library holds the copy's versions only.
    expect(Object.keys((await library(panel.page)).packs)).toEqual([COPY]);
  });
});
