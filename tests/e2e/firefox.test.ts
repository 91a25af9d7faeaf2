// Firefox, a target of the README, for real: Debian's Firefox ESR driven over WebDriver BiDi with the Firefox
// build (MV2, a background page, the console as a sidebar page) installed as a temporary add-on, the sites'
// hostnames tunnelled to the stand-in server. The VNeID sign-in walked to the end with real clicks and keys,
// the console (opened as a tab) on the same step; the background restarted mid-walkthrough (runtime.reload)
// and the step back after the next page load, from the extension's private store (its IndexedDB); the widget
// on a ward page with its strict CSP. The overlay's closed shadow root is read over WebDriver BiDi
// (tests/support/overlay-probe.ts), from outside the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR, launchFirefox, openExtensionPage, startSites, type LaunchedFirefox, type SitesServer } from '../support/harness';
import { EVN_BILL, VNEID_LOGIN } from '../support/flows';
import { SidePanelPage, targetBox, waitForStep } from '../support/overlay-probe';
import { startWardSite, type WardSite } from '../support/ward-site';
import { expectOutlines, until, walkSteps } from './fixture';
import { privateItem } from './private-items';

/**
 * Firefox's own services (remote settings, blocklist…, and the dummy.test host puppeteer points the others
 * at), refused by the tunnel like any other host.
 */
const FIREFOX_OWN = /^(?:CONNECT (?:[a-z0-9-]+\.)*(?:mozilla\.(?:com|net|org)|firefox\.com|mozaws\.net|dummy\.test):443|http:\/\/(?:[a-z0-9-]+\.)*(?:mozilla\.(?:com|net|org)|firefox\.com|dummy\.test)(?::\d+)?\/.*)$/;

let server: SitesServer;
let firefox: LaunchedFirefox;
let ward: WardSite;

beforeAll(async () => {
  server = await startSites();
  ward = await startWardSite();
  firefox = await launchFirefox({ server });
});

// One Firefox for every test: a test that fails mid-walkthrough would leave its session running, and the next
// test's console would open on that session instead of the catalogue (and time out looking for a walkthrough
// there). A session left running is ended as stopped, so each test fails for its own reason.
afterEach(async () => {
  const panel = firefox ? await openConsole().catch(() => null) : null;
  if (!panel) return;
  if (await panel.page.$('[data-testid="running"]')) await panel.endWith('Dừng giữa chừng');
  await panel.page.close();
});

afterAll(async () => {
  await firefox?.close();
  await ward?.stop();
  await server?.stop();
});

/** The console: the Firefox build's sidebar page, opened as a tab, once loaded. */
async function openConsole(timeout?: number): Promise<SidePanelPage> {
  const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { sidebar_action: { default_panel: string } };
  return SidePanelPage.of(await openExtensionPage(firefox.browser, `${firefox.origin}/${manifest.sidebar_action.default_panel}`, timeout));
}

/** Open the flow's start page, start its walkthrough from the console, and bring the site to the front. */
async function startGuided(flow: { key: string; startUrl: string }): Promise<{ site: Page; panel: SidePanelPage }> {
  const site = await firefox.browser.newPage();
  await site.goto(flow.startUrl, { waitUntil: 'load' });
  const panel = await openConsole();
  await panel.startWalkthrough(flow.key);
  await site.bringToFront();
  return { site, panel };
}

/** The background page's start time, read from an extension page (MV2: the background is a page). */
function backgroundStarted(panel: SidePanelPage): Promise<number> {
  return panel.page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
    return (await api.runtime.getBackgroundPage()).performance.timeOrigin;
  });
}

