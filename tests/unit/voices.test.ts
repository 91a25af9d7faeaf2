// core/voices.ts: "Nghe" only where a voice for the language exists (voices that load late included), and the
// speaking state the button shows while a hint is read.
import { describe, expect, it } from 'vitest';
import { createSpeaker, pickVoice, type SynthLike, type UtteranceLike, type VoiceLike } from '../../core/voices';

/** A speechSynthesis stand-in: voices set by the test, 'voiceschanged' fired by it, utterances kept. */
function fakeSynth(initial: VoiceLike[] = []) {
  let voices = initial;
  const listeners = new Set<() => void>();
  const spoken: UtteranceLike[] = [];
  let cancels = 0;
  const synth: SynthLike = {
    getVoices: () => voices,
    speak: (u: never) => void spoken.push(u as UtteranceLike),
    cancel: () => void cancels++,
    addEventListener: (_t, l) => void listeners.add(l),
    removeEventListener: (_t, l) => void listeners.delete(l),
  };
  return {
    synth,
    spoken,
    cancels: () => cancels,
    listeners,
    load(next: VoiceLike[]) {
      voices = next;
      listeners.forEach((l) => l());
    },
  };
}

const utterance = (text: string): UtteranceLike & { text: string } => ({ text, lang: '', rate: 1, voice: null, onend: null, onerror: null });

/** A timer the test runs by hand. */
function manualTimer() {
  const pending: (() => void)[] = [];
  return { setTimeout: (fn: () => void) => pending.push(fn), clearTimeout: () => (pending.length = 0), run: () => pending.splice(0).forEach((f) => f()), pending };
}

describe('pickVoice', () => {
  const voices: VoiceLike[] = [
    { lang: 'en-GB', name: 'Daniel' },
    { lang: 'en-US', name: 'Samantha', default: true },
    { lang: 'fr-FR', name: 'Thomas' },
  ];

  it('finds a voice by the start of its language tag, in any case or separator', () => {
    expect(pickVoice(voices, 'vi')).toBeNull();
    expect(pickVoice([{ lang: 'vi_VN', name: 'An' }], 'vi')?.name).toBe('An');
    expect(pickVoice([{ lang: 'VI', name: 'Linh' }], 'vi')?.name).toBe('Linh');
    // "vie" is not Vietnamese's two-letter tag followed by a region: not taken for "vi".
    expect(pickVoice([{ lang: 'vie-x', name: 'x' }, { lang: 'video', name: 'y' }], 'vi')).toBeNull();
    expect(pickVoice([{ lang: 'en', name: 'Plain' }], 'en')?.name).toBe('Plain');
  });

  it('prefers the usual region, then a voice on this machine, then the default', () => {
    expect(pickVoice(voices, 'en')?.name).toBe('Samantha');
    const vi: VoiceLike[] = [
      { lang: 'vi', name: 'Remote', default: true },
      { lang: 'vi-VN', name: 'Online' },
      { lang: 'vi-VN', name: 'Local', localService: true },
    ];
    expect(pickVoice(vi, 'vi')?.name).toBe('Local');
    expect(pickVoice(vi.slice(0, 1), 'vi')?.name).toBe('Remote');
  });
});

