// Image preprocessing before OCR of a photographed paper document: grayscale, size normalisation
// (small photos upscaled, huge ones reduced), contrast stretch, deskew by projection profile (±5°),
// and a PGM encoding the OCR engine reads without a PNG encoder. Pure functions on pixel buffers:
// no DOM, no canvas, no browser APIs, so the side panel and the Node benchmark run the same code.

/** An RGBA image as canvas `ImageData` holds it (4 bytes per pixel). */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** A one-channel 8-bit image (0 black … 255 white), one byte per pixel. */
export interface GrayImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

function checkSize(width: number, height: number, length: number, channels: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) throw new RangeError(`bad image size ${width}×${height}`);
  if (length !== width * height * channels) throw new RangeError(`pixel buffer of ${length} bytes does not fit ${width}×${height}×${channels}`);
}

/** Luma (ITU-R BT.601) of each pixel; alpha is composited over white (a transparent PNG reads as paper). */
export function toGray(img: RgbaImage): GrayImage {
  checkSize(img.width, img.height, img.data.length, 4);
  const n = img.width * img.height;
  const out = new Uint8ClampedArray(n);
  const d = img.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const a = d[j + 3]! / 255;
    const y = 0.299 * d[j]! + 0.587 * d[j + 1]! + 0.114 * d[j + 2]!;
    out[i] = y * a + 255 * (1 - a);
  }
  return { data: out, width: img.width, height: img.height };
}

/** The grey levels at the `low` and `high` fractions of the histogram. */
export function percentiles(img: GrayImage, low: number, high: number): [number, number] {
  const hist = new Uint32Array(256);
  for (const v of img.data) hist[v]!++;
  const n = img.data.length;
  const at = (fraction: number): number => {
    const target = fraction * (n - 1);
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += hist[v]!;
      if (seen > target) return v;
    }
    return 255;
  };
  return [at(low), at(high)];
}

/**
 * Linear contrast stretch: the `low` percentile becomes black, the `high` one white. A faded print or a
 * grey photo of white paper gets its full range back; an image that already uses it is unchanged.
 * Nothing happens when the two levels are closer than `minSpread` (a blank page stays blank).
 * @param low @default 0.01
 * @param high @default 0.99
 */
export function stretchContrast(img: GrayImage, low = 0.01, high = 0.99, minSpread = 16): GrayImage {
  const [lo, hi] = percentiles(img, low, high);
  if (hi - lo < minSpread) return { ...img, data: new Uint8ClampedArray(img.data) };
  const lut = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) lut[v] = ((v - lo) * 255) / (hi - lo);
  const out = new Uint8ClampedArray(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = lut[img.data[i]!]!;
  return { data: out, width: img.width, height: img.height };
}

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsuThreshold(img: GrayImage): number {
  const hist = new Float64Array(256);
  for (const v of img.data) hist[v]!++;
  const n = img.data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v]!;
  let sumBack = 0;
  let weightBack = 0;
  let best = 0;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    weightBack += hist[t]!;
    if (weightBack === 0) continue;
    const weightFore = n - weightBack;
    if (weightFore === 0) break;
    sumBack += t * hist[t]!;
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return best;
}

/** Black (0) where the level is at most `threshold`, else white (255). */
export function binarize(img: GrayImage, threshold = otsuThreshold(img)): GrayImage {
  const out = new Uint8ClampedArray(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i]! <= threshold ? 0 : 255;
  return { data: out, width: img.width, height: img.height };
}

/** Bilinear resize to `width`×`height` (area-averaged by a box pre-filter when reducing by 2× or more). */
export function resize(img: GrayImage, width: number, height: number): GrayImage {
  width = Math.max(1, Math.round(width));
  height = Math.max(1, Math.round(height));
  let src = img;
  // Halve with a 2×2 box until within 2× of the target, so reduction does not alias thin strokes.
  while (src.width >= width * 2 && src.height >= height * 2) src = halve(src);
  const out = new Uint8ClampedArray(width * height);
  const sx = src.width / width;
  const sy = src.height / height;
  const d = src.data;
  const w = src.width;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(src.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(src.height - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(w - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(w - 1, x0 + 1);
      const tx = fx - x0;
      const top = d[y0 * w + x0]! * (1 - tx) + d[y0 * w + x1]! * tx;
      const bottom = d[y1 * w + x0]! * (1 - tx) + d[y1 * w + x1]! * tx;
      out[y * width + x] = top * (1 - ty) + bottom * ty;
    }
  }
  return { data: out, width, height };
}

function halve(img: GrayImage): GrayImage {
  const width = Math.floor(img.width / 2);
  const height = Math.floor(img.height / 2);
  const out = new Uint8ClampedArray(width * height);
  const d = img.data;
  const w = img.width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 2 * y * w + 2 * x;
      out[y * width + x] = (d[i]! + d[i + 1]! + d[i + w]! + d[i + w + 1]! + 2) >> 2;
    }
  }
  return { data: out, width, height };
}

