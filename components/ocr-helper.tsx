// "Đọc giấy tờ": read the codes on a resident's paper document (webcam photo, image file, pasted or
// dropped image, or a region of the open tab) on this machine, and show each with a copy button, beside the
// line of the paper it was read from (a large crop, to compare before copying), the digits the engine was unsure
// of underlined and named. The image, the crops and the text live in this component's state only: cleared by
// "Xóa", on close, when the page hides, and never logged, stored or sent.
import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { extractFields, formatField } from '../core/fields';
import { linksIn } from '../core/links';
import type { DocumentField } from '../core/read-document/index';
import type { Lang, MessageKey, Translate } from '../core/i18n';
import type { OcrApi, OcrProgress, OcrReadResult } from '../core/ocr';
import { canvasBlob, createCanvasFrames, type CameraFrames } from './camera-frames';
import { CameraView } from './camera-view';
import { LineCrop } from './line-crop';
import { ToolHead } from './tool-head';

export type { CameraFrames };

export type { OcrApi };

export interface OcrHelperProps {
  t: Translate;
  /** For number formats ("1,2 giây"). @default 'vi' */
  lang?: Lang;
  api: OcrApi;
  /** Absent: no close button (the helper is the whole page). */
  onClose?(): void;
  /** The webcam's frames and photo. @default through a canvas (components/camera-frames.ts) */
  frames?: CameraFrames;
  /** "Kiểm tra" on a link in the text read: hands the link to the link checker, in memory (absent: not offered). */
  onCheckLink?(link: string): void;
}

interface Result {
  fields: DocumentField[];
  /** A card QR's holder: shown, never stored (gone with the result). */
  card?: OcrReadResult['card'];
  text: string;
  ms: number;
}

interface Shot {
  blob: Blob;
  url: string;
}

/** A selection on the screenshot, in fractions of its size. */
interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Problem = { key: MessageKey; reason?: string; openInTab?: boolean };

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : 'engine';
}

function problemOf(err: unknown): Problem {
  const code = errorCode(err);
  if (code === 'not-image' || code === 'too-large' || code === 'unreadable' || code === 'timeout') return { key: `ocr.error.${code}` };
  return { key: 'ocr.error.engine', reason: err instanceof Error ? err.message : String(err) };
}

function cameraProblem(err: unknown, canOpenTab: boolean): Problem {
  const name = err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return { key: 'ocr.cameraDenied', openInTab: canOpenTab };
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return { key: 'ocr.cameraNone' };
  return { key: 'ocr.cameraFailed', reason: err instanceof Error ? err.message : String(err) };
}

/**
 * A value as formatField groups it, the characters at `unsure` (indices in the value) marked: underlined and in a
 * <mark>, not by colour alone.
 */
function markedValue(kind: string, value: string, unsure: readonly number[] | undefined): (string | JSX.Element)[] {
  const shown = formatField(kind, value);
  if (!unsure?.length) return [shown];
  const out: (string | JSX.Element)[] = [];
  let k = 0;
  let plain = '';
  for (const [j, ch] of [...shown].entries()) {
    // formatField only inserts separators: the value's characters come in order.
    const at = k < value.length && ch === value[k] ? k++ : -1;
    if (at >= 0 && unsure.includes(at)) {
      if (plain) out.push(plain);
      plain = '';
      out.push(
        <mark key={j} class="ocr-digit-unsure" data-testid="ocr-digit-unsure">
          {ch}
        </mark>,
      );
    } else plain += ch;
  }
  if (plain) out.push(plain);
  return out;
}

function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

