// When the site no longer has the control a step points at, the overlay says so in words instead of
// pointing anywhere, and the step is counted as "not found" in the anonymous log.
import { describe, expect, it } from 'vitest';
import { targetsFor } from '../support/harness';
import { VNEID_LOGIN } from '../support/flows';
import { startGuided, uiText, useEnv, waitForStep, waitInUi } from './fixture';

describe('control not found', () => {
  const ctx = useEnv();

  it('shows the hint as text only, with what to look for, and logs the step as not found', async () => {
    const site = await ctx.env.browser.newPage();
    // The portal "changed": its sign-in button is gone before the guide looks for it.
    const selector = targetsFor(VNEID_LOGIN.startUrl)['login-button']!;
    await site.evaluateOnNewDocument((sel: string) => {
      document.addEventListener('DOMContentLoaded', () => document.querySelector(sel)?.remove());
    }, selector);
    const { panel } = await startGuided(ctx.env, VNEID_LOGIN, site);

    const state = await waitForStep(site, 'Bước 1/8', { outline: false, timeout: 30_000 });
    await waitInUi(site, 'dan-buoc-overlay', { timeout: 20_000 }, (root) => /Chưa thấy/.test(root?.querySelector('[data-dan-buoc="notice"]')?.textContent ?? ''));
    const notice = await uiText(site, '[data-dan-buoc="notice"]');
    expect(notice).toContain('nút «Đăng nhập»');
    expect(state.outline).toBeNull();
    expect(state.text).toMatch(/Đăng nhập/);

    // The console says so too (and has laid itself out for it) before the volunteer ends the session there.
    await panel.page.waitForSelector('[data-testid="guide-state"][data-state="not-found"]');
    const saved = await panel.endWith('Trang lỗi');
    expect(saved).toMatch(/Trang lỗi/);
    const records = (await panel.logRecords()) as { notFound: number[]; outcome: string }[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ notFound: [0], outcome: 'site-error' });
  });
});
