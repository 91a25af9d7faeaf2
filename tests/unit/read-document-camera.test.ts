// Issue 18, item 6: the webcam's capture watch (core/read-document/camera.ts) — focus and stillness measures, and the
// state machine that says "capture now" only when the paper is found, near enough, still and sharp for a few frames.
// Frames here are drawn in code: a table, a sheet with lines of glyph-like ink, sensor noise; blur and motion on top.
import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../core/image-prep';
import { createCaptureWatch, focusMeasure, frameDifference, paperFocus, SHARPNESS, STILLNESS, type CaptureState } from '../../core/read-document/camera';
import { frame, type Scene } from '../support/paper-frames';

/** The sheet filling most of the frame, as a webcam held over a bill. */
const SHEET: Scene = { x: 90, y: 30, w: 460, h: 300 };
/** The camera's own width: these frames stand for a 1280-wide webcam grabbed at 640. */
const SOURCE = 1280;

const feedAll = (frames: GrayImage[]): CaptureState[] => {
  const watch = createCaptureWatch();
  return frames.map((f) => watch.feed(f, SOURCE));
};

describe('18.6 webcam capture watch: measures', () => {
  it('18.6 focus: a sharp sheet measures above the threshold, the same sheet blurred (σ ≈ 2.8 px) far below', () => {
    const quad = createCaptureWatch().feed(frame(SHEET), SOURCE).outline!;
    expect(quad).not.toBeNull();
    const sharp = paperFocus(frame(SHEET), quad);
    const soft = paperFocus(frame({ ...SHEET, blur: 1 }), quad);
    const blurred = paperFocus(frame({ ...SHEET, blur: 3 }), quad);
    expect(sharp).toBeGreaterThan(SHARPNESS);
    expect(blurred).toBeLessThan(SHARPNESS / 2);
    expect(soft).toBeLessThan(sharp);
    expect(blurred).toBeLessThanOrEqual(soft);
  });

  it('18.6 focus: sensor noise on blank paper is not mistaken for detail, and a dim picture is judged as a bright one', () => {
    // Blank paper with strong noise (σ 10): the noise's share is taken off (left in, it would measure 20: 20σ² / σ²).
    const blank = frame({ ...SHEET, text: false, noise: 10 });
    expect(focusMeasure(blank, { x0: 150, y0: 80, x1: 490, y1: 280 })).toBeLessThan(SHARPNESS / 4);
    const quad = createCaptureWatch().feed(frame(SHEET), SOURCE).outline!;
    const bright = paperFocus(frame(SHEET), quad);
    const dim = paperFocus(frame({ ...SHEET, contrast: 0.55 }), quad);
    expect(dim / bright).toBeGreaterThan(0.7);
    expect(dim / bright).toBeLessThan(1.3);
  });

  it('18.6 stillness: frames with fresh noise differ little, a page moved by 6 px differs beyond the threshold; sizes must match', () => {
    const watch = createCaptureWatch();
    watch.feed(frame({ ...SHEET, seed: 1 }), SOURCE);
    const still = watch.feed(frame({ ...SHEET, seed: 2 }), SOURCE).motion!;
    const moved = watch.feed(frame({ ...SHEET, x: SHEET.x + 6, seed: 3 }), SOURCE).motion!;
    expect(still).toBeLessThanOrEqual(STILLNESS);
    expect(moved).toBeGreaterThan(STILLNESS);
    const a = frame(SHEET);
    expect(frameDifference(a, a)).toBe(0);
    expect(frameDifference(a, { data: new Uint8ClampedArray(4), width: 2, height: 2 })).toBeNull();
  });
});