/**
 * The level at (fx, fy) between pixel centres, bilinear; on the last row or column the pixel itself, outside the
 * image `fill`.
 */
export function bilinear(img: GrayImage, fx: number, fy: number, fill = 255): number {
  const { width: w, height: h, data: d } = img;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) return x0 >= 0 && y0 >= 0 && x0 < w && y0 < h ? d[y0 * w + x0]! : fill;
  const tx = fx - x0;
  const ty = fy - y0;
  const i = y0 * w + x0;
  const top = d[i]! * (1 - tx) + d[i + 1]! * tx;
  const bottom = d[i + w]! * (1 - tx) + d[i + w + 1]! * tx;
  return top * (1 - ty) + bottom * ty;
}

/**
 * Rotates by `degrees` (positive: clockwise on screen) about the centre, keeping the size; corners
 * brought in from outside are filled with `fill` (paper white by default). Bilinear.
 */
export function rotate(img: GrayImage, degrees: number, fill = 255): GrayImage {
  const { width: w, height: h, data: d } = img;
  const out = new Uint8ClampedArray(w * h);
  if (degrees === 0) {
    out.set(d);
    return { data: out, width: w, height: h };
  }
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      // Inverse mapping: where in the source this output pixel comes from.
      const fx = cos * dx + sin * dy + cx;
      const fy = -sin * dx + cos * dy + cy;
      out[y * w + x] = bilinear(img, fx, fy, fill);
    }
  }
  return { data: out, width: w, height: h };
}

export interface SkewOptions {
  /** Largest angle looked for, either way. @default 5 */
  maxDegrees?: number;
  /** Finest step of the search. @default 0.1 */
  step?: number;
  /** The analysis runs on a copy no wider than this. @default 800 */
  analysisWidth?: number;
}

/**
 * The skew of the text lines in degrees (positive: the lines go down to the right, as after a
 * clockwise turn), by projection profile: for each candidate angle the ink pixels are projected onto
 * a line perpendicular to it, and the angle whose profile has the sharpest peaks and gaps (sum of
 * squared differences between neighbouring rows) wins. A coarse pass at 0.5°, then a fine one.
 * Returns 0 for an image without enough ink.
 */
export function estimateSkew(img: GrayImage, options: SkewOptions = {}): number {
  const { maxDegrees = 5, step = 0.1, analysisWidth = 800 } = options;
  const scale = Math.min(1, analysisWidth / img.width);
  const small = scale < 1 ? resize(img, img.width * scale, img.height * scale) : img;
  const ink = binarize(small);
  // Ink pixel coordinates, relative to the centre.
  const xs: number[] = [];
  const ys: number[] = [];
  const { width: w, height: h } = ink;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (ink.data[y * w + x] === 0) {
        xs.push(x - w / 2);
        ys.push(y - h / 2);
      }
    }
  }
  // Nothing to measure: a blank page, or one that is all ink (an inverted or a dark photo).
  if (xs.length < 50 || xs.length > 0.6 * w * h) return 0;
  const span = Math.ceil(Math.hypot(w, h)) + 2;
  const bins = new Float64Array(span);
  const score = (degrees: number): number => {
    const rad = (degrees * Math.PI) / 180;
    const sin = Math.sin(rad);
    const cos = Math.cos(rad);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) {
      // The row this pixel would be on once the image is turned back by `degrees`.
      const r = Math.round(ys[i]! * cos - xs[i]! * sin + span / 2);
      if (r >= 0 && r < span) bins[r]!++;
    }
    let s = 0;
    for (let r = 1; r < span; r++) s += (bins[r]! - bins[r - 1]!) ** 2;
    return s;
  };
  const search = (from: number, to: number, by: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let a = from; a <= to + 1e-9; a += by) {
      const s = score(a);
      // Ties go to the angle nearest 0: no turn unless it helps.
      if (s > bestScore || (s === bestScore && Math.abs(a) < Math.abs(best))) {
        bestScore = s;
        best = a;
      }
    }
    return best;
  };
  const coarse = search(-maxDegrees, maxDegrees, 0.5);
  const fine = search(Math.max(-maxDegrees, coarse - 0.5), Math.min(maxDegrees, coarse + 0.5), step);
  return Math.round(fine * 100) / 100;
}

