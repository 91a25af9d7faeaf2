// The screenshot tour (issue 20): every screen of the product, reached as its users reach it — the console's
// states, the step card on a site (normal, resident mode, shrunk, control not found), the dashboard with sample
// logs, the editor, the recording bar, the OCR helper, the link checker, the scam warning page, the widget on
// the ward page at 1280 and 375 px and its print view. Shared by `npm run tour` (scripts/tour.ts: a PNG of each
// into tour-output/) and tests/e2e/tour.test.ts (axe on each).
//
// Screens are grouped in scenes; each scene runs in its own browser and profile (runScene), its screens in
// order, each going on from where the one before left. Screens wait for states, never for time, and find
// controls by data-testid / data-dan-buoc / data-walkthrough as the e2e tests do, so that they survive
// changes of layout and words.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { toJson } from '../../core/log-export';
import type { AgeBand, AssistRecord, RecordOutcome } from '../../core/log-record';
import { setup, type Env } from './env';
import { VNEID_LOGIN, EVN_BILL } from './flows';
import { targetsFor } from './harness';
import { docPage, makeDoc, NO_DAMAGE, renderDoc, rng } from './ocr-docs';
import { SidePanelPage, targetBox, waitForStep, waitForUi, waitInUi, type UiHost } from './overlay-probe';
import { importFile, openDashboard, waitTotal } from './pages/dashboard';
import { openEditor } from './pages/editor';
import { clickIn, ready } from './pages/widget';
import { mulberry32 } from './random';
import { startWardSite, type WardSite } from './ward-site';

/** The console as a side panel is (a narrow column beside the site). */
export const PANEL_VIEWPORT = { width: 400, height: 900 } as const;
/** A ward's PC at the help desk. */
export const DESK_VIEWPORT = { width: 1280, height: 800 } as const;
/** A resident's phone. */
export const PHONE_VIEWPORT = { width: 375, height: 812 } as const;
/** An A4 page at 96 dpi, for the print view. */
export const A4_VIEWPORT = { width: 794, height: 1123 } as const;

/** Where axe looks on a screen: the page (or a part of it), or an on-page UI inside its closed shadow root. */
export type AxeScope = { kind: 'page'; include?: string } | { kind: 'ui'; host: UiHost };

/** A screen ready to be photographed and checked. */
export interface Shot {
  page: Page;
  axe: AxeScope;
  /** The whole page rather than the viewport. @default false */
  fullPage?: boolean;
}

export interface TourContext {
  env: Env;
  /** The stand-in ward website with the widget (widget/demo/). */
  ward: WardSite;
  /** A scratch folder for the scene, removed after it. */
  dir: string;
}

export interface Screen {
  /** Kebab-case, what the file is named after (`01-console-list.png`). */
  name: string;
  /** What it shows, in a line. */
  about: string;
  /** Set by tour(): `NN-name`, numbered in tour order. */
  file: string;
  /** Also copied, at 1x and the viewport only, into docs/tour/ under this name (shown in the README). */
  readme?: string;
  open(ctx: TourContext): Promise<Shot>;
}

export interface Scene {
  name: string;
  screens: Screen[];
}

type ScreenDef = Omit<Screen, 'file'>;

/** Every scene of the tour, fresh (a scene keeps its pages between its screens), its screens numbered. */
export function tour(): Scene[] {
  const scenes: { name: string; screens: ScreenDef[] }[] = [
    consoleAndCard(),
    residentMode(),
    controlNotFound(),
    dashboard(),
    editor(),
    recorder(),
    consoleTools(),
    scamWarning(),
    widget(),
  ];
  let n = 0;
  return scenes.map((s) => ({ name: s.name, screens: s.screens.map((d) => ({ ...d, file: `${String(++n).padStart(2, '0')}-${d.name}` })) }));
}

/**
 * Run a scene in a browser of its own (the built extension, the stand-in sites, the ward site): each screen
 * opened in turn, its page brought to the front, then handed to `each` (photograph it, run axe on it).
 */
