// Anonymised assistance records in IndexedDB (see core/log-record.ts for what a record holds).
// One typed schema with explicit, versioned migrations. Every write is one transaction: stored whole or not
// at all, also when the service worker stops half-way or the disk is full (the volunteer is told; nothing
// already recorded is lost).
//
// Layout (version 3). `sessions` holds every record. Days before the *sealed-until* mark (kept in `meta`;
// normally today's midnight) are also folded into per-day rollups, per-month rollups and per-month export
// packs; days from the mark on live in `sessions` only and are summed when asked. So appending a record of
// today is one put, like a bare IndexedDB write; the first summary, export, import or upkeep of a new day
// seals the days before it (a day's records, once); a year's summary reads a dozen month documents per
// walkthrough; a year's CSV export reads twelve documents of lines rendered when their day was sealed
// (IndexedDB in Chromium reads a few large values far faster than many small ones).

import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Lang } from './i18n';
import { cleanImported, csvHeader, csvTemplate, fillLabels, IMPORT_CLOCK_SKEW_MS, isFromFuture, type CsvLabel } from './log-export';
import type { AssistRecord } from './log-record';
import { addToRollup, dayOf, emptyRollup, mergeRollup, monthOf, recordMatches, rollupKey, summarizeRollups, walkthroughKey, type Rollup, type Summary, type SummaryFilter } from './log-summary';

export { DEFAULT_RETENTION_MONTHS, recordFromSession, retentionCutoff, type AssistRecord } from './log-record';

/**
 * One month's sealed records as CSV lines (`csvTemplate`: no words, so any language) in UTF-8, in start
 * order: bytes, because IndexedDB stores a string with any Vietnamese letter as UTF-16 (twice the reading)
 * and a download needs UTF-8 anyway.
 */
interface Pack {
  month: number;
  count: number;
  bytes: Uint8Array;
}

/**
 * Where each line of a month's pack is, kept apart so that a whole-period export reads only the bytes:
 * `index` has an entry per line, '\n'-separated: `${key}|${byte length}`, the key being
 * `${startHour, 15 digits}${id}|${walkthrough}|${outcome}|${reason}|${age or -}` (sort order and filter fields).
 */
interface PackIndex {
  month: number;
  index: string;
}

interface LogSchema extends DBSchema {
  /** Every record by id (duplicates are refused by id; retention purges by start hour). */
  sessions: { key: string; value: AssistRecord; indexes: { startHour: number } };
  /** Day × walkthrough rollups of the sealed days. */
  rollups: { key: string; value: Rollup; indexes: { day: number } };
  /** Month × walkthrough rollups of the sealed days (the current month's holds its sealed days only). */
  months: { key: string; value: Rollup; indexes: { day: number } };
  /** Export lines of the sealed days, one document a month, and where each line is in it. */
  packs: { key: number; value: Pack };
  packIndex: { key: number; value: PackIndex };
  /** `sealedUntil`: local midnight before which every day is folded into rollups, months and packs. */
  meta: { key: string; value: number };
  /** Issue 19: scam warnings shown ("cảnh báo trang giả"), one anonymous count per local day: no host, URL or tab. */
  warnings: { key: number; value: DayCount };
}

/** Warnings shown on one day (`day`: its local midnight). */
export interface DayCount {
  day: number;
  count: number;
}

/** The records' stores (written together); the warnings' counts are written apart. */
type Store = 'sessions' | 'rollups' | 'months' | 'packs' | 'packIndex' | 'meta';
const STORES: Store[] = ['sessions', 'rollups', 'months', 'packs', 'packIndex', 'meta'];
const SEALED = 'sealedUntil';

export const LOG_DB_NAME = 'dan-buoc-logs';
export const LOG_DB_VERSION = 4;

/**
 * Why a write (or opening the database) failed, for a clear message to the volunteer: `quota` the disk is
 * full, `blocked` another page holds an older version of the database open so it cannot be upgraded now.
 */
export class LogStoreError extends Error {
  constructor(
    readonly code: 'quota' | 'blocked' | 'failed',
    cause?: unknown,
  ) {
    super(code === 'quota' ? 'storage full' : code === 'blocked' ? 'log database blocked by another page' : `log write failed: ${String(cause)}`);
    this.name = 'LogStoreError';
  }
}

// ---------------------------------------------------------------- migrations

// Migrations run against the schema of their own time, not today's: untyped on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = IDBPDatabase<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyUpgradeTx = IDBPTransaction<any, string[], 'versionchange'>;

/** Version 2's export chunks (dropped by version 3). */
const V2_CHUNK_SIZE = 64;
const v2ChunkKey = (dayKey: string, countBefore: number): string => `${dayKey}|${Math.floor(countBefore / V2_CHUNK_SIZE)}`;

