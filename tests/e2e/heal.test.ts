// Issue 17.3, heal on the spot: the portal "changed" — its sign-in link is gone and another control stands in
// its place — so the guide cannot find step 1. The console offers "Chỉ cho Dẫn Bước"; the volunteer clicks the
// control on the resident's page (the click only picks); the step is saved in a new version of the desk's
// copy (the old anchor kept beside the new one), the guide outlines the control at once and the walkthrough
// goes on to the end; the log counts one repair of step 1, the dashboard lists it, and roll-back restores the
// version before.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { VNEID_LOGIN } from '../support/flows';
import { openDashboard, waitTotal } from '../support/pages/dashboard';
import { axe, clickWhenReady, expectOutlines, overlaps, startGuided, until, useEnv, waitForStep, waitForUi, walkSteps } from './fixture';
import { actOnOutlined } from '../support/flows';
import { privateItem } from './private-items';

interface StoredAnchor {
  name?: string;
  text?: string;
  id?: string;
}
interface StoredPack {
  id: string;
  version: string;
  walkthroughs: { id: string; steps: { id: string; anchor?: StoredAnchor; alsoAnchors?: StoredAnchor[] }[] }[];
}
type Library = { packs: Record<string, StoredPack[]> };

const COPY = 'dichvucong-ban-sua';
const NEW_CONTROL = 'dan-buoc-test-entry';

/** The portal's home page redesigned: the sign-in link replaced by a button of other words, elsewhere. */
async function redesignHome(site: Page): Promise<void> {
  await site.evaluateOnNewDocument((id: string) => {
    if (location.hostname !== 'dichvucong.gov.vn' || location.pathname !== '/') return;
    document.addEventListener('DOMContentLoaded', () => {
      document.querySelector('#authArea a.btn-login')?.remove();
      const button = document.createElement('button');
      button.type = 'button';
      button.id = id;
      button.textContent = 'Cổng cá nhân';
      button.style.cssText = 'position:fixed;left:24px;bottom:24px;padding:10px 16px;z-index:5';
      button.addEventListener('click', () => location.assign('/dang-nhap.html'));
      document.body.append(button);
    });
  }, NEW_CONTROL);
}

