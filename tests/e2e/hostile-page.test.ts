// A hostile official page (issue 15, items 2 and 3). Its own scripts — run in the page's world, as
// evaluateOnNewDocument and evaluate do — try to read the guide's on-page UI and press its controls, to
// learn from what they hear at load that the extension is there, and to switch the content script off.
// What the guide shows is checked from the content script's world (tests/support/overlay-probe.ts) and the
// console; the person's own input is puppeteer's mouse and keyboard (trusted events).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../support/harness';
import { VNEID_LOGIN } from '../support/flows';
import { clickOverlayButton, clickWhenReady, SidePanelPage, startGuided, targetBox, uiText, useEnv, waitForStep, waitForUi, waitInUi, type UiHost } from './fixture';
import { privateItem } from './private-items';
import { openEditor } from '../support/pages/editor';

/** Click a control of the stand-in page by its targets.json id, as a person would. */
async function press(site: Page, target: string): Promise<void> {
  const box = await targetBox(site, target);
  await site.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Everything a page's script can do to press `selector` in `host`'s UI: find it through the host's
 * shadowRoot, click whatever is drawn at its place, send keys to the host. Returns what the script saw.
 */
async function pageTriesToPress(site: Page, host: UiHost, selector: string, at: { x: number; y: number }): Promise<{ root: boolean; reached: boolean }> {
  return site.evaluate(
    (h: string, sel: string, x: number, y: number) => {
      const el = document.querySelector(h);
      const root = el?.shadowRoot ?? null;
      const button = root?.querySelector(sel) as HTMLElement | null | undefined;
      button?.click();
      button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const drawn = document.elementFromPoint(x, y) as HTMLElement | null;
      drawn?.click();
      drawn?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
      for (const key of ['Enter', ' ', 'Escape']) el?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      return { root: !!root, reached: !!button };
    },
    host,
    selector,
    at.x,
    at.y,
  );
}

/** What a page's script does with a button it holds: click() it, dispatch clicks and key presses at it. */
function clickHeld(this: HTMLElement): void {
  const w = window as unknown as { heldClicks?: number };
  w.heldClicks = (w.heldClicks ?? 0) + 1;
  this.click();
  this.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  this.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
  this.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
}

/**
 * The same, should a page ever hold the button itself: the DevTools protocol finds the node inside the
 * closed root and hands it to the page's own (main) world, where the script above runs on it.
 */
async function pageClicksHeld(site: Page, host: UiHost, selector: string): Promise<void> {
  const cdp = await site.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodeId: hostId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: host });
    const { node } = await cdp.send('DOM.describeNode', { nodeId: hostId, depth: 1, pierce: true });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: node.shadowRoots![0]!.nodeId, selector });
    expect(nodeId, `${selector} in ${host}`).toBeGreaterThan(0);
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    const before = await site.evaluate(() => (window as unknown as { heldClicks?: number }).heldClicks ?? 0);
    await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: clickHeld.toString() });
    // It ran in the page's own world.
    expect(await site.evaluate(() => (window as unknown as { heldClicks?: number }).heldClicks)).toBe(before + 1);
  } finally {
    await cdp.detach();
  }
}