export function OcrHelper({ t, lang = 'vi', api, onClose, frames: givenFrames, onCheckLink }: OcrHelperProps): JSX.Element {
  const frames = useMemo(() => givenFrames ?? createCanvasFrames(), [givenFrames]);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [shot, setShot] = useState<Shot | null>(null);
  const [rect, setRect] = useState<Rect | null>(null);
  const [progress, setProgress] = useState<OcrProgress | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [copied, setCopied] = useState<number | null>(null);
  const [dragOver, setDragOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // Mirrors of the state the cleanup needs, and a generation number: a read finishing after "Xóa" is dropped.
  const live = useRef<{ stream: MediaStream | null; shot: Shot | null; generation: number }>({ stream: null, shot: null, generation: 0 });
  live.current.stream = stream;
  live.current.shot = shot;

  /** Forget everything: camera off, screenshot and results dropped, a read in progress ignored. */
  const clear = useCallback(() => {
    live.current.generation++;
    stopStream(live.current.stream);
    if (live.current.shot) URL.revokeObjectURL(live.current.shot.url);
    live.current.stream = null;
    live.current.shot = null;
    setStream(null);
    setShot(null);
    setRect(null);
    setProgress(null);
    setResult(null);
    setProblem(null);
    setCopied(null);
    if (fileInput.current) fileInput.current.value = '';
  }, []);

  const read = useCallback(
    async (image: Blob) => {
      clear();
      const generation = live.current.generation;
      setProgress({ phase: 'decoding', progress: 0 });
      try {
        const r = await api.read(image, (p) => {
          if (live.current.generation === generation) setProgress(p);
        });
        if (live.current.generation !== generation) return;
        // The engine's checked values; a page without them (an older engine) gets the text's, unchecked.
        const fields = r.fields ?? extractFields(r.text).map((f): DocumentField => ({ ...f, sure: true, from: 'text' }));
        setResult({ fields, ...(r.card ? { card: r.card } : {}), text: r.text, ms: r.ms });
      } catch (err) {
        if (live.current.generation === generation) setProblem(problemOf(err));
      } finally {
        if (live.current.generation === generation) setProgress(null);
      }
    },
    [api, clear],
  );
  const busy = progress !== null;
  // The links in the text read (an SMS on a phone's screen, a QR poster's address), each offered to the checker.
  const links = useMemo(() => (result && onCheckLink ? linksIn(result.text) : []), [result, onCheckLink]);

  // Everything goes when the page hides (panel closed, tab closed or navigated) and when the helper closes.
  useEffect(() => {
    window.addEventListener('pagehide', clear);
    return () => {
      window.removeEventListener('pagehide', clear);
      clear();
    };
  }, [clear]);

  // Ctrl+V of an image anywhere in the page.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent): void => {
      const files = Array.from(e.clipboardData?.files ?? []);
      if (files.length === 0) return;
      e.preventDefault();
      if (busy) return;
      const image = files.find((f) => f.type.startsWith('image/'));
      if (image) void read(image);
      else setProblem({ key: 'ocr.error.not-image' });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [read, busy]);

  const openCamera = async (): Promise<void> => {
    clear();
    try {
      const s = await api.camera!();
      live.current.stream = s;
      setStream(s);
    } catch (err) {
      setProblem(cameraProblem(err, !!api.openInTab));
    }
  };

  const takePhoto = async (v: HTMLVideoElement): Promise<void> => {
    const photo = frames.photo(v);
    if (!photo) return;
    // The camera goes off as soon as the picture is taken.
    stopStream(stream);
    setStream(null);
    await read(await photo);
  };

  const captureTab = async (): Promise<void> => {
    clear();
    try {
      const blob = await api.captureTab!();
      const s = { blob, url: URL.createObjectURL(blob) };
      live.current.shot = s;
      setShot(s);
    } catch {
      setProblem({ key: 'ocr.tabDenied' });
    }
  };

  const readShot = async (crop: Rect | null): Promise<void> => {
    if (!shot) return;
    let image: Blob = shot.blob;
    if (crop && crop.w > 0.01 && crop.h > 0.01) {
      const bitmap = await createImageBitmap(shot.blob);
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(crop.w * bitmap.width);
      canvas.height = Math.round(crop.h * bitmap.height);
      canvas.getContext('2d')!.drawImage(bitmap, -crop.x * bitmap.width, -crop.y * bitmap.height);
      bitmap.close();
      image = await canvasBlob(canvas);
      canvas.width = canvas.height = 0;
    }
    await read(image);
  };

  const copy = (i: number, value: string): void => {
    navigator.clipboard.writeText(value).then(
      () => {
        setCopied(i);
        setTimeout(() => setCopied((c) => (c === i ? null : c)), 2500);
      },
      () => setProblem({ key: 'ocr.copyFailed' }),
    );
  };

  const phaseText = progress
    ? progress.phase === 'recognizing'
      ? t('ocr.phase.recognizing', { percent: Math.round(progress.progress * 100) })
      : t(`ocr.phase.${progress.phase}`)
    : '';

  return (
    <section
      class={dragOver ? 'ocr drag-over' : 'ocr'}
      aria-labelledby="ocr-title"
      data-testid="ocr-helper"
      onDragOver={(e) => {
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragOver(false);
        const file = e.dataTransfer?.files[0];
        if (file && !busy) void read(file);
      }}
    >
      <ToolHead name="ocr" titleId="ocr-title" title={t('ocr.title')} clearLabel={t('ocr.clear')} closeLabel={t('ocr.close')} onClear={clear} onClose={onClose} />
      <p class="ocr-intro">{t('ocr.intro')}</p>

      <div class="ocr-sources">
        {api.camera ? (
          <button type="button" class="btn" onClick={() => void openCamera()} disabled={busy || !!stream} data-testid="ocr-camera">
            {t('ocr.camera')}
          </button>
        ) : null}
        <label class="btn ocr-file">
          {t('ocr.file')}
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void read(file);
            }}
            data-testid="ocr-file"
          />
        </label>
        {api.captureTab ? (
          <button type="button" class="btn" onClick={() => void captureTab()} disabled={busy} data-testid="ocr-tab">
            {t('ocr.tab')}
          </button>
        ) : null}
      </div>
      <p class="ocr-paste" aria-label={t('ocr.dropZone')}>
        {t('ocr.pasteHint')}
      </p>

      {stream ? (
        <CameraView
          t={t}
          stream={stream}
          frames={frames}
          onCapture={(v) => void takePhoto(v)}
          onStop={() => {
            stopStream(stream);
            setStream(null);
          }}
        />
      ) : null}

      {shot && !busy && !result ? <Cropper t={t} shot={shot} rect={rect} onRect={setRect} onRead={(crop) => void readShot(crop)} onCancel={clear} /> : null}

      {progress ? (
        <div class="ocr-progress">
          <progress max={1} value={progress.progress} aria-label={t('ocr.progress')} aria-valuetext={phaseText} data-testid="ocr-progress" />
          <p role="status" aria-live="polite">
            {phaseText}
          </p>
        </div>
      ) : null}

      {problem ? (
        <div role="alert" class="panel-error ocr-problem" data-testid="ocr-problem">
          <p>{t(problem.key, problem.reason !== undefined ? { reason: problem.reason } : undefined)}</p>
          {problem.openInTab && api.openInTab ? (
            <button type="button" class="btn" onClick={() => api.openInTab!()} data-testid="ocr-open-tab">
              {t('ocr.openInTab')}
            </button>
          ) : null}
        </div>
      ) : null}

      {result ? (
        <div class="ocr-result" data-testid="ocr-result">
          <h3>{t('ocr.results')}</h3>
          {result.card ? (
            <p class="ocr-card" data-testid="ocr-card">
              {t('ocr.card', { name: result.card.name, birth: result.card.birthDate.split('-').reverse().join('/'), sex: result.card.sex })}
            </p>
          ) : null}
          {result.fields.length === 0 ? (
            <p class="ocr-none" role="status" data-testid="ocr-none">
              {t('ocr.none')}
            </p>
          ) : (
            <>
              <ul class="ocr-fields" aria-label={t('ocr.results')}>
                {result.fields.map((f, i) => {
                  const label = t(`ocr.kind.${f.kind}` as MessageKey);
                  return (
                    <li key={`${f.from}:${f.kind}:${f.value}`} class={f.sure ? 'ocr-field' : 'ocr-field ocr-unsure'} data-kind={f.kind} data-from={f.from} data-sure={String(f.sure)}>
                      <span class="ocr-kind">
                        {label}
                        {f.from === 'qr' ? <span class="ocr-badge" data-testid="ocr-from-qr">{t('ocr.fromQr')}</span> : null}
                        {f.sure ? null : <span class="ocr-badge ocr-badge-warn" data-testid="ocr-unsure">{t('ocr.unsure')}</span>}
                      </span>
                      <span class="ocr-value" data-testid="ocr-value">
                        {markedValue(f.kind, f.value, f.unsureAt)}
                      </span>
                      {f.crop ? <LineCrop image={f.crop} label={t('ocr.cropLabel', { label })} /> : null}
                      {f.unsureAt?.length ? (
                        <span class="ocr-unsure-digits" data-testid="ocr-unsure-digits">
                          {t('ocr.unsureDigits', { positions: f.unsureAt.map((i) => i + 1).join(', ') })}
                        </span>
                      ) : null}
                      {f.why === 'bank-account-length' ? <span class="ocr-why">{t('ocr.why.bank-account-length')}</span> : null}
                      {f.why === 'readings-differ' ? <span class="ocr-why" data-testid="ocr-why">{t('ocr.why.readings-differ')}</span> : null}
                      {/* A value that failed a check is read from the paper, never copied. */}
                      {f.sure ? (
                        <button type="button" class="btn ocr-copy" onClick={() => copy(i, f.value)} aria-label={t('ocr.copyLabel', { label })} data-testid="ocr-copy">
                          {copied === i ? t('ocr.copied') : t('ocr.copy')}
                        </button>
                      ) : (
                        <span class="note-help ocr-unsure-hint">{t('ocr.unsureHint')}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
              <p class="note-help">{t('ocr.checkHint')}</p>
            </>
          )}
          {links.length ? (
            <div class="ocr-links" data-testid="ocr-links">
              <h3>{t('ocr.links')}</h3>
              <ul>
                {links.map((l) => (
                  <li key={l.host}>
                    <span class="ocr-link-host">{l.host}</span>
                    <button type="button" class="btn" onClick={() => onCheckLink!(l.text)} aria-label={t('ocr.checkLinkLabel', { host: l.host })} data-testid="ocr-check-link">
                      {t('ocr.checkLink')}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p class="note-help">{t('ocr.time', { seconds: new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(result.ms / 1000) })}</p>
          <details class="ocr-raw">
            <summary>{t('ocr.rawText')}</summary>
            <pre data-testid="ocr-raw">{result.text}</pre>
          </details>
        </div>
      ) : null}
    </section>
  );
}

/** The tab screenshot with a rectangle the volunteer drags around the code. */
function Cropper({
  t,
  shot,
  rect,
  onRect,
  onRead,
  onCancel,
}: {
  t: Translate;
  shot: Shot;
  rect: Rect | null;
  onRect(r: Rect | null): void;
  onRead(crop: Rect | null): void;
  onCancel(): void;
}): JSX.Element {
  const start = useRef<{ x: number; y: number } | null>(null);
  const at = (e: PointerEvent): { x: number; y: number } => {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return {
      x: Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)),
      y: Math.min(1, Math.max(0, (e.clientY - box.top) / box.height)),
    };
  };
  const drag = (e: PointerEvent): void => {
    if (!start.current) return;
    const p = at(e);
    const s = start.current;
    onRect({ x: Math.min(s.x, p.x), y: Math.min(s.y, p.y), w: Math.abs(p.x - s.x), h: Math.abs(p.y - s.y) });
  };
  return (
    <div class="ocr-crop">
      <p class="note-help">{t('ocr.cropHint')}</p>
      <div
        class="ocr-crop-area"
        role="img"
        aria-label={t('ocr.cropArea')}
        data-testid="ocr-crop-area"
        onPointerDown={(e) => {
          (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
          start.current = at(e);
          onRect(null);
        }}
        onPointerMove={drag}
        onPointerUp={(e) => {
          drag(e);
          start.current = null;
        }}
      >
        <img src={shot.url} alt="" draggable={false} />
        {rect ? (
          <div
            class="ocr-crop-rect"
            style={{ left: `${rect.x * 100}%`, top: `${rect.y * 100}%`, width: `${rect.w * 100}%`, height: `${rect.h * 100}%` }}
          />
        ) : null}
      </div>
      <div class="actions">
        <button type="button" class="btn btn-main" disabled={!rect || rect.w < 0.01 || rect.h < 0.01} onClick={() => onRead(rect)} data-testid="ocr-read-crop">
          {t('ocr.readCrop')}
        </button>
        <button type="button" class="btn" onClick={() => onRead(null)} data-testid="ocr-read-whole">
          {t('ocr.readWhole')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {t('ocr.cancelCrop')}
        </button>
      </div>
    </div>
  );
}
