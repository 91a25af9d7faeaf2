// Reading a hint aloud ("Nghe"), for the widget and the step card on a page: whether this machine has a voice
// for the language, and speaking with it while saying so (speaking / stopped). Framework-free: the caller hands
// in the browser's speechSynthesis (or a stand-in) and the utterance constructor, and redraws on `subscribe`.
// Limits: a voice is chosen by its language tag only; a machine may list a voice that then fails to speak
// (the speaker is then "stopped" again by the utterance's error event).
import type { Lang } from './i18n';

/** What is read of a voice (a SpeechSynthesisVoice has these). */
export interface VoiceLike {
  lang: string;
  name?: string;
  default?: boolean;
  localService?: boolean;
}

/** The part of an utterance used here (SpeechSynthesisUtterance has it). */
export interface UtteranceLike {
  lang: string;
  rate: number;
  voice: unknown;
  onend: ((e: Event) => void) | null;
  onerror: ((e: Event) => void) | null;
}

/** The part of speechSynthesis used here. */
export interface SynthLike {
  getVoices(): readonly VoiceLike[];
  speak(u: never): void;
  cancel(): void;
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

/** The BCP 47 tag a hint in this language is read with. */
export const SPEECH_TAG: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };

/**
 * The voice for `lang`, or null: one whose tag starts with the language ("vi", "vi-VN", "vi_VN", any case),
 * preferring the usual region (vi-VN, en-US), then one on this machine (it works offline), then the default.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: Lang): V | null {
  const norm = (tag: string): string => tag.toLowerCase().replace(/_/g, '-');
  const ofLang = voices.filter((v) => {
    const tag = norm(v.lang ?? '');
    return tag === lang || tag.startsWith(`${lang}-`);
  });
  if (ofLang.length === 0) return null;
  const score = (v: V): number => (norm(v.lang) === SPEECH_TAG[lang].toLowerCase() ? 4 : 0) + (v.localService ? 2 : 0) + (v.default ? 1 : 0);
  return ofLang.reduce((best, v) => (score(v) > score(best) ? v : best));
}

/**
 * unknown: the voices may still be loading (Chromium lists them only after a moment and then fires
 * 'voiceschanged'); none: no voice for the language; ready: "Nghe" can be offered; speaking: reading now.
 */
export type ListenState = 'unknown' | 'none' | 'ready' | 'speaking';

export interface Speaker {
  state(lang: Lang): ListenState;
  /** Read `text` in `lang` with its voice (nothing when there is none); any reading before is stopped. */
  speak(text: string, lang: Lang): void;
  stop(): void;
  /** Called when the voices or the speaking state change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Stop reading and listening for voices. */
  destroy(): void;
}

export interface SpeakerOptions {
  /**
   * How long to wait for the voices before saying there is none: a machine without any never fires
   * 'voiceschanged'. @default 1500
   */
  settleMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
  /** @default 0.9 (a little slower than usual, for older listeners) */
  rate?: number;
}

/** A speaker over `synth` (null: the browser cannot speak at all, and every state is "none"). */
export function createSpeaker(synth: SynthLike | null | undefined, makeUtterance: (text: string) => UtteranceLike, options: SpeakerOptions = {}): Speaker {
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());
  let voices: readonly VoiceLike[] = [];
  let settled = false;
  let current: UtteranceLike | null = null;
  const read = (): void => {
    try {
      voices = synth?.getVoices() ?? [];
    } catch {
      voices = [];
    }
  };
  const onVoices = (): void => {
    settled = true;
    read();
    notify();
  };
  const set = options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clear = options.clearTimeout ?? ((id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  if (synth) {
    read();
    settled = voices.length > 0;
    synth.addEventListener('voiceschanged', onVoices);
    if (!settled)
      timer = set(() => {
        timer = null;
        if (settled) return;
        settled = true;
        read();
        notify();
      }, options.settleMs ?? 1500);
  } else settled = true;

  const finish = (u: UtteranceLike): void => {
    if (current !== u) return;
    current = null;
    notify();
  };

  const speaker: Speaker = {
    state(lang) {
      if (current) return 'speaking';
      if (pickVoice(voices, lang)) return 'ready';
      return settled ? 'none' : 'unknown';
    },
    speak(text, lang) {
      const voice = pickVoice(voices, lang);
      if (!synth || !voice) return;
      const had = current;
      current = null;
      synth.cancel();
      const u = makeUtterance(text);
      u.lang = SPEECH_TAG[lang];
      u.rate = options.rate ?? 0.9;
      try {
        u.voice = voice;
      } catch {
        // Not a voice this browser made (a stand-in): the language tag alone chooses one.
      }
      u.onend = () => finish(u);
      u.onerror = () => finish(u);
      current = u;
      synth.speak(u as never);
      if (had !== current) notify();
    },
    stop() {
      if (!current) return;
      current = null;
      synth?.cancel();
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      if (timer !== null) clear(timer);
      timer = null;
      synth?.removeEventListener('voiceschanged', onVoices);
      if (current) synth?.cancel();
      current = null;
      listeners.clear();
    },
  };
  return speaker;
}
