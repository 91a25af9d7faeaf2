// Frames of the live webcam for the capture watch, and the photo itself: the one place the OCR helper touches the
// video's pixels, so a test hands the helper its own frames instead (happy-dom has no video and no canvas). A
// frame lives in one reused canvas until the next grab; the canvas is emptied when the camera goes off.
import type { RgbaImage } from '../core/image-prep';

export interface CameraFrames {
  /** The video's current picture at most `maxWidth` wide, or null while it has none. */
  grab(video: HTMLVideoElement, maxWidth: number): RgbaImage | null;
  /**
   * The photo: the video's current picture at full size, as PNG; null while the video has none. Taken at the call
   * (the camera may go off right after), encoded later.
   */
  photo(video: HTMLVideoElement): Promise<Blob> | null;
  /** Calls `tick` a few times a second until the returned function is called. */
  every(tick: () => void): () => void;
  /** Let go of what the last grab held. */
  release(): void;
}

/** How often the live outline is redrawn: a few frames a second is enough for a hand-held page. @default 250 */
export const WATCH_INTERVAL_MS = 250;

export async function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'));
}

/** Frames from the video through a canvas (the browser's own scaling), on a timer. */
export function createCanvasFrames(doc: Document = document): CameraFrames {
  let canvas: HTMLCanvasElement | null = null;
  let ctx: CanvasRenderingContext2D | null = null;
  return {
    grab(video, maxWidth) {
      if (!video.videoWidth || !video.videoHeight) return null;
      const k = Math.min(1, maxWidth / video.videoWidth);
      const width = Math.max(1, Math.round(video.videoWidth * k));
      const height = Math.max(1, Math.round(video.videoHeight * k));
      if (!canvas) {
        canvas = doc.createElement('canvas');
        ctx = canvas.getContext('2d', { willReadFrequently: true });
      }
      if (!ctx) return null;
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      ctx.drawImage(video, 0, 0, width, height);
      return ctx.getImageData(0, 0, width, height);
    },
    photo(video) {
      if (!video.videoWidth || !video.videoHeight) return null;
      const c = doc.createElement('canvas');
      c.width = video.videoWidth;
      c.height = video.videoHeight;
      c.getContext('2d')!.drawImage(video, 0, 0);
      return canvasBlob(c).finally(() => {
        c.width = c.height = 0;
      });
    },
    every(tick) {
      const id = setInterval(tick, WATCH_INTERVAL_MS);
      return () => clearInterval(id);
    },
    release() {
      if (canvas) canvas.width = canvas.height = 0;
      canvas = null;
      ctx = null;
    },
  };
}
