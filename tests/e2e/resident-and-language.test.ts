// Resident mode and the console language, and accessibility (axe-core) of the overlay in both modes and
// of the side panel.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { VNEID_LOGIN } from '../support/flows';
import { axe, axeUi, expectOutlines, inUi, overlayState, selectWhenReady, startGuided, targetBox, useEnv, waitForStep, waitForUi } from './fixture';

async function setResident(panel: Page, on: boolean): Promise<void> {
  await panel.bringToFront();
  await panel.evaluate(() => ((document.querySelector('details.settings') as HTMLDetailsElement).open = true));
  const box = (await panel.waitForSelector('[data-testid="resident-mode"]'))!;
  if ((await box.evaluate((el) => (el as HTMLInputElement).checked)) !== on) await box.click();
}

describe('resident mode, language and accessibility', () => {
  const ctx = useEnv();

  it('has no axe violations in the overlay (resident mode off and on) or the side panel', async () => {
    const { site, panel } = await startGuided(ctx.env, VNEID_LOGIN);
    await waitForStep(site, 'Bước 1/8');
    expect(await axeUi(site)).toEqual([]);
    expect(await axe(panel.page)).toEqual([]);

    await setResident(panel.page, true);
    await site.bringToFront();
    await waitForUi(site, '[data-resident="on"]');
    const state = await waitForStep(site, 'Bước 1/8');
    expectOutlines(state.outline, await targetBox(site, 'login-button'));
    const look = await inUi(site, 'dan-buoc-overlay', (root) => ({
      text: getComputedStyle(root!.querySelector('[data-dan-buoc="text"]')!).fontSize,
      outline: getComputedStyle(root!.querySelector('[data-dan-buoc="outline"]')!).borderTopWidth,
    }));
    expect(parseFloat(look.text)).toBeGreaterThanOrEqual(24);
    expect(parseFloat(look.outline)).toBeGreaterThanOrEqual(6);
    expect(await axeUi(site)).toEqual([]);
    await setResident(panel.page, false);

    // The outcome form, with a note and its redacted preview, is accessible too; cancelling keeps the session.
    await panel.page.bringToFront();
    await (await panel.page.waitForSelector('[data-testid="stop"]'))!.click();
    expect(await panel.writeNote('bà Lê Thị Hoa gọi 0912345678')).toMatch(/\[TÊN\].*\[SĐT\]/);
    expect(await axe(panel.page)).toEqual([]);
    const cancel = await panel.page.waitForSelector('.outcome button[type="button"]');
    await cancel!.click();
    await panel.page.waitForSelector('[data-testid="stop"]');
  });

  it('switching the language changes the console and the hints', async () => {
    const site = (await ctx.env.browser.pages()).find((p) => p.url().startsWith('https://dichvucong.gov.vn'))!;
    const panel = (await ctx.env.browser.pages()).find((p) => p.url().includes('sidepanel.html'))!;
    await panel.bringToFront();
    await panel.evaluate(() => ((document.querySelector('details.settings') as HTMLDetailsElement).open = true));
    await selectWhenReady(panel, '[data-testid="language"]', 'en');
    await panel.waitForFunction(() => document.querySelector('[data-testid="panel-step"]')?.textContent === 'Step 1/8');
    await site.bringToFront();
    const state = await waitForStep(site, 'Step 1/8');
    expect(state.text).toMatch(/^Click Đăng nhập \(Log in\)/);
    await panel.bringToFront();
    await selectWhenReady(panel, '[data-testid="language"]', 'vi');
    await site.bringToFront();
    expect((await waitForStep(site, 'Bước 1/8')).text).toMatch(/^Bấm nút Đăng nhập/);
    expect((await overlayState(site)).step).toBe('Bước 1/8');
  });
});
