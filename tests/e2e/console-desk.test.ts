// The console at the desk (issue 20): resident mode switched for one session only from the main screen, the
// report one click away, the outcome form as a state of its own (guide controls gone, large radio cards,
// "Ghi kết quả" in view in a 360×900 panel; the card off the resident's page meanwhile), "Hoàn tác" that takes
// the saved record out of the logs, and the catalogue's buttons and search field at the panel's usual width.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { VNEID_LOGIN } from '../support/flows';
import { axe, clickWhenReady, dumpStores, SidePanelPage, startGuided, useEnv, waitForStep, waitForUi } from './fixture';

/** The desk settings as stored in the private store (null: never saved, the defaults apply). */
async function storedSettings(panel: Page): Promise<{ residentMode?: boolean } | null> {
  const items = (await dumpStores(panel))['idb:dan-buoc-private/items'] as { key: string; value: unknown }[] | undefined;
  return (items?.find((i) => i.key === 'settings')?.value as { residentMode?: boolean } | undefined) ?? null;
}

/** Records waiting in the private store for the log database. */
async function pendingRecords(panel: Page): Promise<{ id: string }[]> {
  const items = (await dumpStores(panel))['idb:dan-buoc-private/items'] as { key: string; value: unknown }[] | undefined;
  return (items?.find((i) => i.key === 'pending-logs')?.value as { id: string }[] | undefined) ?? [];
}

/** The running session's id, from the private store. */
async function sessionId(panel: Page): Promise<string> {
  const items = (await dumpStores(panel))['idb:dan-buoc-private/items'] as { key: string; value: { id?: string } }[];
  return items.find((i) => i.key === 'session')!.value.id!;
}

async function startFromList(panel: SidePanelPage, key: string): Promise<void> {
  await clickWhenReady(panel.page, `[data-walkthrough="${key}"]`);
  await clickWhenReady(panel.page, '[data-testid="start"]');
  // The resident's tab may be on a page of this walkthrough already: start from the beginning then.
  await panel.page.waitForSelector('[data-testid="running"], [data-testid="start-over"]');
  if (await panel.page.$('[data-testid="start-over"]')) await clickWhenReady(panel.page, '[data-testid="start-over"]');
  await panel.page.waitForSelector('[data-testid="running"]');
}

/** The voices the console's page is told of (speechSynthesis answers with these, and says they changed). */
async function setVoices(panel: Page, voices: { lang: string; name: string; localService: boolean; default: boolean }[]): Promise<void> {
  await panel.evaluate((list) => {
    speechSynthesis.getVoices = () => list as unknown as SpeechSynthesisVoice[];
    speechSynthesis.dispatchEvent(new Event('voiceschanged'));
  }, voices);
}

const switchOn = (panel: Page): Promise<boolean> => panel.$eval('[data-testid="session-resident"]', (el) => (el as HTMLInputElement).checked);
const chips = (panel: Page): Promise<string[]> => panel.$$eval('[data-testid^="chip-"]', (els) => els.map((e) => `${e.getAttribute('data-testid')}=${e.getAttribute('data-on')}`));