export async function runScene(scene: Scene, each: (screen: Screen, shot: Shot) => Promise<void>): Promise<void> {
  const env = await setup();
  const ward = await startWardSite().catch(async (err: unknown) => {
    await env.close();
    throw err;
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'dan-buoc-tour-'));
  try {
    for (const screen of scene.screens) {
      let shot: Shot;
      try {
        shot = await screen.open({ env, ward, dir });
      } catch (err) {
        throw new Error(`tour screen ${screen.file} (${screen.about}) did not open: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      await shot.page.bringToFront();
      await each(screen, shot);
    }
  } finally {
    await env.close();
    await ward.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- helpers -------------------------------------------------------------------------------------------------

/** The console beside the resident's tab, sized as a side panel, once it has loaded. */
async function openPanel(env: Env): Promise<SidePanelPage> {
  const panel = await SidePanelPage.open(env);
  await panel.page.setViewport(PANEL_VIEWPORT);
  return panel;
}

async function click(page: Page, selector: string, timeout = 10_000): Promise<void> {
  await (await page.waitForSelector(selector, { timeout }))!.click();
}

/** Open or close the console's settings (a <details>), waiting until it is so. */
async function showSettings(page: Page, open: boolean): Promise<void> {
  const details = await page.waitForSelector('details.settings');
  if ((await details!.evaluate((d) => (d as HTMLDetailsElement).open)) !== open) await click(page, 'details.settings > summary');
  await page.waitForFunction((want: boolean) => (document.querySelector('details.settings') as HTMLDetailsElement | null)?.open === want, {}, open);
}

/**
 * Resident mode on for the sessions started from now on: the desk's setting, which a session takes as its
 * default. Turned on in the console's settings as a volunteer does.
 */
async function residentByDefault(page: Page): Promise<void> {
  await showSettings(page, true);
  // A checkbox today; a switch (aria-checked) or a toggle button (aria-pressed) would do as well.
  const on = (el: Element): boolean => (el as HTMLInputElement).checked === true || el.getAttribute('aria-checked') === 'true' || el.getAttribute('aria-pressed') === 'true';
  const control = (await page.waitForSelector('[data-testid="resident-mode"]'))!;
  if (!(await control.evaluate(on))) await control.click();
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid="resident-mode"]');
      return !!el && ((el as HTMLInputElement).checked === true || el.getAttribute('aria-checked') === 'true' || el.getAttribute('aria-pressed') === 'true');
    },
    { polling: 100 },
  );
  await showSettings(page, false);
}

/**
 * Press a console button that acts on the resident's tab ("Bắt đầu", "Ghi hướng dẫn mới") with that tab in
 * front, as it is beside a real side panel: the console here is a tab of its own, which the background must
 * not take for the resident's (a browser that hides an extension's own tab URLs from it without the "tabs"
 * permission would let it). A background tab takes no mouse input, so the button is clicked from its page.
 */
async function pressBeside(panel: SidePanelPage, site: Page, selector: string): Promise<void> {
  const button = await panel.page.waitForSelector(selector);
  await site.bringToFront();
  await button!.evaluate((b) => (b as HTMLElement).click());
}

/** Pick a walkthrough in the console's list and press "Bắt đầu" beside the site; wait until it runs. */
async function startFromList(panel: SidePanelPage, site: Page, key: string): Promise<void> {
  await panel.page.bringToFront();
  await click(panel.page, `[data-walkthrough="${key}"]`);
  await pressBeside(panel, site, '[data-testid="start"]');
  await panel.page.waitForSelector('[data-testid="running"]');
}

/** Wait until the console shows the guide's state `state` on the resident's tab. */
async function consoleGuide(page: Page, state: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((s: string) => document.querySelector('[data-testid="guide-state"]')?.getAttribute('data-state') === s, { timeout, polling: 100 }, state);
}

/** A click in the middle of a control of the stand-in site, by its targets.json id. */
async function press(site: Page, target: string): Promise<void> {
  const box = await targetBox(site, target);
  await site.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Sample assistance records (three months of a ward desk, from a fixed seed) for the dashboard's charts. */
export function sampleRecords(now: number, count = 60): AssistRecord[] {
  const next = mulberry32(20261202);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const walkthroughs: [string, string, number][] = [
    ['dichvucong', 'dang-nhap-vneid', 8],
    ['dichvucong', 'dang-nhap-vneid', 8],
    ['dichvucong', 'ly-lich-tu-phap', 29],
    ['evn', 'thanh-toan-hoa-don-dien', 6],
    ['evn', 'thanh-toan-hoa-don-dien', 6],
    ['ebank', 'chuyen-tien', 11],
  ];
  const outcomes: RecordOutcome[] = ['completed', 'completed', 'completed', 'completed', 'stopped', 'referred', 'site-error', 'abandoned'];
  const bands: (AgeBand | undefined)[] = ['under-30', '30-59', '60-plus', '60-plus', '60-plus', undefined];
  return Array.from({ length: count }, (_, i) => {
    const [packId, walkthroughId, total] = pick(walkthroughs);
    const outcome = pick(outcomes);
    const reached = outcome === 'completed' ? total : 1 + Math.floor(next() * total);
    const r: AssistRecord = {
      id: `tour-${String(i).padStart(4, '0')}-sample`,
      packId,
      walkthroughId,
      walkthroughVersion: '1.0.0',
      wardCode: '26734',
      volunteer: 'TNV-03',
      startHour: Math.floor((now - i * 1.5 * DAY - Math.floor(next() * 8) * HOUR) / HOUR) * HOUR,
      durationSec: 180 + Math.floor(next() * 900),
      total,
      stepsReached: reached,
      stepsCompleted: outcome === 'completed' ? total : reached - 1,
      repeats: next() < 0.3 ? { [Math.floor(next() * reached)]: 1 + Math.floor(next() * 3) } : {},
      // The portal's sign-in choice is the step most often not found: the dashboard says to check it.
      notFound: walkthroughId === 'dang-nhap-vneid' && reached > 2 && next() < 0.4 ? [2] : [],
      skipped: [],
      outcome,
    };
    const band = pick(bands);
    if (band) r.ageBand = band;
    if (outcome !== 'completed') r.reason = 'missing-papers';
    if (i % 9 === 0) r.note = 'Thiếu CCCD gắn chíp, hẹn quay lại';
    return r;
  });
}

/** An SMS with a lookalike link, the real portal and an unrelated site: the checker's three verdicts. */
const SMS =
  '[BO CONG AN] Tai khoan dinh danh cua ong/ba se bi khoa trong 24h. Cap nhat tai https://dichvucong-gov.vn.xyz/xac-thuc de tranh bi xu phat. Trang that: dichvucong.gov.vn. Bao: vnexpress.net';

// --- scenes --------------------------------------------------------------------------------------------------

/** The console from the list to the outcome form, and the card on the portal, normal and shrunk. */
function consoleAndCard(): { name: string; screens: ScreenDef[] } {
  let site: Page;
  let panel: SidePanelPage;
  return {
    name: 'console and step card',
    screens: [
      {
        name: 'console-list',
        about: 'the console: the catalogue of walkthroughs',
        async open({ env }) {
          site = await env.browser.newPage();
          await site.goto(VNEID_LOGIN.startUrl, { waitUntil: 'load' });
          panel = await openPanel(env);
          await panel.page.waitForSelector(`[data-walkthrough="${VNEID_LOGIN.key}"]`);
          return { page: panel.page, axe: { kind: 'page' }, fullPage: true };
        },
      },
      {
        name: 'console-settings',
        about: 'the console: its settings opened',
        async open() {
          await showSettings(panel.page, true);
          await panel.page.waitForSelector('[data-testid="resident-mode"]');
          return { page: panel.page, axe: { kind: 'page' }, fullPage: true };
        },
      },
      {
        name: 'console-walkthrough',
        about: 'the console: a walkthrough picked (what to bring, "Bắt đầu")',
        async open() {
          await showSettings(panel.page, false);
          await click(panel.page, `[data-walkthrough="${VNEID_LOGIN.key}"]`);
          await panel.page.waitForSelector('[data-testid="start"]');
          return { page: panel.page, axe: { kind: 'page' }, fullPage: true };
        },
      },
      {
        name: 'console-guiding',
        readme: 'console-guiding.png',
        about: 'the console guiding step 1, its control found on the resident\'s tab',
        async open() {
          await pressBeside(panel, site, '[data-testid="start"]');
          await panel.page.waitForSelector('[data-testid="running"]');
          await consoleGuide(panel.page, 'found');
          return { page: panel.page, axe: { kind: 'page' }, fullPage: true };
        },
      },
      {
        name: 'card',
        readme: 'card.png',
        about: 'the step card on the portal, its control outlined',
        async open() {
          await site.bringToFront();
          await waitForStep(site, 'Bước 1/8');
          return { page: site, axe: { kind: 'ui', host: 'dan-buoc-overlay' } };
        },
      },
      {
        name: 'card-shrunk',
        about: 'the step card shrunk to a pill, the outline kept',
        async open() {
          await (await waitForUi(site, '[data-dan-buoc="shrink"]')).click();
          await waitForUi(site, '[data-dan-buoc="expand"]');
          await waitForStep(site, 'Bước 1/8');
          return { page: site, axe: { kind: 'ui', host: 'dan-buoc-overlay' } };
        },
      },
      {
        name: 'console-outcome',
        about: 'the console: the outcome form at the end of a session',
        async open() {
          await panel.page.bringToFront();
          if (!(await panel.page.$('[data-testid="outcome-form"]'))) await click(panel.page, '[data-testid="stop"]');
          await panel.page.waitForSelector('[data-testid="outcome-form"]');
          return { page: panel.page, axe: { kind: 'page' }, fullPage: true };
        },
      },
    ],
  };
}

/** A session in resident mode: the card larger and in high contrast, and the console beside it. */
function residentMode(): { name: string; screens: ScreenDef[] } {
  let site: Page;
  let panel: SidePanelPage;
  return {
    name: 'resident mode',
    screens: [
      {
        name: 'card-resident',
        about: 'the step card in resident mode (large text, high contrast, thick outline)',
        async open({ env }) {
          site = await env.browser.newPage();
          await site.goto(VNEID_LOGIN.startUrl, { waitUntil: 'load' });
          panel = await openPanel(env);
          await residentByDefault(panel.page);
          await startFromList(panel, site, VNEID_LOGIN.key);
          await site.bringToFront();
          await waitForUi(site, '[data-resident="on"]');
          await waitForStep(site, 'Bước 1/8');
          return { page: site, axe: { kind: 'ui', host: 'dan-buoc-overlay' } };
        },
      },
      {
        name: 'console-resident',
        about: 'the console guiding a session in resident mode',
        async open() {
          await panel.page.bringToFront();
          await consoleGuide(panel.page, 'found');
          return { page: panel.page, axe: { kind: 'page' }, fullPage: true };
        },
      },
    ],
  };
}

/** The portal "changed": the step's control is gone; the card and the console say so and offer ways out. */
function controlNotFound(): { name: string; screens: ScreenDef[] } {
  let site: Page;
  let panel: SidePanelPage;
  return {
    name: 'control not found',
    screens: [
      {
        name: 'card-not-found',
        about: 'the step card when its control is not on the page: the hint in words, "Bỏ qua bước"',
        async open({ env }) {
          site = await env.browser.newPage();
          const selector = targetsFor(VNEID_LOGIN.startUrl)['login-button']!;
          await site.evaluateOnNewDocument((sel: string) => {
            document.addEventListener('DOMContentLoaded', () => document.querySelector(sel)?.remove());
          }, selector);
          await site.goto(VNEID_LOGIN.startUrl, { waitUntil: 'load' });
          panel = await openPanel(env);
          await startFromList(panel, site, VNEID_LOGIN.key);
          await consoleGuide(panel.page, 'not-found', 30_000);
          await site.bringToFront();
          await waitForStep(site, 'Bước 1/8', { outline: false, timeout: 30_000 });
          await waitInUi(site, 'dan-buoc-overlay', { timeout: 20_000 }, (root) => !!root?.querySelector('[data-dan-buoc="notice"]') && !!root.querySelector('[data-dan-buoc="skip"]'));
          return { page: site, axe: { kind: 'ui', host: 'dan-buoc-overlay' } };
        },
      },
      {
        name: 'console-not-found',
        about: 'the console when the guide is lost: what is wrong and the ways out',
        async open() {
          await panel.page.bringToFront();
          await consoleGuide(panel.page, 'not-found');
          await panel.page.waitForSelector('[data-testid="lost-skip"]');
          return { page: panel.page, axe: { kind: 'page' }, fullPage: true };
        },
      },
    ],
  };
}

/** The ward's report with three months of sample records imported through its own file input. */
function dashboard(): { name: string; screens: ScreenDef[] } {
  return {
    name: 'dashboard',
    screens: [
      {
        name: 'dashboard',
        readme: 'dashboard.png',
        about: 'the ward dashboard with sample logs imported (figures, charts, funnel)',
        async open({ env, dir }) {
          const page = await openDashboard(env);
          const records = sampleRecords(Date.now());
          const file = path.join(dir, 'mau.json');
          writeFileSync(file, toJson(records, Date.now()));
          await importFile(page, file);
          await waitTotal(page, records.length);
          // The charts are drawn (chart.js without animation) once their canvases have a size.
          await page.waitForFunction(() => {
            const canvases = [...document.querySelectorAll('canvas')];
            return canvases.length > 0 && canvases.every((c) => c.width > 0 && c.height > 0);
          });
          await page.evaluate(() => window.scrollTo(0, 0));
          return { page, axe: { kind: 'page' }, fullPage: true };
        },
      },
    ],
  };
}

/** The editor of a walkthrough, opened with "Sửa" from the console (a built-in pack: the desk's copy). */
function editor(): { name: string; screens: ScreenDef[] } {
  return {
    name: 'editor',
    screens: [
      {
        name: 'editor',
        about: 'the walkthrough editor (the desk\'s copy of the EVN bill walkthrough)',
        async open({ env }) {
          const panel = await openPanel(env);
          await click(panel.page, `[data-walkthrough="${EVN_BILL.key}"]`);
          const page = await openEditor(panel.page, '[data-testid="wt-edit"]');
          await page.setViewport({ width: 1280, height: 900 });
          await page.waitForSelector('[data-testid="editor-save"]');
          await page.waitForSelector('[data-step="0"]');
          return { page, axe: { kind: 'page' }, fullPage: true };
        },
      },
    ],
  };
}

/** Recording a walkthrough by doing it: the bar on the site after the first step, and the console beside it. */
function recorder(): { name: string; screens: ScreenDef[] } {
  let site: Page;
  let panel: SidePanelPage;
  return {
    name: 'recorder',
    screens: [
      {
        name: 'recorder-bar',
        about: 'the recording bar on the EVN site after one recorded step',
        async open({ env }) {
          site = await env.browser.newPage();
          await site.goto(EVN_BILL.startUrl, { waitUntil: 'load' });
          panel = await openPanel(env);
          await pressBeside(panel, site, '[data-testid="record-start"]');
          await panel.page.waitForSelector('[data-testid="recording-count"]');
          await site.bringToFront();
          await waitForUi(site, '[data-dan-buoc="rec-count"]', { host: 'dan-buoc-recorder' });
          await press(site, 'customer-code');
          await site.keyboard.type('PE01000123456');
          await waitInUi(site, 'dan-buoc-recorder', {}, (root) => /\b1\b/.test(root?.querySelector('[data-dan-buoc="rec-count"]')?.textContent ?? ''));
          return { page: site, axe: { kind: 'ui', host: 'dan-buoc-recorder' } };
        },
      },
      {
        name: 'console-recording',
        about: 'the console while recording: the count, a name and a category to save it under',
        async open() {
          await panel.page.bringToFront();
          await panel.page.waitForFunction(() => /\b1\b/.test(document.querySelector('[data-testid="recording-count"]')?.textContent ?? ''));
          return { page: panel.page, axe: { kind: 'page' }, fullPage: true };
        },
      },
    ],
  };
}

/** The console's tools: "Đọc giấy tờ" with a bill read, then "Kiểm tra đường link" with three verdicts. */
function consoleTools(): { name: string; screens: ScreenDef[] } {
  let panel: SidePanelPage;
  return {
    name: 'console tools',
    screens: [
      {
        name: 'ocr-helper',
        about: 'the OCR helper: an EVN bill read from a photo file, its codes ready to copy',
        async open({ env, dir }) {
          const render = await docPage(env.browser);
          const shot = await renderDoc(render, makeDoc('evn-bill', rng(20261202)), NO_DAMAGE, 1);
          await render.close();
          const file = path.join(dir, 'hoa-don.png');
          writeFileSync(file, shot.bytes);
          panel = await openPanel(env);
          await click(panel.page, '[data-testid="ocr-open"]');
          await panel.page.waitForSelector('[data-testid="ocr-helper"]');
          const input = (await panel.page.waitForSelector('input[data-testid="ocr-file"]')) as ElementHandle<HTMLInputElement>;
          await input.uploadFile(file);
          await panel.page.waitForSelector('[data-testid="ocr-result"] .ocr-field', { timeout: 90_000 });
          return { page: panel.page, axe: { kind: 'page' }, fullPage: true };
        },
      },
      {
        name: 'link-checker',
        about: 'the link checker: a fake site, the real portal and an unrelated site in one message',
        async open() {
          const page = panel.page;
          if (await page.$('[data-testid="ocr-close"]')) await click(page, '[data-testid="ocr-close"]');
          await page.waitForSelector('[data-testid="ocr-helper"]', { hidden: true });
          await click(page, '[data-testid="links-open"]');
          await page.waitForSelector('[data-testid="link-check"]');
          await (await page.waitForSelector('[data-testid="links-text"]'))!.type(SMS);
          await click(page, '[data-testid="links-check"]');
          await page.waitForFunction(() => document.querySelectorAll('[data-testid="links-item"]').length === 3);
          return { page, axe: { kind: 'page' }, fullPage: true };
        },
      },
    ],
  };
}

/** The page shown in place of a lookalike site (opened by its address, as the background opens it). */
function scamWarning(): { name: string; screens: ScreenDef[] } {
  return {
    name: 'scam warning',
    screens: [
      {
        name: 'scam-warning',
        about: 'the scam warning page in place of dichvucong-gov.vn.xyz',
        async open({ env }) {
          const page = await env.browser.newPage();
          await page.setViewport(DESK_VIEWPORT);
          await page.goto(`chrome-extension://${env.extensionId}/warning.html?host=dichvucong-gov.vn.xyz`, { waitUntil: 'load' });
          await page.waitForSelector('[data-testid="warning-do"]');
          return { page, axe: { kind: 'page' }, fullPage: true };
        },
      },
    ],
  };
}