async function centre(handle: ElementHandle<Element>): Promise<{ x: number; y: number }> {
  const box = (await handle.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('15.2 a page can neither read nor press the overlay and the hand-off offer', () => {
  const ctx = useEnv();

  it('15.2 the page reads nothing of the overlay: no shadow root, none of its text, not even by selecting it, nor with attachShadow patched first', async () => {
    const site = await ctx.env.browser.newPage();
    // The page's own script, before anything else runs: keep every shadow root anyone attaches.
    await site.evaluateOnNewDocument(() => {
      const attach = Element.prototype.attachShadow;
      const kept: ShadowRoot[] = [];
      (window as unknown as { kept: ShadowRoot[] }).kept = kept;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = attach.call(this, init);
        kept.push(root);
        return root;
      };
    });
    await startGuided(ctx.env, VNEID_LOGIN, site);
    const shown = await waitForStep(site, 'Bước 1/8');
    expect(shown.text).toMatch(/Đăng nhập/);

    const seen = await site.evaluate(() => {
      const host = document.querySelector('dan-buoc-overlay');
      const kept = (window as unknown as { kept: ShadowRoot[] }).kept.filter((r) => r.host === host);
      // Past a closed root, find() selects the text it found, and the selection can be stretched over the card.
      const sel = getSelection()!;
      sel.removeAllRanges();
      (window as unknown as { find(s: string): boolean }).find('Bước');
      for (let i = 0; i < 6; i++) sel.modify('extend', 'forward', 'line');
      const selected = sel.toString();
      sel.removeAllRanges();
      return {
        host: !!host,
        shadowRoot: host?.shadowRoot ?? null,
        kept: kept.length,
        text: `${document.documentElement.textContent}\n${document.body.innerText}\n${host?.textContent}`,
        selected,
      };
    });
    expect(seen.host, 'the overlay is there').toBe(true);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.kept).toBe(0);
    for (const text of [seen.text, seen.selected]) {
      expect(text).not.toContain('Bước 1/8');
      expect(text).not.toContain(shown.text);
    }
  });

  it("15.2 script clicks on the card's buttons do nothing, even with the button in hand: the step and the console stay", async () => {
    const site = (await ctx.env.browser.pages()).find((p) => p.url().startsWith('https://dichvucong.gov.vn'))!;
    const panel = (await ctx.env.browser.pages()).find((p) => p.url().includes('sidepanel.html'))!;
    const state = await waitForStep(site, 'Bước 1/8');
    const next = await waitForUi(site, '[data-dan-buoc="next"]');
    const tried = await pageTriesToPress(site, 'dan-buoc-overlay', '[data-dan-buoc="next"]', await centre(next));
    expect(tried).toEqual({ root: false, reached: false });
    await pageClicksHeld(site, 'dan-buoc-overlay', '[data-dan-buoc="next"]');
    await pageClicksHeld(site, 'dan-buoc-overlay', '[data-dan-buoc="back"]');
    expect(await uiText(site, '[data-dan-buoc="step"]')).toBe('Bước 1/8');

    // The resident's own click on the outlined control moves on by exactly one step: had any script click
    // been taken, it would have been sent first, and this step would be past.
    await site.mouse.click(state.outline!.x + state.outline!.width / 2, state.outline!.y + state.outline!.height / 2);
    await waitForStep(site, 'Bước 2/8');
    await panel.waitForFunction(() => document.querySelector('[data-testid="panel-step"]')?.textContent === 'Bước 2/8', { timeout: 10_000, polling: 100 });
    // And a person's click on the card's own button still works.
    await clickOverlayButton(site, 'back');
    await panel.waitForFunction(() => document.querySelector('[data-testid="panel-step"]')?.textContent === 'Bước 1/8', { timeout: 10_000, polling: 100 });
  });

  it('15.2 a hand-off page cannot press "Bắt đầu" itself: no session starts and the running one stays', async () => {
    const panel = await SidePanelPage.open(ctx.env);
    await panel.page.waitForSelector('[data-testid="panel-step"]');
    const before = (await panel.logRecords()).length;
    const running = await panel.stepLabel();
    expect(running).toMatch(/^Bước \d\/8$/);
    const offered = await ctx.env.browser.newPage();
    await offered.goto('https://dichvucong.gov.vn/#dan-buoc=dichvucong/dang-nhap-vneid', { waitUntil: 'load' });
    const start = await waitForUi(offered, '[data-dan-buoc="offer-start"]');
    const tried = await pageTriesToPress(offered, 'dan-buoc-overlay', '[data-dan-buoc="offer-start"]', await centre(start));
    expect(tried).toEqual({ root: false, reached: false });
    await pageClicksHeld(offered, 'dan-buoc-overlay', '[data-dan-buoc="offer-start"]');
    // Pressing "Bắt đầu" takes the offer away at once: it is still there.
    expect(await uiText(offered, '[data-dan-buoc="offer"]')).toContain('VNeID');
    await panel.page.bringToFront();
    expect(await panel.stepLabel()).toBe(running);
    expect(await panel.logRecords()).toHaveLength(before);

    // The person's own "Không, cảm ơn" closes it.
    await offered.bringToFront();
    await (await waitForUi(offered, '[data-dan-buoc="offer-dismiss"]')).click();
    await waitInUi(offered, 'dan-buoc-overlay', {}, (root) => !root);
    expect(await panel.logRecords()).toHaveLength(before);
    await offered.close();
  });
});

