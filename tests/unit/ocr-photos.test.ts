// Issue 18 item 1: the photo benchmark's manifest (bench/ocr-photos, made by `npm run make:ocr-photos`) says what
// the photos hold — files that exist and are JPEGs of the stated size, known document kinds, codes in extractFields'
// format, a third of each kind frozen — so `npm run bench:ocr` measures against a truth that means something.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFields, FIELD_KINDS, PROVINCES } from '../../core/fields';
import { PHOTO_DIR, PHOTO_DOC_KINDS, readManifest } from '../support/ocr-photos';

const manifest = readManifest();
const photos = manifest.photos;

/** A JPEG's size from its start-of-frame marker; throws when the bytes are not a JPEG. */
function jpegSize(b: Buffer): { width: number; height: number } {
  if (b[0] !== 0xff || b[1] !== 0xd8) throw new Error('not a JPEG');
  let i = 2;
  while (i + 9 < b.length) {
    const marker = b[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + b.readUInt16BE(i + 2);
  }
  throw new Error('no frame header');
}

/** A line where the value stands after its own label, as a document prints it. */
function labelled(kind: string, value: string): string {
  switch (kind) {
    case 'cccd':
      return `Số định danh cá nhân: ${value}`;
    case 'phone':
      return `Điện thoại: ${value}`;
    case 'amount':
      return `Số tiền: ${value.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
    case 'bank-account':
      return `Số tài khoản: ${value}`;
    case 'evn-customer':
      return `Mã khách hàng: ${value}`;
    default:
      return `Mã hồ sơ: ${value}`;
  }
}

describe('18.1 the photo benchmark', () => {
  it('18.1 has at least 40 photos, every document kind several times', () => {
    expect(photos.length).toBeGreaterThanOrEqual(40);
    for (const kind of PHOTO_DOC_KINDS) expect(photos.filter((p) => p.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
    expect(photos.every((p) => (PHOTO_DOC_KINDS as readonly string[]).includes(p.kind))).toBe(true);
  });

  it('18.1 every file exists, is a JPEG of the stated size, and the folder holds nothing else and stays under 10 MB', () => {
    const names = photos.map((p) => p.file);
    expect(new Set(names).size).toBe(names.length);
    const onDisk = readdirSync(PHOTO_DIR).filter((f) => f !== 'manifest.json' && f !== 'README.md');
    expect(onDisk.sort()).toEqual([...names].sort());
    let total = 0;
    for (const p of photos) {
      const bytes = readFileSync(path.join(PHOTO_DIR, p.file));
      total += bytes.length;
      expect(jpegSize(bytes), p.file).toEqual({ width: p.width, height: p.height });
      if ('frame' in p.how) {
        // A photo: a 1280×960 … 2560×1920 frame, either way up.
        const [long, short] = [Math.max(p.width, p.height), Math.min(p.width, p.height)];
        expect(long, p.file).toBeGreaterThanOrEqual(1280);
        expect(long, p.file).toBeLessThanOrEqual(2560);
        expect(short / long, p.file).toBeCloseTo(0.75, 2);
      } else {
        // A phone screenshot: 390 CSS px wide at 2 or 3 device pixels each.
        expect([780, 1170], p.file).toContain(p.width);
      }
    }
    for (const f of readdirSync(PHOTO_DIR)) total += f.endsWith('.jpg') ? 0 : statSync(path.join(PHOTO_DIR, f)).size;
    expect(total).toBeLessThanOrEqual(10 * 1024 * 1024);
  });

  it('18.1 every code is a known kind in extractFields format, and extractFields gives it back after its label', () => {
    const shapes: Record<string, RegExp> = {
      cccd: /^\d{12}$/,
      phone: /^0\d{9}$/,
      amount: /^[1-9]\d*$/,
      'bank-account': /^\d{9,14}$/,
      'evn-customer': /^P[ABCDEHKMNPQ]\d{11}$/,
      'dossier-code': /^[0-9A-Z]{1,4}(\.[0-9A-Z]{1,4}){1,4}-\d{6}-\d{4}$/,
    };
    let codes = 0;
    for (const p of photos) {
      expect(p.codes.length, p.file).toBeGreaterThan(0);
      for (const c of [...p.codes, ...p.other]) {
        expect(FIELD_KINDS as readonly string[], p.file).toContain(c.kind);
        expect(c.value, `${p.file} ${c.kind}`).toMatch(shapes[c.kind]!);
      }
      for (const c of p.codes) {
        codes++;
        expect(typeof c.qr).toBe('boolean');
        if (c.kind === 'cccd') expect(PROVINCES.has(c.value.slice(0, 3)), `${p.file} ${c.value}`).toBe(true);
        expect(extractFields(labelled(c.kind, c.value)), `${p.file} ${c.kind} ${c.value}`).toEqual([{ kind: c.kind, value: c.value }]);
      }
      // A value is a code or merely printed, never both.
      expect(p.other.filter((o) => p.codes.some((c) => c.kind === o.kind && c.value === o.value))).toEqual([]);
    }
    expect(codes).toBeGreaterThanOrEqual(100);
  });

  it('18.1 cards carry their number in a QR, and phone screens are among the photos', () => {
    for (const p of photos.filter((x) => x.kind === 'cccd-2021' || x.kind === 'cccd-2024')) {
      expect(p.codes.filter((c) => c.kind === 'cccd' && c.qr), p.file).toHaveLength(1);
    }
    expect(photos.filter((p) => 'screenshot' in p.how).map((p) => p.kind)).toEqual(photos.filter((p) => p.kind === 'bank-app').map((p) => p.kind));
    expect(photos.filter((p) => p.codes.some((c) => c.qr)).length).toBeGreaterThanOrEqual(15);
  });

  it('18.1 a third of each kind is frozen (measured, never tuned on)', () => {
    expect(photos.filter((p) => p.set === 'frozen').length).toBe(Math.round(photos.length / 3));
    for (const kind of PHOTO_DOC_KINDS) {
      const ofKind = photos.filter((p) => p.kind === kind);
      expect(ofKind.filter((p) => p.set === 'frozen').length, kind).toBe(Math.round(ofKind.length / 3));
    }
    expect(photos.every((p) => p.set === 'frozen' || p.set === 'tune')).toBe(true);
  });
});
