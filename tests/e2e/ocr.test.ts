// The "Đọc giấy tờ" helper in the built extension, with no network: every request that would leave the
// browser goes to a recording proxy that refuses it, and the side panel page is put offline. Bills rendered
// in Chromium at test time are read from a fake webcam, from a capture of the open tab cropped to one row
// (after the toolbar button grants activeTab; refused before), and from a file (the EVN customer code
// appears and copies); a not-an-image file gets a Vietnamese message; and after the helper closes no image
// and no recognised text is in any store (IndexedDB, extension storage, localStorage, sessionStorage,
// Cache Storage) nor in the page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Extension, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, EXTENSION_DIR, chromiumPath, extensionWorker } from '../support/harness';
import { docPage, makeDoc, NO_DAMAGE, pngToY4m, renderDoc, rng, type Doc } from '../support/ocr-docs';
import { axe, dumpStores } from './fixture';
import { qrPng, tlv, vietQr } from '../support/qr-codes';

/** A proxy that records every request sent to it and refuses it. */
async function recordingProxy(): Promise<{ server: Server; port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    // Chromium may reset a refused tunnel before our answer is written: that is no test failure.
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}


/** Requests Chromium makes by itself (component updates, time, sign-in), whatever the extension does. */
const CHROMIUM_OWN = /^(?:CONNECT |[A-Z]+ https?:\/\/)(?:[a-z0-9-]+\.)*(?:google\.com|googleapis\.com|gstatic\.com|gvt1\.com)(?::\d+)?[/ ]?/;