/**
 * The migrations, in order: `MIGRATIONS[n]` takes a database from version n to n + 1. Never edit a shipped
 * one; add the next.
 */
const MIGRATIONS: ((db: AnyDb, tx: AnyUpgradeTx, now: number) => Promise<void>)[] = [
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
    const chunks = new Map<string, { key: string; day: number; records: AssistRecord[] }>();
    for (let cursor = await tx.objectStore('sessions').index('startHour').openCursor(); cursor; cursor = await cursor.continue()) {
      const r = cursor.value as AssistRecord;
      const key = rollupKey(r);
      const day = days.get(key) ?? days.set(key, emptyRollup(r)).get(key)!;
      const ck = v2ChunkKey(key, day.count);
      (chunks.get(ck) ?? chunks.set(ck, { key: ck, day: day.day, records: [] }).get(ck)!).records.push(r);
      addToRollup(day, r);
    }
    for (const r of days.values()) await tx.objectStore('rollups').put(r);
    for (const c of chunks.values()) await tx.objectStore('chunks').put(c);
  },
  // 2 → 3: seal the days before today: export packs instead of chunks, month rollups kept up to date, and
  // today's records summed from the records until the day is over.
  async (db, tx, now) => {
    db.deleteObjectStore('chunks');
    db.createObjectStore('packs', { keyPath: 'month' });
    db.createObjectStore('packIndex', { keyPath: 'month' });
    db.createObjectStore('meta');
    const today = dayOf(now);
    const rollups = tx.objectStore('rollups');
    for (let c = await rollups.index('day').openCursor(IDBKeyRange.lowerBound(today)); c; c = await c.continue()) await c.delete();
    await tx.objectStore('months').clear();
    const months = new Map<string, Rollup>();
    for (let c = await rollups.openCursor(); c; c = await c.continue()) {
      const d = c.value as Rollup;
      const key = `${monthOf(d.day)}|${d.walkthrough}`;
      mergeRollup(months.get(key) ?? months.set(key, { key, day: monthOf(d.day), count: 0, walkthrough: d.walkthrough, total: 0, cells: {} }).get(key)!, d);
    }
    for (const m of months.values()) await tx.objectStore('months').put(m);
    let pack: { month: number; lines: Line[] } | null = null;
    const flush = async (): Promise<void> => {
      if (!pack) return;
      const [bytes, index] = packOf(pack.month, pack.lines);
      await tx.objectStore('packs').put(bytes);
      await tx.objectStore('packIndex').put(index);
    };
    for (let c = await tx.objectStore('sessions').index('startHour').openCursor(IDBKeyRange.upperBound(today, true)); c; c = await c.continue()) {
      const r = c.value as AssistRecord;
      const month = monthOf(r.startHour);
      if (!pack || pack.month !== month) {
        await flush();
        pack = { month, lines: [] };
      }
      pack.lines.push(lineOf(r));
    }
    await flush();
    await tx.objectStore('meta').put(today, SEALED);
  },
  // 3 → 4: the scam warnings' daily counts (none before).
  async (db) => {
    db.createObjectStore('warnings', { keyPath: 'day' });
  },
];

// ---------------------------------------------------------------- packs

const utf8 = new TextEncoder();

interface Line {
  key: string;
  bytes: Uint8Array;
}

function lineOf(r: AssistRecord): Line {
  return { key: `${String(r.startHour).padStart(15, '0')}${r.id}|${walkthroughKey(r)}|${r.outcome}|${r.reason ?? ''}|${r.ageBand ?? '-'}`, bytes: utf8.encode(csvTemplate(r)) };
}

const byKey = (a: Line, b: Line): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A month's pack and index from lines already in order. */
function packOf(month: number, lines: Line[]): [Pack, PackIndex] {
  return [
    { month, count: lines.length, bytes: concat(lines.map((l) => l.bytes)) },
    { month, index: lines.map((l) => `${l.key}|${l.bytes.length}`).join('\n') },
  ];
}

/** The lines of a pack (views into its bytes). */
function linesOf(p: Pack, ix: PackIndex | undefined): Line[] {
  if (p.count === 0 || !ix) return [];
  let at = 0;
  return ix.index.split('\n').map((entry) => {
    const bar = entry.lastIndexOf('|');
    const end = at + Number(entry.slice(bar + 1));
    const line = { key: entry.slice(0, bar), bytes: p.bytes.subarray(at, end) };
    at = end;
    return line;
  });
}

