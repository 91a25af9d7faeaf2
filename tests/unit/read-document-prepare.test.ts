// Issue 18, item 2: from a photo to what the OCR engine reads — light evened out, ink found by a local threshold,
// text sized by its measured height, rules removed without cutting blurred words, the paper found and flattened.
import { describe, expect, it } from 'vitest';
import { flattenLight, otsuThreshold, binarize, removeLines, sauvola, textHeight, type GrayImage } from '../../core/image-prep';
import { preparePhoto, TEXT_HEIGHT } from '../../core/read-document/prepare';
import { tallLines } from '../../core/read-document/tall-lines';
import { mulberry32 } from '../support/random';
import { gray, rgba } from '../support/paper-frames';

/**
 * "Letters": glyphs `size` px tall and 0.6·size wide made of a few strokes, in lines of words, at a seeded place.
 * Returns the image and a mask of where ink was drawn.
 */
function letters(width: number, height: number, size: number, paper: (x: number, y: number) => number, inkLevel = 25): { img: GrayImage; ink: Uint8Array } {
  const rand = mulberry32(3);
  const img = gray(width, height, paper);
  const ink = new Uint8Array(width * height);
  const stroke = Math.max(2, Math.round(size / 7));
  for (let top = Math.round(size); top + size < height - size; top += Math.round(size * 1.8)) {
    let x = Math.round(size);
    while (x + size < width - size) {
      const n = 2 + Math.floor(rand() * 6);
      for (let c = 0; c < n && x + size < width - size; c++) {
        const gw = Math.round(size * 0.6);
        const shape = Math.floor(rand() * 3);
        for (let y = top; y < top + size; y++)
          for (let dx = 0; dx < gw; dx++) {
            const left = dx < stroke;
            const right = dx >= gw - stroke;
            const mid = Math.abs(y - (top + size / 2)) < stroke / 2;
            const topBar = y < top + stroke;
            const on = shape === 0 ? left || right || mid : shape === 1 ? left || topBar || mid : left || right || topBar;
            if (on) {
              img.data[y * width + x + dx] = inkLevel;
              ink[y * width + x + dx] = 1;
            }
          }
        x += gw + Math.max(2, Math.round(size * 0.15));
      }
      x += Math.round(size * 0.7);
    }
  }
  return { img, ink };
}

describe('18.2 light, ink and text size', () => {
  it('18.2 flattenLight turns a lamp\'s gradient and a shadow band into white paper and keeps the ink dark', () => {
    // Paper from 250 down to 140 left to right, and a shadow band (×0.55) across the middle third.
    const lit = (x: number, y: number): number => (250 - (110 * x) / 800) * (y > 200 && y < 400 ? 0.55 : 1);
    const { img, ink } = letters(800, 600, 18, lit, 20);
    // One global threshold cannot separate ink from the shadowed paper.
    const otsu = binarize(img, otsuThreshold(img));
    let paperBlack = 0, paperTotal = 0;
    for (let i = 0; i < ink.length; i++) if (!ink[i]) { paperTotal++; if (otsu.data[i] === 0) paperBlack++; }
    expect(paperBlack / paperTotal).toBeGreaterThan(0.1);
    const flat = flattenLight(img);
    let paperLow = 0, inkHigh = 0, inkTotal = 0;
    for (let i = 0; i < ink.length; i++) {
      if (ink[i]) { inkTotal++; if (flat.data[i]! > 128) inkHigh++; }
      else if (flat.data[i]! < 200) paperLow++;
    }
    expect(paperLow / paperTotal).toBeLessThan(0.02);
    expect(inkHigh / inkTotal).toBeLessThan(0.02);
  });

  it('18.2 sauvola finds the ink under a shadow where a global threshold blackens the paper', () => {
    const lit = (_x: number, y: number): number => (y > 300 ? 110 : 245);
    const { img, ink } = letters(600, 600, 16, lit, 15);
    const local = sauvola(img);
    let wrong = 0;
    for (let i = 0; i < ink.length; i++) if ((local.data[i] === 0) !== (ink[i] === 1)) wrong++;
    expect(wrong / ink.length).toBeLessThan(0.03);
  });

  it('18.2 textHeight gives the characters\' height, not a rule\'s, a speck\'s or a picture\'s', () => {
    for (const size of [12, 20, 34]) {
      const { img } = letters(900, 700, size, () => 250);
      // A rule across, a solid picture, specks.
      for (let x = 30; x < 870; x++) for (let y = 650; y < 653; y++) img.data[y * 900 + x] = 0;
      for (let y = 20; y < 200; y++) for (let x = 700; x < 860; x++) img.data[y * 900 + x] = 0;
      for (let k = 0; k < 200; k++) img.data[(5 + (k % 10)) * 900 + 5 + k * 4] = 0;
      expect(textHeight(binarize(img))).toBe(size);
    }
    expect(textHeight(gray(300, 300, () => 255))).toBe(0);
  });

  it('18.2 removeLines takes a thin rule away but not blurred words merged into a long run', () => {
    const img = gray(800, 200, () => 250);
    // A rule 3 px thick, and a "word band" 24 px tall and 500 px long (what heavy blur makes of a line of text).
    for (let x = 50; x < 750; x++) for (let y = 40; y < 43; y++) img.data[y * 800 + x] = 10;
    for (let x = 100; x < 600; x++) for (let y = 100; y < 124; y++) img.data[y * 800 + x] = 10;
    const out = removeLines(img, 128, 100, 100, 12);
    expect(out.data[41 * 800 + 400]).toBe(255);
    expect(out.data[112 * 800 + 300]).toBe(10);
    // Without the thickness rule both go, as before.
    expect(removeLines(img, 128, 100, 100).data[112 * 800 + 300]).toBe(255);
  });
});

