// The on-device OCR engine of the "Đọc giấy tờ" helper: tesseract.js running in a Web Worker of the
// extension page that opened it (the side panel or ocr.html), with every file loaded from inside the
// extension. The worker is created on first use and kept warm; reads are queued so two never overlap;
// each step has a timeout (with a wrong CSP the engine hangs instead of failing), and a timed-out worker
// is thrown away so the next read starts clean. Images are decoded and preprocessed here in memory
// (core/image-prep.ts); nothing is logged, stored or sent anywhere.
import type { PhotoOptions } from '../core/read-document/prepare';
import type { PSM } from 'tesseract.js';
import { OcrError, type OcrErrorCode, type OcrPhase, type OcrProgress, type OcrReadResult } from '../core/ocr';
import type { OcrBlock } from '../core/read-document/locate';
import { OCR_DIR, OCR_FILES, OCR_LANGS, OCR_OUTPUT, OCR_PAGE_MODE } from './ocr-files';

export { OcrError, type OcrErrorCode, type OcrPhase, type OcrProgress, type OcrReadResult };

/** What one recognition gives: the text, and the blocks down to each symbol's box and confidence. */
export interface OcrPage {
  text: string;
  /** Absent when the worker gives text only. */
  blocks?: OcrBlock[] | null;
}

/** The part of a tesseract.js worker the engine uses (a fake in unit tests). */
export interface TesseractLike {
  recognize(image: Uint8Array): Promise<{ data: OcrPage }>;
  terminate(): Promise<unknown>;
}

export interface TesseractLogMessage {
  status: string;
  progress: number;
}

export type CreateTesseract = (logger: (m: TesseractLogMessage) => void) => Promise<TesseractLike>;

export interface OcrEngineOptions {
  /** Starts a worker; `logger` receives tesseract's progress messages. */
  create: CreateTesseract;
  /** Longest start-up (core and language data loaded, compiled and initialised). @default 60000 */
  startTimeoutMs?: number;
  /** Longest recognition of one image. @default 45000 */
  readTimeoutMs?: number;
}

export interface OcrEngine {
  /** The text (and blocks) of an encoded image (PGM, PNG, JPEG). Queued behind any read in progress. */
  recognize(image: Uint8Array, onProgress?: (p: OcrProgress) => void): Promise<OcrPage>;
  /** Start the worker now (it is otherwise started by the first read). */
  warm(): Promise<void>;
  /** Stop the worker; the next read starts a new one. */
  terminate(): Promise<void>;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new OcrError('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** Start-up takes the first ~40% of the bar on a cold read, recognition the rest. */
const START_SHARE = 0.4;

export function createOcrEngine(options: OcrEngineOptions): OcrEngine {
  const { create, startTimeoutMs = 60_000, readTimeoutMs = 45_000 } = options;
  let worker: Promise<TesseractLike> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** Where the running read's progress goes (tesseract has one logger per worker). */
  let report: ((m: TesseractLogMessage) => void) | null = null;

  const start = (): Promise<TesseractLike> => {
    if (!worker) {
      const w = withTimeout(
        create((m) => report?.(m)),
        startTimeoutMs,
      );
      worker = w;
      w.catch(() => {
        // A failed start is forgotten, so the next read tries again.
        if (worker === w) worker = null;
      });
    }
    return worker;
  };

  const discard = async (): Promise<void> => {
    const w = worker;
    worker = null;
    if (w) await w.then((x) => x.terminate()).catch(() => undefined);
  };

  const run = async (image: Uint8Array, onProgress?: (p: OcrProgress) => void): Promise<OcrPage> => {
    const cold = !worker;
    const base = cold ? START_SHARE : 0;
    report = (m) => {
      if (m.status === 'recognizing text') onProgress?.({ phase: 'recognizing', progress: base + (1 - base) * m.progress });
      else if (cold) onProgress?.({ phase: 'starting', progress: START_SHARE * Math.min(1, m.progress) });
    };
    try {
      if (cold) onProgress?.({ phase: 'starting', progress: 0 });
      const w = await start().catch((err: unknown) => {
        throw err instanceof OcrError ? err : new OcrError('engine', String(err));
      });
      try {
        const { data } = await withTimeout(w.recognize(image), readTimeoutMs);
        onProgress?.({ phase: 'recognizing', progress: 1 });
        return { text: data.text, ...(data.blocks ? { blocks: data.blocks } : {}) };
      } catch (err) {
        // A hung or crashed worker is not reused.
        await discard();
        if (err instanceof OcrError) throw err;
        throw new OcrError('unreadable', String(err));
      }
    } finally {
      report = null;
    }
  };

  return {
    recognize(image, onProgress) {
      const job = queue.then(() => run(image, onProgress));
      queue = job.catch(() => undefined);
      return job;
    },
    async warm() {
      await start();
    },
    terminate() {
      const job = queue.then(discard);
      queue = job.catch(() => undefined);
      return job;
    },
  };
}

/** WebAssembly SIMD support (the smallest module using a v128 instruction validates). */
export function hasWasmSimd(): boolean {
  try {
    return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]));
  } catch {
    return false;
  }
}

