// One change at a time: a queue that runs async tasks in the order they were given, each after the one
// before has settled (a failed task does not stop the ones after it). Framework-free.

export interface SerialQueue {
  /** Run `fn` after every task queued before it; resolves or rejects with `fn`'s own result. */
  run<T>(fn: () => Promise<T> | T): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(fn: () => Promise<T> | T): Promise<T> {
      const next = tail.then(fn, fn);
      tail = next.catch(() => undefined);
      return next;
    },
  };
}

/**
 * Many changes, one answer: `fn` runs once, `ms` after the first of a burst of calls (later calls in that time
 * ride along). For a reader that answers every change of a store with work of its own, while one user action
 * writes the store several times in a few milliseconds (the console, as a page of the resident's loads).
 */
export function coalesce(fn: () => void, ms: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = (): void => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
  call.cancel = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return call;
}