/**
 * Removes ruling lines: ink runs of at least `minRun` pixels along a row (table rules, a box round a
 * bill's total, underlines) or of at least `minColumnRun` down a column (box sides), and the dark desk
 * around the paper, become paper white. Letters never make runs that long, and a box round a value
 * otherwise makes the OCR engine drop the value with the box (measured by `npm run bench:ocr`).
 * @param minRun @default max(60, 6% of the width)
 * @param minColumnRun @default max(60, 4% of the width)
 */
export function removeLines(
  img: GrayImage,
  threshold = otsuThreshold(img),
  minRun = Math.max(60, Math.round(img.width * 0.06)),
  minColumnRun = Math.max(60, Math.round(img.width * 0.04)),
  maxThickness = Infinity,
): GrayImage {
  const { width: w, height: h, data: d } = img;
  const rows = new Uint8Array(w * h);
  const columns = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const ink = x < w && d[y * w + x]! <= threshold;
      if (ink && start < 0) start = x;
      else if (!ink && start >= 0) {
        if (x - start >= minRun) rows.fill(1, y * w + start, y * w + x);
        start = -1;
      }
    }
  }
  for (let x = 0; x < w; x++) {
    let start = -1;
    for (let y = 0; y <= h; y++) {
      const ink = y < h && d[y * w + x]! <= threshold;
      if (ink && start < 0) start = y;
      else if (!ink && start >= 0) {
        if (y - start >= minColumnRun) for (let k = start; k < y; k++) columns[k * w + x] = 1;
        start = -1;
      }
    }
  }
  if (maxThickness < Infinity) {
    // A rule is thin across its length; blurred words merged into one long run are as thick as the text: a marked
    // pixel whose ink reaches further than `maxThickness` across the mark's direction stays ink.
    const ink = (i: number): boolean => d[i]! <= threshold;
    keepThin(rows, w, h, maxThickness, ink, true);
    keepThin(columns, w, h, maxThickness, ink, false);
  }
  const out = new Uint8ClampedArray(d);
  for (let i = 0; i < out.length; i++) if (rows[i] || columns[i]) out[i] = 255;
  return { data: out, width: w, height: h };
}

/** Unmarks the marked pixels on an ink run longer than `max` across the marks (down a column for row marks). */
function keepThin(mark: Uint8Array, w: number, h: number, max: number, ink: (i: number) => boolean, rowMarks: boolean): void {
  const outer = rowMarks ? w : h;
  const inner = rowMarks ? h : w;
  const at = (o: number, i: number): number => (rowMarks ? i * w + o : o * w + i);
  for (let o = 0; o < outer; o++) {
    let start = -1;
    for (let i = 0; i <= inner; i++) {
      const m = i < inner && ink(at(o, i));
      if (m && start < 0) start = i;
      else if (!m && start >= 0) {
        if (i - start > max) for (let k = start; k < i; k++) mark[at(o, k)] = 0;
        start = -1;
      }
    }
  }
}

/** A 3×3 binomial blur ([1 2 1] both ways): takes the edge off sensor and JPEG noise, keeps strokes. */
export function smooth(img: GrayImage): GrayImage {
  const { width: w, height: h, data: d } = img;
  const tmp = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const l = d[row + Math.max(0, x - 1)]!;
      const r = d[row + Math.min(w - 1, x + 1)]!;
      tmp[row + x] = (l + 2 * d[row + x]! + r) / 4;
    }
  }
  const out = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    const up = Math.max(0, y - 1) * w;
    const down = Math.min(h - 1, y + 1) * w;
    const row = y * w;
    for (let x = 0; x < w; x++) out[row + x] = Math.round((tmp[up + x]! + 2 * tmp[row + x]! + tmp[down + x]!) / 4);
  }
  return { data: out, width: w, height: h };
}

export interface PrepareOptions {
  /** Text too small for the OCR: images narrower than this are upscaled to it. @default 1600 */
  minWidth?: number;
  /** Images wider than this are reduced (a 12-megapixel phone photo reads as well and 4× faster). @default 2400 */
  maxWidth?: number;
  /** Turn the page straight when its lines are off by at least this much. @default 0.3 */
  minSkew?: number;
  /** @default true */
  deskew?: boolean;
  /** @default true */
  contrast?: boolean;
  /** Smooth away noise (smooth) after resizing. @default true */
  denoise?: boolean;
  /** Remove ruling lines and boxes (removeLines). @default true */
  lines?: boolean;
}

