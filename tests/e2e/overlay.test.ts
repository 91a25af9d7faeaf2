// The overlay on a real page: nothing without a walkthrough; follows its control on resize and scroll;
// never covers it; hides from the site's CSS in a shadow root.
import { describe, expect, it } from 'vitest';
import { targetsFor } from '../support/harness';
import { EVN_BILL, VNEID_LOGIN } from '../support/flows';
import { clickOutlined, expectOutlines, extensionWorlds, inUi, outlineAround, overlaps, overlayState, startGuided, targetBox, useEnv, waitForStep, waitInUi } from './fixture';

describe('overlay', () => {
  const ctx = useEnv();

  it('16.6 adds nothing to a page while no walkthrough runs: no script of ours at all; a session started there brings the guide', async () => {
    const site = await ctx.env.browser.newPage();
    const worlds = await extensionWorlds(site, ctx.env.extensionId);
    await site.goto(VNEID_LOGIN.startUrl, { waitUntil: 'load' });
    await site.reload({ waitUntil: 'load' });
    expect(await site.$('dan-buoc-overlay')).toBeNull();
    // A walkthrough started on this very tab, on the page already open: the guide is injected and shows step 1.
    // Only now is "no script before" a finding: the background has handled this tab's loads before the start.
    const { site: guided } = await startGuided(ctx.env, VNEID_LOGIN, site);
    await waitForStep(guided, 'Bước 1/8');
    expect(worlds.created(), 'one guide, injected when the session started').toBe(1);
    await site.close();
  });

  it('follows the control on resize and scroll, and never covers it', async () => {
    const { site } = await startGuided(ctx.env, VNEID_LOGIN);
    let state = await waitForStep(site, 'Bước 1/8');
    expectOutlines(state.outline, await targetBox(site, 'login-button'));

    for (const viewport of [
      { width: 800, height: 600 },
      { width: 420, height: 760 },
      { width: 1280, height: 500 },
    ]) {
      await site.setViewport(viewport);
      // The outline follows a frame or more later: wait until it surrounds the control where it now is.
      const around = await outlineAround(site, 'login-button');
      expectOutlines(around.state.outline, around.control);
      expect(overlaps(around.state.bubble!, around.control), `card covers the control at ${viewport.width}×${viewport.height}`).toBe(false);
    }

    await site.evaluate(() => window.scrollTo(0, 120));
    const scrolled = await outlineAround(site, 'login-button');
    expectOutlines(scrolled.state.outline, scrolled.control);

    // The site's own CSS cannot reach into the overlay.
    await site.addStyleTag({ content: '* { font-size: 2px !important; color: transparent !important; } div, p, button, span, dan-buoc-overlay { display: none !important; }' });
    const fontSize = await inUi(site, 'dan-buoc-overlay', (root) => {
      const card = root?.querySelector('[data-dan-buoc="text"]');
      return card ? getComputedStyle(card).fontSize : null;
    });
    expect(fontSize).toBe('20px');
    // The site's CSS hid the control itself: once the overlay has seen that (its outline hidden), its card
    // must still be shown.
    await waitInUi(site, 'dan-buoc-overlay', {}, (root) => (root?.querySelector('[data-dan-buoc="outline"]') as HTMLElement | null)?.hidden === true);
    state = await overlayState(site);
    expect(state.bubble?.width ?? 0, 'the card is still shown').toBeGreaterThan(200);
  });
});

describe('overlay on custom-styled controls', () => {
  const ctx = useEnv();

  it('outlines the label a resident sees when the radio itself is drawn invisibly, and still advances', async () => {
    const { site } = await startGuided(ctx.env, EVN_BILL);
    await waitForStep(site, 'Bước 1/6');
    // A common bank-site pattern: the real radio is 1 px and transparent under a styled label.
    await site.evaluateOnNewDocument(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = 'input[type=radio]{position:absolute;opacity:0;width:1px;height:1px;margin:0}';
        document.head.append(style);
      });
    });
    await site.goto('https://evn.example/thanh-toan.html?ma=PE01000123456', { waitUntil: 'load' });
    const state = await waitForStep(site, 'Bước 4/6');
    const selector = targetsFor(site.url())['channel-momo']!;
    const label = await (await site.$(selector))!.evaluate((el) => {
      const r = (el as HTMLInputElement).labels![0]!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    expectOutlines(state.outline, label);
    await clickOutlined(site, state.outline!);
    await waitForStep(site, 'Bước 5/6');
    expect(await (await site.$(selector))!.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);
  });
});
