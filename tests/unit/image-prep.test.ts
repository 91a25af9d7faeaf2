// Preprocessing before OCR: grayscale, contrast, thresholds, resizing, rotation, skew found by projection
// profile on synthetic "text" pages, the whole pipeline, and the PGM encoding.
import { describe, expect, it } from 'vitest';
import {
  binarize,
  encodePgm,
  estimateSkew,
  otsuThreshold,
  percentiles,
  prepareForOcr,
  removeLines,
  resize,
  rotate,
  smooth,
  stretchContrast,
  toGray,
  type GrayImage,
  type RgbaImage,
} from '../../core/image-prep';
import { mulberry32 } from '../support/random';
import { gray, rgba } from '../support/paper-frames';

/** A page of "text": lines of dark word-blocks with gaps, in a seeded pseudo-random pattern. */
function textPage(width: number, height: number, paper = 250, ink = 30): GrayImage {
  const rand = mulberry32(7);
  const img = gray(width, height, () => paper);
  const lineHeight = 14;
  for (let top = 40; top + lineHeight < height - 40; top += lineHeight * 2) {
    let x = 40;
    while (x < width - 60) {
      const word = 10 + Math.floor(rand() * 50);
      for (let y = top; y < top + lineHeight; y++) {
        for (let dx = 0; dx < word && x + dx < width - 40; dx++) {
          // Letters: vertical strokes with gaps, so it is not a solid bar.
          if ((dx % 5) < 3 || y === top || y === top + lineHeight - 1) img.data[y * width + x + dx] = ink;
        }
      }
      x += word + 8 + Math.floor(rand() * 10);
    }
  }
  return img;
}

const mean = (g: GrayImage): number => g.data.reduce((s, v) => s + v, 0) / g.data.length;