describe('OCR helper (offline, in the built extension)', () => {
  let browser: Browser;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let extensionId: string;
  let dir: string;
  let profile: string;
  /** The bill the fake webcam shows. */
  let webcamDoc: Doc;
  /** Codes read by the earlier tests: none may be stored either. */
  const readBefore: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dan-buoc-ocr-'));
    profile = mkdtempSync(path.join(tmpdir(), 'dan-buoc-profile-'));
    proxy = await recordingProxy();
    // A bill for the fake webcam, rendered first by a throw-away browser (the flag needs the file at launch).
    const renderer = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      webcamDoc = makeDoc('evn-bill', rng(4242));
      const shot = await renderDoc(await docPage(renderer), webcamDoc, { ...NO_DAMAGE, scale: 1.2 }, 1);
      writeFileSync(path.join(dir, 'webcam.y4m'), await pngToY4m(shot.bytes));
    } finally {
      await renderer.close();
    }
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      pipe: true,
      userDataDir: profile,
      defaultViewport: { width: 1100, height: 900 },
      enableExtensions: [EXTENSION_DIR],
      args: [
        ...CHROMIUM_FLAGS,
        '--lang=vi-VN',
        // A webcam that films the bill, allowed without a prompt.
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${path.join(dir, 'webcam.y4m')}`,
        // Everything that is not loopback goes to the recording proxy, which refuses it.
        `--proxy-server=http://127.0.0.1:${proxy.port}`,
      ],
    });
    extensionId = (await extensionWorker(browser)).id;
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await new Promise((r) => proxy?.server.close(r));
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  async function openPanel(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await page.setOfflineMode(true);
    await browser.defaultBrowserContext().overridePermissions(`chrome-extension://${extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await (await page.waitForSelector('[data-testid="ocr-open"]'))!.click();
    await page.waitForSelector('[data-testid="ocr-helper"]');
    return page;
  }

  it('records what would leave the browser (the check below can fail)', async () => {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.evaluate(() => fetch('https://cdn.jsdelivr.net/npm/tesseract.js/dist/worker.min.js').catch(() => undefined));
    await page.close();
    expect(proxy.seen.filter((r) => !CHROMIUM_OWN.test(r))).toEqual(['CONNECT cdn.jsdelivr.net:443']);
    proxy.seen.length = 0;
  });

  it('18.6 the webcam films the bill on a table: its outline is drawn, auto capture reads it without the button, and the webcam goes off after the photo', async () => {
    const code = webcamDoc.expected.find((e) => e.kind === 'evn-customer')!.value;
    const page = await openPanel();
    await page.bringToFront();
    await (await page.$('[data-testid="ocr-camera"]'))!.click();
    await page.waitForFunction(() => (document.querySelector('.ocr-camera video') as HTMLVideoElement | null)?.videoWidth, { timeout: 10_000 });
    expect(await page.$eval('.ocr-camera video', (v) => v.getAttribute('aria-label'))).toBe('Hình từ webcam');
    expect(await page.$eval('[data-testid="ocr-auto"]', (c) => (c as HTMLInputElement).checked)).toBe(true);
    // The paper's outline is found and drawn on the canvas over the video (a few frames later the photo is taken).
    // Checked as the attribute changes: the capture may follow within a second, and the canvas goes with the camera.
    const drawn = (await (
      await page.waitForFunction(
        () => {
          const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="ocr-outline"][data-outline="found"]');
          if (!canvas) return null;
          const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) painted++;
          return { painted, width: canvas.width };
        },
        { polling: 'mutation', timeout: 15_000 },
      )
    ).jsonValue())!;
    expect(drawn.width).toBeGreaterThan(0);
    expect(drawn.painted).toBeGreaterThan(100);
    // Nobody presses "Chụp": the still, sharp bill is captured by itself and read.
    await page.waitForSelector('[data-testid="ocr-result"]', { timeout: 45_000 });
    expect(await page.$('.ocr-camera video')).toBeNull();
    const values = await page.$$eval('.ocr-field', (lis) => lis.map((li) => `${li.getAttribute('data-kind')}:${li.querySelector('.ocr-value')?.textContent?.replace(/\s/g, '')}`));
    expect(values).toContain(`evn-customer:${code}`);
    readBefore.push(...webcamDoc.expected.map((e) => e.value));
    await page.close();
  });

  it('captures the open tab after the toolbar button and reads only the region dragged round the code', async () => {
    // A bill shown in an ordinary tab (served on loopback, which the proxy does not see).
    const doc = makeDoc('evn-bill', rng(99));
    const code = doc.expected.find((e) => e.kind === 'evn-customer')!.value;
    const site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(doc.html));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const panel = await openPanel();
      const bill = await browser.newPage();
      await bill.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      await bill.bringToFront();

      // Before the volunteer invokes the extension on that tab, the browser refuses, and the helper says so.
      await (await panel.$('[data-testid="ocr-tab"]'))!.evaluate((b) => (b as HTMLButtonElement).click());
      const refused = await panel.waitForSelector('[data-testid="ocr-problem"]', { timeout: 10_000 });
      expect(await refused!.evaluate((e) => e.textContent)).toMatch(/Trình duyệt không cho chụp trang này/);

      // The toolbar button on the bill's tab (activeTab), then the capture: the screenshot to crop.
      const extension: Extension = (await browser.extensions()).get(extensionId)!;
      await bill.triggerExtensionAction(extension);
      await bill.bringToFront();
      // Where the code's row is on the bill, in device pixels from the top left of the tab. The bill is laid out
      // at a fixed width from the left edge, so this holds at whatever size the browser captures the tab:
      // Chromium 156 captures puppeteer's emulated viewport, Chromium 150 the window's own size (seen:
      // 780×493 and 714×805 for a 1100×900 viewport).
      const rowPx = await bill.evaluate(() => {
        const cell = Array.from(document.querySelectorAll('td')).find((td) => td.textContent === 'Mã khách hàng:')!;
        const r = cell.parentElement!.getBoundingClientRect();
        const d = devicePixelRatio;
        return { x: r.left * d, y: r.top * d, w: r.width * d, h: r.height * d, scrolled: scrollX !== 0 || scrollY !== 0 };
      });
      expect(rowPx.scrolled).toBe(false);
      await (await panel.$('[data-testid="ocr-tab"]'))!.evaluate((b) => (b as HTMLButtonElement).click());
      // The panel tab is in the background (the bill's tab is the visible one): poll on a timer.
      await panel.waitForFunction(() => document.querySelector('[data-testid="ocr-crop-area"] img') ?? document.querySelector('[data-testid="ocr-problem"]'), { polling: 200, timeout: 10_000 });
      expect(await panel.$('[data-testid="ocr-problem"]')).toBeNull();
      await panel.bringToFront();
      // The screenshot decoded and laid out before the area is measured: measured earlier, on a busy machine, the
      // area was the height of an empty image and the drag fell outside the code's row.
      await panel.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('[data-testid="ocr-crop-area"] img');
        return !!img && img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().height > 0;
      });
      const area = (await (await panel.$('[data-testid="ocr-crop-area"] img'))!.boundingBox())!;
      // The row as a fraction of the screenshot, whose size the browser chose; the code itself must be in it.
      const [shotW, shotH] = await panel.$eval('[data-testid="ocr-crop-area"] img', (i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]);
      expect(rowPx.y + rowPx.h, 'the code row is inside the screenshot').toBeLessThan(shotH!);
      const row = { x: rowPx.x / shotW!, y: rowPx.y / shotH!, w: Math.min(rowPx.w, shotW! - rowPx.x) / shotW!, h: rowPx.h / shotH! };
      const pad = 0.01;
      await panel.mouse.move(area.x + (row.x - pad) * area.width, area.y + (row.y - pad) * area.height);
      await panel.mouse.down();
      await panel.mouse.move(area.x + (row.x + row.w + pad) * area.width, area.y + (row.y + row.h + pad) * area.height, { steps: 5 });
      await panel.mouse.up();
      // The rectangle drawn is the row dragged round (as fractions of the screenshot).
      const drawn = await panel.waitForFunction(() => {
        const r = document.querySelector<HTMLElement>('.ocr-crop-rect');
        return r ? { left: parseFloat(r.style.left), width: parseFloat(r.style.width), top: parseFloat(r.style.top), height: parseFloat(r.style.height) } : null;
      });
      const box = (await drawn.jsonValue())!;
      expect(box.top / 100).toBeCloseTo(row.y - pad, 2);
      expect(box.height / 100).toBeCloseTo(row.h + 2 * pad, 2);
      await (await panel.waitForSelector('[data-testid="ocr-read-crop"]:not([disabled])'))!.click();
      await panel.waitForSelector('[data-testid="ocr-result"]', { timeout: 45_000 });
      const fields = await panel.$$eval('.ocr-field', (lis) => lis.map((li) => `${li.getAttribute('data-kind')}:${li.querySelector('.ocr-value')?.textContent?.replace(/\s/g, '')}`));
      // Only the dragged row was read: the code, and not the phone number or the total below it.
      const raw = await panel.$eval('[data-testid="ocr-raw"]', (e) => e.textContent);
      expect(fields, `read ${JSON.stringify(raw)} in the rectangle ${JSON.stringify(box)} % of a ${shotW}×${shotH} screenshot`).toEqual([`evn-customer:${code}`]);
      readBefore.push(code);
      await bill.close();
      await panel.close();
    } finally {
      site.closeAllConnections();
      await new Promise((r) => site.close(r));
    }
  });

  it('18.3 a photo with a căn cước QR and one with a VietQR: each decoded exactly and labelled "từ mã QR"; the holder shown, not kept', async () => {
    const card = '079090012345|123456789|Trần Thị Bình|02071990|Nam|Số 5 Lê Lợi, Quận 1, TP Hồ Chí Minh|10102022';
    const pay = vietQr('970436', '0011004123456', tlv('54', '250000'));
    const page = await openPanel();
    /** Read a photo of `text`'s QR code; `shows`: a field only this photo's result has (a state to wait for). */
    const readQr = async (name: string, text: string, shows: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, qrPng(text));
      await (await page.$('input[data-testid="ocr-file"]'))!.uploadFile(file);
      await page.waitForSelector(`[data-testid="ocr-result"] .ocr-field[data-kind="${shows}"][data-from="qr"]`, { timeout: 45_000 });
      return page.$$eval('.ocr-field', (lis) =>
        lis.map((li) => ({
          kind: li.getAttribute('data-kind'),
          from: li.getAttribute('data-from'),
          value: li.querySelector('.ocr-value')?.textContent?.replace(/[\s.]/g, ''),
          badge: li.querySelector('[data-testid="ocr-from-qr"]')?.textContent ?? null,
        })),
      );
    };
    const fromCard = await readQr('can-cuoc.png', card, 'cccd');
    expect(fromCard.filter((f) => f.from === 'qr').map((f) => `${f.kind}:${f.value}:${f.badge}`), JSON.stringify(fromCard)).toEqual(['cccd:079090012345:từ mã QR']);
    expect(await page.$eval('[data-testid="ocr-card"]', (e) => e.textContent)).toContain('Trần Thị Bình');
    expect(await axe(page, '[data-testid="ocr-helper"]')).toEqual([]);
    const fromPay = await readQr('chuyen-khoan.png', pay, 'bank-account');
    expect(fromPay.filter((f) => f.from === 'qr').map((f) => `${f.kind}:${f.value}:${f.badge}`).sort(), JSON.stringify(fromPay)).toEqual([
      'amount:250000:từ mã QR',
      'bank-account:0011004123456:từ mã QR',
    ]);
    // The card's holder went with the card's result.
    expect(await page.$('[data-testid="ocr-card"]')).toBeNull();
    // The later check of every store looks for these too (and the holder's name).
    readBefore.push('079090012345', '0011004123456', 'Trần Thị Bình');
    await (await page.$('[data-testid="ocr-close"]'))!.click();
    await page.close();
  });

  it('18.4 a photo with a digit made unreadable: that code is not offered as exact, the others are, each beside the crop of its line', async () => {
    // A bill whose customer code has a blot of ink over its 7th character, photographed flat.
    const doc = makeDoc('evn-bill', rng(1804));
    const code = doc.expected.find((e) => e.kind === 'evn-customer')!.value;
    const blotted = `${code.slice(0, 6)}<span style="position:relative">${code[6]}<span style="position:absolute;left:-3px;top:1px;width:17px;height:23px;border-radius:45%;background:#2b2b2b;filter:blur(1.5px)"></span></span>${code.slice(7)}`;
    expect(doc.html).toContain(`>${code}<`);
    const render = await docPage(browser);
    const shot = await renderDoc(render, { ...doc, html: doc.html.replace(`>${code}<`, `>${blotted}<`) }, { ...NO_DAMAGE, scale: 1.2 }, 3);
    await render.close();
    const file = path.join(dir, 'hoa-don-vet-muc.png');
    writeFileSync(file, shot.bytes);

    const page = await openPanel();
    await (await page.$('input[data-testid="ocr-file"]'))!.uploadFile(file);
    await page.waitForSelector('[data-testid="ocr-result"]', { timeout: 45_000 });
    const fields = await page.$$eval('.ocr-field', (lis) =>
      lis.map((li) => ({
        kind: li.getAttribute('data-kind'),
        sure: li.getAttribute('data-sure'),
        value: li.querySelector('.ocr-value')?.textContent?.replace(/[\s.]/g, '') ?? '',
        copy: li.querySelector('[data-testid="ocr-copy"]') !== null,
        badge: li.querySelector('[data-testid="ocr-unsure"]')?.textContent ?? null,
        digits: li.querySelector('[data-testid="ocr-unsure-digits"]')?.textContent ?? null,
      })),
    );
    const all = JSON.stringify(fields);
    // The blotted code: shown as "cần kiểm tra" with no copy button, or not at all; never as exact. Whatever the
    // engine read under the blot, it is not offered.
    for (const f of fields.filter((x) => x.kind === 'evn-customer')) {
      expect(f, all).toMatchObject({ sure: 'false', copy: false, badge: 'cần kiểm tra' });
      // The character under the blot (the 7th) is among those named for checking.
      expect(f.digits, all).toMatch(/^Chữ số cần kiểm tra \(đếm từ trái\): (?:\d+, )*7(?:, \d+)*$/);
    }
    // The other values on the bill are still read exactly and offered.
    for (const e of doc.expected.filter((x) => x.kind !== 'evn-customer')) {
      expect(fields, all).toContainEqual(expect.objectContaining({ kind: e.kind, value: e.value, sure: 'true', copy: true }));
    }
    // Beside a read value: the crop of its line, drawn large (the panel's width), with ink and paper in it.
    const crop = await page.$eval('.ocr-field[data-kind="phone"] canvas[data-testid="ocr-line-crop"]', (c) => {
      const canvas = c as HTMLCanvasElement;
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      let light = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i]! < 100) dark++;
        else if (px[i]! > 200) light++;
      }
      return { width: canvas.width, height: canvas.height, shownWidth: canvas.getBoundingClientRect().width, valueWidth: canvas.parentElement!.querySelector('.ocr-value')!.getBoundingClientRect().width, dark, light, label: canvas.getAttribute('aria-label') };
    });
    expect(crop.label).toBe('Dòng trên giấy có Số điện thoại: so với các chữ số đọc được');
    expect(crop.height).toBeGreaterThan(10);
    expect(crop.width).toBeGreaterThan(crop.height * 5);
    expect(crop.dark).toBeGreaterThan(50);
    expect(crop.light).toBeGreaterThan(crop.dark);
    expect(crop.shownWidth).toBeGreaterThanOrEqual(crop.valueWidth);
    expect(await axe(page, '[data-testid="ocr-helper"]')).toEqual([]);
    // The later check of every store looks for these too.
    readBefore.push(...doc.expected.map((e) => e.value));
    await (await page.$('[data-testid="ocr-close"]'))!.click();
    await page.close();
  });

  it('reads the EVN customer code from an image file, copies it, and then keeps nothing', async () => {
    // A bill photographed slightly turned, soft and grey, saved as JPEG.
    const render = await docPage(browser);
    const doc = makeDoc('evn-bill', rng(20261125));
    const shot = await renderDoc(render, doc, { rotate: 2.5, blur: 0.4, contrast: 0.7, noise: 6, scale: 0.9, jpeg: 0.8 }, 7);
    await render.close();
    const file = path.join(dir, 'hoa-don.jpg');
    writeFileSync(file, shot.bytes);
    const code = doc.expected.find((e) => e.kind === 'evn-customer')!.value;
    const phone = doc.expected.find((e) => e.kind === 'phone')!.value;

    const page = await openPanel();
    const input = (await page.$('input[data-testid="ocr-file"]'))!;
    await input.uploadFile(file);
    // The progress bar shows while it works, with its phase in words.
    await page.waitForSelector('progress[data-testid="ocr-progress"]', { timeout: 10_000 });
    expect(await page.$eval('progress[data-testid="ocr-progress"]', (p) => p.getAttribute('aria-valuetext'))).toMatch(/Đang/);
    await page.waitForSelector('[data-testid="ocr-result"]', { timeout: 45_000 });
    const fields = await page.$$eval('.ocr-field', (lis) =>
      lis.map((li) => ({ kind: li.getAttribute('data-kind'), value: li.querySelector('.ocr-value')?.textContent ?? '', label: li.querySelector('.ocr-kind')?.textContent })),
    );
    const evn = fields.find((f) => f.kind === 'evn-customer');
    expect(evn, JSON.stringify(fields)).toBeTruthy();
    expect(evn!.label).toBe('Mã khách hàng EVN');
    expect(evn!.value.replace(/\s/g, '')).toBe(code);
    expect(fields.find((f) => f.kind === 'phone')?.value.replace(/\s/g, '')).toBe(phone);
    // The helper with its results passes axe (labels, roles, contrast).
    expect(await axe(page, '[data-testid="ocr-helper"]')).toEqual([]);
    // Nothing wrong is offered: every value shown is one printed on the bill.
    for (const f of fields) expect(doc.expected.map((e) => `${e.kind}:${e.value}`)).toContain(`${f.kind}:${f.value.replace(/[\s.]/g, '')}`);

    // Copy: the button says so, and the clipboard holds the bare code.
    await page.bringToFront();
    const copyButton = (await page.$(`.ocr-field[data-kind="evn-customer"] [data-testid="ocr-copy"]`))!;
    expect(await copyButton.evaluate((b) => b.getAttribute('aria-label'))).toBe('Chép Mã khách hàng EVN');
    await copyButton.click();
    await page.waitForFunction(() => document.querySelector('.ocr-field[data-kind="evn-customer"] [data-testid="ocr-copy"]')?.textContent === 'Đã chép');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    // Empty the clipboard again: it is not one of the stores, but the test should not leave a code there.
    await page.evaluate(() => navigator.clipboard.writeText(''));

    // A second read reuses the warm worker: a file that is not an image gets a clear Vietnamese message.
    const notImage = path.join(dir, 'ghi-chu.txt');
    writeFileSync(notImage, 'không phải ảnh');
    await (await page.$('input[data-testid="ocr-file"]'))!.uploadFile(notImage);
    const problem = await page.waitForSelector('[data-testid="ocr-problem"]', { timeout: 10_000 });
    expect(await problem!.evaluate((e) => e.textContent)).toMatch(/không phải ảnh/);
    expect(await page.$('[data-testid="ocr-result"]')).toBeNull();

    // Read the bill again, then close the helper: nothing of it stays in the page or in any store.
    await (await page.$('input[data-testid="ocr-file"]'))!.uploadFile(file);
    await page.waitForSelector('[data-testid="ocr-result"]', { timeout: 30_000 });
    const raw = await page.$eval('[data-testid="ocr-raw"]', (e) => e.textContent ?? '');
    expect(raw).toMatch(/kh[aá]ch h[aà]ng/i);
    await (await page.$('[data-testid="ocr-close"]'))!.click();
    await page.waitForSelector('[data-testid="ocr-open"]');
    const body = await page.evaluate(() => document.body.innerText + document.body.textContent);
    expect(body).not.toContain(code);

    const stores = await dumpStores(page);
    const web = await page.evaluate(async () => {
      const cache: Record<string, string[]> = {};
      for (const name of await caches.keys()) cache[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
      return {
        localStorage: Object.fromEntries(Object.entries(localStorage)),
        sessionStorage: Object.fromEntries(Object.entries(sessionStorage)),
        cache,
        databases: (await indexedDB.databases()).map((d) => d.name),
      };
    });
    const all = JSON.stringify({ stores, web });
    // The dump is real: the extension's own stores are in it.
    expect(Object.keys(stores)).toContain('storage.local');
    expect(web.databases).not.toContain('keyval-store'); // tesseract.js's cache of language data
    const words = raw
      .split(/\s+/)
      .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
      .filter((w) => w.length >= 6);
    expect(words.length).toBeGreaterThan(5);
    expect(readBefore.length).toBeGreaterThanOrEqual(4);
    for (const secret of [code, phone, code.slice(2), ...words, ...readBefore]) expect(all, `"${secret}" must not be stored`).not.toContain(secret);
    expect(all).not.toMatch(/data:image|blob:|hoa-don/);

    // No request of ours left the browser (Chromium's own update and sign-in pings to Google are its own
    // business): the engine, its WebAssembly and the language data all came from the extension.
    const ours = proxy.seen.filter((r) => !CHROMIUM_OWN.test(r));
    expect(ours).toEqual([]);
    expect(proxy.seen.join('\n')).not.toMatch(/jsdelivr|unpkg|tesseract|traineddata/);
  });
});
