// Where the OCR engine's files sit inside the built extension: copied there by wxt.config.ts, loaded from
// there by extension/ocr-engine.ts. One list, so the build and the page cannot disagree.

/** Folder of the OCR files inside the extension. */
export const OCR_DIR = 'tesseract';

/** Language data, Vietnamese first (LSTM "best_int" models: the legacy ones read Vietnamese badly). */
export const OCR_LANGS = ['vie', 'eng'] as const;

/** Tesseract's page segmentation mode and the output asked for, shared with core/read-document. */
export { OCR_OUTPUT, OCR_PAGE_MODE } from '../core/read-document/page-mode';

/** Files of the OCR engine, by role; `package` and `file` say where each comes from in node_modules. */
export const OCR_FILES = {
  worker: { name: 'worker.min.js', package: 'tesseract.js', file: 'dist/worker.min.js' },
  /** WebAssembly SIMD build, for every current browser. */
  coreSimd: { name: 'tesseract-core-simd-lstm.wasm.js', package: 'tesseract.js-core', file: 'tesseract-core-simd-lstm.wasm.js' },
  /** The plain build, for browsers without WebAssembly SIMD. */
  core: { name: 'tesseract-core-lstm.wasm.js', package: 'tesseract.js-core', file: 'tesseract-core-lstm.wasm.js' },
  ...Object.fromEntries(
    OCR_LANGS.map((lang) => [
      lang,
      { name: `${lang}.traineddata.gz`, package: `@tesseract.js-data/${lang}`, file: `4.0.0_best_int/${lang}.traineddata.gz` },
    ]),
  ),
} as Record<'worker' | 'coreSimd' | 'core' | (typeof OCR_LANGS)[number], { name: string; package: string; file: string }>;