describe('the console at the desk', () => {
  const ctx = useEnv();

  it('switches resident mode for this session only: the card follows, the setting stays, the next session starts from the setting', async () => {
    const { site, panel } = await startGuided(ctx.env, VNEID_LOGIN);
    await waitForStep(site, 'Bước 1/8');
    await waitForUi(site, '[data-resident="off"]');
    await panel.page.bringToFront();
    expect(await switchOn(panel.page)).toBe(false);
    expect(await chips(panel.page)).toEqual(['chip-large-text=false', 'chip-read-aloud=false']);

    // On the main screen, no settings opened: one click.
    expect(await panel.page.$eval('details.settings', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    await clickWhenReady(panel.page, '[data-testid="session-resident"]');
    await panel.page.waitForFunction(() => document.querySelector('[data-testid="chip-large-text"]')?.getAttribute('data-on') === 'true');
    // Read aloud needs a voice: this browser's voices as the console sees them, none and then a Vietnamese one.
    await setVoices(panel.page, []);
    await panel.page.waitForFunction(() => document.querySelector('[data-testid="chip-read-aloud"]')?.getAttribute('data-voice') === 'none');
    expect(await panel.page.$eval('[data-testid="chip-read-aloud"]', (e) => e.textContent)).toMatch(/máy chưa có giọng đọc tiếng Việt/);
    expect(await chips(panel.page)).toEqual(['chip-large-text=true', 'chip-read-aloud=false']);
    await setVoices(panel.page, [{ lang: 'vi-VN', name: 'Tiếng Việt', localService: true, default: false }]);
    await panel.page.waitForFunction(() => !document.querySelector('[data-testid="chip-read-aloud"]')?.hasAttribute('data-voice'));
    expect(await chips(panel.page)).toEqual(['chip-large-text=true', 'chip-read-aloud=true']);
    await site.bringToFront();
    await waitForUi(site, '[data-resident="on"]');
    await waitForStep(site, 'Bước 1/8');
    // The desk setting is not changed by it.
    await panel.page.bringToFront();
    expect((await storedSettings(panel.page))?.residentMode ?? false).toBe(false);
    expect(await axe(panel.page)).toEqual([]);

    // While the outcome form shows, the card leaves the resident's page (nothing there moves the guide on);
    // "Hủy" brings it back on the same step.
    await clickWhenReady(panel.page, '[data-testid="stop"]');
    await panel.page.waitForSelector('[data-testid="outcome-form"]');
    await site.waitForFunction(() => !document.querySelector('dan-buoc-overlay'));
    await clickWhenReady(panel.page, '[data-testid="outcome-cancel"]');
    await site.bringToFront();
    await waitForStep(site, 'Bước 1/8');
    await panel.page.bringToFront();

    // The session ends; the switch shows the setting again, and so does the next session's card.
    await panel.endWith('Hoàn thành');
    await panel.page.waitForFunction(() => !(document.querySelector('[data-testid="session-resident"]') as HTMLInputElement).checked);
    await startFromList(panel, VNEID_LOGIN.key);
    expect(await switchOn(panel.page)).toBe(false);
    await site.bringToFront();
    await waitForStep(site, 'Bước 1/8');
    await waitForUi(site, '[data-resident="off"]');
    expect((await storedSettings(panel.page))?.residentMode ?? false).toBe(false);
    await panel.endWith('Hoàn thành');
  });

  it('the outcome form is a state of its own: no guide controls, large cards, "Ghi kết quả" in view at 360×900; "Hoàn tác" takes the record out', async () => {
    const panel = await SidePanelPage.of((await ctx.env.browser.pages()).find((p) => p.url().includes('sidepanel.html'))!);
    const page = panel.page;
    await page.bringToFront();
    await page.setViewport({ width: 360, height: 900 });
    // The longest walkthrough (29 steps, a long list of papers).
    await startFromList(panel, 'dichvucong/ly-lich-tu-phap');
    const id = await sessionId(page);
    await clickWhenReady(page, '[data-testid="stop"]');
    await page.waitForSelector('[data-testid="running"][data-state="outcome"] [data-testid="outcome-form"]');

    // No way to move the guide while the outcome is being recorded.
    const nav = await page.$$eval('button', (els) =>
      els.filter((b) => !(b as HTMLButtonElement).disabled && b.getClientRects().length > 0).map((b) => b.textContent?.trim()),
    );
    for (const label of ['Quay lại', 'Chỉ lại', 'Bỏ qua', 'Tiếp', 'Tạm dừng']) expect(nav).not.toContain(label);

    // Large radio cards for the outcome and the reason, not selects.
    await clickWhenReady(page, '[data-testid="outcome-stopped"]');
    await clickWhenReady(page, '[data-testid="outcome-reason-forgot-password"]');
    await clickWhenReady(page, '[data-testid="outcome-age-60-plus"]');
    expect(await page.$('.outcome select')).toBeNull();
    const cards = await page.$$eval('.choice-card', (els) => els.map((e) => e.getBoundingClientRect().height));
    expect(cards.length).toBeGreaterThanOrEqual(4 + 9 + 4);
    expect(Math.min(...cards)).toBeGreaterThanOrEqual(44);

    // "Ghi kết quả" is in the viewport and nothing covers it, without scrolling to it.
    const save = await page.$eval('[data-testid="save-outcome"]', (el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return { top: r.top, bottom: r.bottom, height: innerHeight, hit: !!top && el.contains(top) };
    });
    expect(save.top).toBeGreaterThanOrEqual(0);
    expect(save.bottom).toBeLessThanOrEqual(save.height);
    expect(save.hit).toBe(true);
    expect(await axe(page)).toEqual([]);

    // Saved, then undone: the record is in the logs, then in neither the logs nor the waiting queue.
    expect(await panel.recordOutcome()).toMatch(/Dừng giữa chừng/);
    await page.waitForSelector('[data-testid="undo-outcome"]');
    expect(await axe(page)).toEqual([]);
    expect(((await panel.logRecords()) as { id: string; outcome: string }[]).filter((r) => r.id === id).map((r) => r.outcome)).toEqual(['stopped']);
    await clickWhenReady(page, '[data-testid="undo-outcome"]');
    await page.waitForSelector('[data-testid="running"][data-state="outcome"] [data-testid="outcome-form"]');
    expect((await panel.logRecords()) as { id: string }[]).not.toContainEqual(expect.objectContaining({ id }));
    expect(await pendingRecords(page)).not.toContainEqual(expect.objectContaining({ id }));
    // The form comes back as it was saved.
    expect(await page.$eval('[data-testid="outcome-stopped"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    expect(await page.$eval('[data-testid="outcome-reason-forgot-password"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    expect(await axe(page)).toEqual([]);

    // Saved again with another outcome: one record, the new one.
    await clickWhenReady(page, '[data-testid="outcome-completed"]');
    expect(await panel.recordOutcome()).toMatch(/Hoàn thành/);
    expect(((await panel.logRecords()) as { id: string; outcome: string }[]).filter((r) => r.id === id).map((r) => r.outcome)).toEqual(['completed']);
  });

  it('opens the report in one click from the main screen', async () => {
    const page = (await ctx.env.browser.pages()).find((p) => p.url().includes('sidepanel.html'))!;
    await page.bringToFront();
    await page.waitForFunction(() => !document.querySelector('[data-testid="running"]'));
    const opened = ctx.env.browser.waitForTarget((t) => t.url().endsWith('/dashboard.html'));
    await clickWhenReady(page, '[data-testid="open-dashboard"]');
    const dashboard = (await (await opened).page())!;
    await dashboard.waitForSelector('main');
    await dashboard.close();
  });

  it('keeps "Sửa" clear of "Bắt đầu" and the search hint whole at 360 px', async () => {
    const page = (await ctx.env.browser.pages()).find((p) => p.url().includes('sidepanel.html'))!;
    await page.bringToFront();
    await page.setViewport({ width: 360, height: 900 });
    await clickWhenReady(page, '[data-walkthrough="evn/thanh-toan-hoa-don-dien"]');
    await page.waitForSelector('[data-testid="wt-edit"]');
    const gap = await page.evaluate(() => {
      const a = document.querySelector('[data-testid="start"]')!.getBoundingClientRect();
      const b = document.querySelector('[data-testid="wt-edit"]')!.getBoundingClientRect();
      // Side by side or one under the other: the space between them.
      return Math.max(b.left - a.right, b.top - a.bottom);
    });
    expect(gap).toBeGreaterThanOrEqual(8);
    const fit = await page.$eval('.panel-search', (el) => {
      const input = el as HTMLInputElement;
      const cs = getComputedStyle(input);
      const ctx2d = document.createElement('canvas').getContext('2d')!;
      ctx2d.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return { text: ctx2d.measureText(input.placeholder).width, room: input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) };
    });
    expect(fit.text).toBeGreaterThan(0);
    expect(fit.text).toBeLessThanOrEqual(fit.room);
  });
});
