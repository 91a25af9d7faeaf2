// The OCR engine's one setting that the pipeline and the extension share, in a module of its own: the console
// names it without loading the pipeline (which comes with the first read).

/**
 * Tesseract's page segmentation mode: 6, one uniform block of text. The automatic mode (3) reads a
 * two-column "label: value" table as two columns, so the values lose their labels; 6 keeps each line
 * whole. `npm run bench:ocr -- --psm N` compares the modes. The engine is set to it (extension/ocr-engine.ts,
 * core/read-document).
 */
export const OCR_PAGE_MODE = '6';