describe('toGray', () => {
  it('weights the channels like luma and reads transparent pixels as white paper', () => {
    const img: RgbaImage = {
      data: new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128]),
      width: 5,
      height: 1,
    };
    expect(Array.from(toGray(img).data)).toEqual([255, 0, 76, 255, 127]);
  });

  it('refuses a buffer that does not fit the size', () => {
    expect(() => toGray({ data: new Uint8ClampedArray(12), width: 2, height: 2 })).toThrow(RangeError);
    expect(() => toGray({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toThrow(RangeError);
  });
});

describe('contrast', () => {
  it('stretches a faded print to the full range', () => {
    const faded = gray(100, 10, (x) => 110 + Math.floor(x / 2)); // 110 … 159
    const [lo, hi] = percentiles(faded, 0, 1);
    expect([lo, hi]).toEqual([110, 159]);
    const out = stretchContrast(faded, 0, 1);
    expect(Math.min(...out.data)).toBe(0);
    expect(Math.max(...out.data)).toBe(255);
    // Order is kept: a darker pixel stays darker.
    expect(out.data[0]! < out.data[50]! && out.data[50]! < out.data[99]!).toBe(true);
  });

  it('leaves a blank page blank instead of amplifying its noise', () => {
    const blank = gray(50, 50, (x, y) => 240 + ((x + y) % 3));
    expect(Array.from(stretchContrast(blank).data)).toEqual(Array.from(blank.data));
  });

  it("finds Otsu's threshold between ink and paper, and binarises with it", () => {
    const img = gray(100, 100, (x) => (x < 30 ? 40 + (x % 5) : 200 + (x % 7)));
    const t = otsuThreshold(img);
    expect(t).toBeGreaterThanOrEqual(44);
    expect(t).toBeLessThan(200);
    const bin = binarize(img);
    expect(bin.data[10]).toBe(0);
    expect(bin.data[60]).toBe(255);
    expect(new Set(bin.data).size).toBe(2);
  });
});

describe('resize', () => {
  it('upscales and reduces to the asked size, keeping the overall brightness', () => {
    const img = textPage(300, 200);
    const up = resize(img, 600, 400);
    expect([up.width, up.height, up.data.length]).toEqual([600, 400, 240_000]);
    expect(Math.abs(mean(up) - mean(img))).toBeLessThan(3);
    const down = resize(img, 75, 50);
    expect([down.width, down.height]).toEqual([75, 50]);
    expect(Math.abs(mean(down) - mean(img))).toBeLessThan(3);
  });

  it('keeps a uniform image uniform', () => {
    const img = gray(33, 17, () => 123);
    expect(new Set(resize(img, 100, 51).data)).toEqual(new Set([123]));
  });
});

describe('rotate', () => {
  it('is the identity at 0° and turns clockwise for a positive angle', () => {
    const img = textPage(200, 120);
    expect(Array.from(rotate(img, 0).data)).toEqual(Array.from(img.data));
    // A dot right of the centre goes down when turned clockwise.
    const dot = gray(101, 101, (x, y) => (x >= 78 && x <= 82 && y >= 48 && y <= 52 ? 0 : 255));
    const turned = rotate(dot, 30);
    let sx = 0;
    let sy = 0;
    let n = 0;
    turned.data.forEach((v, i) => {
      if (v < 128) {
        sx += i % 101;
        sy += Math.floor(i / 101);
        n++;
      }
    });
    expect(sx / n).toBeCloseTo(50 + 30 * Math.cos(Math.PI / 6), 0);
    expect(sy / n).toBeCloseTo(50 + 30 * Math.sin(Math.PI / 6), 0);
  });

  it('fills the corners brought in with paper white', () => {
    const black = gray(100, 100, () => 0);
    const out = rotate(black, 5);
    expect(out.data[0]).toBe(255);
    expect(out.data[50 * 100 + 50]).toBe(0);
  });
});

describe('estimateSkew', () => {
  const page = textPage(900, 600);

  it.each([0, 1.5, 3, -2.2, 4.8, -5])('finds a %s° turn within 0.3°', (angle) => {
    expect(Math.abs(estimateSkew(rotate(page, angle)) - angle)).toBeLessThanOrEqual(0.3);
  });

  it('finds the skew of a large photo through its reduced copy', () => {
    const big = textPage(2000, 1200);
    expect(Math.abs(estimateSkew(rotate(big, -3.5)) + 3.5)).toBeLessThanOrEqual(0.3);
  });

  it('answers 0 for a page with no ink or all ink', () => {
    expect(estimateSkew(gray(300, 200, () => 250))).toBe(0);
    expect(estimateSkew(gray(300, 200, () => 5))).toBe(0);
  });
});

describe('removeLines', () => {
  it('removes a box and a rule but keeps the letters inside', () => {
    // A 400×200 page: a box (2 px border) from (50,50) to (350,150), a rule under it, and a "letter"
    // 12×28 px of strokes inside the box.
    const img = gray(400, 200, (x, y) => {
      const border = (x >= 50 && x <= 350 && (y === 50 || y === 51 || y === 149 || y === 150)) || (y >= 50 && y <= 150 && (x === 50 || x === 51 || x === 349 || x === 350));
      const rule = y === 180 && x >= 20 && x < 380;
      const letter = y >= 80 && y < 108 && x >= 100 && x < 112 && (x < 103 || x >= 109 || y < 83);
      return border || rule || letter ? 20 : 240;
    });
    const out = removeLines(img);
    const at = (x: number, y: number): number => out.data[y * 400 + x]!;
    expect([at(200, 50), at(200, 150), at(50, 100), at(350, 100), at(200, 180)]).toEqual([255, 255, 255, 255, 255]);
    expect([at(100, 90), at(110, 100), at(105, 81)]).toEqual([20, 20, 20]);
    // Paper stays as it was.
    expect(at(10, 10)).toBe(240);
  });

  it('whitens the dark desk around the paper', () => {
    const img = gray(300, 200, (x, y) => (x < 30 || y < 20 ? 60 : 235));
    const out = removeLines(img);
    expect(out.data[5 * 300 + 150]).toBe(255);
    expect(out.data[100 * 300 + 10]).toBe(255);
    expect(out.data[100 * 300 + 150]).toBe(235);
  });
});

describe('smooth', () => {
  it('keeps a uniform image and spreads a single noisy pixel', () => {
    expect(new Set(smooth(gray(20, 20, () => 200)).data)).toEqual(new Set([200]));
    const spike = smooth(gray(5, 5, (x, y) => (x === 2 && y === 2 ? 255 : 55)));
    expect(spike.data[12]).toBe(105); // 55 + 200 × 4/16
    expect(spike.data[0]).toBe(55);
  });
});

describe('prepareForOcr', () => {
  it('upscales a small photo, stretches its contrast and turns it straight', () => {
    const small = rotate(textPage(500, 320, 170, 110), 3.5);
    const { image, skew, scale } = prepareForOcr(rgba(small));
    expect(scale).toBeCloseTo(3, 5); // 1600 / 500 would be 3.2: capped at ×3
    expect(image.width).toBe(1500);
    expect(Math.abs(skew - 3.5)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(estimateSkew(image))).toBeLessThanOrEqual(0.3);
    const [lo, hi] = percentiles(image, 0.01, 0.99);
    expect(lo).toBeLessThan(20);
    expect(hi).toBeGreaterThan(235);
  });

  it('reduces a huge photo and leaves a straight page unturned', () => {
    const big = textPage(3000, 800);
    const { image, skew, scale } = prepareForOcr(rgba(big));
    expect(image.width).toBe(2400);
    expect(scale).toBeCloseTo(0.8, 5);
    expect(Math.abs(skew)).toBeLessThan(0.3);
  });

  it('can skip each step', () => {
    const img = rotate(textPage(1800, 500, 170, 110), 2);
    const { image, skew } = prepareForOcr(rgba(img), { deskew: false, contrast: false, denoise: false, lines: false });
    expect(skew).toBe(0);
    const plain = toGray(rgba(img)).data;
    expect(image.data.length).toBe(plain.length);
    expect(image.data.every((v, i) => v === plain[i])).toBe(true);
  });
});

describe('encodePgm', () => {
  it('writes a binary PGM header and the pixels', () => {
    const img = gray(3, 2, (x, y) => x * 10 + y);
    const pgm = encodePgm(img);
    const header = 'P5\n3 2\n255\n';
    expect(new TextDecoder().decode(pgm.slice(0, header.length))).toBe(header);
    expect(Array.from(pgm.slice(header.length))).toEqual([0, 10, 20, 1, 11, 21]);
  });
});
