// Webcam frames drawn in code for the capture watch's unit tests (core/read-document/camera.ts) and the helper's:
// a 640×360 grab of a table with a sheet bearing lines of glyph-like ink, sensor noise, optional blur and contrast.
// (The watch's thresholds are measured on rendered documents instead: scripts/measure-camera.ts.)
import type { GrayImage, RgbaImage } from '../../core/image-prep';
import { mulberry32 } from './random';

export const W = 640;
export const H = 360;

export interface Scene {
  /** The sheet's top-left corner and size, in frame pixels. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Box-blur passes of radius 2 (three give a Gaussian of σ ≈ 2.8 px). */
  blur?: number;
  noise?: number;
  /** 1: ink 30 on paper 230 over a table at 95; less: all of it drawn closer to mid-grey. */
  contrast?: number;
  seed?: number;
  /** False: blank paper. @default true */
  text?: boolean;
}

/** A grey frame W×H: the sheet with lines of text-like ink (fixed glyphs from seed 7, whatever the noise seed). */
export function frame(s: Scene): GrayImage {
  const { x, y, w, h, blur = 0, noise = 4, contrast = 1, seed = 1, text = true } = s;
  const glyphs = mulberry32(7);
  const data = new Float32Array(W * H).fill(95);
  for (let py = y; py < y + h; py++) for (let px = x; px < x + w; px++) data[py * W + px] = 230;
  // Text lines 12 px apart inside 8 % margins; glyph cells 5×7 with random strokes, one-pixel gaps between cells.
  for (let ly = y + Math.round(h * 0.08); text && ly + 8 < y + h * 0.92; ly += 12) {
    for (let cx = x + Math.round(w * 0.08); cx + 5 < x + w * 0.92; cx += 6) {
      if (glyphs() < 0.15) continue;
      for (let gy = 0; gy < 7; gy++) for (let gx = 0; gx < 5; gx++) if (glyphs() < 0.4) data[(ly + gy) * W + cx + gx] = 30;
    }
  }
  let img: Float32Array = data;
  for (let pass = 0; pass < blur; pass++) img = boxBlur(img);
  const r = mulberry32(seed);
  const out = new Uint8ClampedArray(W * H);
  for (let i = 0; i < out.length; i++) {
    const n = Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r()) * noise;
    out[i] = 128 + (img[i]! - 128) * contrast + n;
  }
  return { data: out, width: W, height: H };
}

function boxBlur(src: Float32Array): Float32Array {
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  const R = 2;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let s = 0;
      for (let d = -R; d <= R; d++) s += src[y * W + Math.min(W - 1, Math.max(0, x + d))]!;
      tmp[y * W + x] = s / (2 * R + 1);
    }
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let s = 0;
      for (let d = -R; d <= R; d++) s += tmp[Math.min(H - 1, Math.max(0, y + d)) * W + x]!;
      out[y * W + x] = s / (2 * R + 1);
    }
  return out;
}


/** A grey image whose level at (x, y) is `f(x, y)`. */
export function gray(width: number, height: number, f: (x: number, y: number) => number): GrayImage {
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { data, width, height };
}

/** The same frame as a canvas would give it (RGBA, opaque). */
export function rgba(g: GrayImage): RgbaImage {
  const data = new Uint8ClampedArray(g.width * g.height * 4);
  for (let i = 0; i < g.data.length; i++) data.set([g.data[i]!, g.data[i]!, g.data[i]!, 255], i * 4);
  return { data, width: g.width, height: g.height };
}