async function boxOf(site: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const el = await site.waitForSelector(selector);
  return el!.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

describe('17.3 heal on the spot', () => {
  const ctx = useEnv();

  it('17.3 a step not found is repaired by a pick on the page, the guide goes on to the end, and the repair is logged, listed and rolled back', async () => {
    const env = ctx.env;
    const site = await env.browser.newPage();
    await site.setViewport({ width: 1280, height: 800 });
    await redesignHome(site);
    const { panel } = await startGuided(env, VNEID_LOGIN, site);
    await waitForStep(site, 'Bước 1/8', { outline: false, timeout: 30_000 });

    // The console says the guide is lost and offers the repair (announced in a live region).
    await panel.page.bringToFront();
    await panel.page.waitForSelector('[data-testid="heal-pick"]', { timeout: 30_000 });
    expect(await panel.page.$eval('[data-testid="guide-line"]', (el) => el.getAttribute('aria-live'))).toBe('polite');
    expect(await panel.page.$eval('[data-testid="guide-state"]', (el) => el.getAttribute('data-state'))).toBe('not-found');
    expect(await axe(panel.page, '[data-testid="heal"]')).toEqual([]);
    await clickWhenReady(panel.page, '[data-testid="heal-pick"]');
    await panel.page.waitForSelector('[data-testid="heal-picking"]');

    // The volunteer clicks the control on the resident's page: the click picks, the page does not act on it.
    await site.bringToFront();
    await waitForUi(site, '[data-dan-buoc="pick-prompt"]', { host: 'dan-buoc-picker', timeout: 15_000 });
    const urlBefore = site.url();
    const control = await boxOf(site, `#${NEW_CONTROL}`);
    await site.mouse.click(control.x + control.width / 2, control.y + control.height / 2);

    // The guide outlines the picked control at once, in the repaired copy, and the card leaves it free.
    const state = await waitForStep(site, 'Bước 1/8', { timeout: 15_000 });
    expect(site.url()).toBe(urlBefore);
    expectOutlines(state.outline, control, 'Bước 1/8 repaired');
    expect(overlaps(state.bubble!, control)).toBe(false);
    await panel.page.bringToFront();
    const saved = await panel.page.waitForSelector('[data-testid="heal-saved"]', { timeout: 10_000 });
    expect(await saved!.evaluate((el) => el.textContent)).toBe(`Đã sửa bước 1: lưu trong «${COPY}», phiên bản 1.0.1. Hướng dẫn tiếp tục.`);
    expect(await axe(panel.page, '[data-testid="heal"]')).toEqual([]);

    // The desk's copy: 1.0.0 as copied, 1.0.1 with step 1's new anchor and the old one kept beside it.
    const lib = (await privateItem<Library>(panel.page, 'library'))!;
    expect(Object.keys(lib.packs)).toEqual([COPY]);
    expect(lib.packs[COPY]!.map((p) => p.version)).toEqual(['1.0.0', '1.0.1']);
    const before = lib.packs[COPY]![0]!.walkthroughs.find((w) => w.id === 'dang-nhap-vneid')!.steps[0]!;
    const after = lib.packs[COPY]![1]!.walkthroughs.find((w) => w.id === 'dang-nhap-vneid')!.steps[0]!;
    expect(after.anchor).toMatchObject({ name: 'Cổng cá nhân', id: NEW_CONTROL });
    expect(after.alsoAnchors).toEqual([before.anchor]);
    expect(before.anchor?.name).toBe('Đăng nhập');

    // The resident goes on: the repaired step's control, then every other step to the end.
    await site.bringToFront();
    await actOnOutlined(site, VNEID_LOGIN.steps[0]!, state.outline!);
    await walkSteps(site, panel, VNEID_LOGIN, { from: 1, privateTargets: ['password', 'otp-1'] });
    await panel.page.bringToFront();
    await panel.recordOutcome();
    const records = (await panel.logRecords()) as { packId: string; repairs?: number[]; notFound: number[]; outcome: string }[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ packId: COPY, repairs: [0], notFound: [0], outcome: 'completed' });
    expect(JSON.stringify(records)).not.toContain('Cổng cá nhân');

    // The dashboard lists the repaired step with a link to the copy in the editor.
    const dash = await openDashboard(env);
    await waitTotal(dash, 1);
    const row = await dash.waitForSelector(`[data-repair="${COPY}/dang-nhap-vneid#1"]`);
    expect(await row!.$eval('[data-col="repairs"]', (el) => el.textContent)).toBe('1');
    expect(await row!.$eval('[data-testid="repair-editor"]', (el) => (el as HTMLAnchorElement).href)).toBe(
      `chrome-extension://${env.extensionId}/editor.html?pack=${COPY}&w=dang-nhap-vneid`,
    );
    expect(await axe(dash, '[data-testid="repairs"]')).toEqual([]);
    await dash.close();

    // Roll-back in the console restores the version before the repair.
    await panel.page.bringToFront();
    await clickWhenReady(panel.page, 'details.settings > summary');
    await clickWhenReady(panel.page, `[data-pack="${COPY}"] [data-testid="pack-rollback"]`);
    const rolled = await until(async () => {
      const l = (await privateItem<Library>(panel.page, 'library'))!;
      return l.packs[COPY]!.length === 1 ? l : null;
    });
    expect(rolled!.packs[COPY]![0]!.version).toBe('1.0.0');
    expect(rolled!.packs[COPY]![0]!.walkthroughs.find((w) => w.id === 'dang-nhap-vneid')!.steps[0]!.anchor).toEqual(before.anchor);
  });
});
