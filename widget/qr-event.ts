/** The event by which dan-buoc-qr.js hands its QR function to the widget. */
export const QR_EVENT = 'dan-buoc-guide:qr';
/** The QR file, beside the widget's own file. */
export const QR_FILE = 'dan-buoc-qr.js';
/** The event by which dan-buoc-errors.js hands the error texts (both languages) to the widget. */
export const ERRORS_EVENT = 'dan-buoc-guide:errors';
/** The error texts, beside the widget's own file: loaded only when a pack cannot be shown. */
export const ERRORS_FILE = 'dan-buoc-errors.js';
