// "Nghe" on the step card (the overlay on a site, and the widget): offered only while a voice for the language
// exists, a short note why when none does, "Đang đọc… Dừng" while reading; and the card as the guide draws it
// on a page (extension/guide-page.tsx's wiring is core/voices.ts + these props) with a speaker over a machine
// without voices, with one, and with voices that come late. The page's main world cannot reach the content
// script's speechSynthesis (an isolated world), so this is where the card's side is proved.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay } from '../../components/overlay';
import { StepCard } from '../../components/step-card';
import { createTranslator } from '../../core/i18n';
import { createSpeaker, type Speaker, type SynthLike, type UtteranceLike, type VoiceLike } from '../../core/voices';

const t = createTranslator('vi');
const en = createTranslator('en');

let container: HTMLElement | null = null;
function show(node: ComponentChild): HTMLElement {
  container ??= document.body.appendChild(document.createElement('div'));
  act(() => render(node, container!));
  return container;
}
afterEach(() => {
  if (container) act(() => render(null, container!));
  container?.remove();
  container = null;
});

function personClick(el: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}

const listen = (root: ParentNode): Element | null => root.querySelector('[data-dan-buoc="listen"]');
const note = (root: ParentNode): string | null => root.querySelector('[data-dan-buoc="no-voice"]')?.textContent ?? null;

describe('the step card’s "Nghe"', () => {
  const base = { t, index: 0, total: 3, text: 'Bấm **Đăng nhập**.', onNext: () => undefined, onBack: () => undefined };

  it('ready: the button; none: no button, a short note why; unknown (voices loading): neither', () => {
    let root = show(<StepCard {...base} onListen={() => undefined} listenState="ready" />);
    expect(listen(root)?.textContent).toBe('Nghe');
    expect(note(root)).toBeNull();
    root = show(<StepCard {...base} onListen={() => undefined} listenState="none" />);
    expect(listen(root)).toBeNull();
    expect(note(root)).toBe('Máy này chưa có giọng đọc tiếng Việt.');
    root = show(<StepCard {...base} t={en} onListen={() => undefined} listenState="none" />);
    expect(note(root)).toBe('This device has no English voice to read aloud.');
    root = show(<StepCard {...base} onListen={() => undefined} listenState="unknown" />);
    expect(listen(root)).toBeNull();
    expect(note(root)).toBeNull();
    // Without a way to read at all (the editor's preview, say): nothing about it.
    root = show(<StepCard {...base} listenState="none" />);
    expect(note(root)).toBeNull();
  });

  it('speaking: "Đang đọc… Dừng", which stops the reading', () => {
    const onListen = vi.fn();
    const onStopListen = vi.fn();
    const root = show(<StepCard {...base} onListen={onListen} onStopListen={onStopListen} listenState="speaking" />);
    expect(listen(root)?.textContent).toBe('Đang đọc… Dừng');
    (listen(root) as HTMLButtonElement).click();
    expect(onStopListen).toHaveBeenCalledTimes(1);
    expect(onListen).not.toHaveBeenCalled();
  });

  it('"Nghe" and "Tiếp" are in separate groups, "Quay lại" and "Tiếp" together: they wrap as wholes', () => {
    const root = show(<StepCard {...base} onListen={() => undefined} />);
    const groups = [...root.querySelectorAll('.db-actions > .db-group')].map((g) => [...g.querySelectorAll('button')].map((b) => b.getAttribute('data-dan-buoc')));
    expect(groups).toEqual([['listen'], ['back', 'next']]);
  });
});

/** A speechSynthesis of a machine: its voices as the test sets them, 'voiceschanged' fired by the test. */
function machine(voices: VoiceLike[]) {
  const listeners = new Set<() => void>();
  const spoken: UtteranceLike[] = [];
  const synth: SynthLike = {
    getVoices: () => voices,
    speak: (u: never) => void spoken.push(u),
    cancel: () => undefined,
    addEventListener: (_t, l) => void listeners.add(l),
    removeEventListener: (_t, l) => void listeners.delete(l),
  };
  return {
    synth,
    spoken,
    load(next: VoiceLike[]) {
      voices = next;
      listeners.forEach((l) => l());
    },
  };
}

const utterance = (text: string): UtteranceLike & { text: string } => ({ text, lang: '', rate: 1, voice: null, onend: null, onerror: null });

/** The overlay card as extension/guide-page.tsx draws it, drawn again when the speaker says so. */
function guideCard(speaker: Speaker, lang: 'vi' | 'en' = 'vi'): HTMLElement {
  const draw = (): HTMLElement =>
    show(
      <Overlay
        target={null}
        card={{
          t: lang === 'vi' ? t : en,
          index: 0,
          total: 3,
          text: 'Bấm **Đăng nhập**.',
          onNext: () => undefined,
          onBack: () => undefined,
          onListen: () => speaker.speak('Bấm Đăng nhập.', lang),
          listenState: speaker.state(lang),
          onStopListen: () => speaker.stop(),
        }}
      />,
    );
  speaker.subscribe(() => act(() => void draw()));
  return draw();
}

describe('the card on a page, over the machine’s voices', () => {
  it('no voice at all (after the wait): no "Nghe", the note', () => {
    const m = machine([]);
    const timers: (() => void)[] = [];
    const speaker = createSpeaker(m.synth, utterance, { setTimeout: (fn) => timers.push(fn) });
    const root = guideCard(speaker);
    expect(listen(root)).toBeNull();
    expect(note(root)).toBeNull();
    act(() => timers.forEach((f) => f()));
    expect(listen(root)).toBeNull();
    expect(note(root)).toBe('Máy này chưa có giọng đọc tiếng Việt.');
  });

  it('an English voice only: "Nghe" in English, the note in Vietnamese', () => {
    const m = machine([{ lang: 'en-US', name: 'Samantha' }]);
    const speaker = createSpeaker(m.synth, utterance, { setTimeout: () => undefined });
    expect(listen(guideCard(speaker, 'en'))?.textContent).toBe('Listen');
    act(() => render(null, container!));
    expect(note(guideCard(speaker, 'vi'))).toBe('Máy này chưa có giọng đọc tiếng Việt.');
  });

  it('a Vietnamese voice that comes late: "Nghe" appears; a person’s click reads, "Đang đọc… Dừng", then "Nghe" again', () => {
    const m = machine([]);
    const speaker = createSpeaker(m.synth, utterance, { setTimeout: () => undefined });
    const root = guideCard(speaker);
    expect(listen(root)).toBeNull();
    act(() => m.load([{ lang: 'vi-VN', name: 'An' }]));
    expect(listen(root)?.textContent).toBe('Nghe');
    // The page's script cannot press it.
    act(() => (listen(root) as HTMLButtonElement).click());
    expect(m.spoken).toHaveLength(0);
    act(() => personClick(listen(root)!));
    expect(m.spoken.map((u) => (u as UtteranceLike & { text: string }).text)).toEqual(['Bấm Đăng nhập.']);
    expect(listen(root)?.textContent).toBe('Đang đọc… Dừng');
    act(() => m.spoken[0]!.onend!(new Event('end')));
    expect(listen(root)?.textContent).toBe('Nghe');
    act(() => personClick(listen(root)!));
    expect(listen(root)?.textContent).toBe('Đang đọc… Dừng');
    act(() => personClick(listen(root)!));
    expect(listen(root)?.textContent).toBe('Nghe');
  });
});
