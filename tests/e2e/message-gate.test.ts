// Issue 15.5: the background trusts a content script with its own tab only. The test speaks as our own
// content script on another site (its isolated world, found through the DevTools protocol), sending the
// messages in @webext-core/messaging's wire format, as a compromised page driving the content script could.
// It cannot read the guided tab's session, end it with a fake "completed" record, move it, or replace the
// library's trust list through storage.local; the content script on the guided tab itself still drives its
// own session.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/harness';
import { VNEID_LOGIN } from '../support/flows';
import { dumpStores, SidePanelPage, startGuided, useEnv, waitForStep } from './fixture';
import { privateItem } from './private-items';

/** A wire reply: `{ res }` when handled, `{ err }` when the handler (or the gate) threw. */
type Reply = { res?: unknown; err?: { message?: string } } | undefined;

interface ContentWorld {
  cdp: CDPSession;
  contextId: number;
}

/** The extension's content-script world in `page` (an isolated world of the extension's origin). */
async function contentWorld(page: Page, extensionId: string): Promise<ContentWorld> {
  const cdp = await page.createCDPSession();
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => void contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 20_000;
  let found: (typeof contexts)[number] | undefined;
  // Wait for the state (the guide is injected after the page's load), not for a time.
  while (!(found = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId)))) {
    if (Date.now() > deadline) throw new Error(`no content script world in ${page.url()}`);
    await new Promise((r) => cdp.once('Runtime.executionContextCreated', r));
  }
  return { cdp, contextId: found.id };
}

/** Evaluate in the content script's world and return the value. */
async function inWorld<T>(world: ContentWorld, expression: string): Promise<T> {
  const r = (await world.cdp.send('Runtime.evaluate', { expression, contextId: world.contextId, awaitPromise: true, returnByValue: true })) as {
    result: { value?: unknown };
    exceptionDetails?: { text: string };
  };
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
  return r.result.value as T;
}

/** Send one protocol message from the content script's world, as @webext-core/messaging does. */
function send(world: ContentWorld, type: string, data?: unknown): Promise<Reply> {
  return inWorld<Reply>(
    world,
    `new Promise((resolve) => chrome.runtime.sendMessage(${JSON.stringify({ id: 1, type, data, timestamp: 1 })}, (reply) =>
      resolve(chrome.runtime.lastError ? { err: { message: chrome.runtime.lastError.message } } : reply)))`,
  );
}

describe('15.5 the background trusts a content script with its own tab only', () => {
  const ctx = useEnv();
  let guided: Page;
  let panel: SidePanelPage;
  let other: Page;
  let fromOther: ContentWorld;

  beforeAll(async () => {
    ({ site: guided, panel } = await startGuided(ctx.env, VNEID_LOGIN));
    await waitForStep(guided, 'Bước 1/8');
    other = await ctx.env.browser.newPage();
    // No guide runs where no session does: a hand-off link gets one into this other tab (its offer card is left
    // unanswered), standing for any content script of ours on another tab.
    await other.goto('https://evn.example/#dan-buoc=evn/thanh-toan-hoa-don-dien', { waitUntil: 'load' });
    fromOther = await contentWorld(other, ctx.env.extensionId);
    // The channel works: the content script on the other tab is answered about its own tab (no session there).
    expect(await send(fromOther, 'pageReady', { page: 'https://evn.example/' })).toEqual({ res: null });
  });

  it("15.5 a content script on another site cannot read the guided tab's session", async () => {
    const reply = await send(fromOther, 'current');
    expect(reply?.res, 'the session must not be handed out').toBeUndefined();
    expect(reply?.err?.message).toMatch(/refused current/);
    // Nor read it from storage.local, which content scripts can read.
    const local = await inWorld<Record<string, unknown>>(fromOther, 'chrome.storage.local.get(null)');
    expect(JSON.stringify(local)).not.toMatch(/dang-nhap-vneid|tabId/);
  });

  it('15.5 a content script on another site cannot finish the session with a fake "completed" record, nor move it', async () => {
    expect((await send(fromOther, 'next'))?.err?.message).toMatch(/refused next/);
    expect((await send(fromOther, 'skip'))?.err?.message).toMatch(/refused skip/);
    expect((await send(fromOther, 'finish', { outcome: 'completed' }))?.err?.message).toMatch(/refused finish/);
    expect((await send(fromOther, 'startTrial', { packId: 'evn', walkthroughId: 'thanh-toan-hoa-don-dien', tabId: 1 }))?.err?.message).toMatch(/refused startTrial/);
    // Read through the store dump: it opens only databases that exist (no empty log database is created).
    const records = Object.entries(await dumpStores(panel.page)).filter(([k]) => k.startsWith('idb:dan-buoc-logs/sessions'));
    expect(records.flatMap(([, v]) => v as unknown[]), 'no record written').toEqual([]);
    await panel.page.bringToFront();
    expect(await panel.page.$('[data-testid="running"]'), 'the session still runs').not.toBeNull();
    expect(await panel.stepLabel()).toBe('Bước 1/8');

    // The guided tab's own content script still drives its own session (the overlay's "next").
    const fromGuided = await contentWorld(guided, ctx.env.extensionId);
    expect(await send(fromGuided, 'next')).toEqual({});
    await panel.page.waitForFunction(() => document.querySelector('[data-testid="panel-step"]')?.textContent === 'Bước 2/8');
    await fromGuided.cdp.detach();
  });

  it("15.5 a library and trust list written to storage.local by a content script reach neither the console nor the background", async () => {
    // A pack for an origin no ward admin trusted, with that origin "trusted" beside it.
    const pack = JSON.parse(readFileSync(path.join(ROOT, 'walkthroughs/evn.json'), 'utf8').replaceAll('https://evn.example', 'https://lua-dao.example')) as {
      id: string;
      title: { vi: string };
      walkthroughs: { id: string }[];
    };
    pack.id = 'lua-dao';
    pack.title = { vi: 'Gói giả mạo' };
    const planted = { packs: { 'lua-dao': [pack] }, trusted: ['https://lua-dao.example'] };
    await inWorld(fromOther, `chrome.storage.local.set(${JSON.stringify({ 'dan-buoc-library': planted })})`);

    // The console, opened afresh once the volunteer ended the session, lists the shipped walkthroughs and not
    // the planted one.
    expect(await panel.endWith('Dừng giữa chừng')).toMatch(/Dừng giữa chừng/);
    const fresh = await SidePanelPage.open(ctx.env);
    await fresh.page.waitForSelector(`[data-walkthrough="${VNEID_LOGIN.key}"]`);
    expect(await fresh.page.$(`[data-walkthrough="lua-dao/${pack.walkthroughs[0]!.id}"]`)).toBeNull();
    // The background does not know it either (a hand-off link to it offers nothing).
    expect(await send(fromOther, 'offer', { packId: 'lua-dao', walkthroughId: pack.walkthroughs[0]!.id })).toEqual({ res: null });
    // The desk's library and trust list are untouched.
    const library = await privateItem<{ trusted: string[]; packs: Record<string, unknown> }>(fresh.page, 'library');
    expect(library?.trusted ?? []).not.toContain('https://lua-dao.example');
    expect(Object.keys(library?.packs ?? {})).not.toContain('lua-dao');
    await fresh.page.close();
  });
});
