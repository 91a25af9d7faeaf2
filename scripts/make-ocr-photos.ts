// Makes the photo benchmark of issue 18 (`npm run make:ocr-photos`, `-- --seed 18 --per-kind 6`): documents laid
// out like the ones residents bring (scripts/ocr-photos/layouts.ts), rendered in Chromium, then photographed in
// software on a table (scripts/ocr-photos/camera.ts) or, for phone screens, saved as JPEG screenshots. Writes
// bench/ocr-photos/*.jpg and manifest.json: each photo's document kind, its true codes in extractFields' format
// (which of them a QR carries), other values genuinely printed, and its set — "tune", or "frozen" for a third of
// each kind chosen by the seed (measured, never tuned on).
//
// A made route apart from tests/support/ocr-docs.ts (the set the pipeline is tuned on): other layouts, other damage.
// Checks as it goes: every printed code is found by extractFields on the document's clean text (its innerText), every
// QR code decodes to its values on the clean rendering; it fails otherwise, and it lists what extractFields finds on
// the clean text that is not a code (a distractor read as one).
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import puppeteer from 'puppeteer-core';
import { extractFields } from '../core/fields';
import { decodeQrCodes } from '../core/read-document/decode-qr';
import { parseCardQr, parsePaymentQr } from '../core/read-document/qr';
import { chromiumPath, CHROMIUM_FLAGS } from '../tests/support/harness';
import { mulberry32, type Rng } from '../tests/support/random';
import { photograph, planShot, preparePage, saveScreen } from './ocr-photos/camera';
import { makePhotoDoc, PHOTO_DOC_KINDS, type PhotoDocKind } from './ocr-photos/layouts';
import { PHOTO_DIR, type ManifestCode, type ManifestPhoto } from '../tests/support/ocr-photos';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const SEED = opt('seed', 18);
const PER_KIND = opt('per-kind', 6);
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

/** For each kind, which of its photos are frozen: a third, chosen by the seed. */
function frozenOf(r: Rng, n: number): Set<number> {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return new Set(order.slice(0, Math.round(n / 3)));
}

/** The values the QR codes on a clean rendering carry, as codes. */
function qrValues(png: Buffer): { kind: string; value: string }[] {
  const img = PNG.sync.read(png);
  const out: { kind: string; value: string }[] = [];
  for (const text of decodeQrCodes({ data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), width: img.width, height: img.height })) {
    const card = parseCardQr(text);
    if (card) out.push({ kind: 'cccd', value: card.id });
    const pay = parsePaymentQr(text);
    if (pay.ok) {
      out.push({ kind: 'bank-account', value: pay.payment.account });
      if (pay.payment.amount) out.push({ kind: 'amount', value: pay.payment.amount });
    }
    if (/^[0-9A-Z.]+-\d{6}-\d{4}$/.test(text)) out.push({ kind: 'dossier-code', value: text });
  }
  return out;
}