describe('15.11 Firefox ESR with the Firefox build', () => {
  it('15.11 the Firefox build is installed under its gecko id and declares that it collects no data (Mozilla\'s required field)', () => {
    const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string; data_collection_permissions?: unknown } };
    };
    // launchFirefox checked that Firefox installed the add-on under this id.
    expect(firefox.addonId).toBe(manifest.browser_specific_settings.gecko.id);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('15.11 the VNeID sign-in: step 1 on the portal, a real click advances, the console shows the same step, to the end and logged', async () => {
    const { site, panel } = await startGuided(VNEID_LOGIN);
    const first = await waitForStep(site, 'Bước 1/8');
    expect(new URL(site.url()).hostname).toBe('dichvucong.gov.vn');
    // In Firefox too the page sees the overlay's host but not its root (closed): the probe read it over BiDi.
    expect(await site.evaluate(() => {
      const host = document.querySelector('dan-buoc-overlay');
      return host ? { root: host.shadowRoot } : null;
    })).toEqual({ root: null });
    expectOutlines(first.outline, await targetBox(site, 'login-button'), 'Bước 1/8');
    expect(await panel.stepLabel()).toBe('Bước 1/8');

    const hosts = await walkSteps(site, panel, VNEID_LOGIN, { privateTargets: ['password', 'otp-1'] });
    expect(new Set(hosts)).toEqual(new Set(['dichvucong.gov.vn', 'sso.dancuquocgia.gov.vn']));
    await site.waitForFunction(() => document.body.innerText.includes('Đăng xuất'));

    // The outcome is recorded in the extension's IndexedDB in Firefox too, with nothing typed in it.
    expect(await panel.recordOutcome()).toMatch(/Đã ghi kết quả: Hoàn thành/);
    const records = await panel.logRecords();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ walkthroughId: 'dang-nhap-vneid', outcome: 'completed', stepsReached: VNEID_LOGIN.steps.length });
    for (const secret of ['001234567890', 'matkhau-thu', '123456']) expect(JSON.stringify(records)).not.toContain(secret);
    await site.waitForFunction(() => !document.querySelector('dan-buoc-overlay'));
    await site.close();
    await panel.page.close();
    // Every https request went through the tunnel: none but Firefox's own services asked for another host.
    expect(firefox.tunnel.refused.filter((r) => !FIREFOX_OWN.test(r))).toEqual([]);
  });

  it("15.11 the background restarts mid-walkthrough: after the next page load the step is back (the session is in the extension's private store), and the walkthrough goes on", async () => {
    const { site, panel } = await startGuided(EVN_BILL);
    await walkSteps(site, panel, EVN_BILL, { to: 2 });
    await waitForStep(site, 'Bước 3/6');
    // What the new background will find: the session in the extension's private store (its IndexedDB, which
    // Firefox keeps for the add-on's origin across the reload), none in storage.local.
    expect(await privateItem(panel.page, 'session')).toMatchObject({ walkthroughId: 'thanh-toan-hoa-don-dien', stepIndex: 2, status: 'running' });
    // (Firefox's chrome.* calls take callbacks in MV2: storage.local is read through browser.*.)
    const local = await panel.page.evaluate(() =>
      (globalThis as unknown as { browser: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } } }).browser.storage.local.get(null),
    );
    expect(Object.keys(local)).not.toContain('dan-buoc-session');
    const before = await backgroundStarted(panel);

    // runtime.reload() restarts the whole add-on: a new background page, the console tab closed, the content
    // script of the open page cut off. The build's background is a persistent page (no persistent: false), which
    // nothing stops alone: about:debugging terminates event pages only, and WebDriver BiDi has no such command.
    await panel.page.evaluate(() => {
      (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload();
    });
    expect(await until(() => panel.page.evaluate(() => false).catch(() => true)), 'the old console tab is gone').toBe(true);
    // The add-on may still be coming back: a console that does not load is opened again.
    const again = (await until(() => openConsole(5000).catch(() => null), { timeout: 30_000 }))!;
    expect(again, 'the console opens again').not.toBeNull();
    expect(await backgroundStarted(again), 'a new background page').toBeGreaterThan(before);

    await site.reload({ waitUntil: 'load' });
    await walkSteps(site, again, EVN_BILL, { from: 2 });
    expect(await again.recordOutcome()).toMatch(/Hoàn thành/);
    const records = (await again.logRecords()) as Record<string, unknown>[];
    expect(records.find((r) => r.walkthroughId === 'thanh-toan-hoa-don-dien')).toMatchObject({ outcome: 'completed', stepsReached: EVN_BILL.steps.length });
    await site.close();
    await again.page.close();
  });

  it('15.11 the widget on a ward page with a strict CSP: catalogue, a walkthrough, every step, no CSP violation', async () => {
    const page = await firefox.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.evaluateOnNewDocument(`
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
    `);
    await page.goto(ward.url, { waitUntil: 'load' });
    const root = 'document.querySelector("dan-buoc-guide").shadowRoot';
    await page.waitForFunction(`!!${root}?.querySelector('.dbw-item[data-walkthrough="dang-nhap-vneid"]')`);
    await page.evaluate(`${root}.querySelector('.dbw-item[data-walkthrough="dang-nhap-vneid"]').click()`);
    await page.waitForFunction(`${root}.querySelector('h2')?.textContent === 'Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID'`);
    await page.evaluate(`${root}.querySelector('[data-dan-buoc="widget-start"]').click()`);
    for (let i = 1; i <= 8; i++) {
      await page.waitForFunction(`${root}.querySelector('[data-dan-buoc="step"]')?.textContent === 'Bước ${i}/8'`);
      expect(await page.evaluate(`${root}.querySelector('[data-dan-buoc="text"]').textContent`), `step ${i} has its hint`).toBeTruthy();
      await page.evaluate(`${root}.querySelector('[data-dan-buoc="next"]').click()`);
    }
    await page.waitForFunction(`!${root}.querySelector('[data-dan-buoc="next"]')`);
    expect(await page.evaluate(`${root}.querySelector('[data-dan-buoc="text"]').textContent`)).toMatch(/xong/i);
    expect(await page.evaluate('window.__csp')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
