// Webcam frames of a generator document (ocr-docs.ts) for measuring the capture watch (core/read-document/camera.ts):
// the rendered page laid on a darker table in a camera frame, turned, blurred, moved, faded and noisy, then grabbed
// as the OCR helper grabs a live frame (canvas drawImage down to the grab width) and returned grey (BT.601 luma, as
// core/image-prep.ts toGray). Drawn in Chromium so the blur and the downscaling are the browser's own.
import type { Page } from 'puppeteer-core';
import type { GrayImage } from '../../core/image-prep';
import type { Doc } from './ocr-docs';

export interface FrameSpec {
  /** The camera's frame size. */
  width: number;
  height: number;
  /** The paper's size as a share of the frame's, in whichever of width or height it fills first. */
  fill: number;
  /** Degrees, clockwise. */
  rotate: number;
  /** Gaussian blur radius in the document's CSS pixels (the generator's text is 18–28 CSS px tall). */
  blur: number;
  /** The page moved right by this many camera pixels. */
  shift: number;
  /** 1: full contrast; 0.6: a dim, grey picture. */
  contrast: number;
  /** Sensor noise σ in grey levels, drawn afresh for each frame from `seed`. */
  noise: number;
  seed: number;
  /** The width the helper grabs at. */
  grabWidth: number;
}

/** Code run in the page: plain JS, no named helpers (tsx would wrap them in a __name() the page lacks). */
const PAGE_SCRIPT = `
window.__loadDoc = async (b64) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  window.__docImg = img;
};
window.__grabFrame = (s) => {
  const img = window.__docImg;
  const c = document.createElement('canvas');
  c.width = s.width;
  c.height = s.height;
  const ctx = c.getContext('2d');
  const g = ctx.createLinearGradient(0, 0, s.width, s.height);
  g.addColorStop(0, '#8a8275');
  g.addColorStop(1, '#6f685e');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, s.width, s.height);
  // The screenshot is 2 device pixels per CSS pixel.
  const k = s.fill * Math.min(s.width / img.width, s.height / img.height);
  ctx.translate(s.width / 2 + s.shift, s.height / 2);
  ctx.rotate((s.rotate * Math.PI) / 180);
  ctx.scale(k, k);
  if (s.blur > 0) ctx.filter = 'blur(' + (s.blur * 2) + 'px)';
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.filter = 'none';
  const data = ctx.getImageData(0, 0, s.width, s.height);
  // Seeded noise: random.ts's mulberry32, inlined (this runs in the page, which cannot import).
  let a = s.seed >>> 0;
  const u = [0, 0];
  for (let i = 0; i < data.data.length; i += 4) {
    for (let j = 0; j < 2; j++) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      u[j] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    const n = s.noise > 0 ? Math.sqrt(-2 * Math.log(u[0] + 1e-12)) * Math.cos(2 * Math.PI * u[1]) * s.noise : 0;
    for (let ch = 0; ch < 3; ch++) data.data[i + ch] = 128 + (data.data[i + ch] - 128) * s.contrast + n;
  }
  ctx.putImageData(data, 0, 0);
  // The helper's grab: the whole frame drawn into a canvas grabWidth wide.
  const gw = Math.min(s.grabWidth, s.width);
  const gh = Math.round((s.height * gw) / s.width);
  const grab = document.createElement('canvas');
  grab.width = gw;
  grab.height = gh;
  const gctx = grab.getContext('2d', { willReadFrequently: true });
  gctx.drawImage(c, 0, 0, gw, gh);
  const px = gctx.getImageData(0, 0, gw, gh).data;
  const grey = new Uint8Array(gw * gh);
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) grey[i] = Math.round(Math.min(255, 0.299 * px[j] + 0.587 * px[j + 1] + 0.114 * px[j + 2]));
  let bin = '';
  for (let i = 0; i < grey.length; i += 0x8000) bin += String.fromCharCode.apply(null, grey.subarray(i, i + 0x8000));
  c.width = c.height = grab.width = grab.height = 0;
  return { b64: btoa(bin), width: gw, height: gh, paperWidth: img.width * k };
};
`;

/** Render `doc` in `page` (2 device pixels per CSS pixel) and keep its picture there, to frame many times. */
export async function loadDoc(page: Page, doc: Doc): Promise<void> {
  await page.setContent(doc.html, { waitUntil: 'load' });
  const el = (await page.$('.doc, .card'))!;
  const png = Buffer.from(await el.screenshot({ type: 'png', omitBackground: false }));
  await page.addScriptTag({ content: PAGE_SCRIPT });
  await page.evaluate(`window.__loadDoc(${JSON.stringify(png.toString('base64'))})`);
}

/** One grabbed grey frame of the loaded document under `spec`, and the paper's width in camera pixels. */
export async function grabFrame(page: Page, spec: FrameSpec): Promise<{ frame: GrayImage; paperWidth: number }> {
  const out = (await page.evaluate(`window.__grabFrame(${JSON.stringify(spec)})`)) as { b64: string; width: number; height: number; paperWidth: number };
  const bytes = Buffer.from(out.b64, 'base64');
  return { frame: { data: new Uint8ClampedArray(bytes), width: out.width, height: out.height }, paperWidth: out.paperWidth };
}
