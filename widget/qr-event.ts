/** The event by which dan-buoc-qr.js hands its QR function to the widget. */
export const QR_EVENT = 'dan-buoc-guide:qr';
/** The QR file, beside the widget's own file. */
export const QR_FILE = 'dan-buoc-qr.js';