describe('createSpeaker', () => {
  it('without speechSynthesis: no voice in any language, and speaking does nothing', () => {
    const speaker = createSpeaker(null, utterance);
    expect(speaker.state('vi')).toBe('none');
    expect(speaker.state('en')).toBe('none');
    expect(() => speaker.speak('Bấm Tiếp', 'vi')).not.toThrow();
    expect(speaker.state('vi')).toBe('none');
  });

  it('voices that load late: unknown until they come or the wait ends, then ready or none', () => {
    const fake = fakeSynth();
    const timer = manualTimer();
    const speaker = createSpeaker(fake.synth, utterance, timer);
    let changes = 0;
    speaker.subscribe(() => changes++);
    expect(speaker.state('vi')).toBe('unknown');
    fake.load([{ lang: 'vi-VN', name: 'An' }]);
    expect(changes).toBe(1);
    expect(speaker.state('vi')).toBe('ready');
    expect(speaker.state('en')).toBe('none');
    // The wait's end changes nothing more.
    timer.run();
    expect(changes).toBe(1);
  });

  it('a machine that never lists a voice: none once the wait is over', () => {
    const fake = fakeSynth();
    const timer = manualTimer();
    const speaker = createSpeaker(fake.synth, utterance, timer);
    expect(speaker.state('vi')).toBe('unknown');
    timer.run();
    expect(speaker.state('vi')).toBe('none');
    speaker.speak('Bấm Tiếp', 'vi');
    expect(fake.spoken).toEqual([]);
  });

  it('voices already listed: ready at once, with no wait', () => {
    const fake = fakeSynth([{ lang: 'en-US', name: 'Samantha' }]);
    const timer = manualTimer();
    const speaker = createSpeaker(fake.synth, utterance, timer);
    expect(speaker.state('en')).toBe('ready');
    expect(speaker.state('vi')).toBe('none');
    expect(timer.pending).toHaveLength(0);
  });

  it('speaking: the chosen voice, the language tag, a calm rate; speaking until the end, an error or a stop', () => {
    const an = { lang: 'vi-VN', name: 'An' };
    const fake = fakeSynth([an]);
    const speaker = createSpeaker(fake.synth, utterance);
    let changes = 0;
    speaker.subscribe(() => changes++);
    speaker.speak('Bấm Tiếp', 'vi');
    expect(fake.spoken).toHaveLength(1);
    expect(fake.spoken[0]).toMatchObject({ text: 'Bấm Tiếp', lang: 'vi-VN', rate: 0.9, voice: an });
    expect(speaker.state('vi')).toBe('speaking');
    expect(changes).toBe(1);
    fake.spoken[0]!.onend!(new Event('end'));
    expect(speaker.state('vi')).toBe('ready');
    expect(changes).toBe(2);

    speaker.speak('Bấm Đăng nhập', 'vi');
    fake.spoken[1]!.onerror!(new Event('error'));
    expect(speaker.state('vi')).toBe('ready');

    speaker.speak('Nhập mã', 'vi');
    const before = fake.cancels();
    speaker.stop();
    expect(fake.cancels()).toBe(before + 1);
    expect(speaker.state('vi')).toBe('ready');
    // The stopped utterance's late end event changes nothing.
    fake.spoken[2]!.onend!(new Event('end'));
    expect(speaker.state('vi')).toBe('ready');
  });

  it('a new reading replaces the one before; the old one’s end does not end the new one', () => {
    const fake = fakeSynth([{ lang: 'vi-VN' }]);
    const speaker = createSpeaker(fake.synth, utterance);
    speaker.speak('Một', 'vi');
    speaker.speak('Hai', 'vi');
    expect(fake.cancels()).toBe(2);
    fake.spoken[0]!.onend!(new Event('end'));
    expect(speaker.state('vi')).toBe('speaking');
    fake.spoken[1]!.onend!(new Event('end'));
    expect(speaker.state('vi')).toBe('ready');
  });

  it('a stand-in voice the browser refuses to set: the language tag still chooses', () => {
    const fake = fakeSynth([{ lang: 'vi-VN' }]);
    const strict = (text: string): UtteranceLike => {
      const u = utterance(text);
      Object.defineProperty(u, 'voice', {
        set: () => {
          throw new TypeError('not a SpeechSynthesisVoice');
        },
      });
      return u;
    };
    const speaker = createSpeaker(fake.synth, strict);
    speaker.speak('Bấm Tiếp', 'vi');
    expect(fake.spoken[0]!.lang).toBe('vi-VN');
    expect(speaker.state('vi')).toBe('speaking');
  });

  it('destroy stops reading and listening', () => {
    const fake = fakeSynth([{ lang: 'vi-VN' }]);
    const speaker = createSpeaker(fake.synth, utterance);
    speaker.speak('Một', 'vi');
    speaker.destroy();
    expect(fake.listeners.size).toBe(0);
    expect(speaker.state('vi')).toBe('ready');
  });
});