async function main(): Promise<void> {
  const r = mulberry32(SEED);
  const frozen = new Map<PhotoDocKind, Set<number>>(PHOTO_DOC_KINDS.map((k) => [k, frozenOf(r, PER_KIND)]));
  // The folder's README stays; the photos and the manifest are made anew.
  mkdirSync(PHOTO_DIR, { recursive: true });
  for (const f of readdirSync(PHOTO_DIR)) if (f.endsWith('.jpg') || f === 'manifest.json') rmSync(path.join(PHOTO_DIR, f));
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, pipe: true, protocolTimeout: 600_000, args: [...CHROMIUM_FLAGS, '--lang=vi-VN'] });
  const photos: ManifestPhoto[] = [];
  const falseFinds: string[] = [];
  let cleanCodes = 0;
  let printed = 0;
  try {
    const render = await browser.newPage();
    // One page renders and photographs: a page in the background is not painted, and its screenshots stall.
    const camera = render;
    for (let n = 0; n < PER_KIND; n++) {
      for (const kind of PHOTO_DOC_KINDS) {
        const i = photos.length;
        const file = `${String(i + 1).padStart(2, '0')}-${kind}.jpg`;
        const doc = makePhotoDoc(kind, r);

        // The page's shape first, to plan the shot and render at about the resolution the photo needs.
        await render.setViewport({ width: doc.width, height: 900, deviceScaleFactor: 1 });
        await render.setContent(doc.html, { waitUntil: 'load' });
        const box = (await render.$eval('#doc', (el) => ({ w: el.getBoundingClientRect().width, h: el.getBoundingClientRect().height })));
        const clean = await render.$eval('#doc', (el) => (el as HTMLElement).innerText);
        const found = extractFields(clean);
        const has = (xs: { kind: string; value: string }[], c: { kind: string; value: string }): boolean => xs.some((f) => f.kind === c.kind && f.value === c.value);
        for (const c of doc.codes) {
          if (c.printed && !has(found, c)) throw new Error(`${file}: extractFields does not find ${c.kind} ${c.value} on the clean text:\n${clean}`);
        }
        const codes: ManifestCode[] = doc.codes.map((c) => ({ kind: c.kind, value: c.value, qr: c.qr }));
        for (const s of doc.secondary) if (has(found, s) && !has(codes, s)) codes.push({ ...s, qr: false });
        const other = doc.secondary.filter((s) => !has(codes, s));
        for (const f of found) if (!has(codes, f) && !has(other, f)) falseFinds.push(`${file}: ${f.kind} ${f.value}`);
        cleanCodes += codes.filter((c) => has(found, c)).length;
        printed += doc.codes.filter((c) => c.printed).length + (codes.length - doc.codes.length);

        let jpeg: Buffer;
        let how: Record<string, unknown>;
        if (doc.screenDpr) {
          await render.setViewport({ width: doc.width, height: 844, deviceScaleFactor: doc.screenDpr });
          await render.setContent(doc.html, { waitUntil: 'load' });
          const png = Buffer.from(await (await render.$('#doc'))!.screenshot({ type: 'png' }));
          checkQr(file, doc.codes, png);
          const q1 = round(0.72 + r() * 0.2);
          const q2 = r() < 0.5 ? round(0.6 + r() * 0.2) : undefined;
          await preparePage(camera);
          jpeg = await saveScreen(camera, png, q1, q2);
          how = { screenshot: { dpr: doc.screenDpr }, jpeg: q2 === undefined ? [q1] : [q1, q2] };
        } else {
          const shot = planShot(r, box.w, box.h, { portrait: box.h > box.w * 1.1, a4: kind === 'evn-einvoice' || kind === 'dossier-receipt' });
          const [a, b] = shot.quad;
          const pxPerCss = Math.hypot(b[0] - a[0], b[1] - a[1]) / box.w;
          const dpr = Math.min(4, Math.max(1, Math.ceil(pxPerCss * 1.25 * 4) / 4));
          await render.setViewport({ width: doc.width, height: 900, deviceScaleFactor: dpr });
          await render.setContent(doc.html, { waitUntil: 'load' });
          const png = Buffer.from(await (await render.$('#doc'))!.screenshot({ type: 'png' }));
          checkQr(file, doc.codes, png);
          const meta = PNG.sync.read(png);
          await preparePage(camera);
          jpeg = await photograph(camera, png, meta.width, meta.height, shot);
          how = {
            frame: [shot.width, shot.height],
            rotate: round(shot.rotate),
            tilt: [round(shot.tiltX), round(shot.tiltY)],
            fill: round(shot.fill),
            cut: round(shot.cut, 3),
            table: shot.table.kind,
            light: [round(shot.light.low), round(shot.light.high)],
            shadowBand: shot.band.on ? round(shot.band.depth) : null,
            blur: round(shot.blur),
            noise: round(shot.noise),
            jpeg: round(shot.jpeg),
          };
        }
        writeFileSync(path.join(PHOTO_DIR, file), jpeg);
        const size = jpegSize(jpeg);
        const set = frozen.get(kind)!.has(n) ? 'frozen' : 'tune';
        photos.push({ file, kind, set, width: size.width, height: size.height, codes, other, how });
        console.log(`${file.padEnd(24)} ${set.padEnd(7)} ${`${size.width}×${size.height}`.padEnd(10)} ${(jpeg.length / 1024).toFixed(0).padStart(4)} kB  ${codes.map((c) => `${c.kind}${c.qr ? '(qr)' : ''}`).join(', ')}`);
      }
    }
  } finally {
    await browser.close();
  }
  const manifest = {
    about: 'Photos of documents residents bring (issue 18): made by `npm run make:ocr-photos`, see README.md here. Codes are in extractFields format; "frozen" photos are measured, never tuned on.',
    seed: SEED,
    photos,
  };
  writeFileSync(path.join(PHOTO_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  const total = readdirSync(PHOTO_DIR).reduce((s, f) => s + statSync(path.join(PHOTO_DIR, f)).size, 0);
  const nCodes = photos.reduce((s, p) => s + p.codes.length, 0);
  console.log(`\n${photos.length} photos (${photos.filter((p) => p.set === 'frozen').length} frozen), ${nCodes} codes (${photos.reduce((s, p) => s + p.codes.filter((c) => c.qr).length, 0)} in a QR), folder ${(total / 1024 / 1024).toFixed(2)} MB`);
  console.log(`extractFields on the documents' clean text: ${cleanCodes} of ${printed} codes found (the rest only in a QR)`);
  console.log(`extractFields' finds on the clean text that are not codes: ${falseFinds.length ? `\n  ${falseFinds.join('\n  ')}` : 'none'}`);
}

/** Every code a QR carries decodes from the clean rendering. */
function checkQr(file: string, codes: { kind: string; value: string; qr: boolean }[], png: Buffer): void {
  const want = codes.filter((c) => c.qr);
  if (!want.length) return;
  const got = qrValues(png);
  for (const c of want) if (!got.some((g) => g.kind === c.kind && g.value === c.value)) throw new Error(`${file}: the QR does not give ${c.kind} ${c.value} (got ${JSON.stringify(got)})`);
}

/** A JPEG's size from its SOF marker. */
function jpegSize(b: Buffer): { width: number; height: number } {
  let i = 2;
  while (i < b.length) {
    const marker = b[i + 1]!;
    const len = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  throw new Error('not a JPEG');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