export interface Prepared {
  image: GrayImage;
  /** The skew found, in degrees (the image was turned back by it when |skew| ≥ minSkew). */
  skew: number;
  /** How much the image was scaled (2: twice as wide). */
  scale: number;
}

/**
 * The whole preprocessing before OCR: grayscale, size into [minWidth, maxWidth], contrast stretch,
 * deskew, ruling lines removed. Not binarised: the OCR engine's own thresholding works better on clean grey than on a
 * threshold picked before it (measured by `npm run bench:ocr`).
 */
export function prepareForOcr(img: RgbaImage, options: PrepareOptions = {}): Prepared {
  const { minWidth = 1600, maxWidth = 2400 } = options;
  const gray = toGray(img);
  return finishForOcr(gray, widthScale(gray.width, minWidth, maxWidth), options);
}

/** The scale that brings a width into [minWidth, maxWidth], never upscaling past ×3 (that only makes noise bigger). */
export function widthScale(width: number, minWidth = 1600, maxWidth = 2400): number {
  const scale = width < minWidth ? minWidth / width : width > maxWidth ? maxWidth / width : 1;
  return Math.min(scale, 3);
}

/**
 * The steps after the scale is chosen, shared by prepareForOcr and a photo's preparation (core/read-document/
 * prepare.ts): resize by `scale`, smooth, contrast stretch, deskew, ruling lines removed (thinner than
 * `lineThickness` when given: a rule is thin, blurred words are not).
 */
export function finishForOcr(gray: GrayImage, scale: number, options: PrepareOptions & { lineThickness?: number } = {}): Prepared {
  const { minSkew = 0.3, deskew = true, contrast = true, lines = true, denoise = true, lineThickness = Infinity } = options;
  if (scale !== 1) gray = resize(gray, gray.width * scale, gray.height * scale);
  if (denoise) gray = smooth(gray);
  if (contrast) gray = stretchContrast(gray);
  let skew = 0;
  if (deskew) {
    skew = estimateSkew(gray);
    if (Math.abs(skew) >= minSkew) gray = rotate(gray, -skew);
  }
  if (lines) gray = removeLines(gray, undefined, undefined, undefined, lineThickness);
  return { image: gray, skew, scale };
}

/** Binary PGM (P5): a header and the bytes. The OCR engine (Leptonica) reads it as is. */
export function encodePgm(img: GrayImage): Uint8Array {
  checkSize(img.width, img.height, img.data.length, 1);
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header);
  out.set(img.data, header.length);
  return out;
}

/** Grey-level maximum over a (2r+1)×(2r+1) square (separable, O(n·r); run on reduced images only). */
export function maxFilter(img: GrayImage, r: number): GrayImage {
  const { width: w, height: h, data: d } = img;
  const tmp = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let k = Math.max(0, x - r), end = Math.min(w - 1, x + r); k <= end; k++) if (d[row + k]! > m) m = d[row + k]!;
      tmp[row + x] = m;
    }
  }
  const out = new Uint8ClampedArray(w * h);
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      let m = 0;
      for (let k = Math.max(0, y - r), end = Math.min(h - 1, y + r); k <= end; k++) if (tmp[k * w + x]! > m) m = tmp[k * w + x]!;
      out[y * w + x] = m;
    }
  }
  return { data: out, width: w, height: h };
}

/** Grey-level minimum over a (2r+1)×(2r+1) square (the inverse's maximum). */
export function minFilter(img: GrayImage, r: number): GrayImage {
  const inverted = { ...img, data: img.data.map((v) => 255 - v) };
  const m = maxFilter(inverted, r);
  return { ...m, data: m.data.map((v) => 255 - v) };
}

/** The integral image of `f(level)` over `img`: entry (y+1)·(w+1)+(x+1) is the sum over [0..x]×[0..y]. */
function integral(img: GrayImage, f: (v: number) => number): Float64Array {
  const { width: w, height: h, data: d } = img;
  const sum = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += f(d[y * w + x]!);
      sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1]! + row;
    }
  }
  return sum;
}

/** Calls `each(i, sum, n)` with the sum of `table` over the (2r+1)×(2r+1) square round each pixel (clipped). */
function squares(w: number, h: number, r: number, tables: Float64Array[], each: (i: number, sums: number[], n: number) => void): void {
  const sums = tables.map(() => 0);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      for (let k = 0; k < tables.length; k++) {
        const t = tables[k]!;
        sums[k] = t[y1 * (w + 1) + x1]! - t[y0 * (w + 1) + x1]! - t[y1 * (w + 1) + x0]! + t[y0 * (w + 1) + x0]!;
      }
      each(y * w + x, sums, (x1 - x0) * (y1 - y0));
    }
  }
}

