// 15.1: recording and re-capturing on a page full of a resident's data keeps none of it. A hostile block
// (tests/fixtures/personal-page.ts: a greeting and an account menu with the person's name and phone, a
// dossier code as a link, an account number on a button, an editable note) is put on the EVN stand-in page;
// the author records a walkthrough over its controls, types an ID number into the editable note and focuses
// it again, saves, re-captures two steps in the editor on the same page, and exports the pack. The draft,
// the library, the editor's re-capture label, the exported file and every store hold none of the personal
// strings; the page's own words ("Đăng xuất", "Gửi hồ sơ") are kept.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { SidePanelPage, waitForUi } from '../support/overlay-probe';
import { PERSONAL, PERSONAL_PAGE, TYPED_ID } from '../fixtures/personal-page';
import { clickWhenReady, dumpStores, typeWhenReady, useEnv } from './fixture';
import { privateItem } from './private-items';
import { openEditor } from '../support/pages/editor';

interface StoredStep {
  text: { vi: string };
  advance: { kind: string };
  anchor?: { name?: string };
}
interface StoredPack {
  id: string;
  version: string;
  walkthroughs: { steps: StoredStep[] }[];
}
type Library = { packs: Record<string, StoredPack[]> };

/** Put the hostile block at the top of the page (parsed, never run: it has no scripts). */
async function injectPersonalData(site: Page): Promise<void> {
  await site.evaluate((html: string) => {
    const parsed = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
    const block = document.importNode(parsed.body.firstElementChild!, true) as HTMLElement;
    // Sizes set here, not from the markup: a page's style policy may refuse style attributes.
    block.style.cssText = 'position:relative;z-index:2147483000;background:#fff;padding:8px;font:14px sans-serif';
    (block.querySelector('#note') as HTMLElement).style.cssText = 'min-height:28px;border:1px solid #999;margin:4px 0';
    document.body.prepend(block);
  }, PERSONAL_PAGE);
}

/** The recording draft the background keeps in storage.session. */
async function draftSteps(panel: Page): Promise<StoredStep[]> {
  const dump = await dumpStores(panel);
  const draft = (dump['storage.session'] as Record<string, { steps: StoredStep[] } | null>)['dan-buoc-recording'];
  return draft?.steps ?? [];
}

/** Wait until the draft's last step has this hint (steps are sent in order, one at a time). */
async function lastHint(panel: Page, hint: string): Promise<void> {
  await panel.waitForFunction(
    async (h: string) => {
      const store = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, { steps: { text: { vi: string } }[] } | null>> } } } }).chrome.storage.session;
      const draft = (await store.get('dan-buoc-recording'))['dan-buoc-recording'];
      return draft?.steps.at(-1)?.text.vi === h;
    },
    { timeout: 15_000, polling: 100 },
    hint,
  );
}

function expectNothingPersonal(text: string, where: string): void {
  for (const p of PERSONAL) expect(text, `${where}: "${p}" must not be kept`).not.toContain(p);
}