describe('15.2 a page cannot stop a recording from its bar', () => {
  const ctx = useEnv();

  it("15.2 a script click on the recording bar's stop saves nothing; the author's clicks still record", async () => {
    const site = await ctx.env.browser.newPage();
    await site.goto('https://evn.example/', { waitUntil: 'load' });
    const panel = await SidePanelPage.open(ctx.env);
    await (await panel.page.waitForSelector('[data-testid="record-start"]'))!.click();
    await panel.page.waitForSelector('[data-testid="recording-count"]');
    await site.bringToFront();
    const count = (n: number): Promise<unknown> =>
      waitInUi(site, 'dan-buoc-recorder', {}, (root, want: string) => root?.querySelector('[data-dan-buoc="rec-count"]')?.textContent === want, `Đang ghi — bước ${n}`);
    await press(site, 'customer-code');
    await site.keyboard.type('PE01000123456');
    await count(1);

    const stop = await waitForUi(site, '[data-dan-buoc="rec-stop"]', { host: 'dan-buoc-recorder' });
    expect(await stop.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(false);
    const tried = await pageTriesToPress(site, 'dan-buoc-recorder', '[data-dan-buoc="rec-stop"]', await centre(stop));
    expect(tried).toEqual({ root: false, reached: false });
    await pageClicksHeld(site, 'dan-buoc-recorder', '[data-dan-buoc="rec-stop"]');
    await pageClicksHeld(site, 'dan-buoc-recorder', '[data-dan-buoc="rec-undo"]');

    // The author's next click is recorded after whatever the page's clicks would have sent: still recording,
    // nothing undone, nothing saved.
    await Promise.all([site.waitForNavigation({ waitUntil: 'load' }), press(site, 'lookup-button')]);
    await count(2);
    const library = await privateItem<{ packs: Record<string, unknown> }>(panel.page, 'library');
    expect(Object.keys(library?.packs ?? {})).toEqual([]);
    await panel.page.bringToFront();
    await panel.page.waitForFunction(() => document.querySelector('[data-testid="recording-count"]')?.textContent === 'Đang ghi — bước 2');
    await clickWhenReady(panel.page, '[data-testid="record-cancel"]');
    await site.waitForFunction(() => !document.querySelector('dan-buoc-recorder'), { polling: 100 });
  });
});

describe('15.2 a page cannot cancel a re-capture', () => {
  const ctx = useEnv();

  it('15.2 script Escape and script clicks on "Hủy" do not end a pick; the author\'s click picks', async () => {
    const env = ctx.env;
    const site = await env.browser.newPage();
    await site.goto('https://evn.example/', { waitUntil: 'load' });
    const panel = await SidePanelPage.open(env);
    await (await panel.page.waitForSelector('[data-walkthrough="evn/thanh-toan-hoa-don-dien"]'))!.click();
    const editor = await openEditor(panel.page, '[data-testid="wt-edit"]');
    await editor.bringToFront();
    await (await editor.waitForSelector('[data-step="0"] [data-testid="step-repick"]'))!.click();
    const cancel = await centre(await waitForUi(site, '[data-dan-buoc="pick-cancel"]', { host: 'dan-buoc-picker', timeout: 15_000 }));

    // Escape or "Hủy" takes the bar away at once: after each try, it is still there.
    const stillPicking = async (): Promise<void> => expect(await uiText(site, '[data-dan-buoc="pick-prompt"]', 'dan-buoc-picker')).toBeTruthy();
    await site.evaluate(() => {
      for (const target of [document, window, document.body, document.activeElement ?? document.body]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, composed: true }));
      }
    });
    await stillPicking();
    const tried = await pageTriesToPress(site, 'dan-buoc-picker', '[data-dan-buoc="pick-cancel"]', cancel);
    expect(tried).toEqual({ root: false, reached: false });
    await stillPicking();
    await pageClicksHeld(site, 'dan-buoc-picker', '[data-dan-buoc="pick-cancel"]');
    await stillPicking();

    await press(site, 'lookup-button');
    await editor.waitForFunction(() => /Tra cứu/.test(document.querySelector('[data-step="0"] [data-testid="repicked"]')?.textContent ?? ''), { timeout: 15_000, polling: 100 });
    await site.waitForFunction(() => !document.querySelector('dan-buoc-picker'));
    expect(new URL(site.url()).pathname).toBe('/');
    await editor.close();
  });
});

