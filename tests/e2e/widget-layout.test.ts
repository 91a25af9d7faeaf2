// The widget as a resident meets it at home (issue 20), measured in real Chromium: on phones and tablets
// (320, 375, 414, 768 px) no button alone on a row unless it fills the row, nothing wider than the page, no
// text under 16 px; the same on a ward page with a heavy global theme (Bootstrap 3-like root font size,
// `button { all: unset }`, content-box sizing, upper-case letter-spaced body); the print view on ONE A4 page
// (printed to PDF, pages counted) for the 29-step walkthrough and a 30-step one, steps at 14 pt or more;
// private steps spoken to a resident alone; "Nghe" only with a voice for the language, and what it shows
// while it reads.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, ROOT, startSites, type Launched, type SitesServer } from '../support/harness';
import { startWardSite, type WardSite } from '../support/ward-site';
import { axe } from '../support/axe';
import { clickIn, ready, textIn } from '../support/pages/widget';
import type { Pack } from '../../core/pack';

const vi = JSON.parse(readFileSync(path.join(ROOT, 'locales/vi.json'), 'utf8')) as Record<string, string>;
const dvc = JSON.parse(readFileSync(path.join(ROOT, 'walkthroughs/dichvucong.json'), 'utf8')) as Pack;
const LLTP = 'ly-lich-tu-phap';
const lltp = dvc.walkthroughs.find((w) => w.id === LLTP)!;

/** 30 steps: the 29 of lý lịch tư pháp and its longest once more (a pack of the ward's own, served beside). */
function thirtySteps(): Pack {
  const longest = lltp.steps.reduce((a, b) => (b.text.vi.length > a.text.vi.length ? b : a));
  const w = { ...structuredClone(lltp), id: 'ba-muoi-buoc', title: { vi: 'Cấp Phiếu lý lịch tư pháp (30 bước)' } };
  w.steps.push({ ...structuredClone(longest), id: 'buoc-30' });
  return { ...structuredClone(dvc), id: 'phuong-thu', title: { vi: 'Gói thử của phường' }, walkthroughs: [w] };
}
/** 60 steps, to show the page count sees a second page when there is one. */
function sixtySteps(): Pack {
  const p = thirtySteps();
  const w = p.walkthroughs[0]!;
  w.id = 'sau-muoi-buoc';
  w.steps = [...w.steps, ...w.steps.map((s, i) => ({ ...s, id: `lan-hai-${i}` }))];
  return { ...p, id: 'phuong-dai' };
}

const WIDTHS = [320, 375, 414, 768];
const FAKE_VOICE = { lang: 'vi-VN', name: 'Giọng thử', voiceURI: 'giong-thu', localService: true, default: true };

let sites: SitesServer;
let ward: WardSite;
let chrome: Launched;
let packsDir: string;

beforeAll(async () => {
  packsDir = mkdtempSync(path.join(tmpdir(), 'dan-buoc-packs-'));
  writeFileSync(path.join(packsDir, 'phuong-thu.json'), JSON.stringify(thirtySteps()));
  writeFileSync(path.join(packsDir, 'phuong-dai.json'), JSON.stringify(sixtySteps()));
  sites = await startSites();
  ward = await startWardSite({ fixtures: true, packsDir });
  chrome = await launch({ server: sites, extension: false });
});

afterAll(async () => {
  await chrome?.close();
  await ward?.stop();
  await sites?.stop();
  rmSync(packsDir, { recursive: true, force: true });
});

/**
 * A page whose speechSynthesis lists `voices` (none: a machine without a voice) and keeps what it is asked
 * to read in `__spoken` instead of reading it (ended by the test with an 'end' event).
 */
