// Data that only the extension's own pages and its background may read or write — the desk's library and
// trust list, the running session, the desk settings — in IndexedDB of the extension's origin.
//
// Why not storage.local: content scripts can read and write it (Chromium offers setAccessLevel for
// storage.session only), so a content script driven by a hostile page could replace the trust list. Content
// scripts run in the page's origin: the IndexedDB they can open is the page's, never this one. Each item is
// moved from its old storage.local key once (marked done in this database, so a key a content script writes
// there later is never read) and the old key is deleted. Changes reach the other extension contexts through a
// BroadcastChannel of the extension's origin (content scripts cannot join it either).
//
// Limits: what was in storage.local when the move ran is taken as it was; this guards the data from then on.

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';

export const PRIVATE_DB_NAME = 'dan-buoc-private';
const VERSION = 1;
/** Marks an item moved from storage.local (the value is when). */
const MOVED = (key: string): string => `moved-from-local:${key}`;

interface PrivateSchema extends DBSchema {
  /** One record per item: `{ key, value }` (readable as a whole by the e2e tests' store dump). */
  items: { key: string; value: { key: string; value: unknown } };
}

/** An item kept in the private store, with WXT storage items' calls. */
export interface PrivateItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Called with the new value whenever the item changes in any extension context; returns the unwatch. */
  watch(onChange: (value: T) => void): () => void;
}

export interface PrivateItemOptions<T> {
  /** What getValue gives while nothing is stored. */
  fallback: T;
  /** The storage.local key the item was kept under before; moved here once, then deleted. */
  legacyKey?: string;
}

/** Where items were kept before (storage.local). */
export interface LegacyArea {
  get(key: string): Promise<unknown>;
  remove(key: string): Promise<void>;
}

/** The part of BroadcastChannel the store uses. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface PrivateStoreDeps {
  legacy: LegacyArea;
  /** True in the extension's own origin; the store refuses to run anywhere else (a content script). */
  inExtension: () => boolean;
  /** @default PRIVATE_DB_NAME */
  name?: string;
  /** @default a BroadcastChannel named after the database */
  channel?: () => ChannelLike | null;
}

export function createPrivateStore(deps: PrivateStoreDeps) {
  const name = deps.name ?? PRIVATE_DB_NAME;
  let db: Promise<IDBPDatabase<PrivateSchema>> | null = null;
  let channel: ChannelLike | null | undefined;
  const watchers = new Map<string, Set<() => void>>();

  function open(): Promise<IDBPDatabase<PrivateSchema>> {
    if (!deps.inExtension()) return Promise.reject(new Error('the private store opens in extension pages and the background only'));
    db ??= openDB<PrivateSchema>(name, VERSION, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) d.createObjectStore('items', { keyPath: 'key' });
      },
      // A newer version opened elsewhere (an update): let it through, reopen on the next call.
      blocking() {
        void db?.then((d) => d.close());
        db = null;
      },
    }).catch((err: unknown) => {
      db = null;
      throw err;
    });
    return db;
  }

  function changes(): ChannelLike | null {
    if (channel === undefined) {
      channel = deps.channel ? deps.channel() : typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
      channel?.addEventListener('message', (event) => {
        const key = (event.data as { key?: unknown } | null)?.key;
        if (typeof key === 'string') notifyHere(key);
      });
    }
    return channel;
  }

  function notifyHere(key: string): void {
    for (const fn of watchers.get(key) ?? []) fn();
  }

  /** Tell the watchers here and in every other extension context. */
  function changed(key: string): void {
    notifyHere(key);
    changes()?.postMessage({ key });
  }

  const moves = new Map<string, Promise<void>>();
  /** Move the item from storage.local once ever (marked in the database), then delete the old key. */
  function moved(key: string, legacyKey: string | undefined): Promise<void> {
    if (!legacyKey) return Promise.resolve();
    let move = moves.get(key);
    if (!move) {
      move = (async () => {
        const d = await open();
        if (!(await d.get('items', MOVED(key)))) {
          const old = await deps.legacy.get(legacyKey);
          // One transaction: two contexts moving at once, or a value written since, cannot be overwritten.
          const tx = d.transaction('items', 'readwrite');
          if (!(await tx.store.get(MOVED(key)))) {
            if (old !== undefined && old !== null && !(await tx.store.get(key))) await tx.store.put({ key, value: old });
            await tx.store.put({ key: MOVED(key), value: Date.now() });
          }
          await tx.done;
        }
        await deps.legacy.remove(legacyKey);
      })();
      // A failed move is tried again on the next call.
      move.catch(() => moves.delete(key));
      moves.set(key, move);
    }
    return move;
  }

  return {
    defineItem<T>(key: string, options: PrivateItemOptions<T>): PrivateItem<T> {
      const item: PrivateItem<T> = {
        async getValue() {
          await moved(key, options.legacyKey);
          const row = await (await open()).get('items', key);
          return row ? (row.value as T) : structuredClone(options.fallback);
        },
        async setValue(value) {
          await moved(key, options.legacyKey);
          await (await open()).put('items', { key, value });
          changed(key);
        },
        async removeValue() {
          await moved(key, options.legacyKey);
          await (await open()).delete('items', key);
          changed(key);
        },
        watch(onChange) {
          changes();
          const fn = (): void => void item.getValue().then(onChange, () => undefined);
          const set = watchers.get(key) ?? watchers.set(key, new Set()).get(key)!;
          set.add(fn);
          return () => void set.delete(fn);
        },
      };
      return item;
    },
    /** Close the database (tests; a page that goes away closes it anyway). */
    async close(): Promise<void> {
      const d = db;
      db = null;
      if (d) (await d).close();
    },
  };
}

export type PrivateStore = ReturnType<typeof createPrivateStore>;

/** The extension's private store: storage.local is only where items come from, once. */
export const privateStore: PrivateStore = createPrivateStore({
  legacy: {
    get: async (key) => (await browser.storage.local.get(key))[key],
    remove: (key) => browser.storage.local.remove(key),
  },
  inExtension: () => typeof location !== 'undefined' && location.href.startsWith(browser.runtime.getURL('/')),
});
