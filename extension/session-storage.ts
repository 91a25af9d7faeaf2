// The running session, kept in storage.local: it outlives the MV3 service worker and a browser that closes
// mid-session (the next start records it as abandoned). It holds ids and step numbers only, nothing typed.
import { storage } from 'wxt/utils/storage';
import type { Session } from '../core/session';
import type { SessionStorageLike } from './controller';

const item = storage.defineItem<Session | null>('local:dan-buoc-session', { fallback: null });

export const sessionStore: SessionStorageLike & { watch: typeof item.watch } = {
  get: () => item.getValue(),
  set: (s) => (s ? item.setValue(s) : item.removeValue()),
  watch: item.watch.bind(item),
};
