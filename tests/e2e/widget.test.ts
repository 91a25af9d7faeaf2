// The embeddable widget on a stand-in ward site served with a strict CSP (`script-src 'self'; style-src
// 'self'`): two instances side by side, the catalogue and its diacritics-free search, every step of a
// walkthrough walked with the keyboard only, the print view's QR code decoded back to the ward page, no CSP
// violation, no global but the custom element, no axe violation; hostile packs that show an error card and
// run nothing; an inline pack with an illustration, in English, from the ES module build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, ROOT, startSites, type Launched, type SitesServer } from '../support/harness';
import { startWardSite, type WardSite } from '../support/ward-site';
import { axe } from '../support/axe';
import { clickIn, focused, focusReaches, ready, tabTo, textIn } from '../support/pages/widget';
import type { Pack } from '../../core/pack';

const pack = (name: string): Pack => JSON.parse(readFileSync(path.join(ROOT, 'walkthroughs', `${name}.json`), 'utf8')) as Pack;
const plain = (s: string): string => s.replace(/\*\*/g, '');

let sites: SitesServer;
let ward: WardSite;
let chrome: Launched;

beforeAll(async () => {
  sites = await startSites();
  ward = await startWardSite({ fixtures: true });
  chrome = await launch({ server: sites, extension: false });
});

afterAll(async () => {
  await chrome?.close();
  await ward?.stop();
  await sites?.stop();
});

interface Watched {
  page: Page;
  requests: string[];
  errors: string[];
}

/** A page that records its requests, console errors and CSP violations (into `__csp`, a test-only global). */
async function open(url: string): Promise<Watched> {
  const page = await chrome.browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r: HTTPRequest) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.evaluateOnNewDocument(`
    globalThis.__name = globalThis.__name || ((f) => f);
    window.__before = Object.getOwnPropertyNames(window);
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  `);
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors };
}

