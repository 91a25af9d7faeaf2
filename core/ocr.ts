// The "Đọc giấy tờ" helper's shapes, shared by the engine (extension/ocr-engine.ts), the page API that wires
// it to the browser (extension/ocr-api.ts) and the helper's UI (components/ocr-helper.tsx): progress, errors
// by code, a read's result and the API a page hands the helper. No engine, no browser API here.
import type { DocumentField, DocumentReading } from './read-document/index';

/** What the engine is doing, for the progress bar. */
export type OcrPhase = 'decoding' | 'preparing' | 'starting' | 'recognizing';

export interface OcrProgress {
  phase: OcrPhase;
  /** 0 … 1 over the whole read. */
  progress: number;
}

/** Why a read failed; the helper shows each with its own sentence. */
export type OcrErrorCode = 'not-image' | 'too-large' | 'unreadable' | 'timeout' | 'engine';

export class OcrError extends Error {
  constructor(
    readonly code: OcrErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'OcrError';
  }
}

/** What a read gives the helper: the raw text (kept in memory by the helper only). */
export interface OcrReadResult {
  text: string;
  /**
   * The values found (core/read-document): from a QR code or the text, each checked. Absent: the helper
   * extracts them from the text itself (core/fields.ts).
   */
  fields?: DocumentField[];
  /** A card QR's holder, for the volunteer's eyes only: never stored. */
  card?: DocumentReading['card'];
  /** Skew found and corrected, in degrees. */
  skew: number;
  ms: number;
}

/** What a page hands the helper: reading and the image sources it offers. */
export interface OcrApi {
  /** Read an image on this machine: its text (and how long it took). Errors are `OcrError`s. */
  read(image: Blob, onProgress: (p: OcrProgress) => void): Promise<OcrReadResult>;
  /** A webcam stream (absent: no webcam button). */
  camera?(): Promise<MediaStream>;
  /** A screenshot of the visible part of the open tab (absent: no such button). */
  captureTab?(): Promise<Blob>;
  /** Open the helper in its own tab, where the browser can ask for the webcam (absent: not offered). */
  openInTab?(): void;
}
