// Assistance records the log database could not take yet (disk full, an upgrade blocked by another page, a
// failed write), kept in storage.local until the next start, end or browser start writes them
// (extension/controller.ts). Same anonymous records as the database: ids, codes, counts, a redacted note.
import { storage } from 'wxt/utils/storage';
import type { AssistRecord } from '../core/log-record';
import type { PendingLogsLike } from './controller';

const item = storage.defineItem<AssistRecord[]>('local:dan-buoc-pending-logs', { fallback: [] });

export const pendingLogs: PendingLogsLike & { watch: typeof item.watch } = {
  get: () => item.getValue(),
  set: (records) => (records.length ? item.setValue(records) : item.removeValue()),
  watch: item.watch.bind(item),
};