describe('18.6 webcam capture watch: when to capture', () => {
  it('18.6 finds the sheet\'s outline and says "capture now" after three still, sharp frames in a row', () => {
    const states = feedAll([1, 2, 3, 4].map((seed) => frame({ ...SHEET, seed })));
    const [first] = states;
    expect(first!.outline).not.toBeNull();
    const corners = first!.outline!.map((p) => [Math.round(p.x), Math.round(p.y)]);
    const truth = [[SHEET.x, SHEET.y], [SHEET.x + SHEET.w, SHEET.y], [SHEET.x + SHEET.w, SHEET.y + SHEET.h], [SHEET.x, SHEET.y + SHEET.h]];
    corners.forEach(([cx, cy], i) => expect(Math.hypot(cx! - truth[i]![0]!, cy! - truth[i]![1]!), `corner ${i}`).toBeLessThan(6));
    // The first frame has nothing to compare with: not yet still.
    expect(states.map((s) => [s.hint, s.ready])).toEqual([
      ['hold-still', false],
      ['hold-still', false],
      ['hold-still', false],
      ['ready', true],
    ]);
    expect(states.slice(1).every((s) => s.still && s.sharp)).toBe(true);
  });

  it('18.6 a moving sheet is never ready, and one movement starts the count again', () => {
    const moving = feedAll([0, 8, 16, 24, 32, 40].map((dx, i) => frame({ ...SHEET, x: SHEET.x + dx, seed: i + 1 })));
    expect(moving.every((s) => s.outline !== null && !s.still && !s.ready && s.hint === 'hold-still')).toBe(true);
    const interrupted = feedAll([SHEET.x, SHEET.x, SHEET.x, SHEET.x + 8, SHEET.x + 8, SHEET.x + 8].map((x, i) => frame({ ...SHEET, x, seed: i + 1 })));
    expect(interrupted.map((s) => s.ready)).toEqual([false, false, false, false, false, false]);
    expect(interrupted[3]!.still).toBe(false);
  });

  it('18.6 a blurred sheet says "too blurry", an empty table "no paper", a small sheet far off "closer"', () => {
    const blurred = feedAll([1, 2, 3, 4].map((seed) => frame({ ...SHEET, blur: 3, seed })));
    expect(blurred.slice(1).map((s) => s.hint)).toEqual(['blurry', 'blurry', 'blurry']);
    expect(blurred.some((s) => s.ready)).toBe(false);
    expect(blurred.slice(1).every((s) => s.outline !== null && s.still && !s.sharp)).toBe(true);

    const table = feedAll([1, 2].map((seed) => frame({ ...SHEET, w: 0, h: 0, seed })));
    expect(table.map((s) => [s.hint, s.outline, s.focus])).toEqual([
      ['no-paper', null, 0],
      ['no-paper', null, 0],
    ]);
    // 240 px of a 640 grab from a 1280 camera: 480 camera px, under a third of the frame's width.
    const far = feedAll([1, 2, 3, 4].map((seed) => frame({ x: 200, y: 110, w: 240, h: 150, seed })));
    expect(far.map((s) => s.hint)).toEqual(['closer', 'closer', 'closer', 'closer']);
    // The same sheet from a 4K camera is wide enough in its own pixels.
    const watch = createCaptureWatch();
    expect([1, 2, 3, 4].map((seed) => watch.feed(frame({ x: 200, y: 110, w: 240, h: 150, seed }), 3840).hint).at(-1)).toBe('ready');
  });

  it('18.6 reset forgets the previous frame and the run of good frames', () => {
    const watch = createCaptureWatch({ stillFrames: 2 });
    expect(watch.feed(frame({ ...SHEET, seed: 1 }), SOURCE).ready).toBe(false);
    expect(watch.feed(frame({ ...SHEET, seed: 2 }), SOURCE).ready).toBe(false);
    watch.reset();
    const after = watch.feed(frame({ ...SHEET, seed: 3 }), SOURCE);
    expect(after.motion).toBeNull();
    expect(after.ready).toBe(false);
    expect(watch.feed(frame({ ...SHEET, seed: 4 }), SOURCE).ready).toBe(false);
    expect(watch.feed(frame({ ...SHEET, seed: 5 }), SOURCE).ready).toBe(true);
  });
});
