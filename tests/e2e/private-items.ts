// The extension's private store (extension/private-store.ts) seen from a test: read an item from the store
// dump, or write one from an extension page the way the store does (a put, then the change announced on the
// origin's BroadcastChannel so every open page and the background follow).
import type { Page } from 'puppeteer-core';
import { dumpStores } from './fixture';

const DB = 'dan-buoc-private';

/** The item's value in the private store, or undefined. */
export async function privateItem<T>(page: Page, key: string): Promise<T | undefined> {
  const rows = ((await dumpStores(page))[`idb:${DB}/items`] ?? []) as { key: string; value: unknown }[];
  return rows.find((r) => r.key === key)?.value as T | undefined;
}

/** Write an item from an extension page `page`, announcing the change. */
export async function setPrivateItem(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    async (db: string, k: string, v: unknown) => {
      const d = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(db);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = d.transaction('items', 'readwrite');
        tx.objectStore('items').put({ key: k, value: v });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      d.close();
      const channel = new BroadcastChannel(db);
      channel.postMessage({ key: k });
      channel.close();
    },
    DB,
    key,
    value,
  );
}
