// QR codes for the tests of issue 18: EMVCo data objects, a VietQR payload with its CRC, and QR codes drawn on a
// light page (lean-qr), as RGBA pixels or a PNG file.
import { generate } from 'lean-qr';
import { PNG } from 'pngjs';
import { crc16, VIETQR_GUID } from '../../core/read-document/qr';
import type { RgbaImage } from '../../core/image-prep';

/** An EMVCo data object. */
export const tlv = (id: string, value: string): string => `${id}${String(value.length).padStart(2, '0')}${value}`;

/** A VietQR payload as a bank app makes it, with its CRC (crc16 is checked against the standard value in unit tests). */
export function vietQr(bin: string, account: string, extra = ''): string {
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('38', tlv('00', VIETQR_GUID) + tlv('01', tlv('00', bin) + tlv('01', account)) + tlv('02', 'QRIBFTTA')) +
    tlv('53', '704') +
    extra +
    tlv('58', 'VN') +
    '6304';
  return body + crc16(body);
}

/** A page of `background` grey with QR codes drawn in `ink`, `scale` pixels a module, their corners at (x, y). */
export function qrPixels(width: number, height: number, codes: { text: string; x: number; y: number; scale: number }[], background = 255, ink = 0): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4).fill(background);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  for (const c of codes) {
    const qr = generate(c.text);
    for (let my = 0; my < qr.size; my++)
      for (let mx = 0; mx < qr.size; mx++) {
        if (!qr.get(mx, my)) continue;
        for (let y = 0; y < c.scale; y++)
          for (let x = 0; x < c.scale; x++) {
            const i = ((c.y + my * c.scale + y) * width + c.x + mx * c.scale + x) * 4;
            data[i] = data[i + 1] = data[i + 2] = ink;
          }
      }
  }
  return { data, width, height };
}

/** A light-grey page (a photo's paper) with one QR code on it and a quiet zone round it, as a PNG file. */
export function qrPng(text: string, scale = 5): Buffer {
  const size = generate(text).size;
  const side = (size + 8) * scale + 40;
  const img = qrPixels(side, side, [{ text, x: 20 + 4 * scale, y: 20 + 4 * scale, scale }], 236, 25);
  const png = new PNG({ width: side, height: side });
  png.data.set(img.data);
  return PNG.sync.write(png);
}
