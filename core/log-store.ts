// Anonymised assistance records in IndexedDB (see core/log-record.ts for what a record holds).
// One typed schema with explicit, versioned migrations. Every write is one transaction over the record and
// its day's rollup: stored whole or not at all, also when the service worker stops half-way or the disk
// is full (the volunteer is told; nothing already recorded is lost).

import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { AssistRecord } from './log-record';
import { addToRollup, dayOf, emptyRollup, mergeRollup, monthOf, recordMatches, rollupKey, summarizeRollups, type Rollup, type Summary, type SummaryFilter } from './log-summary';

export { DEFAULT_RETENTION_MONTHS, recordFromSession, retentionCutoff, type AssistRecord } from './log-record';

/** Up to CHUNK_SIZE records of one walkthrough on one day, together: exports read these, not single records. */
interface Chunk {
  /** `${day}|${packId}/${walkthroughId}|${n}`: the day rollup's key and the chunk's number in the day */
  key: string;
  day: number;
  records: AssistRecord[];
}

interface LogSchemaV2 extends DBSchema {
  /** Every record by id (duplicates are refused by id; retention purges by start hour). */
  sessions: { key: string; value: AssistRecord; indexes: { startHour: number } };
  rollups: { key: string; value: Rollup; indexes: { day: number } };
  /**
   * Past months sealed from their day rollups the first time a summary needs them, so a year's summary reads
   * a dozen documents per walkthrough; a write into a sealed month unseals it.
   */
  months: { key: string; value: Rollup; indexes: { day: number } };
  chunks: { key: string; value: Chunk; indexes: { day: number } };
}

export const LOG_DB_NAME = 'dan-buoc-logs';
export const LOG_DB_VERSION = 2;

/** Records per export chunk: small enough that appending to one stays cheap. */
const CHUNK_SIZE = 64;

const chunkKey = (dayKey: string, countBefore: number): string => `${dayKey}|${Math.floor(countBefore / CHUNK_SIZE)}`;


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
  // 1 → 2: daily rollups for the dashboard and daily chunks for exports, built from the records there.
  async (db, tx) => {
    db.createObjectStore('rollups', { keyPath: 'key' }).createIndex('day', 'day');
    db.createObjectStore('months', { keyPath: 'key' }).createIndex('day', 'day');
    db.createObjectStore('chunks', { keyPath: 'key' }).createIndex('day', 'day');
    const days = new Map<string, Rollup>();
    const chunks = new Map<string, Chunk>();
    for (let cursor = await tx.objectStore('sessions').index('startHour').openCursor(); cursor; cursor = await cursor.continue()) {
      const r = cursor.value;
      const key = rollupKey(r);
      const day = days.get(key) ?? days.set(key, emptyRollup(r)).get(key)!;
      const ck = chunkKey(key, day.count);
      (chunks.get(ck) ?? chunks.set(ck, { key: ck, day: day.day, records: [] }).get(ck)!).records.push(r);
      addToRollup(day, r);
    }
    for (const r of days.values()) await tx.objectStore('rollups').put(r);
    for (const c of chunks.values()) await tx.objectStore('chunks').put(c);
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
  /** Records in start order, optionally only those a summary filter keeps. */
  all(filter?: SummaryFilter): Promise<AssistRecord[]>;
  count(): Promise<number>;
  summary(filter?: SummaryFilter): Promise<Summary>;
  /** Delete records (and rollups) of days before `before`'s day. Returns how many records went. */
  purgeBefore(before: number): Promise<number>;
  clear(): Promise<void>;
  close(): void;
}

function nextMonth(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime();
}