async function open(url: string, voices: object[], width = 1280): Promise<Page> {
  const page = await chrome.browser.newPage();
  await page.setViewport({ width, height: 800 });
  await page.evaluateOnNewDocument(`
    window.__spoken = [];
    const voices = ${JSON.stringify(voices)};
    speechSynthesis.getVoices = () => voices;
    speechSynthesis.speak = (u) => window.__spoken.push(u);
    speechSynthesis.cancel = () => undefined;
  `);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * What is wrong with widget `i`'s layout now: the document or the widget wider than their box, an element
 * outside the widget, a text under 16 px, a button alone on a row that it does not fill (so "Tiếp" never
 * drops alone under "Nghe" and "Quay lại").
 */
function layoutProblems(page: Page, i: number): Promise<string[]> {
  return page.evaluate((i: number) => {
    const problems: string[] = [];
    const host = document.querySelectorAll('dan-buoc-guide')[i]!;
    const root = host.shadowRoot!;
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
    if (host.scrollWidth > host.clientWidth) problems.push(`widget ${host.scrollWidth} > ${host.clientWidth}`);
    const box = host.getBoundingClientRect();
    const name = (el: Element): string => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}[${el.getAttribute('data-dan-buoc') ?? ''}] «${(el.textContent ?? '').trim().slice(0, 30)}»`;
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) problems.push(`outside: ${name(el)} ${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(box.left)}–${Math.round(box.right)}`);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') problems.push(`scrolls: ${name(el)}`);
    }
    // Every text shown, at 16 px or more.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent!.trim() || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) problems.push(`${size}px: ${name(el)}`);
    }
    for (const input of root.querySelectorAll('input')) if (parseFloat(getComputedStyle(input).fontSize) < 16) problems.push(`input ${getComputedStyle(input).fontSize}`);
    // Action rows: a button alone on its row fills it.
    for (const actions of root.querySelectorAll('.db-actions')) {
      const row = actions.getBoundingClientRect();
      if (row.width === 0) continue;
      const buttons = [...actions.querySelectorAll('.db-btn')].filter((b) => b.getClientRects().length > 0);
      const rows = new Map<number, Element[]>();
      for (const b of buttons) {
        const top = Math.round(b.getBoundingClientRect().top);
        const key = [...rows.keys()].find((k) => Math.abs(k - top) < 4) ?? top;
        rows.set(key, [...(rows.get(key) ?? []), b]);
      }
      for (const line of rows.values())
        if (line.length === 1 && rows.size > 1 && line[0]!.getBoundingClientRect().width < row.width - 1)
          problems.push(`alone on a row: ${name(line[0]!)} ${Math.round(line[0]!.getBoundingClientRect().width)} of ${Math.round(row.width)}`);
    }
    return problems;
  }, i);
}

const shadowHas = (page: Page, i: number, sel: string): Promise<unknown> =>
  page.waitForFunction((i: number, sel: string) => !!document.querySelectorAll('dan-buoc-guide')[i]?.shadowRoot?.querySelector(sel), {}, i, sel);

/** Walk widget `i` through its views at the page's current width; the problems of each, by view. */
async function walkViews(page: Page, i: number, walkthrough: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  await ready(page, i);
  found.catalogue = await layoutProblems(page, i);
  await clickIn(page, i, `.dbw-item[data-walkthrough="${walkthrough}"]`);
  await shadowHas(page, i, '[data-dan-buoc="widget-start"]');
  found.intro = await layoutProblems(page, i);
  await clickIn(page, i, '[data-dan-buoc="widget-start"]');
  await shadowHas(page, i, '[data-dan-buoc="listen"]');
  found.step = await layoutProblems(page, i);
  // A private step (the longest words), then the last and the end.
  const w = dvc.walkthroughs.find((x) => x.id === walkthrough);
  const privateAt = w ? w.steps.findIndex((s) => s.private) : -1;
  const total = w?.steps.length ?? 0;
  for (let s = 0; s < privateAt; s++) await clickIn(page, i, '[data-dan-buoc="next"]');
  if (privateAt >= 0) {
    await shadowHas(page, i, '[data-dan-buoc="private"]');
    found.private = await layoutProblems(page, i);
  }
  for (let s = Math.max(privateAt, 0); s < total - 1; s++) await clickIn(page, i, '[data-dan-buoc="next"]');
  await page.waitForFunction((i: number, label: string) => document.querySelectorAll('dan-buoc-guide')[i]!.shadowRoot!.querySelector('[data-dan-buoc="step"]')?.textContent === label, {}, i, `Bước ${total}/${total}`);
  found.last = await layoutProblems(page, i);
  await clickIn(page, i, '[data-dan-buoc="next"]');
  await page.waitForFunction((i: number) => !document.querySelectorAll('dan-buoc-guide')[i]!.shadowRoot!.querySelector('[data-dan-buoc="next"]'), {}, i);
  found.done = await layoutProblems(page, i);
  await clickIn(page, i, '[data-dan-buoc="widget-list"]');
  await shadowHas(page, i, `.dbw-item[data-walkthrough="${walkthrough}"]`);
  await clickIn(page, i, `.dbw-item[data-walkthrough="${walkthrough}"]`);
  await shadowHas(page, i, '[data-dan-buoc="widget-print-view"]');
  await clickIn(page, i, '[data-dan-buoc="widget-print-view"]');
  await shadowHas(page, i, 'svg[data-dan-buoc="widget-qr"]');
  found.print = await layoutProblems(page, i);
  await clickIn(page, i, '[data-dan-buoc="widget-close-print"]');
  await shadowHas(page, i, '[data-dan-buoc="widget-start"]');
  return found;
}

const clean = (found: Record<string, string[]>): Record<string, string[]> => Object.fromEntries(Object.keys(found).map((k) => [k, []]));

describe('the widget on a phone, a tablet and a themed ward page', () => {
  it.each(WIDTHS)('at %i px: no button alone on a row it does not fill, nothing overflowing, text of 16 px or more', async (width) => {
    const page = await open(ward.url, [FAKE_VOICE], width);
    const found = await walkViews(page, 0, LLTP);
    expect(found).toEqual(clean(found));
    await page.close();
  });

  it('a ward theme with heavy global CSS changes nothing inside: no upper case, no letter spacing, 16 px text, buttons that look like buttons', async () => {
    for (const width of [375, 1280]) {
      const page = await open(`${ward.url}test/heavy-theme.html`, [FAKE_VOICE], width);
      await ready(page, 0);
      // The theme is really there: the page's own text is upper-cased, spaced, 10 px at the root.
      expect(await page.evaluate(() => [getComputedStyle(document.body).textTransform, getComputedStyle(document.documentElement).fontSize])).toEqual(['uppercase', '10px']);
      const looks = (): Promise<{ transform: string[]; spacing: string[]; family: string[]; buttons: { padding: string; border: string; background: string }[] }> =>
        page.evaluate(() => {
          const root = document.querySelector('dan-buoc-guide')!.shadowRoot!;
          const all = [...root.querySelectorAll('*')].filter((el) => el.getClientRects().length > 0);
          const styles = all.map((el) => getComputedStyle(el));
          return {
            transform: [...new Set(styles.map((s) => s.textTransform))],
            spacing: [...new Set(styles.map((s) => s.letterSpacing))],
            family: [...new Set(styles.map((s) => s.fontFamily))].filter((f) => /serif/.test(f) && !/sans-serif/.test(f)),
            buttons: [...root.querySelectorAll('button, a.db-btn')].map((b) => {
              const s = getComputedStyle(b);
              return { padding: s.paddingLeft, border: s.borderTopWidth, background: s.backgroundColor };
            }),
          };
        });
      const check = async (): Promise<void> => {
        const l = await looks();
        expect(l.transform).toEqual(['none']);
        expect(l.spacing).toEqual(['normal']);
        expect(l.family).toEqual([]);
        expect(l.buttons.length).toBeGreaterThan(0);
        for (const b of l.buttons) {
          expect(parseFloat(b.padding), JSON.stringify(b)).toBeGreaterThanOrEqual(6);
          expect(parseFloat(b.border) > 0 || b.background !== 'rgba(0, 0, 0, 0)', JSON.stringify(b)).toBe(true);
        }
      };
      await check();
      expect(await textIn(page, 0, '.dbw-h3')).toBe('Dịch vụ công');
      const found = await walkViews(page, 0, 'dang-nhap-vneid');
      expect(found).toEqual(clean(found));
      await clickIn(page, 0, '[data-dan-buoc="widget-start"]');
      await shadowHas(page, 0, '[data-dan-buoc="listen"]');
      await check();
      expect(await axe(page, 'dan-buoc-guide')).toEqual([]);
      await page.close();
    }
  });

  it('private steps speak to a resident alone: type it yourself, tell no one, not even an official; never a helper who looks away', async () => {
    const page = await open(ward.url, [FAKE_VOICE]);
    await ready(page, 0);
    const w = dvc.walkthroughs.find((x) => x.id === 'dang-nhap-vneid')!;
    await clickIn(page, 0, '.dbw-item[data-walkthrough="dang-nhap-vneid"]');
    await shadowHas(page, 0, '[data-dan-buoc="widget-start"]');
    await clickIn(page, 0, '[data-dan-buoc="widget-start"]');
    const seen: string[] = [];
    for (let s = 0; s < w.steps.length; s++) {
      await page.waitForFunction((label: string) => document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="step"]')?.textContent === label, {}, `Bước ${s + 1}/${w.steps.length}`);
      const note = await textIn(page, 0, '[data-dan-buoc="private"]');
      const kind = w.steps[s]!.private;
      expect(note, `step ${s + 1}`).toBe(kind ? vi[`widget.private.${kind}`] : null);
      if (note) seen.push(note);
      const all = (await page.evaluate(() => document.querySelector('dan-buoc-guide')!.shadowRoot!.textContent))!;
      expect(all).not.toMatch(/người hỗ trợ|quay mặt/i);
      await clickIn(page, 0, '[data-dan-buoc="next"]');
    }
    expect(seen.length).toBeGreaterThan(0);
    for (const note of seen) expect(note).toMatch(/^Tự nhập .*không đọc to, không đưa cho ai — kể cả người xưng là cán bộ\.$/);
    // The print view says the same.
    await clickIn(page, 0, '[data-dan-buoc="widget-list"]');
    await shadowHas(page, 0, '.dbw-item[data-walkthrough="dang-nhap-vneid"]');
    await clickIn(page, 0, '.dbw-item[data-walkthrough="dang-nhap-vneid"]');
    await shadowHas(page, 0, '[data-dan-buoc="widget-print-view"]');
    await clickIn(page, 0, '[data-dan-buoc="widget-print-view"]');
    await shadowHas(page, 0, '.dbw-steps');
    const printed = (await textIn(page, 0, '.dbw-steps'))!;
    expect(printed).toContain(vi['widget.printPrivateMark']);
    expect(await textIn(page, 0, '[data-dan-buoc="widget-private-all"]')).toBe(vi['widget.printPrivate']);
    expect(printed).not.toMatch(/người hỗ trợ|quay mặt/i);
    await page.close();
  });
});

describe('the print view', () => {
  /** Open walkthrough `id` of widget `i` in its print view, print to A4 PDF with a browser's usual 1 cm margins. */
  async function printed(page: Page, i: number, id: string): Promise<{ pages: number; stepPx: number[]; bringWidth: number }> {
    await ready(page, i);
    await clickIn(page, i, `.dbw-item[data-walkthrough="${id}"]`);
    await shadowHas(page, i, '[data-dan-buoc="widget-print-view"]');
    await clickIn(page, i, '[data-dan-buoc="widget-print-view"]');
    await shadowHas(page, i, 'svg[data-dan-buoc="widget-qr"]');
    await page.emulateMediaType('print');
    const measured = await page.evaluate((i: number) => {
      const root = document.querySelectorAll('dan-buoc-guide')[i]!.shadowRoot!;
      return {
        stepPx: [...root.querySelectorAll('.dbw-steps > li')].map((li) => parseFloat(getComputedStyle(li).fontSize)),
        bringWidth: root.querySelector('.dbw-bring')?.getBoundingClientRect().width ?? 0,
      };
    }, i);
    await page.emulateMediaType(undefined);
    const pdf = Buffer.from(await page.pdf({ format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } })).toString('latin1');
    // Page objects, not the /Pages tree node.
    const pages = pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
    return { pages, ...measured };
  }

  it('the 29-step lý lịch tư pháp prints on one A4 page, steps at 14 pt or more, what to bring not squeezed', async () => {
    const page = await open(ward.url, []);
    const r = await printed(page, 0, LLTP);
    expect(r.stepPx).toHaveLength(29);
    for (const px of r.stepPx) expect(px).toBeGreaterThanOrEqual(18.66); // 14 pt
    expect(r.bringWidth).toBeGreaterThan(300);
    expect(r.pages).toBe(1);
    await page.close();
  });

  it('a 30-step walkthrough prints on one A4 page too; a 60-step one on more (the count sees a second page)', async () => {
    const page = await open(ward.url, []);
    await ready(page, 1);
    // The second widget of the ward page shows the ward's own pack instead.
    await page.evaluate(() => document.querySelectorAll('dan-buoc-guide')[1]!.setAttribute('src', '/assets/packs/phuong-thu.json'));
    await shadowHas(page, 1, '.dbw-item[data-walkthrough="ba-muoi-buoc"]');
    const r = await printed(page, 1, 'ba-muoi-buoc');
    expect(r.stepPx).toHaveLength(30);
    for (const px of r.stepPx) expect(px).toBeGreaterThanOrEqual(18.66);
    expect(r.pages).toBe(1);
    await page.evaluate(() => document.querySelectorAll('dan-buoc-guide')[1]!.setAttribute('src', '/assets/packs/phuong-dai.json'));
    await shadowHas(page, 1, '.dbw-item[data-walkthrough="sau-muoi-buoc"]');
    const long = await printed(page, 1, 'sau-muoi-buoc');
    expect(long.stepPx).toHaveLength(60);
    expect(long.pages).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});

describe('"Nghe" in the widget', () => {
  it('with no voice on the machine: no "Nghe", a short note why', async () => {
    const page = await open(ward.url, [{ lang: 'en-US', name: 'Samantha', voiceURI: 's', localService: true, default: true }]);
    await ready(page, 0);
    await clickIn(page, 0, `.dbw-item[data-walkthrough="${LLTP}"]`);
    await shadowHas(page, 0, '[data-dan-buoc="widget-start"]');
    await clickIn(page, 0, '[data-dan-buoc="widget-start"]');
    await shadowHas(page, 0, '[data-dan-buoc="no-voice"]');
    expect(await textIn(page, 0, '[data-dan-buoc="no-voice"]')).toBe(vi['overlay.noVoice']);
    expect(await textIn(page, 0, '[data-dan-buoc="listen"]')).toBeNull();
    expect(await axe(page, 'dan-buoc-guide')).toEqual([]);
    await page.close();
    // None at all, in English too.
    const en = await open(`${ward.url}test/inline.html`, []);
    await ready(en, 0);
    await clickIn(en, 0, '[data-dan-buoc="widget-start"]');
    await shadowHas(en, 0, '[data-dan-buoc="no-voice"]');
    expect(await textIn(en, 0, '[data-dan-buoc="no-voice"]')).toBe('This device has no English voice to read aloud.');
    await en.close();
  });

  it('with a Vietnamese voice: "Nghe" reads the hint, shows "Đang đọc… Dừng" meanwhile, and stops', async () => {
    const page = await open(ward.url, [FAKE_VOICE]);
    await ready(page, 0);
    await clickIn(page, 0, `.dbw-item[data-walkthrough="${LLTP}"]`);
    await shadowHas(page, 0, '[data-dan-buoc="widget-start"]');
    await clickIn(page, 0, '[data-dan-buoc="widget-start"]');
    await shadowHas(page, 0, '[data-dan-buoc="listen"]');
    expect(await textIn(page, 0, '[data-dan-buoc="no-voice"]')).toBeNull();
    expect(await textIn(page, 0, '[data-dan-buoc="listen"]')).toBe('Nghe');
    await clickIn(page, 0, '[data-dan-buoc="listen"]');
    await page.waitForFunction(() => document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="listen"]')?.textContent === 'Đang đọc… Dừng');
    const spoken = await page.evaluate(() => (window as unknown as { __spoken: SpeechSynthesisUtterance[] }).__spoken.map((u) => ({ text: u.text, lang: u.lang })));
    expect(spoken).toEqual([{ text: lltp.steps[0]!.text.vi.replace(/\*\*/g, ''), lang: 'vi-VN' }]);
    expect(await axe(page, 'dan-buoc-guide')).toEqual([]);
    // The reading ends by itself: "Nghe" again.
    await page.evaluate(() => (window as unknown as { __spoken: SpeechSynthesisUtterance[] }).__spoken[0]!.dispatchEvent(new Event('end')));
    await page.waitForFunction(() => document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="listen"]')?.textContent === 'Nghe');
    // "Dừng" stops it.
    await clickIn(page, 0, '[data-dan-buoc="listen"]');
    await page.waitForFunction(() => document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="listen"]')?.textContent === 'Đang đọc… Dừng');
    await clickIn(page, 0, '[data-dan-buoc="listen"]');
    await page.waitForFunction(() => document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="listen"]')?.textContent === 'Nghe');
    // Moving on stops a reading too.
    await clickIn(page, 0, '[data-dan-buoc="listen"]');
    await page.waitForFunction(() => document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="listen"]')?.textContent === 'Đang đọc… Dừng');
    await clickIn(page, 0, '[data-dan-buoc="next"]');
    await page.waitForFunction(() => document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="listen"]')?.textContent === 'Nghe');
    await page.close();
  });

  it('voices that arrive late (after "voiceschanged") bring "Nghe"', async () => {
    const page = await chrome.browser.newPage();
    await page.evaluateOnNewDocument(`
      let voices = [];
      speechSynthesis.getVoices = () => voices;
      speechSynthesis.speak = () => undefined;
      window.__loadVoices = (v) => { voices = v; speechSynthesis.dispatchEvent(new Event('voiceschanged')); };
    `);
    await page.goto(ward.url, { waitUntil: 'load' });
    await ready(page, 0);
    await clickIn(page, 0, `.dbw-item[data-walkthrough="${LLTP}"]`);
    await shadowHas(page, 0, '[data-dan-buoc="widget-start"]');
    await clickIn(page, 0, '[data-dan-buoc="widget-start"]');
    await shadowHas(page, 0, '[data-dan-buoc="no-voice"]');
    await page.evaluate((v: object) => (window as unknown as { __loadVoices(v: object[]): void }).__loadVoices([v]), FAKE_VOICE);
    await shadowHas(page, 0, '[data-dan-buoc="listen"]');
    expect(await textIn(page, 0, '[data-dan-buoc="no-voice"]')).toBeNull();
    await page.close();
  });
});
