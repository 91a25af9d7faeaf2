// The running session, kept in the extension's private store (IndexedDB: content scripts can neither read
// which tab is guided nor forge a session): it outlives the MV3 service worker and a browser that closes
// mid-session (the next start records it as abandoned). It holds ids and step numbers only, nothing typed.
import type { Session } from '../core/session';
import type { LastOutcome, LastOutcomeStorageLike, SessionStorageLike } from './controller';
import { privateStore } from './private-store';

/** Kept in storage.local ('dan-buoc-session') before issue 15.5, moved from there once. */
const item = privateStore.defineItem<Session | null>('session', { fallback: null, legacyKey: 'dan-buoc-session' });

export const sessionStore: SessionStorageLike & { watch: typeof item.watch } = {
  get: () => item.getValue(),
  set: (s) => (s ? item.setValue(s) : item.removeValue()),
  watch: item.watch.bind(item),
};

const last = privateStore.defineItem<LastOutcome | null>('last-outcome', { fallback: null });

/** The last session ended with an outcome, as it was before it ended, while "Hoàn tác" may restore it (ids and step numbers only). */
export const lastOutcomeStore: LastOutcomeStorageLike = {
  get: () => last.getValue(),
  set: (v) => (v ? last.setValue(v) : last.removeValue()),
};
