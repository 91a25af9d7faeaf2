// The overlay on a real page: nothing without a walkthrough; follows its control on resize and scroll;
// never covers it; hides from the site's CSS in a shadow root.
import { describe, expect, it } from 'vitest';
import { VNEID_LOGIN } from '../../scripts/lib/flows';
import { expectOutlines, overlaps, overlayState, startGuided, targetBox, useEnv, waitForStep } from './fixture';

describe('overlay', () => {
  const ctx = useEnv();

  it('adds nothing to a page while no walkthrough runs', async () => {
    const site = await ctx.env.browser.newPage();
    await site.goto(VNEID_LOGIN.startUrl, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await site.$('dan-buoc-guide')).toBeNull();
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
      await new Promise((r) => setTimeout(r, 300));
      state = await overlayState(site);
      const control = await targetBox(site, 'login-button');
      expectOutlines(state.outline, control);
      expect(overlaps(state.bubble!, control), `card covers the control at ${viewport.width}×${viewport.height}`).toBe(false);
    }

    await site.evaluate(() => window.scrollTo(0, 120));
    await new Promise((r) => setTimeout(r, 300));
    state = await overlayState(site);
    expectOutlines(state.outline, await targetBox(site, 'login-button'));

    // The site's own CSS cannot reach into the overlay.
    await site.addStyleTag({ content: '* { font-size: 2px !important; color: transparent !important; } div, p, button, span, dan-buoc-guide { display: none !important; }' });
    const fontSize = await site.evaluate(() => {
      const card = document.querySelector('dan-buoc-guide')?.shadowRoot?.querySelector('[data-dan-buoc="text"]');
      return card ? getComputedStyle(card).fontSize : null;
    });
    expect(fontSize).toBe('20px');
    await new Promise((r) => setTimeout(r, 200));
    state = await overlayState(site);
    expect(state.bubble?.width ?? 0, 'the card is still shown').toBeGreaterThan(200);
  });
});
