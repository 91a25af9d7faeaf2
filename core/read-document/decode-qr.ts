// Every QR code in a photo of a paper (issue 18): jsQR (pure JavaScript, bundled: no network, no WebAssembly)
// reads one code at a time; the code's area is then painted white and the image read again, so a bill with a
// payment code and a receipt code gives both. Framework-free: RGBA pixels in, texts out.
import jsQR from 'jsqr';
import type { RgbaImage } from '../image-prep';

/** Photos wider or taller than this are reduced before looking for codes (a card's QR keeps ≥ 4 px a module). @default 1600 */
export const QR_MAX_SIDE = 1600;

/** At most this many codes are read from one image. @default 4 */
export const QR_MAX_CODES = 4;

/** Nearest-neighbour reduction, so that the longest side is at most `max` (codes keep sharp module edges). */
function reduce(img: RgbaImage, max: number): { img: RgbaImage; scale: number } {
  const scale = Math.min(1, max / Math.max(img.width, img.height));
  if (scale === 1) return { img: { data: new Uint8ClampedArray(img.data), width: img.width, height: img.height }, scale };
  const width = Math.max(1, Math.round(img.width * scale));
  const height = Math.max(1, Math.round(img.height * scale));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(img.height - 1, Math.floor(y / scale));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(img.width - 1, Math.floor(x / scale));
      const s = (sy * img.width + sx) * 4;
      const d = (y * width + x) * 4;
      data[d] = img.data[s]!;
      data[d + 1] = img.data[s + 1]!;
      data[d + 2] = img.data[s + 2]!;
      data[d + 3] = img.data[s + 3]!;
    }
  }
  return { img: { data, width, height }, scale };
}

/** A found code's area, in the pixels of an image. */
export interface QrArea {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function areaOf(img: RgbaImage, corners: { x: number; y: number }[], share = 0.15): QrArea {
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const margin = share * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  return {
    x0: Math.max(0, Math.floor(Math.min(...xs) - margin)),
    x1: Math.min(img.width - 1, Math.ceil(Math.max(...xs) + margin)),
    y0: Math.max(0, Math.floor(Math.min(...ys) - margin)),
    y1: Math.min(img.height - 1, Math.ceil(Math.max(...ys) + margin)),
  };
}

/** Paint an area white. */
export function blankArea(img: RgbaImage, a: QrArea): void {
  for (let y = a.y0; y <= a.y1; y++) img.data.fill(255, (y * img.width + a.x0) * 4, (y * img.width + a.x1 + 1) * 4);
}

/**
 * The texts of the QR codes readable in the image, in the order found (the same text once), and the areas of
 * the codes found, close round their modules, in the image's own pixels (for the text reading to leave out: a
 * code's modules are no text).
 */
export function findQrCodes(image: RgbaImage, options: { maxSide?: number; maxCodes?: number } = {}): { texts: string[]; areas: QrArea[] } {
  const { img, scale } = reduce(image, options.maxSide ?? QR_MAX_SIDE);
  const texts: string[] = [];
  const areas: QrArea[] = [];
  for (let i = 0; i < (options.maxCodes ?? QR_MAX_CODES); i++) {
    const code = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
    if (!code) break;
    if (code.data && !texts.includes(code.data)) texts.push(code.data);
    const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = code.location;
    const corners = [topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner];
    // Blanked with a margin for its quiet zone before looking again; given to the caller close round its modules
    // (a card's code sits near the card's edge: white painted past it would join the table to the card).
    blankArea(img, areaOf(img, corners));
    const area = areaOf(img, corners, 0.03);
    areas.push({
      x0: Math.floor(area.x0 / scale),
      y0: Math.floor(area.y0 / scale),
      x1: Math.min(image.width - 1, Math.ceil((area.x1 + 1) / scale) - 1),
      y1: Math.min(image.height - 1, Math.ceil((area.y1 + 1) / scale) - 1),
    });
  }
  return { texts, areas };
}

/** The texts of the QR codes readable in the image, in the order found (the same text once). */
export function decodeQrCodes(image: RgbaImage, options: { maxSide?: number; maxCodes?: number } = {}): string[] {
  return findQrCodes(image, options).texts;
}
