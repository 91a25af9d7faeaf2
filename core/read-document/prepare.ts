// From a photo to the image the OCR engine reads (issue 18, item 2): find the paper and flatten it (paper.ts), even
// out the light (a lamp's gradient, a shadow band), size it so its text is as tall as the engine reads best, turn
// its lines level, stretch the contrast and take the ruling lines away. A screenshot or a photo the page fills has
// no paper to find and goes through the same steps from the whole image. Framework-free.
import {
  finishForOcr,
  flattenLight,
  resize,
  sauvola,
  textHeight,
  toGray,
  widthScale,
  type GrayImage,
  type RgbaImage,
} from '../image-prep';
import { findPaper, rectify, type Quad } from './paper';

export interface PhotoOptions {
  /** Look for the paper and flatten it. @default true */
  paper?: boolean;
  /** Even out the light. @default true */
  light?: boolean;
  /** @default true */
  deskew?: boolean;
  /** Remove ruling lines and boxes. @default true */
  lines?: boolean;
  /** Median character height the text is scaled to, in pixels. @default TEXT_HEIGHT */
  textHeight?: number;
}

export interface PhotoPrepared {
  image: GrayImage;
  /** The paper's corners in the photo, when it was found and flattened. */
  paper: Quad | null;
  /** The skew found after flattening, in degrees (turned back when at least 0.3°). */
  skew: number;
  /** How much the (flattened) image was scaled. */
  scale: number;
  /** The median character height measured before scaling, in pixels (0: not enough text to say). */
  textHeight: number;
}

/**
 * The median character height (connected ink components, core/image-prep textHeight) the engine is given: on the
 * generator set, where the engine reads 95–100 % of codes (`npm run bench:ocr`), the images it was given had
 * medians of 21–27 px.
 */
export const TEXT_HEIGHT = 24;
/** Scale limits: past ×3 upscaling only makes the blur bigger; below ×0.5 strokes merge. */
const MIN_SCALE = 0.5;
const MAX_SCALE = 3;
/** The engine is never given more than this many pixels (time). */
const MAX_PIXELS = 7_000_000;
/** Text height is measured on a copy no wider than this. */
const MEASURE_WIDTH = 1600;

function measureText(gray: GrayImage): number {
  const k = Math.min(1, MEASURE_WIDTH / gray.width);
  const small = k < 1 ? resize(gray, gray.width * k, gray.height * k) : gray;
  const h = textHeight(sauvola(small, 31, 0.3));
  return h > 0 ? h / k : 0;
}

export function preparePhoto(img: RgbaImage, options: PhotoOptions = {}): PhotoPrepared {
  const { paper: findIt = true, light = true, deskew = true, lines = true, textHeight: target = TEXT_HEIGHT } = options;
  let gray = toGray(img);
  const paper = findIt ? findPaper(gray) : null;
  if (paper) gray = rectify(gray, paper);
  if (light) gray = flattenLight(gray);
  const measured = measureText(gray);
  // No text to measure: by width, as prepareForOcr does.
  let scale = measured > 0 ? target / measured : widthScale(gray.width);
  scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
  scale = Math.min(scale, Math.sqrt(MAX_PIXELS / (gray.width * gray.height)));
  if (Math.abs(scale - 1) <= 0.05) scale = 1;
  // A rule is at most half as thick as the text is tall (at the height the text will have).
  const lineThickness = Math.max(4, Math.round((measured > 0 ? measured * scale : target) / 2));
  const done = finishForOcr(gray, scale, { deskew, lines, lineThickness });
  return { image: done.image, paper, skew: done.skew, scale, textHeight: Math.round(measured) };
}
