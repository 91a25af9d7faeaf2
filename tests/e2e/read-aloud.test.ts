// "Nghe" on the step card over a real site (issue 20): only while the machine has a voice for the language,
// a short note why otherwise, "Đang đọc… Dừng" while it reads. The card's script runs in the extension's
// isolated world, whose speechSynthesis the page's own scripts cannot change: the test sets the machine's
// voices there, through the DevTools protocol (the same world overlay-probe reads the closed shadow root in),
// and tells the card they changed as Chromium does ('voiceschanged').
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { axeUi, guideRealm, uiText, useEnv, waitForStep, waitForUi, waitInUi } from './fixture';

/** The machine's voices as the card's world sees them from now on; what it is asked to read is kept instead. */
async function setVoices(site: Page, voices: object[]): Promise<void> {
  const realm = await guideRealm(site);
  await realm.evaluate(`(() => {
    globalThis.__spoken ??= [];
    const voices = ${JSON.stringify(voices)};
    speechSynthesis.getVoices = () => voices;
    speechSynthesis.speak = (u) => globalThis.__spoken.push(u);
    speechSynthesis.cancel = () => undefined;
    speechSynthesis.dispatchEvent(new Event('voiceschanged'));
  })()`);
}

const listenIs = (site: Page, label: string): Promise<unknown> =>
  waitInUi(site, 'dan-buoc-overlay', {}, (root, want: string) => root?.querySelector('[data-dan-buoc="listen"]')?.textContent === want, label);

describe('"Nghe" on the step card over a site', () => {
  const ctx = useEnv();

  it('no voice: no "Nghe" and a short note; a Vietnamese voice: "Nghe", "Đang đọc… Dừng" while reading, "Nghe" after', async () => {
    // Started from a hand-off link, as a ward page's "Làm trên trang thật" does.
    const site = await ctx.env.browser.newPage();
    await site.goto('https://dichvucong.gov.vn/#dan-buoc=dichvucong/dang-nhap-vneid', { waitUntil: 'load' });
    await (await waitForUi(site, '[data-dan-buoc="offer-start"]')).click();
    await waitForStep(site, 'Bước 1/8');

    await setVoices(site, [{ lang: 'en-US', name: 'Samantha', voiceURI: 's', localService: true, default: true }]);
    await waitForUi(site, '[data-dan-buoc="no-voice"]');
    expect(await uiText(site, '[data-dan-buoc="no-voice"]')).toBe('Máy này chưa có giọng đọc tiếng Việt.');
    expect(await uiText(site, '[data-dan-buoc="listen"]')).toBeNull();
    expect(await axeUi(site)).toEqual([]);

    await setVoices(site, [{ lang: 'vi-VN', name: 'Giọng thử', voiceURI: 'v', localService: true, default: true }]);
    const listen = await waitForUi(site, '[data-dan-buoc="listen"]');
    expect(await uiText(site, '[data-dan-buoc="no-voice"]')).toBeNull();
    expect(await uiText(site, '[data-dan-buoc="listen"]')).toBe('Nghe');
    // A person's click (puppeteer's mouse: trusted input).
    await listen.click();
    await listenIs(site, 'Đang đọc… Dừng');
    const realm = await guideRealm(site);
    const spoken = (await realm.evaluate('globalThis.__spoken.map((u) => ({ text: u.text, lang: u.lang }))')) as { text: string; lang: string }[];
    expect(spoken).toHaveLength(1);
    expect(spoken[0]!.lang).toBe('vi-VN');
    expect(spoken[0]!.text).toMatch(/^Bấm nút Đăng nhập/);
    expect(await axeUi(site)).toEqual([]);
    // The reading ends by itself.
    await realm.evaluate("globalThis.__spoken[0].dispatchEvent(new Event('end'))");
    await listenIs(site, 'Nghe');
    // "Dừng" stops it.
    await (await waitForUi(site, '[data-dan-buoc="listen"]')).click();
    await listenIs(site, 'Đang đọc… Dừng');
    await (await waitForUi(site, '[data-dan-buoc="listen"]')).click();
    await listenIs(site, 'Nghe');
  });
});