describe('18.2 preparePhoto', () => {
  it('18.2 a sheet on a table at a slant: found, flattened, lit evenly and its text scaled to the height the engine reads best', () => {
    // A 700×500 "sheet" of 10 px letters seen at a slant on a darker table in a 1000×800 frame.
    const { img: sheet } = letters(700, 500, 10, () => 240);
    const q = [{ x: 170, y: 140 }, { x: 860, y: 110 }, { x: 880, y: 650 }, { x: 140, y: 690 }];
    // Inverse bilinear map of the quad is complex; draw by forward-mapping the sheet densely instead.
    const photo = gray(1000, 800, (x, y) => 60 + ((x * 7 + y * 13) % 11));
    for (let v = 0; v < 500; v += 0.5)
      for (let u = 0; u < 700; u += 0.5) {
        const s = u / 700, t = v / 500;
        const x = (1 - s) * (1 - t) * q[0]!.x + s * (1 - t) * q[1]!.x + s * t * q[2]!.x + (1 - s) * t * q[3]!.x;
        const y = (1 - s) * (1 - t) * q[0]!.y + s * (1 - t) * q[1]!.y + s * t * q[2]!.y + (1 - s) * t * q[3]!.y;
        // A lamp: the sheet darker to the right.
        photo.data[Math.round(y) * 1000 + Math.round(x)] = sheet.data[Math.floor(v) * 700 + Math.floor(u)]! * (1 - 0.35 * s);
      }
    const p = preparePhoto(rgba(photo));
    expect(p.paper).not.toBeNull();
    for (let i = 0; i < 4; i++) expect(Math.hypot(p.paper![i]!.x - q[i]!.x, p.paper![i]!.y - q[i]!.y)).toBeLessThan(12);
    // Measured ≈ 10·(flattened size / sheet size); after scaling, the text is about TEXT_HEIGHT tall.
    expect(p.textHeight).toBeGreaterThan(8);
    expect(Math.abs(textHeight(binarize(p.image)) - TEXT_HEIGHT)).toBeLessThanOrEqual(4);
    // No table left at the corners; the paper is white on both sides of the lamp's gradient.
    const at = (fx: number, fy: number): number => p.image.data[Math.round(fy * (p.image.height - 1)) * p.image.width + Math.round(fx * (p.image.width - 1))]!;
    for (const [fx, fy] of [[0.005, 0.005], [0.995, 0.005], [0.005, 0.995], [0.995, 0.995], [0.5, 0.995]] as const) expect(at(fx, fy), `${fx},${fy}`).toBeGreaterThan(200);
  });

  it('18.2 a screenshot has no paper to find and is read whole; large text is scaled down, tiny text up (within ×0.5…×3)', () => {
    const big = preparePhoto(rgba(letters(1200, 900, 48, () => 255).img));
    expect(big.paper).toBeNull();
    expect(big.scale).toBeCloseTo(TEXT_HEIGHT / 48, 1);
    const tiny = preparePhoto(rgba(letters(500, 300, 6, () => 255).img), { lines: false });
    expect(tiny.scale).toBeLessThanOrEqual(3);
    expect(tiny.scale).toBeGreaterThan(1.5);
  });
});

describe('18.2 tall lines', () => {
  it('18.2 a line of characters twice the page\'s height is found (its box round it); a page of one size has none', () => {
    const { img } = letters(1000, 700, 14, () => 250);
    expect(tallLines(img)).toEqual([]);
    // A band of 34 px glyphs across the middle, as a banking app prints the amount.
    // (letters draws its first line one glyph height down: its rows 34–68 hold the glyphs.)
    for (let y = 300; y < 380; y++) for (let x = 0; x < 1000; x++) img.data[y * 1000 + x] = 250;
    const big = letters(600, 110, 34, () => 250).img;
    for (let y = 0; y < 80; y++) for (let x = 0; x < 600; x++) img.data[(300 + y) * 1000 + 200 + x] = big.data[(y + 14) * 600 + x]!;
    const lines = tallLines(img);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line!.y).toBeGreaterThanOrEqual(300);
    expect(line!.y + line!.height).toBeLessThanOrEqual(380);
    expect(line!.height).toBeGreaterThanOrEqual(30);
    expect(line!.x).toBeGreaterThanOrEqual(200);
    expect(line!.width).toBeGreaterThan(300);
  });
});
