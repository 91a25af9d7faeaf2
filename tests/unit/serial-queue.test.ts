// core/serial-queue.ts: the one queue behind the session controller, the recording controller and the recorder.
import { describe, expect, it, vi } from 'vitest';
import { coalesce, createSerialQueue } from '../../core/serial-queue';

const later = <T,>(value: T, order: string[], name: string): Promise<T> =>
  new Promise((resolve) => setTimeout(() => (order.push(name), resolve(value)), 0));

describe('16 createSerialQueue', () => {
  it('16 runs tasks one at a time in the order given, each after the one before settled', async () => {
    const q = createSerialQueue();
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ticks: number) => async () => {
      running++;
      most = Math.max(most, running);
      for (let i = 0; i < ticks; i++) await later(null, [], '');
      order.push(name);
      running--;
      return name;
    };
    const results = await Promise.all([q.run(task('a', 3)), q.run(task('b', 1)), q.run(task('c', 0))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
  });

  it('16 a failed task rejects its own caller only; the next still runs', async () => {
    const q = createSerialQueue();
    const order: string[] = [];
    const failed = q.run(async () => {
      await later(null, order, 'first');
      throw new Error('boom');
    });
    const next = q.run(() => later('ok', order, 'second'));
    const thrown = q.run(() => {
      throw new Error('sync');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    await expect(thrown).rejects.toThrow('sync');
    await expect(q.run(() => 3)).resolves.toBe(3);
    expect(order).toEqual(['first', 'second']);
  });

  it('16 two queues do not wait on each other', async () => {
    const a = createSerialQueue();
    const b = createSerialQueue();
    let release!: () => void;
    const blocked = a.run(() => new Promise<void>((r) => (release = r)));
    await expect(b.run(async () => 'free')).resolves.toBe('free');
    release();
    await blocked;
  });
});

describe('16.6 coalesce', () => {
  it('16.6 a burst of changes is answered once, within the delay of its first; a later change is answered again; cancel drops a pending answer', () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const c = coalesce(() => void calls++, 50);
      c();
      vi.advanceTimersByTime(20);
      c();
      c();
      expect(calls).toBe(0);
      vi.advanceTimersByTime(30);
      expect(calls).toBe(1);
      vi.advanceTimersByTime(500);
      expect(calls).toBe(1);
      c();
      vi.advanceTimersByTime(50);
      expect(calls).toBe(2);
      c();
      c.cancel();
      vi.advanceTimersByTime(500);
      expect(calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
