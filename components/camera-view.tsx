// The live webcam in the OCR helper (issue 18, item 6): the video with the paper's outline drawn over it a few times
// a second, a line telling the volunteer what to do (no paper / closer / hold still / blurry / ready), "Tự chụp khi
// giấy đứng yên" (on by default: the photo is taken by itself once the paper is found, still and sharp), and the
// capture and stop buttons. The watch (core/read-document/camera.ts) loads with the camera, not with the panel.
// Frames are looked at and dropped: nothing of them is kept beyond the previous frame's thumbnail in the watch,
// which goes with the camera.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaptureHint, Quad } from '../core/read-document/camera';
import type { MessageKey, Translate } from '../core/i18n';
import type { CameraFrames } from './camera-frames';

export interface CameraViewProps {
  t: Translate;
  stream: MediaStream;
  frames: CameraFrames;
  /** Take the photo (the button, or auto capture once ready). Called at most once by auto capture. */
  onCapture(video: HTMLVideoElement): void;
  onStop(): void;
}

/** Before the first frame is looked at. */
type Hint = CaptureHint | 'looking';

/** Draws `outline` (in a `fw`×`fh` frame's pixels) on `canvas`, which covers the video and has the frame's shape. */
function drawOutline(canvas: HTMLCanvasElement, outline: Quad | null, fw: number, fh: number, ready: boolean): void {
  if (canvas.width !== fw || canvas.height !== fh) {
    canvas.width = fw;
    canvas.height = fh;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, fw, fh);
  if (!outline) return;
  ctx.lineWidth = Math.max(2, fw / 160);
  ctx.lineJoin = 'round';
  ctx.strokeStyle = ready ? '#16a34a' : '#fab005';
  ctx.beginPath();
  ctx.moveTo(outline[0].x, outline[0].y);
  for (const p of outline.slice(1)) ctx.lineTo(p.x, p.y);
  ctx.closePath();
  ctx.stroke();
}

export function CameraView({ t, stream, frames, onCapture, onStop }: CameraViewProps): JSX.Element {
  const video = useRef<HTMLVideoElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const [auto, setAuto] = useState(true);
  const [hint, setHint] = useState<Hint>('looking');
  const [found, setFound] = useState<boolean | null>(null);
  // The latest props for the timer's callback, which lives as long as the stream.
  const latest = useRef({ auto, onCapture });
  latest.current = { auto, onCapture };

  useEffect(() => {
    const v = video.current;
    if (!v) return;
    v.srcObject = stream;
    void v.play()?.catch(() => undefined);
  }, [stream]);

  useEffect(() => {
    // One watch per stream; the timer goes with the stream (camera off, photo taken, helper closed).
    let cancelled = false;
    let unwatch: (() => void) | null = null;
    let captured = false;
    void Promise.all([import('../core/read-document/camera'), import('../core/image-prep')]).then(([{ createCaptureWatch, FRAME_WIDTH }, { toGray }]) => {
      if (cancelled) return;
      const watch = createCaptureWatch();
      const stopTimer = frames.every(() => {
        const v = video.current;
        if (!v || captured) return;
        const frame = frames.grab(v, FRAME_WIDTH);
        if (!frame) return;
        const state = watch.feed(toGray(frame), v.videoWidth || frame.width);
        if (overlay.current) drawOutline(overlay.current, state.outline, frame.width, frame.height, state.ready);
        setFound(state.outline !== null);
        setHint(state.hint);
        if (state.ready && latest.current.auto) {
          captured = true;
          latest.current.onCapture(v);
        }
      });
      unwatch = () => {
        stopTimer();
        watch.reset();
      };
    });
    return () => {
      cancelled = true;
      unwatch?.();
      frames.release();
    };
  }, [stream, frames]);

  return (
    <div class="ocr-camera">
      <div class="ocr-camera-view">
        <video ref={video} autoPlay playsInline muted aria-label={t('ocr.cameraPreview')} />
        <canvas ref={overlay} class="ocr-outline" aria-hidden="true" data-testid="ocr-outline" data-outline={found === null ? 'looking' : found ? 'found' : 'none'} />
      </div>
      <p class="ocr-camera-hint" role="status" aria-live="polite" data-testid="ocr-camera-hint" data-hint={hint}>
        {t(`ocr.hint.${hint}` as MessageKey)}
      </p>
      <label class="ocr-auto">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.currentTarget.checked)} data-testid="ocr-auto" />
        {t('ocr.autoCapture')}
      </label>
      <div class="actions">
        <button type="button" class="btn btn-main" onClick={() => video.current && onCapture(video.current)} data-testid="ocr-capture">
          {t('ocr.capture')}
        </button>
        <button type="button" class="btn" onClick={onStop}>
          {t('ocr.stopCamera')}
        </button>
      </div>
    </div>
  );
}
