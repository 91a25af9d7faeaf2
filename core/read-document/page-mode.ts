// The OCR engine's settings that the pipeline and the extension share, in a module of their own: the console
// names them without loading the pipeline (which comes with the first read).

/**
 * Tesseract's page segmentation mode: 6, one uniform block of text. The automatic mode (3) reads a
 * two-column "label: value" table as two columns, so the values lose their labels; 6 keeps each line
 * whole. `npm run bench:ocr -- --psm N` compares the modes. The engine is set to it (extension/ocr-engine.ts,
 * core/read-document).
 */
export const OCR_PAGE_MODE = '6';

/** What the pipeline asks tesseract for: the text, and the blocks with every symbol's box and confidence. */
export const OCR_OUTPUT = { text: true, blocks: true } as const;