describe('15.1 recording and re-capturing on a page full of personal data', () => {
  const ctx = useEnv();

  it('15.1 keeps no name, phone, ID, code or typed text in the draft, the library, the re-capture or the exported pack', async () => {
    const env = ctx.env;
    const site = await env.browser.newPage();
    await site.goto('https://evn.example/', { waitUntil: 'load' });
    await injectPersonalData(site);
    const panel = await SidePanelPage.open(env);
    await (await panel.page.waitForSelector('[data-testid="record-start"]'))!.click();
    await panel.page.waitForSelector('[data-testid="recording-count"]');

    await site.bringToFront();
    await waitForUi(site, '[data-dan-buoc="rec-count"]', { host: 'dan-buoc-recorder' });
    const NEUTRAL = 'Bấm vào chỗ được khoanh.';
    // The account menu's name-and-phone button, the nickname link, the dossier code, the account number:
    // each is recorded, known by nothing personal; "Đăng xuất" keeps its words.
    for (const [sel, hint] of [['#who', NEUTRAL], ['#nick', NEUTRAL], ['#dossier', NEUTRAL], ['#acct', NEUTRAL], ['#logout', 'Bấm vào «Đăng xuất».']] as const) {
      const before = (await draftSteps(panel.page)).length;
      await clickWhenReady(site, sel);
      await panel.page.waitForFunction(
        async (n: number) => {
          const store = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, { steps: unknown[] } | null>> } } } }).chrome.storage.session;
          return ((await store.get('dan-buoc-recording'))['dan-buoc-recording']?.steps.length ?? 0) > n;
        },
        { timeout: 15_000, polling: 100 },
        before,
      );
      expect((await draftSteps(panel.page)).at(-1)!.text.vi, sel).toBe(hint);
    }

    // The editable note: focused (a field step), typed into, left, focused again — no second step, and
    // what was typed is nowhere. The next press shows where the recording stands.
    await clickWhenReady(site, '#note');
    await lastHint(panel.page, 'Nhập «Ghi chú cho cán bộ».');
    await site.keyboard.type(TYPED_ID);
    await clickWhenReady(site, '#blank');
    await clickWhenReady(site, '#note');
    await clickWhenReady(site, '#send');
    await lastHint(panel.page, 'Bấm nút «Gửi hồ sơ».');
    const draft = await draftSteps(panel.page);
    expect(draft.map((s) => s.text.vi)).toEqual([NEUTRAL, NEUTRAL, NEUTRAL, NEUTRAL, 'Bấm vào «Đăng xuất».', 'Nhập «Ghi chú cho cán bộ».', 'Bấm nút «Gửi hồ sơ».']);
    expectNothingPersonal(JSON.stringify(draft), 'the recording draft');

    // Saved into the library.
    await panel.page.bringToFront();
    await panel.page.waitForFunction(() => document.querySelector('[data-testid="recording-count"]')?.textContent === 'Đang ghi — bước 7');
    await typeWhenReady(panel.page, '[data-testid="record-title"]', 'Thử trang có dữ liệu cá nhân');
    await clickWhenReady(panel.page, '[data-testid="record-save"]');
    await panel.page.waitForFunction(() => /Đã lưu/.test(document.querySelector('[data-testid="panel-message"]')?.textContent ?? ''));
    const library = async (): Promise<Library> => (await privateItem<Library>(panel.page, 'library'))!;
    const [packId] = Object.keys((await library()).packs);
    const saved = (await library()).packs[packId!]!.at(-1)!;
    expect(saved.walkthroughs[0]!.steps).toHaveLength(7);
    expect(saved.walkthroughs[0]!.steps[4]!.anchor?.name).toBe('Đăng xuất');
    expect(saved.walkthroughs[0]!.steps[6]!.anchor?.name).toBe('Gửi hồ sơ');
    expectNothingPersonal(JSON.stringify(saved), 'the saved pack');

    // Re-capture in the editor: step 1 picked again on the name-and-phone button, step 4 on the account number.
    await clickWhenReady(panel.page, 'details.settings > summary');
    const editor = await openEditor(panel.page, `[data-pack="${packId}"] [data-testid="pack-edit"]`, `/editor.html?pack=${packId}`);
    for (const [i, sel] of [[0, '#who'], [3, '#acct']] as const) {
      await editor.bringToFront();
      await (await editor.waitForSelector(`[data-step="${i}"] [data-testid="step-repick"]`))!.click();
      await waitForUi(site, '[data-dan-buoc="pick-prompt"]', { host: 'dan-buoc-picker', timeout: 15_000 });
      await clickWhenReady(site, sel);
      const shown = await (await editor.waitForSelector(`[data-step="${i}"] [data-testid="repicked"]`, { timeout: 15_000 }))!.evaluate((el) => el.textContent ?? '');
      expect(shown).toContain(NEUTRAL);
      expectNothingPersonal(shown, `the editor's re-capture of step ${i + 1}`);
      await site.waitForFunction(() => !document.querySelector('dan-buoc-picker'));
    }
    await editor.bringToFront();
    await clickWhenReady(editor, '[data-testid="editor-save"]');
    await editor.waitForFunction(() => /1\.0\.1/.test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''));
    await editor.close();
    const recaptured = (await library()).packs[packId!]!.at(-1)!;
    expect(recaptured.version).toBe('1.0.1');
    expectNothingPersonal(JSON.stringify(recaptured), 'the re-captured pack');

    // Exported for other desks: the file holds none of it either.
    const dir = mkdtempSync(path.join(tmpdir(), 'dan-buoc-private-'));
    const cdp = await env.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
    const completed = new Promise<void>((resolve) => cdp.on('Browser.downloadProgress', (e) => e.state === 'completed' && resolve()));
    await panel.page.bringToFront();
    await (await panel.page.waitForSelector(`[data-pack="${packId}"] [data-testid="pack-export"]`))!.click();
    await completed;
    const file = path.join(dir, `${packId}-1.0.1.json`);
    expect(existsSync(file), file).toBe(true);
    const exported = readFileSync(file, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ id: packId, version: '1.0.1' });
    expectNothingPersonal(exported, 'the exported file');

    // And no store of the extension holds the typed ID, the name, the phone or the codes.
    const everything = JSON.stringify(await dumpStores(panel.page));
    expect(everything).toContain(packId);
    for (const p of [TYPED_ID, 'NGUYỄN', 'Minh Anh', '0912', '0903', 'G22.99', '001234567890', '0071000123456', '482913', 'an.nguyen']) {
      expect(everything, `"${p}" must not be stored`).not.toContain(p);
    }
  });
});
