// The running session, kept in storage.session: it outlives the MV3 service worker, never reaches disk,
// and is cleared when the browser closes.
import { storage } from 'wxt/utils/storage';
import type { Session } from '../core/session';
import type { SessionStorageLike } from './controller';

const item = storage.defineItem<Session | null>('session:dan-buoc-session', { fallback: null });

export const sessionStore: SessionStorageLike & { watch: typeof item.watch } = {
  get: () => item.getValue(),
  set: (s) => (s ? item.setValue(s) : item.removeValue()),
  watch: item.watch.bind(item),
};