describe('widget on a ward page with a strict CSP', () => {
  it('catalogue, search, every step with the keyboard, two instances, print view with a QR code; no CSP violation, no global', async () => {
    const dvc = pack('dichvucong');
    const evn = pack('evn');
    const { page, requests, errors } = await open(ward.url);
    await ready(page, 0);
    await ready(page, 1);

    // The catalogue: every walkthrough of each pack, grouped by category.
    const items = (i: number): Promise<string[]> =>
      page.evaluate((i: number) => [...document.querySelectorAll('dan-buoc-guide')[i]!.shadowRoot!.querySelectorAll('.dbw-item')].map((b) => b.getAttribute('data-walkthrough')!), i);
    expect(await items(0)).toEqual(dvc.walkthroughs.map((w) => w.id));
    expect(await items(1)).toEqual(evn.walkthroughs.map((w) => w.id));
    expect(await textIn(page, 0, '.dbw-h3')).toBe('Dịch vụ công');
    expect(await axe(page, 'dan-buoc-guide')).toEqual([]);

    // Search ignores diacritics and case; nothing found says so.
    const search = async (q: string): Promise<void> => {
      await page.evaluate(() => {
        const input = document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('input')!;
        input.focus();
        input.select();
      });
      if (q) await page.keyboard.type(q);
      else await page.keyboard.press('Backspace');
    };
    await search('ly lich tu phap');
    expect(await items(0)).toEqual(['ly-lich-tu-phap']);
    await search('LÝ LỊCH');
    expect(await items(0)).toEqual(['ly-lich-tu-phap']);
    await search('giấy phép lái xe');
    expect(await items(0)).toEqual([]);
    expect(await textIn(page, 0, '[role="status"]')).toContain('giấy phép lái xe');
    await search('');
    expect(await items(0)).toHaveLength(dvc.walkthroughs.length);

    // Keyboard only: from the search box to the first walkthrough, its page, then every step.
    const w = dvc.walkthroughs[0]!;
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toContain(w.title.vi);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !!document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="widget-start"]'));
    await focusReaches(page, 'h2');
    expect((await focused(page)).tag).toBe('h2');
    expect(await textIn(page, 0, 'h2')).toBe(w.title.vi);
    expect(await textIn(page, 0, '.dbw-bring')).toContain(w.bring[0]!.vi);
    const real = await page.evaluate(() => {
      const a = document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="widget-real"]') as HTMLAnchorElement;
      return { href: a.href, target: a.target, rel: a.rel };
    });
    expect(real).toEqual({ href: `${w.startUrl.split('#')[0]}#dan-buoc=${dvc.id}/${w.id}`, target: '_blank', rel: 'noopener noreferrer' });
    expect(await axe(page, 'dan-buoc-guide')).toEqual([]);
    await tabTo(page, 'widget-start');
    await page.keyboard.press('Enter');
    for (let i = 0; i < w.steps.length; i++) {
      await page.waitForFunction(
        (label: string) => document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="step"]')?.textContent === label,
        {},
        `Bước ${i + 1}/${w.steps.length}`,
      );
      // The widget moves the focus to the step's heading after it renders: Tab from there, not before.
      await focusReaches(page, 'h2');
      expect((await focused(page)).tag, `focus on step ${i + 1}'s heading`).toBe('h2');
      expect(await textIn(page, 0, '[data-dan-buoc="text"]')).toBe(plain(w.steps[i]!.text.vi));
      expect(await textIn(page, 0, '[data-dan-buoc="private"]'), `step ${i + 1} private note`).toEqual(w.steps[i]!.private ? expect.stringMatching(/^Tự nhập .*kể cả người xưng là cán bộ\.$/) : null);
      if (i === 1) expect(await axe(page, 'dan-buoc-guide')).toEqual([]);
      await tabTo(page, 'next');
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction(() => !document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="next"]'));
    expect(await textIn(page, 0, '[data-dan-buoc="text"]')).toMatch(/xong/i);

    // The second instance is untouched, has its own accent colour, and opens on its own.
    expect(await items(1)).toEqual(evn.walkthroughs.map((x) => x.id));
    const evnWalk = evn.walkthroughs[0]!;
    await clickIn(page, 1, `.dbw-item[data-walkthrough="${evnWalk.id}"]`);
    await page.waitForFunction(() => !!document.querySelectorAll('dan-buoc-guide')[1]!.shadowRoot!.querySelector('[data-dan-buoc="widget-print-view"]'));
    const accents = await page.evaluate(() =>
      [...document.querySelectorAll('dan-buoc-guide')].map((el) => {
        const b = el.shadowRoot!.querySelector('.db-btn-main');
        return b ? getComputedStyle(b).backgroundColor : null;
      }),
    );
    expect(accents).toEqual([null, 'rgb(15, 118, 110)']);
    expect(await textIn(page, 0, '[data-dan-buoc="text"]')).toMatch(/xong/i);

    // The print view (its script, with the QR code maker, loaded only now): the whole walkthrough, and a QR code
    // back to the ward page.
    const printScript = (): string[] => requests.filter((u) => u.endsWith('/assets/dan-buoc-print.js'));
    expect(printScript()).toEqual([]);
    await clickIn(page, 1, '[data-dan-buoc="widget-print-view"]');
    const svg = (await page.waitForFunction(() => document.querySelectorAll('dan-buoc-guide')[1]!.shadowRoot!.querySelector('svg[data-dan-buoc="widget-qr"]'))).asElement()!;
    expect(printScript()).toHaveLength(1);
    expect(await page.evaluate(() => document.querySelectorAll('dan-buoc-guide')[1]!.hasAttribute('printing'))).toBe(true);
    const listed = await page.evaluate(() => [...document.querySelectorAll('dan-buoc-guide')[1]!.shadowRoot!.querySelectorAll('.dbw-steps > li')].length);
    expect(listed).toBe(evnWalk.steps.length);
    const png = PNG.sync.read(Buffer.from(await svg.screenshot({ type: 'png' })));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    const wardLink = `${ward.url}#huong-dan=${evn.id}/${evnWalk.id}`;
    expect(decoded?.data).toBe(wardLink);
    // The print view fits one A4 page when printed.
    await page.emulateMediaType('print');
    const printHeight = await page.evaluate(() => document.querySelectorAll('dan-buoc-guide')[1]!.getBoundingClientRect().height);
    await page.emulateMediaType(undefined);
    expect(printHeight).toBeLessThan(1123); // A4 at 96 dpi
    expect(await axe(page, 'dan-buoc-guide')).toEqual([]);

    // Nothing blocked by the CSP, nothing logged as an error, no global but the custom element.
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(errors).toEqual([]);
    const added = await page.evaluate(() => {
      const before = new Set((window as unknown as { __before: string[] }).__before);
      // What this test and its tools add: its own records, axe (and its core-js), puppeteer's ARIA queries.
      const tools = /^(__before|__csp|__name|axe|__core-js_shared__|(puppeteer_)?_*ariaQuerySelector(All)?)$/;
      return Object.getOwnPropertyNames(window).filter((n) => !before.has(n) && !tools.test(n));
    });
    expect(added).toEqual([]);
    expect(await page.evaluate(() => !!customElements.get('dan-buoc-guide'))).toBe(true);

    // The QR code's link opens that walkthrough in its widget; the other widget stays on its catalogue.
    const scanned = await open(wardLink);
    await ready(scanned.page, 1);
    await scanned.page.waitForFunction((title: string) => document.querySelectorAll('dan-buoc-guide')[1]!.shadowRoot!.querySelector('h2')?.textContent === title, {}, evnWalk.title.vi);
    await ready(scanned.page, 0);
    expect(await textIn(scanned.page, 0, '.dbw-item')).toContain(w.title.vi);
    await scanned.page.close();
    await page.close();
  });

  it('a hostile pack shows an error card with parsePack’s messages and runs nothing (page without CSP)', async () => {
    const { page } = await open(`${ward.url}test/hostile.html`);
    for (let i = 0; i < 6; i++) await ready(page, i);
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('dan-buoc-guide')].map((el) => ({
        id: el.id,
        error: el.shadowRoot!.querySelector('[data-dan-buoc="widget-error"]')?.textContent ?? null,
        elements: [...el.shadowRoot!.querySelectorAll('img, script, iframe, object, embed, a[href^="javascript"]')].length,
      })),
    );
    const byId = Object.fromEntries(cards.map((c) => [c.id, c]));
    expect(byId['inline-bad']!.error).toContain('/walkthroughs/0/title/vi: không được chứa mã HTML');
    expect(byId['inline-bad']!.error).toContain('/walkthroughs/0/startUrl');
    expect(byId['inline-bad']!.error).toContain('dài quá 600 ký tự');
    expect(byId['image-bad']!.error).toContain('/walkthroughs/0/steps/0/image/src');
    expect(byId['not-json']!.error).toContain('không phải JSON hợp lệ');
    expect(byId['js-src']!.error).toContain('gói phải tải qua http(s)');
    expect(byId['missing']!.error).toContain('thiếu gói');
    expect(byId['tricky']!.error).toBeNull();
    for (const c of cards) expect(c.elements, c.id).toBe(0);
    // A valid pack whose texts look like code: shown as text, never run.
    expect(await textIn(page, 2, 'h2')).toBe('javascript:window.__pwned=1');
    await clickIn(page, 2, '[data-dan-buoc="widget-start"]');
    await page.waitForFunction(() => !!document.querySelectorAll('dan-buoc-guide')[2]!.shadowRoot!.querySelector('[data-dan-buoc="text"]'));
    expect(await textIn(page, 2, '[data-dan-buoc="text"]')).toBe("Bấm javascript:window.__pwned=1 rồi {{constructor.constructor('window.__pwned=1')()}}");
    // Rendered, and nothing in it could still run later (no element that loads or links a script): so the
    // global not being set is a finding, without waiting for a time.
    expect(
      await page.evaluate(() => document.querySelectorAll('dan-buoc-guide')[2]!.shadowRoot!.querySelectorAll('img, script, iframe, object, embed, a[href^="javascript"], [onerror], [onload]').length),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await axe(page, 'dan-buoc-guide')).toEqual([]);
    await page.close();
  });

  it('an inline pack in English from the ES module build opens its walkthrough directly, with its print view and its illustration', async () => {
    const opened = await open(`${ward.url}test/inline.html`);
    const { page, errors } = opened;
    await ready(page, 0);
    expect(await textIn(page, 0, 'h2')).toBe('Look up a dossier');
    expect(await textIn(page, 0, '.dbw-bring')).toBe('The dossier code');
    // The print view from beside the ES module, in English: its own words come with it, the rest from the widget.
    const { requests } = opened;
    await clickIn(page, 0, '[data-dan-buoc="widget-print-view"]');
    await page.waitForFunction(() => !!document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('svg[data-dan-buoc="widget-qr"]'));
    expect(requests.filter((u) => u.endsWith('/assets/dan-buoc-print.js'))).toHaveLength(1);
    expect(await textIn(page, 0, 'button[data-dan-buoc="widget-print"]')).toBe('Print this page');
    expect(await textIn(page, 0, '[data-dan-buoc="widget-close-print"]')).toBe('Close the printable version');
    expect(await textIn(page, 0, '.dbw-qr figcaption')).toMatch(/^Scan to see this walkthrough again /);
    await clickIn(page, 0, '[data-dan-buoc="widget-close-print"]');
    await page.waitForFunction(() => !!document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('[data-dan-buoc="widget-start"]'));
    await clickIn(page, 0, '[data-dan-buoc="widget-start"]');
    await page.waitForFunction(() => (document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('.dbw-img') as HTMLImageElement | null)?.complete);
    const img = await page.evaluate(() => {
      const i = document.querySelector('dan-buoc-guide')!.shadowRoot!.querySelector('.dbw-img') as HTMLImageElement;
      return { src: i.src, alt: i.alt, width: i.naturalWidth };
    });
    expect(img).toEqual({ src: `${ward.url}test/step-1.svg`, alt: 'The Look up a dossier button at the top', width: 320 });
    expect(await textIn(page, 0, '[data-dan-buoc="step"]')).toBe('Step 1/2');
    expect(await textIn(page, 0, '[data-dan-buoc="text"]')).toBe('Press Look up a dossier at the top.');
    expect(await axe(page, 'dan-buoc-guide')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
