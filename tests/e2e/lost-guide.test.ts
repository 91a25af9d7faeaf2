// When the guide is lost (issue 17): the console mirrors the guide's state on the resident's tab, offers
// one-tap ways out (the step's page, skip, a Quay lại across pages), and starting never leaves a page of the
// walkthrough the resident is on without asking.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { targetsFor } from '../support/harness';
import { VNEID_LOGIN } from '../support/flows';
import { axe, clickWhenReady, expectOutlines, outlineAround, SidePanelPage, startGuided, useEnv, waitForStep, waitForUi, waitInUi } from './fixture';

const HOME = VNEID_LOGIN.startUrl;
const LOGIN_PAGE = 'https://dichvucong.gov.vn/dang-nhap.html';

/** Wait until the console shows the guide's state `state` (data-state of its state box). */
async function consoleState(panel: SidePanelPage, state: string, timeout = 10_000): Promise<string> {
  await panel.page.waitForFunction((s: string) => document.querySelector('[data-testid="guide-state"]')?.getAttribute('data-state') === s, { timeout, polling: 50 }, state);
  return panel.page.evaluate(() => document.querySelector('[data-testid="guide-line"]')?.textContent ?? '');
}

async function pressAlt(page: Page, key: 'ArrowRight' | 'ArrowLeft'): Promise<void> {
  await page.bringToFront();
  await page.keyboard.down('Alt');
  await page.keyboard.press(key);
  await page.keyboard.up('Alt');
}

describe('17 when the guide is lost', () => {
  const ctx = useEnv();

  it('17.1 console says not found within 4 s of the step shown, politely announced, with ways out; axe finds nothing', async () => {
    const site = await ctx.env.browser.newPage();
    // The portal "changed": its sign-in button is gone before the guide looks for it.
    const selector = targetsFor(HOME)['login-button']!;
    await site.evaluateOnNewDocument((sel: string) => {
      document.addEventListener('DOMContentLoaded', () => document.querySelector(sel)?.remove());
    }, selector);
    const { panel } = await startGuided(ctx.env, VNEID_LOGIN, site);
    // The step is shown (the card, still looking).
    await waitInUi(site, 'dan-buoc-overlay', { timeout: 30_000, polling: 50 }, (root) => root?.querySelector('[data-dan-buoc="step"]')?.textContent === 'Bước 1/8');
    const shown = Date.now();
    const line = await consoleState(panel, 'not-found', 8000);
    const elapsed = Date.now() - shown;
    expect(elapsed, 'ms from the step shown to "not found" in the console').toBeLessThan(4000);
    expect(line).toMatch(/Không thấy nút hoặc ô của bước này/);
    expect(await panel.page.$eval('[data-testid="guide-line"]', (el) => el.getAttribute('aria-live'))).toBe('polite');
    expect(await panel.page.$('[data-testid="lost-skip"]')).not.toBeNull();
    // The card says so too, and offers to skip the step.
    await waitForUi(site, '[data-dan-buoc="skip"]');
    expect(await axe(panel.page, '[data-testid="running"]')).toEqual([]);
    await site.close();
  });

  it('17.2 wrong page: "Mở trang của bước này" brings the tab to the step\'s page and the outline appears; Quay lại across pages navigates back', async () => {
    const { site, panel } = await startGuided(ctx.env, VNEID_LOGIN);
    await waitForStep(site, 'Bước 1/8');
    expect(await consoleState(panel, 'found')).toMatch(/Đã thấy/);

    // The volunteer moves on in the console: step 2 is on the sign-in page, the tab is still on the home page.
    await pressAlt(panel.page, 'ArrowRight');
    expect(await consoleState(panel, 'other-page')).toMatch(/trang khác/);
    expect(await axe(panel.page, '[data-testid="running"]')).toEqual([]);
    await site.bringToFront();
    const lost = await waitForStep(site, 'Bước 2/8', { outline: false });
    expect(lost.notice).toMatch(/trang khác/);
    await waitForUi(site, '[data-dan-buoc="open-page"]');

    await panel.page.bringToFront();
    await clickWhenReady(panel.page, '[data-testid="open-step-page"]');
    await site.bringToFront();
    await site.waitForFunction((url: string) => location.href === url && document.readyState === 'complete', { timeout: 15_000 }, LOGIN_PAGE);
    await waitForStep(site, 'Bước 2/8');
    const around = await outlineAround(site, 'login-option-citizen');
    expectOutlines(around.state.outline, around.control, 'step 2 after "Mở trang của bước này"');
    await consoleState(panel, 'found');

    // Quay lại: step 1 is on the home page, the tab on the sign-in page: the tab goes back there.
    await pressAlt(panel.page, 'ArrowLeft');
    await site.bringToFront();
    await site.waitForFunction((url: string) => location.href === url && document.readyState === 'complete', { timeout: 15_000 }, HOME);
    await waitForStep(site, 'Bước 1/8');
    const back = await outlineAround(site, 'login-button');
    expectOutlines(back.state.outline, back.control, 'step 1 after Quay lại');
    await panel.endWith('Dừng giữa chừng');
    await site.close();
  });

  it('17.4 starting while the tab is on a page in the middle of a walkthrough offers that step and starts there, without navigating', async () => {
    const site = await ctx.env.browser.newPage();
    await site.goto(LOGIN_PAGE, { waitUntil: 'load' });
    // A mark in this document: gone if the tab navigated or reloaded.
    await site.evaluate(() => ((window as unknown as { __stay: number }).__stay = 1));
    const panel = await SidePanelPage.open(ctx.env);
    await clickWhenReady(panel.page, `[data-walkthrough="${VNEID_LOGIN.key}"]`);
    await clickWhenReady(panel.page, '[data-testid="start"]');
    const ask = await panel.page.waitForSelector('[data-testid="start-ask"]');
    expect(await ask!.evaluate((el) => el.textContent)).toMatch(/Bắt đầu từ bước 2 \(trang đang mở\).*Bắt đầu từ đầu/);
    expect(await panel.page.$('[data-testid="running"]'), 'nothing started before the volunteer chose').toBeNull();
    expect(await axe(panel.page, '[data-testid="start-ask"]')).toEqual([]);
    await clickWhenReady(panel.page, '[data-testid="start-here"]');
    await panel.page.waitForSelector('[data-testid="running"]');
    expect(await panel.stepLabel()).toBe('Bước 2/8');
    await site.bringToFront();
    await waitForStep(site, 'Bước 2/8');
    const around = await outlineAround(site, 'login-option-citizen');
    expectOutlines(around.state.outline, around.control, 'step 2 started where the tab was');
    expect(site.url()).toBe(LOGIN_PAGE);
    expect(await site.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);
    await panel.endWith('Dừng giữa chừng');
    await site.close();
  });
});