/** The days a filter spans, as a key range over the `day` indexes. */
function dayRange(filter: SummaryFilter): IDBKeyRange | undefined {
  if (filter.from === undefined && filter.to === undefined) return undefined;
  return IDBKeyRange.bound(filter.from !== undefined ? dayOf(filter.from) : 0, filter.to ?? Number.MAX_SAFE_INTEGER, false, true);
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
    // Relaxed durability: the transaction is still whole or absent; it only does not wait for the disk flush.
    const tx = db.transaction(['sessions', 'rollups', 'months', 'chunks'], 'readwrite', { durability: 'relaxed' });
    try {
      const sessions = tx.objectStore('sessions');
      const rollups = tx.objectStore('rollups');
      const monthStore = tx.objectStore('months');
      const chunks = tx.objectStore('chunks');
      const changed = new Map<string, Rollup>();
      const unsealed = new Set<string>();
      const changedChunks = new Map<string, Chunk>();
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
        const ck = chunkKey(key, rollup.count);
        let chunk = changedChunks.get(ck);
        if (!chunk) {
          chunk = (await chunks.get(ck)) ?? { key: ck, day: rollup.day, records: [] };
          changedChunks.set(ck, chunk);
        }
        chunk.records.push(r);
        addToRollup(rollup, r);
        unsealed.add(rollupKey(r, 'month'));
        result.added++;
      }
      for (const rollup of changed.values()) rollups.put(rollup).catch(() => undefined);
      for (const key of unsealed) monthStore.delete(key).catch(() => undefined);
      for (const chunk of changedChunks.values()) chunks.put(chunk).catch(() => undefined);
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
    async all(filter = {}) {
      const chunks = await db.getAllFromIndex('chunks', 'day', dayRange(filter));
      const out: AssistRecord[] = [];
      for (const c of chunks) {
        const [, walkthrough] = c.key.split('|');
        if (filter.walkthrough && walkthrough !== filter.walkthrough) continue;
        for (const r of c.records) if (recordMatches(r, filter)) out.push(r);
      }
      return out.sort((a, b) => a.startHour - b.startHour || (a.id < b.id ? -1 : 1));
    },
    count: () => db.count('sessions'),
    async summary(filter = {}) {
      // Whole past months inside the period from sealed month rollups, everything else from day rollups.
      const from = filter.from !== undefined ? dayOf(filter.from) : undefined;
      const thisMonth = monthOf(Date.now());
      const firstWhole = from === undefined ? Number.NEGATIVE_INFINITY : monthOf(from) === from ? from : nextMonth(from);
      const endWhole = Math.min(filter.to === undefined ? Number.POSITIVE_INFINITY : monthOf(filter.to), thisMonth);
      if (firstWhole >= endWhole) return summarizeRollups(await db.getAllFromIndex('rollups', 'day', dayRange(filter)), filter);
      const read = async (store: 'months' | 'rollups', lo: number, hi: number): Promise<Rollup[]> =>
        lo < hi ? db.getAllFromIndex(store, 'day', IDBKeyRange.bound(Math.max(lo, -8.64e15), Math.min(hi, 8.64e15), false, true)) : [];
      const [sealedList, head, tail] = await Promise.all([
        read('months', firstWhole, endWhole),
        from !== undefined ? read('rollups', from, firstWhole) : [],
        read('rollups', endWhole, filter.to ?? Number.POSITIVE_INFINITY),
      ]);
      // Whole months not sealed yet (new, or unsealed by a write): built from their days, then sealed.
      const sealedMonths = new Set(sealedList.map((m) => m.day));
      const built = new Map<string, Rollup>();
      const oldest = firstWhole === Number.NEGATIVE_INFINITY ? await db.transaction('rollups').store.index('day').openKeyCursor() : null;
      const earliest = firstWhole === Number.NEGATIVE_INFINITY ? (oldest ? oldest.key : endWhole) : firstWhole;
      for (let month = monthOf(earliest); month < endWhole; month = nextMonth(month)) {
        if (sealedMonths.has(month) || month < firstWhole) continue;
        for (const d of await read('rollups', month, nextMonth(month))) {
          const key = `${month}|${d.walkthrough}`;
          mergeRollup(built.get(key) ?? built.set(key, { key, day: month, count: 0, walkthrough: d.walkthrough, total: 0, cells: {} }).get(key)!, d);
        }
      }
      if (built.size > 0) {
        // Best effort: a failure only means building them again next time.
        const tx = db.transaction('months', 'readwrite', { durability: 'relaxed' });
        for (const m of built.values()) tx.store.put(structuredClone(m)).catch(() => undefined);
        await tx.done.catch(() => undefined);
      }
      return summarizeRollups([...head, ...sealedList, ...built.values(), ...tail], { ...filter, from: undefined, to: undefined });
    },
    async purgeBefore(before) {
      const cutoff = dayOf(before);
      // Called after every write: most of the time nothing is old enough, and a read-only look at the
      // oldest start hour says so without a read-write transaction (or dropping a sealed month for nothing).
      const oldest = await db.transaction('sessions').store.index('startHour').openKeyCursor();
      if (!oldest || oldest.key >= cutoff) return 0;
      const tx = db.transaction(['sessions', 'rollups', 'months', 'chunks'], 'readwrite');
      let removed = 0;
      // The cut-off is a local midnight: a start hour before it is on an earlier day.
      for (let c = await tx.objectStore('sessions').index('startHour').openCursor(IDBKeyRange.upperBound(cutoff, true)); c; c = await c.continue()) {
        await c.delete();
        removed++;
      }
      for (let c = await tx.objectStore('rollups').index('day').openCursor(IDBKeyRange.upperBound(cutoff, true)); c; c = await c.continue()) await c.delete();
      // Sealed months at or before the cut-off go; they are sealed again from the days left when needed.
      const lastMonth = IDBKeyRange.upperBound(monthOf(cutoff), monthOf(cutoff) === cutoff);
      for (let c = await tx.objectStore('months').index('day').openCursor(lastMonth); c; c = await c.continue()) await c.delete();
      for (let c = await tx.objectStore('chunks').index('day').openCursor(IDBKeyRange.upperBound(cutoff, true)); c; c = await c.continue()) await c.delete();
      await tx.done;
      return removed;
    },
    async clear() {
      const tx = db.transaction(['sessions', 'rollups', 'months', 'chunks'], 'readwrite');
      await Promise.all([tx.objectStore('sessions').clear(), tx.objectStore('rollups').clear(), tx.objectStore('months').clear(), tx.objectStore('chunks').clear(), tx.done]);
    },
    close: () => db.close(),
  };
}
