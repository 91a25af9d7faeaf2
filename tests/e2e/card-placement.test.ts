// Issue 17.5, the on-page UI never blocks the page: the step card moved (drag, keys) and shrunk stays so across
// steps and pages of one session, clear of the outlined control; the recording bar keeps off the portal's "Đăng ký / Đăng nhập", which can be recorded
// by clicking them. Everything is read through the overlay probe (the closed shadow roots).
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { EVN_BILL, VNEID_LOGIN, actOnOutlined } from '../support/flows';
import { axeUi, inUi, overlaps, overlayState, SidePanelPage, startGuided, targetBox, until, useEnv, waitForStep, waitForUi, waitInUi, walkSteps, type Box } from './fixture';

/** The card's box now (the `bubble` the overlay places), read from the closed root. */
async function cardBox(site: Page): Promise<Box | null> {
  return (await overlayState(site)).bubble;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 2;

describe('17.5 the on-page UI never blocks the page', () => {
  const ctx = useEnv();

  it('17.5 the card moved by drag and by keys, then shrunk, stays so across steps and pages of the session', async () => {
    const { site, panel } = await startGuided(ctx.env, VNEID_LOGIN);
    await waitForStep(site, 'Bước 1/8');
    const before = (await cardBox(site))!;
    // Drag by the head, as a person does with the mouse.
    const head = (await (await waitForUi(site, '[data-dan-buoc="handle"]')).boundingBox())!;
    const grab = { x: head.x + 8, y: head.y + head.height / 2 };
    await site.mouse.move(grab.x, grab.y);
    await site.mouse.down();
    await site.mouse.move(grab.x + (40 - before.x), grab.y + (420 - before.y), { steps: 6 });
    await site.mouse.up();
    expect(await until(async () => near((await cardBox(site))!.x, 40) && near((await cardBox(site))!.y, 420)), `dragged to 40,420: ${JSON.stringify(await cardBox(site))}`).toBe(true);
    // Then with the keys: the move button, two steps right (20 px each), Enter to end.
    await (await waitForUi(site, '[data-dan-buoc="move"]')).focus();
    await site.keyboard.press('ArrowRight');
    await site.keyboard.press('ArrowRight');
    await site.keyboard.press('Enter');
    expect(await until(async () => near((await cardBox(site))!.x, 80)), `moved by keys to x 80: ${JSON.stringify(await cardBox(site))}`).toBe(true);
    const put = (await cardBox(site))!;

    // The next page (the portal's sign-in choice): the card is where it was put, clear of the control.
    await walkSteps(site, panel, VNEID_LOGIN, { from: 0, to: 1 });
    let state = await waitForStep(site, 'Bước 2/8');
    expect(near(state.bubble!.x, put.x) && near(state.bubble!.y, put.y), `kept at ${JSON.stringify(put)}: ${JSON.stringify(state.bubble)}`).toBe(true);

    // Shrunk: a pill with the step number; the outline stays.
    await (await waitForUi(site, '[data-dan-buoc="shrink"]')).click();
    await waitForUi(site, '[data-dan-buoc="expand"]');
    state = await overlayState(site);
    expect(state.text).toBeNull();
    expect(state.step).toBe('Bước 2/8');
    expect(state.outline).not.toBeNull();
    expect(await axeUi(site), 'the pill').toEqual([]);

    // Another page (VNeID's sign-in): still shrunk, still where it was put, never over the control.
    await actOnOutlined(site, VNEID_LOGIN.steps[1]!, state.outline!);
    state = await waitForStep(site, 'Bước 3/8');
    await waitForUi(site, '[data-dan-buoc="expand"]');
    const control = await targetBox(site, 'id-number');
    expect(overlaps(state.bubble!, control), 'the pill covers the control').toBe(false);
    expect(near(state.bubble!.x, put.x), `pill kept at x ${put.x}: ${JSON.stringify(state.bubble)}`).toBe(true);

    // Opened again: the full card, with its hint, at the same place; axe finds nothing in its new controls.
    await (await waitForUi(site, '[data-dan-buoc="expand"]')).click();
    await waitInUi(site, 'dan-buoc-overlay', {}, (root) => !!root?.querySelector('[data-dan-buoc="text"]'));
    expect(overlaps((await cardBox(site))!, control)).toBe(false);
    expect(await axeUi(site), 'the card with its move and shrink buttons').toEqual([]);
    await panel.endWith('Trang lỗi');
    await site.close();
  });

  it('17.5 at 1280×800 and 1024×768 the card never covers the outlined control, at every step of two walkthroughs', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 1024, height: 768 },
    ]) {
      for (const [flow, privateTargets] of [
        [VNEID_LOGIN, ['password', 'otp-1']],
        [EVN_BILL, []],
      ] as const) {
        const site = await ctx.env.browser.newPage();
        await site.setViewport(viewport);
        const { panel } = await startGuided(ctx.env, flow, site);
        // walkSteps checks at every step that the card's box and the control's box do not overlap.
        await walkSteps(site, panel, flow, { privateTargets: [...privateTargets] });
        expect(await panel.recordOutcome(), `${flow.key} at ${viewport.width}×${viewport.height}`).toMatch(/Hoàn thành/);
        await panel.page.close();
        await site.close();
      }
    }
  }, 240_000);

  it('17.5 recording: the bar keeps off the portal\'s "Đăng ký / Đăng nhập", and clicking one records it', async () => {
    const site = await ctx.env.browser.newPage();
    await site.setViewport({ width: 1280, height: 800 });
    await site.goto('https://dichvucong.gov.vn/', { waitUntil: 'load' });
    const panel = await SidePanelPage.open(ctx.env);
    await (await panel.page.waitForSelector('[data-testid="record-start"]'))!.click();
    await site.bringToFront();
    await waitInUi(site, 'dan-buoc-recorder', { timeout: 10_000 }, (root) => !!root?.querySelector('[data-dan-buoc="bar"]'));
    const login = await targetBox(site, 'login-button');
    const register = await targetBox(site, 'register-button');
    // The author's pointer goes to the buttons: the bar is docked at the other edge.
    await site.mouse.move(register.x + register.width / 2, register.y + register.height / 2, { steps: 4 });
    const bar = await inUi(site, 'dan-buoc-recorder', (root) => {
      const r = root?.querySelector('[data-dan-buoc="bar"]')?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    });
    expect(bar).not.toBeNull();
    expect(overlaps(bar!, login), 'the bar covers «Đăng nhập»').toBe(false);
    expect(overlaps(bar!, register), 'the bar covers «Đăng ký»').toBe(false);
    expect(await axeUi(site, 'dan-buoc-recorder'), 'the bar with its move button').toEqual([]);
    await site.mouse.click(login.x + login.width / 2, login.y + login.height / 2);
    await panel.page.waitForFunction(() => document.querySelector('[data-testid="recording-count"]')?.textContent === 'Đang ghi — bước 1', { timeout: 10_000, polling: 100 });
    await site.close();
  });
});
