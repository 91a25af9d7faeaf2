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