/**
 * tesseract.js started from files inside the extension: `url` turns an extension path into its URL
 * (`browser.runtime.getURL`). Vietnamese + English LSTM models; no cache (nothing written to IndexedDB),
 * no blob worker (the extension's CSP allows only its own scripts).
 */
export function extensionTesseract(url: (path: string) => string): CreateTesseract {
  return async (logger) => {
    const { createWorker, OEM } = await import('tesseract.js');
    const core = hasWasmSimd() ? OCR_FILES.coreSimd : OCR_FILES.core;
    const worker = await createWorker([...OCR_LANGS], OEM.LSTM_ONLY, {
      workerPath: url(`/${OCR_DIR}/${OCR_FILES.worker.name}`),
      corePath: url(`/${OCR_DIR}/${core.name}`),
      langPath: url(`/${OCR_DIR}`),
      gzip: true,
      cacheMethod: 'none',
      workerBlobURL: false,
      logger,
      errorHandler: () => undefined,
    });
    await worker.setParameters({ tessedit_pageseg_mode: OCR_PAGE_MODE as PSM });
    return {
      // tesseract.js reads a Blob in the browser (its typings do not list Uint8Array). The blocks carry each
      // symbol's box and confidence, for core/read-document's crops and unsure digits.
      recognize: (image) => worker.recognize(new Blob([image as Uint8Array<ArrayBuffer>]), {}, OCR_OUTPUT),
      terminate: () => worker.terminate(),
    };
  };
}

/** Images larger than this (bytes) are refused before decoding. */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
/** … and larger than this many pixels after decoding (a 50-megapixel photo). */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** A decoded image's pixels (canvas ImageData), or an OcrError saying why not. */
export async function decodeImage(image: Blob): Promise<ImageData> {
  if (image.size > MAX_IMAGE_BYTES) throw new OcrError('too-large');
  if (image.type && !image.type.startsWith('image/')) throw new OcrError('not-image');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    throw new OcrError(image.type ? 'unreadable' : 'not-image');
  }
  try {
    if (bitmap.width * bitmap.height > MAX_IMAGE_PIXELS) throw new OcrError('too-large');
    if (bitmap.width < 8 || bitmap.height < 8) throw new OcrError('unreadable');
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new OcrError('engine', 'no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/** Decode, preprocess (core/image-prep.ts), recognise: the whole read of one image. */
export async function readImage(
  engine: OcrEngine,
  image: Blob,
  onProgress?: (p: OcrProgress) => void,
  prepare: PhotoOptions = {},
): Promise<OcrReadResult> {
  const t0 = performance.now();
  onProgress?.({ phase: 'decoding', progress: 0 });
  const pixels = await decodeImage(image);
  onProgress?.({ phase: 'preparing', progress: 0 });
  // Let the progress bar paint before the preprocessing holds the thread for a moment.
  await new Promise((r) => setTimeout(r, 0));
  // QR codes first, then the text, every value checked (core/read-document); the engine's worker is already set
  // to the page mode readDocument asks for.
  // Loaded with the first read (its QR decoder too), like tesseract.js: the console opens without them.
  const { readDocument } = await import('../core/read-document/index');
  const reading = await readDocument(pixels, {
    worker: { setParameters: async () => undefined, recognize: async (pgm: Uint8Array) => ({ data: await engine.recognize(pgm, onProgress) }) } as never,
    prepare,
  });
  return { text: reading.text, skew: reading.skew, fields: reading.fields, ...(reading.card ? { card: reading.card } : {}), ms: performance.now() - t0 };
}