/** Add records to a month's pack, keeping its lines in start order (appending when they come last). */
function addToPack(p: Pack | undefined, ix: PackIndex | undefined, month: number, records: AssistRecord[]): [Pack, PackIndex] {
  const added = records.map(lineOf).sort(byKey);
  if (!p || !ix || p.count === 0) return packOf(month, added);
  const last = ix.index.slice(ix.index.lastIndexOf('\n') + 1);
  if (added[0]!.key > last.slice(0, last.lastIndexOf('|'))) {
    const [more, moreIndex] = packOf(month, added);
    return [
      { month, count: p.count + more.count, bytes: concat([p.bytes, more.bytes]) },
      { month, index: `${ix.index}\n${moreIndex.index}` },
    ];
  }
  return packOf(month, [...linesOf(p, ix), ...added].sort(byKey));
}

/** The start hour in a line's key. */
const startOfKey = (key: string): number => Number(key.slice(0, 15));

/**
 * CSV bytes from pack bytes: each `\u0001codes\u0001` marker becomes the labelled cells (encoded once per
 * code triple). Collects parts; `concat` makes the file.
 */
function labelled(label: CsvLabel): (bytes: Uint8Array, out: Uint8Array[]) => void {
  const memo = new Map<string, Uint8Array>();
  return (bytes, out) => {
    let at = 0;
    for (let open = bytes.indexOf(1); open !== -1; open = bytes.indexOf(1, at)) {
      const close = bytes.indexOf(1, open + 1);
      // Codes are ASCII: one byte a character.
      const codes = String.fromCharCode(...bytes.subarray(open + 1, close));
      let cells = memo.get(codes);
      if (!cells) memo.set(codes, (cells = utf8.encode(fillLabels(`\u0001${codes}\u0001`, label))));
      out.push(bytes.subarray(at, open), cells);
      at = close + 1;
    }
    out.push(bytes.subarray(at));
  };
}

// ---------------------------------------------------------------- the store

export interface CsvExport {
  /** The file: UTF-8 with a byte-order mark. */
  bytes: Uint8Array<ArrayBuffer>;
  /** Records in it (a line can hold a line break inside a quoted note, so lines are not records). */
  rows: number;
}

export interface ImportResult {
  added: number;
  duplicates: number;
  /** Refused: dated later than this desk's clock allows (`isFromFuture`). */
  future: number;
  /** Not added: older than the retention period (they would be purged at once). */
  expired: number;
}

export interface ImportOptions {
  /** Records that start on a day before this one's are not added (counted as `expired`). */
  retentionCutoff?: number;
}

export interface LogStore {
  /** Write one record in a single transaction; a record already there is left as is (false). */
  add(record: AssistRecord): Promise<boolean>;
  /**
   * Add many (an import from another desk): each record cleaned first (`cleanImported`: note redacted,
   * volunteer dropped); records from the future refused and, with a cut-off, records past retention left
   * out, both counted; each batch whole or not at all; duplicates by id are skipped.
   */
  addMany(records: AssistRecord[], options?: ImportOptions): Promise<ImportResult>;
  /** Records in start order, optionally only those a summary filter keeps. */
  all(filter?: SummaryFilter): Promise<AssistRecord[]>;
  /** The CSV export (see `toCsv`) of the records a filter keeps, in start order. */
  csv(filter: SummaryFilter, lang: Lang, label: CsvLabel): Promise<CsvExport>;
  count(): Promise<number>;
  /**
   * Take one record back out ("Hoàn tác" just after the volunteer saved it): from the records and, when its
   * day is sealed already, from that day's and month's rollups and the month's export pack, in one
   * transaction. False when no record has that id.
   */
  remove(id: string): Promise<boolean>;
  summary(filter?: SummaryFilter): Promise<Summary>;
  /** Delete records of days before `before`'s day. Returns how many records went. */
  purgeBefore(before: number): Promise<number>;
  /**
   * The upkeep after a write: seal the days before today if a new day began, purge records older than
   * `retentionCutoff` and records dated in the future (`isFromFuture`; they would never be purged).
   * Cheap when there is nothing to do (one read-only look). Returns records purged.
   */
  maintain(retentionCutoff: number): Promise<number>;
  clear(): Promise<void>;
  close(): void;
  /** Issue 19: one scam warning shown at `at` (its day's count goes up by one). */
  countWarning(at: number): Promise<void>;
  /** Scam warnings shown on the days a period covers (`from`/`to` as in a summary filter). */
  warnings(filter?: Pick<SummaryFilter, 'from' | 'to'>): Promise<number>;
  /** Each day's count in a period, in day order (for an export). */
  warningDays(filter?: Pick<SummaryFilter, 'from' | 'to'>): Promise<DayCount[]>;
  /**
   * Counts from another desk's export: a day already counted keeps the larger of the two, so importing the
   * same file twice changes nothing (and two desks' counts of one day are not added up: the larger stands).
   */
  addWarningDays(days: DayCount[]): Promise<void>;
}

