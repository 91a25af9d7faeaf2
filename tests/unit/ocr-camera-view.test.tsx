// Issue 18, item 6: the OCR helper's live webcam with an injected frame source (happy-dom has no video or canvas):
// the outline state and the volunteer's hint follow the watch, auto capture ("Tự chụp khi giấy đứng yên", on by
// default) takes the photo by itself once the paper is still and sharp and the webcam goes off; unticked, only the
// button does; the frame timer stops when the camera goes off, and what the last grab held is let go.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { OcrHelper, type CameraFrames, type OcrApi } from '../../components/ocr-helper';
import { createTranslator } from '../../core/i18n';
import type { RgbaImage } from '../../core/image-prep';
import type { OcrReadResult } from '../../core/ocr';
import { frame, rgba, type Scene } from '../support/paper-frames';
import { useRenderRoot } from './dom-helpers';

const rootOf = useRenderRoot();

const $ = <T extends Element = HTMLElement>(sel: string): T | null => rootOf().querySelector<T>(sel);
const settle = (): Promise<void> => act(async () => new Promise((x) => setTimeout(x, 0)));

const SHEET: Scene = { x: 90, y: 30, w: 460, h: 300 };
const TABLE: Scene = { x: 0, y: 0, w: 0, h: 0 };

/** Frames the test shows one tick at a time; the photo is a fixed blob. */
function fakeFrames() {
  let tick: (() => void) | null = null;
  let next: RgbaImage | null = null;
  const photoBlob = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
  const cancel = vi.fn(() => {
    tick = null;
  });
  const frames = {
    grab: vi.fn<CameraFrames['grab']>(() => next),
    photo: vi.fn<CameraFrames['photo']>(() => Promise.resolve(photoBlob)),
    every: vi.fn<CameraFrames['every']>((t) => {
      tick = t;
      return cancel;
    }),
    release: vi.fn(),
  };
  return {
    frames,
    cancel,
    photoBlob,
    running: () => tick !== null,
    /** One tick of the timer showing `scene`. */
    async show(scene: Scene, seed: number): Promise<void> {
      next = rgba(frame({ ...scene, seed }));
      await act(async () => tick?.());
    },
  };
}

async function openCamera(lang: 'vi' | 'en' = 'vi') {
  const stop = vi.fn();
  // A real (happy-dom) MediaStream, which a video accepts as its source, with a track to stop.
  const stream = Object.assign(new MediaStream(), { getTracks: () => [{ stop }] }) as unknown as MediaStream;
  const read = vi.fn<OcrApi['read']>(() => new Promise<OcrReadResult>(() => undefined));
  const api: OcrApi = { read, camera: () => Promise.resolve(stream) };
  const cam = fakeFrames();
  act(() => render(<OcrHelper t={createTranslator(lang)} lang={lang} api={api} frames={cam.frames} />, rootOf()));
  await act(async () => {
    $<HTMLButtonElement>('[data-testid="ocr-camera"]')!.click();
    await new Promise((x) => setTimeout(x, 0));
  });
  // The watch loads with the camera.
  await vi.waitFor(() => expect(cam.running()).toBe(true), { timeout: 5000 });
  return { ...cam, stop, read };
}

const hint = (): { text: string; state: string | null } => {
  const p = $('[data-testid="ocr-camera-hint"]')!;
  return { text: p.textContent ?? '', state: p.getAttribute('data-hint') };
};
const outline = (): string | null => $('[data-testid="ocr-outline"]')!.getAttribute('data-outline');

describe('18.6 OCR helper: live webcam', () => {
  it('18.6 draws the outline state and says what to do; auto capture (on by default) reads the photo by itself and the webcam goes off', async () => {
    const cam = await openCamera();
    expect(outline()).toBe('looking');
    expect(hint().text).toBe('Đang tìm tờ giấy trong hình…');
    expect($('[data-testid="ocr-camera-hint"]')!.getAttribute('aria-live')).toBe('polite');
    const auto = $<HTMLInputElement>('[data-testid="ocr-auto"]')!;
    expect(auto.checked).toBe(true);
    expect(auto.closest('label')!.textContent).toBe('Tự chụp khi giấy đứng yên');
    expect($('[data-testid="ocr-capture"]')!.textContent).toBe('Chụp');

    await cam.show(TABLE, 1);
    expect(outline()).toBe('none');
    expect(hint()).toEqual({ state: 'no-paper', text: 'Chưa thấy tờ giấy: đặt giấy trên mặt bàn tối màu, nằm trọn trong khung hình.' });
    // The sheet arrives (moved in): found, not yet still.
    await cam.show(SHEET, 2);
    expect(outline()).toBe('found');
    expect(hint().state).toBe('hold-still');
    await cam.show(SHEET, 3);
    await cam.show(SHEET, 4);
    expect(cam.read).not.toHaveBeenCalled();
    expect($('video')).not.toBeNull();
    // The third still, sharp frame in a row: the photo is taken and read, and the webcam is off.
    await cam.show(SHEET, 5);
    await settle();
    expect(cam.frames.photo).toHaveBeenCalledTimes(1);
    expect(cam.read).toHaveBeenCalledWith(cam.photoBlob, expect.any(Function));
    expect(cam.stop).toHaveBeenCalled();
    expect($('video')).toBeNull();
    expect(cam.cancel).toHaveBeenCalled();
    expect(cam.frames.release).toHaveBeenCalled();
  });

  it('18.6 a blurred sheet asks for a sharper picture and is never captured by itself', async () => {
    const cam = await openCamera();
    for (let seed = 1; seed <= 5; seed++) await cam.show({ ...SHEET, blur: 3 }, seed);
    expect(outline()).toBe('found');
    expect(hint()).toEqual({ state: 'blurry', text: 'Hình còn mờ: giữ yên, hoặc lùi giấy ra một chút cho rõ nét.' });
    expect(cam.frames.photo).not.toHaveBeenCalled();
    expect($('video')).not.toBeNull();
  });

  it('18.6 with auto capture unticked, a ready paper waits for the button; the button still captures', async () => {
    const cam = await openCamera('en');
    const auto = $<HTMLInputElement>('[data-testid="ocr-auto"]')!;
    expect(auto.closest('label')!.textContent).toBe('Capture by itself when the paper is still');
    await act(async () => auto.click());
    expect(auto.checked).toBe(false);
    for (let seed = 1; seed <= 5; seed++) await cam.show(SHEET, seed);
    expect(hint()).toEqual({ state: 'ready', text: 'The paper is still and sharp: ready to capture.' });
    expect(cam.frames.photo).not.toHaveBeenCalled();
    await act(async () => $<HTMLButtonElement>('[data-testid="ocr-capture"]')!.click());
    await settle();
    expect(cam.frames.photo).toHaveBeenCalledTimes(1);
    expect(cam.read).toHaveBeenCalledWith(cam.photoBlob, expect.any(Function));
    expect($('video')).toBeNull();
  });

  it('18.6 turning the webcam off stops looking at frames', async () => {
    const cam = await openCamera();
    await cam.show(SHEET, 1);
    const stopButton = Array.from(rootOf().querySelectorAll<HTMLButtonElement>('.ocr-camera button')).find((b) => b.textContent === 'Tắt webcam')!;
    await act(async () => stopButton.click());
    expect(cam.stop).toHaveBeenCalled();
    expect(cam.cancel).toHaveBeenCalledTimes(1);
    expect(cam.frames.release).toHaveBeenCalledTimes(1);
    expect(cam.running()).toBe(false);
    expect($('[data-testid="ocr-outline"]')).toBeNull();
    expect(cam.frames.photo).not.toHaveBeenCalled();
  });
});
