// Anonymised assistance records in IndexedDB (see core/log-record.ts for what a record holds).
// One typed schema with explicit, versioned migrations. Every write is one transaction over the record and
// its day's rollup: stored whole or not at all, also when the service worker stops half-way or the disk
// is full (the volunteer is told; nothing already recorded is lost).

import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { AssistRecord } from './log-record';
import { addToRollup, dayOf, emptyRollup, rollupKey, summarizeRollups, type Rollup, type Summary, type SummaryFilter } from './log-summary';

export { DEFAULT_RETENTION_MONTHS, recordFromSession, retentionCutoff, type AssistRecord } from './log-record';

interface LogSchemaV2 extends DBSchema {
  sessions: { key: string; value: AssistRecord; indexes: { startHour: number } };
  rollups: { key: string; value: Rollup; indexes: { day: number } };
}

export const LOG_DB_NAME = 'dan-buoc-logs';
export const LOG_DB_VERSION = 2;


/** Why a write failed, for a clear message to the volunteer. */
export class LogStoreError extends Error {
  constructor(
    readonly code: 'quota' | 'failed',
    cause?: unknown,
  ) {
    super(code === 'quota' ? 'storage full' : `log write failed: ${String(cause)}`);
    this.name = 'LogStoreError';
  }
}

type UpgradeTx = IDBPTransaction<LogSchemaV2, StoreNames<LogSchemaV2>[], 'versionchange'>;

/**
 * The migrations, in order: `MIGRATIONS[n]` takes a database from version n to n + 1. Never edit a shipped
 * one; add the next.
 */
const MIGRATIONS: ((db: IDBPDatabase<LogSchemaV2>, tx: UpgradeTx) => Promise<void>)[] = [
  // 0 → 1: the records.
  async (db) => {
    const store = db.createObjectStore('sessions', { keyPath: 'id' });
    store.createIndex('startHour', 'startHour');
  },
  // 1 → 2: daily rollups for the dashboard, built from the records already there.
  async (db, tx) => {
    const rollups = db.createObjectStore('rollups', { keyPath: 'key' });
    rollups.createIndex('day', 'day');
    const built = new Map<string, Rollup>();
    for (let cursor = await tx.objectStore('sessions').openCursor(); cursor; cursor = await cursor.continue()) {
      const r = cursor.value;
      const key = rollupKey(r);
      addToRollup(built.get(key) ?? built.set(key, emptyRollup(r)).get(key)!, r);
    }
    for (const r of built.values()) await tx.objectStore('rollups').put(r);
  },
];

export interface ImportResult {
  added: number;
  duplicates: number;
}

export interface LogStore {
  /** Write one record with its rollup in a single transaction; a record already there is left as is. */
  add(record: AssistRecord): Promise<boolean>;
  /** Add many (an import): each record whole or not at all; duplicates by id are skipped. */
  addMany(records: AssistRecord[]): Promise<ImportResult>;
  all(): Promise<AssistRecord[]>;
  count(): Promise<number>;
  summary(filter?: SummaryFilter): Promise<Summary>;
  /** Delete records (and rollups) of days before `before`'s day. Returns how many records went. */
  purgeBefore(before: number): Promise<number>;
  clear(): Promise<void>;
  close(): void;
}

function isQuota(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || (name === 'AbortError' && /quota/i.test(String((err as Error).message)));
}

/** Open (creating or upgrading) the log database. `version` is for migration tests only. */
export async function createLogStore(options: { name?: string; version?: number } = {}): Promise<LogStore> {
  const version = options.version ?? LOG_DB_VERSION;
  const db = await openDB<LogSchemaV2>(options.name ?? LOG_DB_NAME, version, {
    async upgrade(database, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) await MIGRATIONS[v]!(database, tx);
    },
  });

  async function write(records: AssistRecord[]): Promise<ImportResult> {
    const result: ImportResult = { added: 0, duplicates: 0 };
    const tx = db.transaction(['sessions', 'rollups'], 'readwrite');
    try {
      const sessions = tx.objectStore('sessions');
      const rollups = tx.objectStore('rollups');
      const changed = new Map<string, Rollup>();
      for (const r of records) {
        if ((await sessions.getKey(r.id)) !== undefined) {
          result.duplicates++;
          continue;
        }
        // A failed write aborts the transaction: tx.done reports it.
        sessions.add(r).catch(() => undefined);
        const key = rollupKey(r);
        let rollup = changed.get(key);
        if (!rollup) {
          rollup = (await rollups.get(key)) ?? emptyRollup(r);
          changed.set(key, rollup);
        }
        addToRollup(rollup, r);
        result.added++;
      }
      for (const rollup of changed.values()) rollups.put(rollup).catch(() => undefined);
      await tx.done;
      return result;
    } catch (err) {
      // A request that throws before reaching the database (a value it cannot store) does not abort the
      // transaction by itself: abort it, so that nothing of this write is kept.
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      await tx.done.catch(() => undefined);
      throw new LogStoreError(isQuota(err) ? 'quota' : 'failed', err);
    }
  }

  return {
    async add(record) {
      return (await write([record])).added === 1;
    },
    async addMany(records) {
      const total: ImportResult = { added: 0, duplicates: 0 };
      // Batches keep each transaction small; each batch is whole or absent.
      for (let i = 0; i < records.length; i += 500) {
        const r = await write(records.slice(i, i + 500));
        total.added += r.added;
        total.duplicates += r.duplicates;
      }
      return total;
    },
    all: () => db.getAllFromIndex('sessions', 'startHour'),
    count: () => db.count('sessions'),
    async summary(filter = {}) {
      const range =
        filter.from !== undefined || filter.to !== undefined
          ? IDBKeyRange.bound(filter.from !== undefined ? dayOf(filter.from) : 0, filter.to ?? Number.MAX_SAFE_INTEGER, false, true)
          : undefined;
      return summarizeRollups(await db.getAllFromIndex('rollups', 'day', range), filter);
    },
    async purgeBefore(before) {
      const cutoff = dayOf(before);
      const tx = db.transaction(['sessions', 'rollups'], 'readwrite');
      let removed = 0;
      const byHour = tx.objectStore('sessions').index('startHour');
      for (let c = await byHour.openCursor(IDBKeyRange.upperBound(cutoff, true)); c; c = await c.continue()) {
        // Rollups are per local day: a record belongs to the day of its start hour.
        if (dayOf(c.value.startHour) >= cutoff) continue;
        await c.delete();
        removed++;
      }
      const byDay = tx.objectStore('rollups').index('day');
      for (let c = await byDay.openCursor(IDBKeyRange.upperBound(cutoff, true)); c; c = await c.continue()) await c.delete();
      await tx.done;
      return removed;
    },
    async clear() {
      const tx = db.transaction(['sessions', 'rollups'], 'readwrite');
      await Promise.all([tx.objectStore('sessions').clear(), tx.objectStore('rollups').clear(), tx.done]);
    },
    close: () => db.close(),
  };
}
