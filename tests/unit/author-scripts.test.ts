// The recorder and the picker are injected into one tab on demand (issue 16, a lean page).
import { describe, expect, it } from 'vitest';
import { AUTHOR_SCRIPTS, injectPicker, injectRecorder, keepRecorderInjected, type TabEvents } from '../../extension/author-scripts';

describe('author scripts injected on demand', () => {
  it('16 the recorder and the picker are injected by file into the one tab asked for', async () => {
    const calls: [number, string][] = [];
    const inject = async (tabId: number, file: string): Promise<void> => void calls.push([tabId, file]);
    expect(await injectRecorder(7, inject)).toBe(true);
    expect(await injectPicker(9, inject)).toBe(true);
    expect(calls).toEqual([
      [7, AUTHOR_SCRIPTS.recorder],
      [9, AUTHOR_SCRIPTS.picker],
    ]);
    expect(AUTHOR_SCRIPTS).toEqual({ recorder: '/recorder.js', picker: '/picker.js' });
  });

  it('16 a refused injection (a page the extension may not run on, a closed tab) is reported, not thrown', async () => {
    expect(await injectRecorder(7, () => Promise.reject(new Error('Cannot access contents of the page')))).toBe(false);
  });

  it('16 every page the recorded tab loads gets the recorder again; other tabs and unfinished loads do not', async () => {
    let listener: ((tabId: number, info: { status?: string }) => void) | undefined;
    const tabs: TabEvents = { onUpdated: { addListener: (cb) => void (listener = cb) } };
    const injected: number[] = [];
    let recorded: number | null = 3;
    let settle!: () => void;
    let done = new Promise<void>((r) => (settle = r));
    keepRecorderInjected(async () => recorded, tabs, async (tabId) => {
      injected.push(tabId);
      settle();
    });
    listener!(3, { status: 'loading' });
    listener!(4, { status: 'complete' });
    listener!(3, { status: 'complete' });
    await done;
    expect(injected).toEqual([3]);
    recorded = null;
    done = new Promise<void>((r) => (settle = r));
    listener!(3, { status: 'complete' });
    recorded = 4;
    listener!(4, { status: 'complete' });
    await done;
    expect(injected).toEqual([3, 4]);
  });
});
