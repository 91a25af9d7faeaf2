// Assistance records the log database could not take yet (disk full, an upgrade blocked by another page, a
// failed write), kept in the extension's private store until the next start, end or browser start writes them
// (extension/controller.ts). Same anonymous records as the database: ids, codes, counts, a redacted note.
// Not storage.local: a content script could write it, and so plant records the next write would log.
import type { AssistRecord } from '../core/log-record';
import { privateStore, type PrivateItem } from './private-store';

/** Records waiting to be written to the log database, oldest first (the controller's view of the queue). */
export interface PendingLogsLike {
  get(): Promise<AssistRecord[]>;
  set(records: AssistRecord[]): Promise<void>;
}

const item = privateStore.defineItem<AssistRecord[]>('pending-logs', { fallback: [] });

export const pendingLogs: PendingLogsLike & { watch: PrivateItem<AssistRecord[]>['watch'] } = {
  get: () => item.getValue(),
  set: (records) => (records.length ? item.setValue(records) : item.removeValue()),
  watch: (onChange) => item.watch(onChange),
};
