// A hand-off link (#dan-buoc=<pack>/<walkthrough>) offers the installed walkthrough on the official site,
// and the fragment is removed; a link to a walkthrough that is not installed offers nothing.
import { describe, expect, it } from 'vitest';
import { listenToBackground, uiText, useEnv, waitForStep, waitForUi } from './fixture';

describe('hand-off links', () => {
  const ctx = useEnv();

  it('offers an installed walkthrough, removes the fragment, and starts on "Bắt đầu"', async () => {
    const site = await ctx.env.browser.newPage();
    await site.goto('https://dichvucong.gov.vn/#dan-buoc=dichvucong/dang-nhap-vneid', { waitUntil: 'load' });
    const offer = await waitForUi(site, '[data-dan-buoc="offer"]');
    expect(await offer.evaluate((el) => el.textContent)).toContain('Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID');
    expect(new URL(site.url()).hash).toBe('');
    await (await waitForUi(site, '[data-dan-buoc="offer-start"]')).click();
    const state = await waitForStep(site, 'Bước 1/8');
    expect(state.outline).not.toBeNull();
    await site.close();
  });

  it('offers nothing for a walkthrough that is not installed', async () => {
    const background = await listenToBackground(ctx.env);
    const site = await ctx.env.browser.newPage();
    await site.goto('https://evn.example/#dan-buoc=khong-co/khong-co', { waitUntil: 'load' });
    // The content script asked about the link (so it has run, and it has been answered): only now is
    // "nothing offered" a finding rather than a page looked at too early.
    expect(await background.heard('offer', 'evn.example'), 'the content script asked the background').toBe(true);
    await site.waitForFunction(() => location.hash === '');
    expect(await uiText(site, '[data-dan-buoc="offer"]')).toBeNull();
    await site.close();
  });
});
