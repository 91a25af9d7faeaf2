// Where a value was read (issue 18, item 4): the OCR line(s) a value of core/fields.ts came from, found again in
// tesseract's symbols; the box of those lines in the prepared image, a crop of them for the volunteer to compare
// with the digits, and tesseract's confidence in each of the value's characters. A value with a character
// below UNSURE_CONFIDENCE is not offered as exact. Framework-free: plain numbers and GrayImages.
//
// Matching is as tolerant as extractFields is: separators (dots, spaces, dashes, commas) are skipped, letters
// are folded (no case, no marks) and, where the value has a digit, a look-alike letter (O, l, S, B …) read in
// its place matches it — the value was built from exactly that reading.
import { LOOKALIKE } from '../fields';
import type { GrayImage } from '../image-prep';

/** A box in the prepared image's pixels, tesseract's way: corners, x1/y1 exclusive. */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The part of tesseract.js 7's `data.blocks` the pipeline reads (with `{ blocks: true }` output). */
export interface OcrBlock {
  paragraphs: {
    lines: {
      bbox: OcrBox;
      words: { symbols: { text: string; confidence: number }[] }[];
    }[];
  }[];
}

/** One OCR line: its box and its characters, each with tesseract's confidence (0–100). */
export interface OcrLine {
  box: OcrBox;
  chars: { ch: string; confidence: number }[];
}

/** A rectangle in the prepared image's pixels. */
export interface LineRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Located {
  /** The line(s) the value was read from (their union when it ran over two). */
  line: LineRect;
  /** Tesseract's confidence (0–100) in each of the value's characters, index for index. */
  confidences: number[];
  /** The line(s)' text as read (for the checks that look around a value; never shown or kept). */
  text: string;
}

/**
 * Below this confidence (0–100) a character of a value is "unsure": the value is offered as "cần kiểm tra" with
 * the character marked. Chosen from `npm run bench:ocr -- --confidences` on the generator set (n 120, seed 1):
 * every character of a correctly read value scored ≥ 90 but a handful (lowest 70s); the wrong values' changed
 * characters scored 20–70; 80 flags each wrong value seen and under 1 in 40 of the right ones.
 */
export const UNSURE_CONFIDENCE = 80;

/** The lines of tesseract's blocks, in reading order. */
export function ocrLines(blocks: readonly OcrBlock[] | null | undefined): OcrLine[] {
  const out: OcrLine[] = [];
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const chars: OcrLine['chars'] = [];
        for (const word of line.words) {
          // A space between words: a separator like any other.
          if (chars.length > 0) chars.push({ ch: ' ', confidence: 100 });
          for (const s of word.symbols) for (const ch of s.text) chars.push({ ch, confidence: s.confidence });
        }
        out.push({ box: line.bbox, chars });
      }
    }
  }
  return out;
}

/** Lower case, no marks, đ → d: one character as extractFields folds it. */
function foldChar(ch: string): string {
  return ch
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đðɖ]/g, 'd')
    .replace(/ı/g, 'i');
}

const isAlnum = (ch: string): boolean => /^[0-9a-z]$/.test(ch);

interface Alnum {
  ch: string;
  confidence: number;
  line: number;
}

/** A line's letters and digits, separators dropped. */
function alnums(lines: readonly OcrLine[], from: number, to: number): Alnum[] {
  const out: Alnum[] = [];
  for (let i = from; i <= to; i++) {
    for (const c of lines[i]!.chars) {
      const ch = foldChar(c.ch);
      if (isAlnum(ch)) out.push({ ch, confidence: c.confidence, line: i });
    }
  }
  return out;
}

const matches = (want: string, got: string): boolean => got === want || (/\d/.test(want) && LOOKALIKE[got] === want);

/** Where `want` (folded letters and digits) is in `run`, preferring a match not glued to more digits. */
function find(run: readonly Alnum[], want: string): number {
  let loose = -1;
  for (let at = 0; at + want.length <= run.length; at++) {
    let k = 0;
    while (k < want.length && matches(want[k]!, run[at + k]!.ch)) k++;
    if (k < want.length) continue;
    const digitAround = (i: number): boolean => i >= 0 && i < run.length && /\d/.test(run[i]!.ch);
    if (!digitAround(at - 1) && !digitAround(at + want.length)) return at;
    if (loose < 0) loose = at;
  }
  return loose;
}

function union(lines: readonly OcrLine[], from: number, to: number): LineRect {
  let { x0, y0, x1, y1 } = lines[from]!.box;
  for (let i = from + 1; i <= to; i++) {
    const b = lines[i]!.box;
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The line a value (in extractFields' format) was read from, with the confidence in each of its characters; a
 * value that runs over two lines is looked for in both. Undefined when it is in no line. The value's
 * separators (a dossier code's dots and dashes) get the confidence of the characters around them.
 */
export function locateValue(value: string, lines: readonly OcrLine[]): Located | undefined {
  const folded = [...value].map(foldChar);
  const want = folded.filter(isAlnum).join('');
  if (!want) return undefined;
  for (const span of [0, 1]) {
    for (let i = 0; i + span < lines.length; i++) {
      const run = alnums(lines, i, i + span);
      const at = find(run, want);
      if (at < 0) continue;
      const hit = run.slice(at, at + want.length);
      // A two-line match must use both lines (else the one-line pass found it).
      if (span === 1 && hit[0]!.line === hit.at(-1)!.line) continue;
      let k = 0;
      const confidences = folded.map((ch) => {
        if (isAlnum(ch)) return hit[k++]!.confidence;
        // A separator in the value: as sure as its less sure neighbour.
        return Math.min(hit[Math.max(0, k - 1)]!.confidence, hit[Math.min(hit.length - 1, k)]!.confidence);
      });
      const text = lines
        .slice(hit[0]!.line, hit.at(-1)!.line + 1)
        .map((l) => l.chars.map((c) => c.ch).join(''))
        .join('\n');
      return { line: union(lines, hit[0]!.line, hit.at(-1)!.line), confidences, text };
    }
  }
  return undefined;
}

/** Indices of a value's characters below `threshold`. */
export function unsureAt(confidences: readonly number[], threshold = UNSURE_CONFIDENCE): number[] {
  const out: number[] = [];
  confidences.forEach((c, i) => {
    if (c < threshold) out.push(i);
  });
  return out;
}

/** The part of `image` inside `rect`, with `margin` pixels around it (clipped to the image). A copy. */
export function cropGray(image: GrayImage, rect: LineRect, margin = 4): GrayImage {
  const x0 = Math.max(0, Math.floor(rect.x - margin));
  const y0 = Math.max(0, Math.floor(rect.y - margin));
  const x1 = Math.min(image.width, Math.ceil(rect.x + rect.width + margin));
  const y1 = Math.min(image.height, Math.ceil(rect.y + rect.height + margin));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) data.set(image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width), y * width);
  return { data, width, height };
}
