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

/** Paint white the box around a found code's corners, with a margin for its quiet zone. */
function blank(img: RgbaImage, corners: { x: number; y: number }[]): void {
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const margin = 0.15 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - margin));
  const x1 = Math.min(img.width - 1, Math.ceil(Math.max(...xs) + margin));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - margin));
  const y1 = Math.min(img.height - 1, Math.ceil(Math.max(...ys) + margin));
  for (let y = y0; y <= y1; y++) img.data.fill(255, (y * img.width + x0) * 4, (y * img.width + x1 + 1) * 4);
}

/** The texts of the QR codes readable in the image, in the order found (the same text once). */
export function decodeQrCodes(image: RgbaImage, options: { maxSide?: number; maxCodes?: number } = {}): string[] {
  const { img } = reduce(image, options.maxSide ?? QR_MAX_SIDE);
  const out: string[] = [];
  for (let i = 0; i < (options.maxCodes ?? QR_MAX_CODES); i++) {
    const code = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
    if (!code) break;
    if (code.data && !out.includes(code.data)) out.push(code.data);
    const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = code.location;
    blank(img, [topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner]);
  }
  return out;
}