/** Wait until widget `i` shows the step `label` ("Bước 1/8"). */
async function widgetStep(page: Page, i: number, label: string): Promise<void> {
  await page.waitForFunction(
    (i: number, want: string) => document.querySelectorAll('dan-buoc-guide')[i]?.shadowRoot?.querySelector('[data-dan-buoc="step"]')?.textContent === want,
    {},
    i,
    label,
  );
}

/** Open walkthrough `id` in widget `i` (its page: what to bring, start, print). */
async function widgetOpen(page: Page, i: number, id: string): Promise<void> {
  await ready(page, i);
  await clickIn(page, i, `.dbw-item[data-walkthrough="${id}"]`);
  await page.waitForFunction((i: number) => !!document.querySelectorAll('dan-buoc-guide')[i]?.shadowRoot?.querySelector('[data-dan-buoc="widget-start"]'), {}, i);
}

/** The widget on the stand-in ward website (two packs, a strict CSP), on a PC, on a phone and printed. */
function widget(): { name: string; screens: ScreenDef[] } {
  const WIDGET = { kind: 'page', include: 'dan-buoc-guide' } as const;
  return {
    name: 'widget',
    screens: [
      {
        name: 'widget-1280',
        about: 'the widget on the ward page at 1280 px: two packs\' catalogues',
        async open({ env, ward }) {
          const page = await env.browser.newPage();
          await page.setViewport({ width: 1280, height: 900 });
          await page.goto(ward.url, { waitUntil: 'load' });
          await ready(page, 0);
          await ready(page, 1);
          return { page, axe: WIDGET, fullPage: true };
        },
      },
      {
        name: 'widget-375',
        about: 'the widget on a phone (375 px): a walkthrough\'s page, what to bring',
        async open({ env, ward }) {
          const page = await env.browser.newPage();
          await page.setViewport(PHONE_VIEWPORT);
          await page.goto(ward.url, { waitUntil: 'load' });
          await widgetOpen(page, 0, 'dang-nhap-vneid');
          return { page, axe: WIDGET, fullPage: true };
        },
      },
      {
        name: 'widget-375-step',
        readme: 'widget-375-step.png',
        about: 'the widget on a phone (375 px): a step, with "Nghe" and "Tiếp"',
        async open({ env, ward }) {
          const page = await env.browser.newPage();
          await page.setViewport(PHONE_VIEWPORT);
          await page.goto(ward.url, { waitUntil: 'load' });
          await widgetOpen(page, 0, 'dang-nhap-vneid');
          await clickIn(page, 0, '[data-dan-buoc="widget-start"]');
          await widgetStep(page, 0, 'Bước 1/8');
          await page.evaluate(() => document.querySelector('dan-buoc-guide')!.scrollIntoView());
          return { page, axe: WIDGET };
        },
      },
      {
        name: 'widget-print',
        about: 'the widget\'s print view of the 29-step lý lịch tư pháp walkthrough, as printed on A4',
        async open({ env, ward }) {
          const page = await env.browser.newPage();
          await page.setViewport(A4_VIEWPORT);
          await page.goto(ward.url, { waitUntil: 'load' });
          await widgetOpen(page, 0, 'ly-lich-tu-phap');
          await clickIn(page, 0, '[data-dan-buoc="widget-print-view"]');
          await page.waitForFunction(() => !!document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('svg[data-dan-buoc="widget-qr"]'));
          await page.emulateMediaType('print');
          return { page, axe: WIDGET, fullPage: true };
        },
      },
    ],
  };
}
