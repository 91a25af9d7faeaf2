// Measures behind the capture watch's thresholds (core/read-document/camera.ts; `npx tsx scripts/measure-camera.ts`):
// the generator's documents (tests/support/ocr-docs.ts) framed as a webcam sees them on a table
// (tests/support/webcam-frames.ts) — 1280×720 and 1920×1080, the paper filling 60 % or 90 % of the frame, turned
// up to 5°, contrast 1 or 0.6, sensor noise σ 3 or 8 drawn afresh per frame — grabbed at FRAME_WIDTH as the helper
// does. Prints, per blur level, how often the outline was found and the focus measure's range over the frames the
// watch would judge on focus (not sent closer); per shift between two frames, the stillness measure's range.
// The thresholds in camera.ts sit between the levels that must pass and those that must not.
import puppeteer from 'puppeteer-core';
import { createCaptureWatch, FRAME_WIDTH, frameDifference, paperFocus, SHARPNESS, STILLNESS, stillThumb } from '../core/read-document/camera';
import { findPaper } from '../core/read-document/paper';
import { chromiumPath } from '../tests/support/harness';
import { DOC_KINDS, docPage, makeDoc, rng } from '../tests/support/ocr-docs';
import { grabFrame, loadDoc, type FrameSpec } from '../tests/support/webcam-frames';

const BLURS = [0, 0.5, 1, 1.5, 2, 3];
const SHIFTS = [0, 1, 2, 3, 6, 12];
const SOURCES: [number, number][] = [
  [1280, 720],
  [1920, 1080],
];

const stats = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number): number => s[Math.min(s.length - 1, Math.floor(f * s.length))]!;
  const f = (v: number): string => v.toFixed(2).padStart(6);
  return `n ${String(s.length).padStart(3)}  min ${f(s[0]!)}  p10 ${f(q(0.1))}  median ${f(q(0.5))}  p90 ${f(q(0.9))}  max ${f(s[s.length - 1]!)}`;
};
const push = (m: Map<number, number[]>, k: number, v: number): void => void (m.get(k) ?? m.set(k, []).get(k)!).push(v);

async function main(): Promise<void> {
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const focus = new Map<number, number[]>();
  const found = new Map<number, number>();
  const judged = new Map<number, number>();
  const motion = new Map<number, number[]>();
  let frames = 0;
  try {
    const page = await docPage(browser);
    const r = rng(186);
    for (let seed = 0; seed < 2; seed++) {
      for (const kind of DOC_KINDS) {
        await loadDoc(page, makeDoc(kind, r));
        for (const [width, height] of SOURCES) {
          for (const contrast of [1, 0.6]) {
            for (const noise of [3, 8]) {
              const base: FrameSpec = { width, height, fill: 0.9, rotate: (r() * 2 - 1) * 5, blur: 0, shift: 0, contrast, noise, seed: Math.floor(r() * 2 ** 31), grabWidth: FRAME_WIDTH };
              for (const fill of [0.9, 0.6]) {
                for (const blur of BLURS) {
                  const { frame } = await grabFrame(page, { ...base, fill, blur, seed: base.seed + 1 + blur * 10 });
                  frames++;
                  const quad = findPaper(frame);
                  if (!quad) continue;
                  found.set(blur, (found.get(blur) ?? 0) + 1);
                  // Only frames the watch judges on focus: those it does not send closer first.
                  const state = createCaptureWatch().feed(frame, width);
                  if (state.hint === 'closer') continue;
                  judged.set(blur, (judged.get(blur) ?? 0) + 1);
                  push(focus, blur, paperFocus(frame, quad));
                }
              }
              const first = stillThumb((await grabFrame(page, base)).frame);
              for (const shift of SHIFTS) {
                const next = stillThumb((await grabFrame(page, { ...base, shift, seed: base.seed + 100 + shift })).frame);
                frames += 2;
                push(motion, shift, frameDifference(first, next)!);
              }
            }
          }
        }
      }
    }
  } finally {
    await browser.close();
  }
  const total = frames;
  console.log(`${total} frames grabbed at ${FRAME_WIDTH} px wide.`);
  console.log(`\nFocus measure inside the paper (noise-corrected Laplacian variance over grey variance), per blur in the document's CSS px (threshold ${SHARPNESS}):`);
  for (const blur of BLURS) {
    const xs = focus.get(blur) ?? [];
    const pass = xs.filter((v) => v >= SHARPNESS).length;
    console.log(`  blur ${blur.toFixed(1)}  outline found ${found.get(blur) ?? 0}, judged on focus ${judged.get(blur) ?? 0}  ${stats(xs)}  sharp ${pass}/${xs.length}`);
  }
  console.log(`\nStillness (mean absolute difference of 160-wide thumbnails), per shift in camera px between two frames (threshold ${STILLNESS}):`);
  for (const shift of SHIFTS) {
    const xs = motion.get(shift)!;
    console.log(`  shift ${String(shift).padStart(2)}  ${stats(xs)}  still ${xs.filter((v) => v <= STILLNESS).length}/${xs.length}`);
  }
}

await main();