/** Mean over a (2r+1)×(2r+1) square, by an integral image (edges use the part of the square inside). */
export function boxMean(img: GrayImage, r: number): Float32Array {
  const out = new Float32Array(img.width * img.height);
  squares(img.width, img.height, r, [integral(img, (v) => v)], (i, [s], n) => {
    out[i] = s! / n;
  });
  return out;
}

/**
 * Evens out the light on a photographed page: the paper's own brightness is estimated everywhere (the brightest
 * level near each point, on a reduced copy, where text strokes are thinner than the window) and each pixel is
 * divided by it, so a gradient from a lamp and a shadow band across the sheet both become white paper, and the ink
 * keeps its contrast to the paper around it. `window`: the estimate's window in pixels of `img` (a few text lines).
 */
export function flattenLight(img: GrayImage, window = Math.max(24, Math.round(Math.min(img.width, img.height) / 25))): GrayImage {
  const factor = Math.max(1, Math.floor(window / 6));
  const small = factor > 1 ? resize(img, img.width / factor, img.height / factor) : img;
  const r = Math.max(2, Math.round(window / factor / 2));
  // A closing (the maximum reaches across strokes, the minimum after it brings a shadow's edge back where it was),
  // then a small mean to smooth the estimate's blocky steps.
  const closed = minFilter(maxFilter(small, r), r);
  const smoothPeak = boxMean(closed, Math.max(1, Math.round(r / 3)));
  const bgSmall: GrayImage = { data: Uint8ClampedArray.from(smoothPeak), width: small.width, height: small.height };
  const bg = factor > 1 ? resize(bgSmall, img.width, img.height) : bgSmall;
  const out = new Uint8ClampedArray(img.data.length);
  for (let i = 0; i < out.length; i++) {
    const b = Math.max(bg.data[i]!, 24);
    out[i] = Math.min(255, (img.data[i]! * 255) / b);
  }
  return { data: out, width: img.width, height: img.height };
}

/**
 * Sauvola's local threshold: black where the level is below mean·(1 + k·(sd/128 − 1)) over a square of
 * `window` pixels. Robust to uneven light where one global threshold is not; used to find the ink (skew, text size).
 */
export function sauvola(img: GrayImage, window = 31, k = 0.3): GrayImage {
  const r = Math.max(1, Math.floor(window / 2));
  const { width: w, height: h, data: d } = img;
  const out = new Uint8ClampedArray(w * h);
  squares(w, h, r, [integral(img, (v) => v), integral(img, (v) => v * v)], (i, [s, s2], n) => {
    const m = s! / n;
    const sd = Math.sqrt(Math.max(0, s2! / n - m * m));
    out[i] = d[i]! < m * (1 + k * (sd / 128 - 1)) ? 0 : 255;
  });
  return { data: out, width: w, height: h };
}

/**
 * The typical height in pixels of the characters on a binary image (black ink): the median height of its
 * connected ink components that are shaped like characters (not specks, not rules, not pictures). 0 when there are
 * too few to say.
 */
export function textHeight(ink: GrayImage): number {
  const heights = characterBoxes(ink).map((b) => b.height);
  if (heights.length < 20) return 0;
  heights.sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)]!;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The boxes of a binary image's connected ink components that are shaped like characters: a few pixels at least,
 * not much wider than tall (a few touching letters at most), not a long rule, not a solid block (a photo, a QR
 * module cluster), not taller than an eighth of the image.
 */
export function characterBoxes(ink: GrayImage): Box[] {
  const { width: w, height: h, data } = ink;
  const seen = new Uint8Array(w * h);
  const boxes: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || data[start] !== 0) continue;
    let minX = w, maxX = 0, minY = h, maxY = 0, count = 0;
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop()!;
      count++;
      const x = p % w;
      const y = (p - x) / w;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1]) {
        if (q < 0 || seen[q] || data[q] !== 0) continue;
        seen[q] = 1;
        stack.push(q);
      }
    }
    const bw = maxX - minX + 1;
    const bh = maxY - minY + 1;
    if (bh < 6 || bh > h / 8 || bw > 4 * bh || bh > 6 * bw || count > 0.9 * bw * bh) continue;
    boxes.push({ x: minX, y: minY, width: bw, height: bh });
  }
  return boxes;
}