function nextDay(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

function nextMonth(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime();
}

const LIMIT = 8.64e15;

/** A key range [lo, hi) over numbers (either side may be infinite); null when empty. */
function span(lo: number, hi: number): IDBKeyRange | null | undefined {
  if (!(lo < hi)) return null;
  const l = Math.max(lo, -LIMIT);
  const h = Math.min(hi, LIMIT);
  if (l === -LIMIT && h === LIMIT) return undefined;
  return IDBKeyRange.bound(l, h, false, true);
}

function isQuota(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || (name === 'AbortError' && /quota/i.test(String((err as Error).message)));
}

const isConstraint = (err: unknown): boolean => (err as { name?: string } | null)?.name === 'ConstraintError';

type WriteTx = IDBPTransaction<LogSchema, Store[], 'readwrite'>;

/**
 * Fold records of sealed days (not stored in them yet) into their day and month rollups and month packs,
 * inside `tx`. Reads every document it changes in one round trip.
 */
async function fold(tx: WriteTx, records: AssistRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rollups = tx.objectStore('rollups');
  const months = tx.objectStore('months');
  const packs = tx.objectStore('packs');
  const packIndex = tx.objectStore('packIndex');
  const dayKeys = [...new Set(records.map((r) => rollupKey(r)))];
  const monthKeys = [...new Set(records.map((r) => rollupKey(r, 'month')))];
  const byMonth = new Map<number, AssistRecord[]>();
  for (const r of records) {
    const m = monthOf(r.startHour);
    (byMonth.get(m) ?? byMonth.set(m, []).get(m)!).push(r);
  }
  const [dayList, monthList, packList, indexList] = await Promise.all([
    Promise.all(dayKeys.map((k) => rollups.get(k))),
    Promise.all(monthKeys.map((k) => months.get(k))),
    Promise.all([...byMonth.keys()].map((m) => packs.get(m))),
    Promise.all([...byMonth.keys()].map((m) => packIndex.get(m))),
  ]);
  const dayMap = new Map(dayKeys.map((k, i) => [k, dayList[i]]));
  const monthMap = new Map(monthKeys.map((k, i) => [k, monthList[i]]));
  for (const r of records) {
    const dk = rollupKey(r);
    const mk = rollupKey(r, 'month');
    addToRollup(dayMap.get(dk) ?? dayMap.set(dk, emptyRollup(r)).get(dk)!, r);
    addToRollup(monthMap.get(mk) ?? monthMap.set(mk, emptyRollup(r, 'month')).get(mk)!, r);
  }
  // A request that fails aborts the transaction: the caller's `tx.done` reports it.
  for (const d of dayMap.values()) if (d) rollups.put(d).catch(() => undefined);
  for (const m of monthMap.values()) if (m) months.put(m).catch(() => undefined);
  [...byMonth.entries()].forEach(([month, list], i) => {
    const [pack, index] = addToPack(packList[i], indexList[i], month, list);
    packs.put(pack).catch(() => undefined);
    packIndex.put(index).catch(() => undefined);
  });
}

/**
 * Open (creating or upgrading) the database. Never waits on another page: when one holds an older version
 * open (`blocked`), the open fails at once with LogStoreError('blocked') and the caller keeps its record for
 * later; the upgrade itself still runs once that page lets go, and the connection it opens then is closed.
 * A connection opened here closes itself as soon as another page needs a newer version (`blocking`), so no
 * page of ours keeps an upgrade waiting.
 */
function openLogDb(name: string, version: number, now: () => number): Promise<IDBPDatabase<LogSchema>> {
  return new Promise((resolve, reject) => {
    let refused = false;
    openDB<LogSchema>(name, version, {
      async upgrade(database, oldVersion, newVersion, tx) {
        for (let v = oldVersion; v < (newVersion ?? version); v++) {
          await MIGRATIONS[v]!(database as unknown as AnyDb, tx as unknown as AnyUpgradeTx, now());
        }
      },
      blocked() {
        refused = true;
        reject(new LogStoreError('blocked'));
      },
      blocking(_current, _wanted, event) {
        (event.target as IDBDatabase).close();
      },
    }).then(
      (db) => (refused ? db.close() : resolve(db)),
      (err: unknown) => reject(isQuota(err) ? new LogStoreError('quota', err) : err),
    );
  });
}

/** Open (creating or upgrading) the log database. `version` is for migration tests; `now` for clock tests. */
export async function createLogStore(options: { name?: string; version?: number; now?: () => number } = {}): Promise<LogStore> {
  const version = options.version ?? LOG_DB_VERSION;
  const now = options.now ?? Date.now;
  const db = await openLogDb(options.name ?? LOG_DB_NAME, version, now);

  /** The sealed-until mark as last seen in a transaction of this connection (other pages may move it). */
  let knownSealed: number | undefined;
  /** The retention cut-off (a day) last purged to by this connection, while nothing was added. */
  let purgedTo: number | undefined;
  /** No record dated in the future was there at the last look (and none was added since). */
  let noFuture = false;

  function abortQuietly(tx: WriteTx): Promise<void> {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    return tx.done.catch(() => undefined);
  }

  /**
   * Write records in one transaction, skipping those already stored (or, with `knownNew`, one record that is
   * new unless the database says otherwise: `Duplicate`).
   */
  async function write(records: AssistRecord[], knownNew: boolean): Promise<ImportResult> {
    // Relaxed durability: the transaction is still whole or absent; it only does not wait for the disk flush.
    const tx = db.transaction(STORES, 'readwrite', { durability: 'relaxed' });
    const sessions = tx.objectStore('sessions');
    let fresh = records;
    let duplicates = 0;
    const adds: Promise<unknown>[] = [];
    // A failed request aborts the transaction, and every pending request with it: the awaits below and
    // `tx.done` report that; the handlers only keep the other rejections from going unhandled.
    const quiet = <T,>(p: Promise<T>): Promise<T> => {
      p.catch(() => undefined);
      return p;
    };
    quiet(tx.done);
    try {
      const sealedP = quiet(tx.objectStore('meta').get(SEALED));
      if (!knownNew) {
        const seen = new Set<string>();
        const there = await Promise.all(records.map((r) => sessions.getKey(r.id)));
        fresh = records.filter((r, i) => there[i] === undefined && !seen.has(r.id) && !!seen.add(r.id));
        duplicates = records.length - fresh.length;
      }
      // With `knownNew` (one record from this desk) the add itself finds an id already there: ConstraintError.
      for (const r of fresh) adds.push(quiet(sessions.add(r)));
      const sealed = (await sealedP) ?? 0;
      knownSealed = sealed;
      await fold(
        tx,
        fresh.filter((r) => dayOf(r.startHour) < sealed),
      );
      await tx.done;
      // Something older than the last purge (an import) has to be looked at again; so has a record dated
      // later than the clock allows.
      if (purgedTo !== undefined && fresh.some((r) => r.startHour < purgedTo!)) purgedTo = undefined;
      if (fresh.some((r) => isFromFuture(r, now()))) noFuture = false;
      return { added: fresh.length, duplicates, future: 0, expired: 0 };
    } catch (err) {
      // A request that throws before reaching the database (a value it cannot store) does not abort the
      // transaction by itself: abort it, so that nothing of this write is kept.
      await abortQuietly(tx);
      const settled = await Promise.allSettled(adds);
      if (settled.some((s) => s.status === 'rejected' && isConstraint(s.reason)) || isConstraint(err)) throw new Duplicate();
      throw new LogStoreError(isQuota(err) ? 'quota' : 'failed', err);
    }
  }

  /** Fold every day before today that is not sealed yet, then move the mark to today. */
  async function seal(): Promise<void> {
    const today = dayOf(now());
    // A read-only look first (a new connection, as the dashboard opens for each operation): no write lock
    // when there is nothing to seal.
    knownSealed ??= await db.get('meta', SEALED).catch(() => undefined);
    if (knownSealed !== undefined && knownSealed >= today) return;
    const tx = db.transaction(STORES, 'readwrite', { durability: 'relaxed' });
    try {
      const sealed = (await tx.objectStore('meta').get(SEALED)) ?? Number.NEGATIVE_INFINITY;
      if (sealed < today) {
        const range = span(sealed, today);
        await fold(tx, range === null ? [] : await tx.objectStore('sessions').index('startHour').getAll(range));
        tx.objectStore('meta').put(today, SEALED).catch(() => undefined);
      }
      await tx.done;
      knownSealed = Math.max(sealed, today);
    } catch {
      // Best effort: unsealed days are summed from the records until the next try.
      await abortQuietly(tx);
    }
  }

  async function addBatch(batch: AssistRecord[]): Promise<ImportResult> {
    // A record added by another page between the look for duplicates and the write: look again.
    for (let attempt = 0; ; attempt++) {
      try {
        return await write(batch, false);
      } catch (err) {
        if (!(err instanceof Duplicate) || attempt >= 2) throw err instanceof Duplicate ? new LogStoreError('failed', err) : err;
      }
    }
  }

  async function purgeBefore(before: number): Promise<number> {
    const cutoff = dayOf(before);
    // Called after every write: most of the time nothing is old enough, and a read-only look at the
    // oldest start hour says so without a read-write transaction.
    const oldest = await db.transaction('sessions').store.index('startHour').openKeyCursor();
    // The warnings' daily counts of those days go too (there may be counts and no records).
    if (db.objectStoreNames.contains('warnings')) await db.delete('warnings', IDBKeyRange.upperBound(cutoff, true));
    if (!oldest || oldest.key >= cutoff) {
      purgedTo = cutoff;
      return 0;
    }
    const tx = db.transaction(STORES, 'readwrite');
    let removed = 0;
    // The cut-off is a local midnight: a start hour before it is on an earlier day.
    const before_ = IDBKeyRange.upperBound(cutoff, true);
    for (let c = await tx.objectStore('sessions').index('startHour').openCursor(before_); c; c = await c.continue()) {
      await c.delete();
      removed++;
    }
    for (let c = await tx.objectStore('rollups').index('day').openCursor(before_); c; c = await c.continue()) await c.delete();
    // Packs of months before the cut-off's go; the cut-off's month keeps its lines from the cut-off on.
    const packs = tx.objectStore('packs');
    const packIndex = tx.objectStore('packIndex');
    const month_ = monthOf(cutoff);
    await Promise.all([packs.delete(IDBKeyRange.upperBound(month_, true)), packIndex.delete(IDBKeyRange.upperBound(month_, true))]);
    const [partial, partialIndex] = await Promise.all([packs.get(month_), packIndex.get(month_)]);
    if (partial) {
      const kept = linesOf(partial, partialIndex).filter((l) => startOfKey(l.key) >= cutoff);
      if (kept.length) {
        const [pack, index] = packOf(month_, kept);
        await Promise.all([packs.put(pack), packIndex.put(index)]);
      } else {
        await Promise.all([packs.delete(month_), packIndex.delete(month_)]);
      }
    }
    // Month rollups before the cut-off's month go; the cut-off's own month is summed again from its days left.
    const month = monthOf(cutoff);
    const months = tx.objectStore('months');
    const through = IDBKeyRange.upperBound(month, month === cutoff);
    for (let c = await months.index('day').openCursor(through); c; c = await c.continue()) await c.delete();
    if (month !== cutoff) {
      const rebuilt = new Map<string, Rollup>();
      for (const d of await tx.objectStore('rollups').index('day').getAll(IDBKeyRange.bound(cutoff, nextMonth(cutoff), false, true))) {
        const key = `${month}|${d.walkthrough}`;
        mergeRollup(rebuilt.get(key) ?? rebuilt.set(key, { key, day: month, count: 0, walkthrough: d.walkthrough, total: 0, cells: {} }).get(key)!, d);
      }
      for (const m of rebuilt.values()) await months.put(m);
    }
    await tx.done;
    purgedTo = cutoff;
    return removed;
  }

  /**
   * Delete records dated later than the clock allows (imported before imports refused them, or written by a
   * desk whose clock was wrong): retention, which purges by age, would keep them for ever. They are never
   * sealed (sealing folds only days before today), so they live in `sessions` alone.
   */
  async function purgeFuture(): Promise<number> {
    if (noFuture) return 0;
    const later = IDBKeyRange.lowerBound(now() + IMPORT_CLOCK_SKEW_MS, true);
    if (!(await db.transaction('sessions').store.index('startHour').openKeyCursor(later))) {
      noFuture = true;
      return 0;
    }
    const tx = db.transaction('sessions', 'readwrite');
    let removed = 0;
    for (let c = await tx.store.index('startHour').openCursor(later); c; c = await c.continue()) {
      await c.delete();
      removed++;
    }
    await tx.done;
    noFuture = true;
    return removed;
  }

  /** The days of scam warnings a period covers (a day counts when its midnight is inside it). */
  async function warningDays(filter: Pick<SummaryFilter, 'from' | 'to'> = {}): Promise<DayCount[]> {
    const lo = filter.from !== undefined ? dayOf(filter.from) : Number.NEGATIVE_INFINITY;
    const range = span(lo, filter.to ?? Number.POSITIVE_INFINITY);
    return range === null ? [] : db.getAll('warnings', range);
  }

  /** Unsealed records (from the mark on) a filter keeps, as rollups. */
  function rollupsOf(records: AssistRecord[], filter: SummaryFilter): Rollup[] {
    const out = new Map<string, Rollup>();
    for (const r of records) {
      if (!recordMatches(r, filter)) continue;
      const key = rollupKey(r);
      addToRollup(out.get(key) ?? out.set(key, emptyRollup(r)).get(key)!, r);
    }
    return [...out.values()];
  }

  return {
    async add(record) {
      try {
        return (await write([record], true)).added === 1;
      } catch (err) {
        if (err instanceof Duplicate) return false;
        throw err;
      }
    },
    async addMany(incoming, options = {}) {
      const total: ImportResult = { added: 0, duplicates: 0, future: 0, expired: 0 };
      const at = now();
      const oldest = options.retentionCutoff !== undefined ? dayOf(options.retentionCutoff) : Number.NEGATIVE_INFINITY;
      const records: AssistRecord[] = [];
      for (const r of incoming) {
        if (isFromFuture(r, at)) total.future++;
        else if (r.startHour < oldest) total.expired++;
        else records.push(cleanImported(r));
      }
      // Seal first: records of past days then go straight into their rollups.
      await seal();
      // Batches keep each transaction small; each batch is whole or absent.
      for (let i = 0; i < records.length; i += 500) {
        const r = await addBatch(records.slice(i, i + 500));
        total.added += r.added;
        total.duplicates += r.duplicates;
      }
      return total;
    },
    async all(filter = {}) {
      const lo = filter.from !== undefined ? dayOf(filter.from) : Number.NEGATIVE_INFINITY;
      const range = span(lo, Number.POSITIVE_INFINITY);
      const records = range === null ? [] : await db.getAllFromIndex('sessions', 'startHour', range);
      // The index gives start order, and the same start hour in id order.
      return records.filter((r) => recordMatches(r, filter));
    },
    async csv(filter, lang, label) {
      await seal();
      const tx = db.transaction(['meta', 'packs', 'packIndex', 'sessions'], 'readonly');
      const sealed = (await tx.objectStore('meta').get(SEALED)) ?? Number.NEGATIVE_INFINITY;
      const to = filter.to !== undefined && filter.to < LIMIT ? filter.to : Number.POSITIVE_INFINITY;
      const lo = filter.from !== undefined ? dayOf(filter.from) : Number.NEGATIVE_INFINITY;
      const hi = Math.min(to, sealed);
      const { walkthrough, outcome, ageBand } = filter;
      const picky = !!(walkthrough || outcome || ageBand);
      const whole = (month: number): boolean => !picky && month >= lo && nextMonth(month) <= hi;
      const packRange = lo < hi ? span(lo === Number.NEGATIVE_INFINITY ? lo : monthOf(lo), hi) : null;
      const recentRange = span(Math.max(lo, sealed), Number.POSITIVE_INFINITY);
      const [packs, recent] = await Promise.all([
        packRange === null ? [] : tx.objectStore('packs').getAll(packRange),
        recentRange === null ? [] : tx.objectStore('sessions').index('startHour').getAll(recentRange),
      ]);
      // Line positions only for the months not taken whole.
      const indexes = await Promise.all(packs.map((p) => (whole(p.month) ? undefined : tx.objectStore('packIndex').get(p.month))));
      const emit = labelled(label);
      const out: Uint8Array[] = [utf8.encode(csvHeader(lang))];
      let rows = 0;
      packs.forEach((p, i) => {
        if (whole(p.month)) {
          emit(p.bytes, out);
          rows += p.count;
          return;
        }
        for (const line of linesOf(p, indexes[i])) {
          const [, wt, o, , age] = line.key.split('|');
          const day = dayOf(startOfKey(line.key));
          if (day < lo || day >= hi || (walkthrough && wt !== walkthrough) || (outcome && o !== outcome) || (ageBand && age !== ageBand)) continue;
          emit(line.bytes, out);
          rows++;
        }
      });
      for (const r of recent) {
        if (!recordMatches(r, filter)) continue;
        emit(utf8.encode(csvTemplate(r)), out);
        rows++;
      }
      return { bytes: concat(out), rows };
    },
    count: () => db.count('sessions'),
    async remove(id) {
      const tx = db.transaction(STORES, 'readwrite');
      try {
        const sessions = tx.objectStore('sessions');
        const r = await sessions.get(id);
        if (!r) {
          await tx.done;
          return false;
        }
        await sessions.delete(id);
        const sealed = (await tx.objectStore('meta').get(SEALED)) ?? Number.NEGATIVE_INFINITY;
        const day = dayOf(r.startHour);
        if (day < sealed) {
          // Rollups cannot be taken apart (durations are counted, totals are maxima): the record's day is summed
          // again from the records left, and its month from its days, as purgeBefore does.
          const wt = walkthroughKey(r);
          const rollups = tx.objectStore('rollups');
          const left = (await sessions.index('startHour').getAll(IDBKeyRange.bound(day, nextDay(day), false, true))).filter((x) => walkthroughKey(x) === wt);
          const dayKey = rollupKey(r);
          if (left.length) await rollups.put(left.reduce((d, x) => addToRollup(d, x), emptyRollup(r)));
          else await rollups.delete(dayKey);
          const month = monthOf(r.startHour);
          const monthKey = rollupKey(r, 'month');
          const days = (await rollups.index('day').getAll(IDBKeyRange.bound(month, nextMonth(month), false, true))).filter((d) => d.walkthrough === wt);
          if (days.length) await tx.objectStore('months').put(days.reduce((m, d) => mergeRollup(m, d), emptyRollup(r, 'month')));
          else await tx.objectStore('months').delete(monthKey);
          const packs = tx.objectStore('packs');
          const packIndex = tx.objectStore('packIndex');
          const [pack, index] = await Promise.all([packs.get(month), packIndex.get(month)]);
          if (pack) {
            const mine = `${String(r.startHour).padStart(15, '0')}${r.id}|`;
            const kept = linesOf(pack, index).filter((l) => !l.key.startsWith(mine));
            if (kept.length) {
              const [p, ix] = packOf(month, kept);
              await Promise.all([packs.put(p), packIndex.put(ix)]);
            } else {
              await Promise.all([packs.delete(month), packIndex.delete(month)]);
            }
          }
        }
        await tx.done;
        return true;
      } catch (err) {
        await abortQuietly(tx);
        throw new LogStoreError(isQuota(err) ? 'quota' : 'failed', err);
      }
    },
    async summary(filter = {}) {
      await seal();
      const tx = db.transaction(['meta', 'months', 'rollups', 'sessions'], 'readonly');
      const sealed = (await tx.objectStore('meta').get(SEALED)) ?? Number.NEGATIVE_INFINITY;
      const to = filter.to !== undefined && filter.to < LIMIT ? filter.to : Number.POSITIVE_INFINITY;
      const lo = filter.from !== undefined ? dayOf(filter.from) : Number.NEGATIVE_INFINITY;
      const hi = Math.min(to, sealed);
      const reads: Promise<Rollup[]>[] = [];
      const read = (store: 'months' | 'rollups', a: number, b: number): void => {
        const range = span(a, b);
        if (range !== null) reads.push(tx.objectStore(store).index('day').getAll(range));
      };
      if (lo < hi) {
        // Whole months inside the period and before the mark from month rollups, the days around them from
        // day rollups.
        const firstWhole = lo === Number.NEGATIVE_INFINITY ? lo : monthOf(lo) === lo ? lo : nextMonth(lo);
        const endWhole = Math.min(to === Number.POSITIVE_INFINITY ? to : monthOf(to), monthOf(sealed));
        if (firstWhole < endWhole) {
          read('months', firstWhole, endWhole);
          read('rollups', lo, firstWhole);
          read('rollups', endWhole, hi);
        } else {
          read('rollups', lo, hi);
        }
      }
      const recentRange = span(Math.max(lo, sealed), Number.POSITIVE_INFINITY);
      const [recent, ...parts] = await Promise.all([recentRange === null ? [] : tx.objectStore('sessions').index('startHour').getAll(recentRange), ...reads]);
      const rest: SummaryFilter = { walkthrough: filter.walkthrough, outcome: filter.outcome, ageBand: filter.ageBand };
      return summarizeRollups([...parts.flat(), ...rollupsOf(recent, filter)], rest);
    },
    purgeBefore,
    async maintain(retentionCutoff) {
      await seal();
      const cutoff = dayOf(retentionCutoff);
      const future = await purgeFuture();
      return future + (purgedTo === cutoff ? 0 : await purgeBefore(retentionCutoff));
    },
    async clear() {
      const tx = db.transaction(STORES, 'readwrite');
      await Promise.all([...STORES.map((s) => tx.objectStore(s).clear()), tx.done]);
      if (db.objectStoreNames.contains('warnings')) await db.clear('warnings');
      knownSealed = undefined;
      purgedTo = undefined;
      noFuture = false;
    },
    close: () => db.close(),
    async countWarning(at) {
      const day = dayOf(at);
      const tx = db.transaction('warnings', 'readwrite');
      const had = await tx.store.get(day);
      await tx.store.put({ day, count: (had?.count ?? 0) + 1 });
      await tx.done;
    },
    async warnings(filter = {}) {
      return (await warningDays(filter)).reduce((n, d) => n + d.count, 0);
    },
    warningDays,
    async addWarningDays(days) {
      const tx = db.transaction('warnings', 'readwrite');
      for (const d of days) {
        const day = dayOf(d.day);
        const had = await tx.store.get(day);
        if (!had || had.count < d.count) await tx.store.put({ day, count: d.count });
      }
      await tx.done;
    },
  };
}

/** A write refused because a record's id is already stored. */
class Duplicate extends Error {
  constructor() {
    super('duplicate record id');
  }
}
