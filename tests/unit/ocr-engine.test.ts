// The OCR engine wrapper with a fake tesseract worker: lazy start and warm reuse, reads that never
// overlap, progress from the logger, timeouts that throw a hung worker away, terminate, and data URLs.
import { describe, expect, it, vi } from 'vitest';
import { createOcrEngine, OcrError, type OcrProgress, type TesseractLike, type TesseractLogMessage } from '../../extension/ocr-engine';
import { dataUrlToBlob } from '../../extension/ocr-api';

interface Fake {
  create: (logger: (m: TesseractLogMessage) => void) => Promise<TesseractLike>;
  started: number;
  terminated: number;
  running: number;
  maxRunning: number;
  /** Reads answered so far, in order. */
  order: string[];
}

function fakeTesseract(options: { readMs?: number; hangOn?: string; startMs?: number; failStart?: boolean } = {}): Fake {
  const fake: Fake = {
    started: 0,
    terminated: 0,
    running: 0,
    maxRunning: 0,
    order: [],
    create: async (logger) => {
      fake.started++;
      logger({ status: 'loading tesseract core', progress: 0.5 });
      await new Promise((r) => setTimeout(r, options.startMs ?? 1));
      if (options.failStart) throw new Error('wasm refused');
      logger({ status: 'initializing api', progress: 1 });
      return {
        recognize: async (image: Uint8Array) => {
          const text = new TextDecoder().decode(image);
          fake.running++;
          fake.maxRunning = Math.max(fake.maxRunning, fake.running);
          logger({ status: 'recognizing text', progress: 0.5 });
          if (text === options.hangOn) await new Promise(() => undefined);
          await new Promise((r) => setTimeout(r, options.readMs ?? 5));
          fake.running--;
          fake.order.push(text);
          return { data: { text: `read:${text}` } };
        },
        terminate: async () => {
          fake.terminated++;
        },
      };
    },
  };
  return fake;
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('createOcrEngine', () => {
  it('starts the worker on first use only and reuses it warm', async () => {
    const fake = fakeTesseract();
    const engine = createOcrEngine({ create: fake.create });
    expect(fake.started).toBe(0);
    expect(await engine.recognize(bytes('a'))).toEqual({ text: 'read:a' });
    expect(await engine.recognize(bytes('b'))).toEqual({ text: 'read:b' });
    expect(fake.started).toBe(1);
  });

  it('queues reads so two never run at once, in the order asked', async () => {
    const fake = fakeTesseract({ readMs: 15 });
    const engine = createOcrEngine({ create: fake.create });
    const results = await Promise.all(['1', '2', '3'].map((s) => engine.recognize(bytes(s))));
    expect(results.map((r) => r.text)).toEqual(['read:1', 'read:2', 'read:3']);
    expect(fake.order).toEqual(['1', '2', '3']);
    expect(fake.maxRunning).toBe(1);
  });

  it('reports start-up then recognition progress, ending at 1', async () => {
    const fake = fakeTesseract();
    const engine = createOcrEngine({ create: fake.create });
    const cold: OcrProgress[] = [];
    await engine.recognize(bytes('a'), (p) => cold.push(p));
    expect(cold[0]).toEqual({ phase: 'starting', progress: 0 });
    expect(cold.some((p) => p.phase === 'starting' && p.progress > 0)).toBe(true);
    expect(cold.at(-1)).toEqual({ phase: 'recognizing', progress: 1 });
    const progress = cold.map((p) => p.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Warm: no start-up phase, recognition uses the whole bar.
    const warm: OcrProgress[] = [];
    await engine.recognize(bytes('b'), (p) => warm.push(p));
    expect(warm).toEqual([
      { phase: 'recognizing', progress: 0.5 },
      { phase: 'recognizing', progress: 1 },
    ]);
  });

  it('times out a hung recognition, throws that worker away and starts a new one for the next read', async () => {
    const hanging = fakeTesseract({ hangOn: 'hang' });
    const engine2 = createOcrEngine({ create: hanging.create, readTimeoutMs: 50 });
    const err = await engine2.recognize(bytes('hang')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OcrError);
    expect((err as OcrError).code).toBe('timeout');
    expect(hanging.terminated).toBe(1);
    expect(await engine2.recognize(bytes('next'))).toEqual({ text: 'read:next' });
    expect(hanging.started).toBe(2);
  });

  it('times out a start-up that never ends (a wrong CSP) and reports an engine that cannot start', async () => {
    const slow = fakeTesseract({ startMs: 200 });
    const engine = createOcrEngine({ create: slow.create, startTimeoutMs: 20 });
    await expect(engine.recognize(bytes('a'))).rejects.toMatchObject({ code: 'timeout' });
    const broken = fakeTesseract({ failStart: true });
    const engine2 = createOcrEngine({ create: broken.create });
    await expect(engine2.recognize(bytes('a'))).rejects.toMatchObject({ code: 'engine', message: expect.stringContaining('wasm refused') });
    // A failed start is not kept: the next read tries again.
    await expect(engine2.recognize(bytes('b'))).rejects.toMatchObject({ code: 'engine' });
    expect(broken.started).toBe(2);
  });

  it('terminates the warm worker after the reads in progress, and starts again on demand', async () => {
    const fake = fakeTesseract({ readMs: 10 });
    const engine = createOcrEngine({ create: fake.create });
    const pending = engine.recognize(bytes('a'));
    await engine.terminate();
    expect(await pending).toEqual({ text: 'read:a' });
    expect(fake.terminated).toBe(1);
    await engine.recognize(bytes('b'));
    expect(fake.started).toBe(2);
  });

  it('18.4 passes the blocks through (every symbol\'s box and confidence), for the crops and the unsure digits', async () => {
    const blocks = [{ paragraphs: [{ lines: [{ bbox: { x0: 1, y0: 2, x1: 30, y1: 12 }, words: [{ symbols: [{ text: '7', confidence: 41 }] }] }] }] }];
    const engine = createOcrEngine({
      create: async () => ({ recognize: async () => ({ data: { text: '7', blocks } }), terminate: async () => undefined }),
    });
    expect(await engine.recognize(bytes('a'))).toEqual({ text: '7', blocks });
  });

  it('warms up without reading', async () => {
    const fake = fakeTesseract();
    const engine = createOcrEngine({ create: fake.create });
    await engine.warm();
    expect(fake.started).toBe(1);
    const onProgress = vi.fn();
    await engine.recognize(bytes('a'), onProgress);
    expect(onProgress.mock.calls.some(([p]) => (p as OcrProgress).phase === 'starting')).toBe(false);
  });
});

describe('dataUrlToBlob', () => {
  it('decodes a base64 screenshot without fetching it', async () => {
    const blob = dataUrlToBlob('data:image/png;base64,iVBORw0K');
    expect(blob.type).toBe('image/png');
    expect(Array.from(new Uint8Array(await blob.arrayBuffer()))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
    expect(() => dataUrlToBlob('https://example.com/x.png')).toThrow();
  });
});
