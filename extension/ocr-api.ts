// The OCR helper's API for an extension page (the side panel, ocr.html): the engine in this page's own
// worker, the webcam, a screenshot of the open tab, and opening the helper in a tab. The engine is made on
// first use, kept warm while the page is open and terminated when the page hides.
import { browser } from 'wxt/browser';
import type { OcrApi } from '../core/ocr';
import { createOcrEngine, extensionTesseract, readImage } from './ocr-engine';

/** A data: URL's bytes as a Blob, without a fetch. */
export function dataUrlToBlob(url: string): Blob {
  const m = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(url);
  if (!m) throw new Error('not a data URL');
  const body = m[2] ? atob(m[3] ?? '') : decodeURIComponent(m[3] ?? '');
  const bytes = new Uint8Array(body.length);
  for (let i = 0; i < body.length; i++) bytes[i] = body.charCodeAt(i);
  return new Blob([bytes], { type: m[1] ?? 'application/octet-stream' });
}

export interface PageOcrOptions {
  /** Offer "Chụp một vùng của thẻ đang mở" (the side panel; not ocr.html, whose own tab is the visible one). */
  captureTab?: boolean;
  /** Offer opening the helper in a tab when the webcam cannot be asked for here (the side panel). */
  openInTab?: boolean;
}

export function createPageOcr(options: PageOcrOptions = {}): OcrApi {
  const engine = createOcrEngine({ create: extensionTesseract((p) => browser.runtime.getURL(p as '/')) });
  window.addEventListener('pagehide', () => void engine.terminate());
  const api: OcrApi = {
    read: (image, onProgress) => readImage(engine, image, onProgress),
    camera: () => navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false }),
  };
  if (options.captureTab) {
    api.captureTab = async () => {
      const win = await browser.windows.getCurrent();
      return dataUrlToBlob(await browser.tabs.captureVisibleTab(win.id!, { format: 'png' }));
    };
  }
  if (options.openInTab) api.openInTab = () => void browser.tabs.create({ url: browser.runtime.getURL('/ocr.html') });
  return api;
}
