// Anonymised assistance records in IndexedDB: one record per assisted session, nothing that identifies
// a resident (no names, identifiers, form values, page text or URLs).

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Outcome, Session } from './session';

export interface AssistRecord {
  /** Random id (the session's), never derived from the resident. */
  id: string;
  packId: string;
  walkthroughId: string;
  walkthroughVersion: string;
  /** Start time rounded down to the hour, ms since epoch. */
  startHour: number;
  durationSec: number;
  total: number;
  /** Steps reached (1-based count) and completed. */
  stepsReached: number;
  stepsCompleted: number;
  repeats: Record<number, number>;
  notFound: number[];
  /** Steps the volunteer skipped. */
  skipped: number[];
  outcome: Outcome | 'abandoned';
  /** The volunteer's note, redacted before it reached the session. */
  note?: string;
}

interface LogSchema extends DBSchema {
  sessions: { key: string; value: AssistRecord; indexes: { startHour: number } };
}

export const LOG_DB_NAME = 'dan-buoc-logs';
export const LOG_DB_VERSION = 1;

const HOUR = 3_600_000;

/** The anonymous record of an ended session. */
export function recordFromSession(s: Session, now: number): AssistRecord {
  const ended = s.endedAt ?? now;
  const completed = s.status === 'finished' && s.outcome === 'completed' ? s.total : s.reached;
  return {
    id: s.id,
    packId: s.packId,
    walkthroughId: s.walkthroughId,
    walkthroughVersion: s.walkthroughVersion,
    startHour: Math.floor(s.startedAt / HOUR) * HOUR,
    durationSec: Math.max(0, Math.round((ended - s.startedAt) / 1000)),
    total: s.total,
    stepsReached: s.reached + 1,
    stepsCompleted: completed,
    repeats: { ...s.repeats },
    notFound: [...s.notFound],
    skipped: [...(s.skipped ?? [])],
    outcome: s.status === 'abandoned' ? 'abandoned' : (s.outcome ?? 'stopped'),
    ...(s.note ? { note: s.note } : {}),
  };
}

export interface LogStore {
  /** Write one record in a single transaction: it is stored whole or not at all. */
  add(record: AssistRecord): Promise<void>;
  all(): Promise<AssistRecord[]>;
  close(): void;
}

export async function createLogStore(): Promise<LogStore> {
  const db: IDBPDatabase<LogSchema> = await openDB<LogSchema>(LOG_DB_NAME, LOG_DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const store = database.createObjectStore('sessions', { keyPath: 'id' });
        store.createIndex('startHour', 'startHour');
      }
    },
  });
  return {
    async add(record) {
      await db.put('sessions', record);
    },
    all: () => db.getAll('sessions'),
    close: () => db.close(),
  };
}
