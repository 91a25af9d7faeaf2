// Issue 18, item 2 (begun): finding the paper in a photo and flattening it (core/read-document/paper.ts).
import { describe, expect, it } from 'vitest';
import { findPaper, rectify, type Point, type Quad } from '../../core/read-document/paper';
import type { GrayImage } from '../../core/image-prep';

/** Homography (row-major, 9 numbers) taking the unit square's corners to q, and its inverse. */
function squareTo(q: Quad): number[] {
  const [p0, p1, p2, p3] = q;
  const dx1 = p1.x - p2.x, dx2 = p3.x - p2.x, dy1 = p1.y - p2.y, dy2 = p3.y - p2.y;
  const sx = p0.x - p1.x + p2.x - p3.x, sy = p0.y - p1.y + p2.y - p3.y;
  const det = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / det, h = (dx1 * sy - sx * dy1) / det;
  return [p1.x - p0.x + g * p1.x, p3.x - p0.x + h * p3.x, p0.x, p1.y - p0.y + g * p1.y, p3.y - p0.y + h * p3.y, p0.y, g, h, 1];
}
function invert(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d].map((x) => x / det);
}

/**
 * A photo: a table (grey 70) with a sheet (white 235) whose corners are `q`, a black bar across the sheet at
 * `barAt` of its height (in the sheet's own coordinates) and a thin one down its middle, both within margins.
 */
function photo(width: number, height: number, q: Quad, barAt = 0.5): GrayImage {
  const inv = invert(squareTo(q));
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const z = inv[6]! * x + inv[7]! * y + inv[8]!;
      const u = (inv[0]! * x + inv[1]! * y + inv[2]!) / z;
      const v = (inv[3]! * x + inv[4]! * y + inv[5]!) / z;
      const on = u >= 0 && u <= 1 && v >= 0 && v <= 1;
      // Printed inside the margins, as on a real page: ink never reaches the sheet's edge.
      const inMargins = u > 0.05 && u < 0.95 && v > 0.05 && v < 0.95;
      const ink = on && inMargins && (Math.abs(v - barAt) < 0.03 || Math.abs(u - 0.5) < 0.01);
      data[y * width + x] = !on ? 70 : ink ? 20 : 235;
    }
  return { data, width, height };
}

const near = (a: Point, b: Point, tolerance: number): boolean => Math.hypot(a.x - b.x, a.y - b.y) <= tolerance;

describe('18.2 find the paper first', () => {
  it('18.2 finds the corners of a sheet on a table, turned and seen at a slant, within 1 % of the frame', () => {
    const sheets: Quad[] = [
      // turned ≈ 4°, slanted (the far edge shorter)
      [{ x: 150, y: 90 }, { x: 560, y: 70 }, { x: 590, y: 420 }, { x: 120, y: 440 }],
      // upright, filling 60 % of the frame
      [{ x: 130, y: 100 }, { x: 610, y: 100 }, { x: 610, y: 460 }, { x: 130, y: 460 }],
      // turned the other way
      [{ x: 100, y: 60 }, { x: 540, y: 95 }, { x: 515, y: 455 }, { x: 75, y: 420 }],
    ];
    for (const q of sheets) {
      const found = findPaper(photo(720, 540, q));
      expect(found, JSON.stringify(q)).not.toBeNull();
      for (let i = 0; i < 4; i++) expect(near(found![i]!, q[i]!, 7.2), `corner ${i}: ${JSON.stringify(found![i])} for ${JSON.stringify(q[i])}`).toBe(true);
    }
  });

  it('18.2 says when there is no sheet to find: a page filling the frame, a blank photo, a thin strip', () => {
    const full: Quad = [{ x: 0, y: 0 }, { x: 719, y: 0 }, { x: 719, y: 539 }, { x: 0, y: 539 }];
    expect(findPaper(photo(720, 540, full))).toBeNull();
    expect(findPaper({ data: new Uint8ClampedArray(720 * 540).fill(128), width: 720, height: 540 })).toBeNull();
    const strip: Quad = [{ x: 10, y: 250 }, { x: 700, y: 250 }, { x: 700, y: 275 }, { x: 10, y: 275 }];
    expect(findPaper(photo(720, 540, strip))).toBeNull();
  });

  it('18.2 rectify flattens the sheet: its edges become the image\'s, a bar across it is level', () => {
    const q: Quad = [{ x: 150, y: 90 }, { x: 560, y: 70 }, { x: 590, y: 420 }, { x: 120, y: 440 }];
    const flat = rectify(photo(720, 540, q, 0.5), findPaper(photo(720, 540, q, 0.5))!);
    expect(flat.width).toBeGreaterThan(400);
    expect(flat.height).toBeGreaterThan(330);
    const row = (v: number): number => {
      const y = Math.round(v * (flat.height - 1));
      let dark = 0;
      for (let x = Math.round(flat.width * 0.08); x < flat.width * 0.45; x++) if (flat.data[y * flat.width + x]! < 128) dark++;
      return dark / (flat.width * 0.37);
    };
    // The bar at half height is dark from edge to edge; a quarter of the way down there is only paper.
    expect(row(0.5)).toBeGreaterThan(0.95);
    expect(row(0.25)).toBeLessThan(0.05);
    expect(row(0.75)).toBeLessThan(0.05);
    // The corners are paper, not table: the sheet's edge is the image's.
    for (const [x, y] of [[3, 3], [flat.width - 4, 3], [3, flat.height - 4], [flat.width - 4, flat.height - 4]] as const) {
      expect(flat.data[y * flat.width + x], `${x},${y}`).toBeGreaterThan(180);
    }
  });
});