describe('15.3 a page can neither detect nor stop the content script', () => {
  const ctx = useEnv();

  it('15.3 nothing the page hears at load names the extension or a content script start', async () => {
    const id = ctx.env.extensionId;
    const site = await ctx.env.browser.newPage();
    // The extension's id is public (its store page): the page listens for WXT's start-up event by its name too.
    await site.evaluateOnNewDocument((extensionId: string) => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      window.addEventListener('message', (e) => heard.push(`message ${JSON.stringify(e.data)}`));
      for (const name of ['wxt:content-script-started', 'wxt:locationchange']) {
        for (const target of [window, document]) target.addEventListener(`${extensionId}:guide:${name}`, (e) => heard.push(`event ${e.type}`));
      }
    }, id);
    await startGuided(ctx.env, VNEID_LOGIN, site);
    await site.reload({ waitUntil: 'load' });
    await waitForStep(site, 'Bước 1/8');
    // Messages arrive in the order they were posted: once the page's own has arrived, any the content script
    // posted while starting has too.
    await site.evaluate(() => window.postMessage('page-sentinel', '*'));
    await site.waitForFunction(() => (window as unknown as { heard: string[] }).heard.includes('message "page-sentinel"'));
    const heard = await site.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard.join('\n')).not.toContain(id);
    expect(heard.join('\n')).not.toMatch(/content-script-started|wxt:/);
    expect(heard).toEqual(['message "page-sentinel"']);
  });

  it("15.3 WXT's stop event from the page does not switch the guide off: a real click still advances", async () => {
    const id = ctx.env.extensionId;
    const site = (await ctx.env.browser.pages()).find((p) => p.url().startsWith('https://dichvucong.gov.vn'))!;
    const state = await waitForStep(site, 'Bước 1/8');
    await site.evaluate((extensionId: string) => {
      const type = `${extensionId}:guide:wxt:content-script-started`;
      const detail = { contentScriptName: 'guide', messageId: 'page' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    }, id);
    // WXT's context removes the overlay at once when it stops: it is still there.
    expect(await uiText(site, '[data-dan-buoc="step"]')).toBe('Bước 1/8');
    await site.mouse.click(state.outline!.x + state.outline!.width / 2, state.outline!.y + state.outline!.height / 2);
    const next = await waitForStep(site, 'Bước 2/8');
    expect(next.outline).not.toBeNull();
  });

  it('15.3 the built guide script has no start-up announcement to post nor any stop event to hear', () => {
    const script = readFileSync(path.join(EXTENSION_DIR, 'guide.js'), 'utf8');
    expect(script).not.toContain('content-script-started');
    expect(script).not.toContain('wxt:');
    expect(script).not.toMatch(/\bpostMessage\(/);
  });
});
