// The photo benchmark's manifest (bench/ocr-photos/manifest.json, made by `npm run make:ocr-photos`): what each
// photo shows and the codes on it, read by `npm run bench:ocr` and checked by tests/unit/ocr-photos.test.ts; and
// the kinds of document photographed (scripts/ocr-photos/layouts.ts draws them).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PHOTO_DOC_KINDS = [
  'evn-einvoice',
  'evn-thermal',
  'cccd-2021',
  'cccd-2024',
  'payment-order',
  'deposit-slip',
  'atm-slip',
  'bank-app',
  'dossier-receipt',
] as const;
export type PhotoDocKind = (typeof PHOTO_DOC_KINDS)[number];

export const PHOTO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/ocr-photos');

export interface ManifestCode {
  kind: string;
  /** In extractFields' format: digits, or an upper-case code. */
  value: string;
  /** A QR code on the document carries it. */
  qr: boolean;
}

export interface ManifestPhoto {
  file: string;
  kind: PhotoDocKind;
  /** "frozen": measured, never tuned on. */
  set: 'tune' | 'frozen';
  width: number;
  height: number;
  codes: ManifestCode[];
  /** Values of a field kind genuinely printed that extractFields does not report on the clean text (a table's
   *  per-tier amounts …): neither required nor wrong when offered. */
  other: { kind: string; value: string }[];
  /** How it was made: the shot's pose and damage, or the screenshot's pixel ratio and JPEG qualities. */
  how: Record<string, unknown>;
}

export interface Manifest {
  about: string;
  seed: number;
  photos: ManifestPhoto[];
}

export function readManifest(dir = PHOTO_DIR): Manifest {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}
