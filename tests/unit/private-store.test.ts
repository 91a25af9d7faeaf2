// The extension's private store (issue 15.5): the library and trust list, the session and the desk settings
// kept where content scripts cannot write them, moved from storage.local once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPrivateStore, type ChannelLike, type LegacyArea } from '../../extension/private-store';

let dbSeq = 0;

function legacyArea(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(initial));
  const area: LegacyArea = { get: async (k) => data.get(k), remove: async (k) => void data.delete(k) };
  return { area, data };
}

/** Two contexts' channels joined, as BroadcastChannel joins an origin's pages (a sender never hears itself). */
function channelPair(): [ChannelLike, ChannelLike] {
  const listeners: [((e: { data: unknown }) => void)[], ((e: { data: unknown }) => void)[]] = [[], []];
  const end = (mine: 0 | 1): ChannelLike => ({
    postMessage: (data) => queueMicrotask(() => listeners[(1 - mine) as 0 | 1].forEach((fn) => fn({ data }))),
    addEventListener: (_type, fn) => void listeners[mine].push(fn),
  });
  return [end(0), end(1)];
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('15.5 the library and trust list are kept where content scripts cannot write them', () => {
  it('15.5 moves an item from storage.local once, deletes the old key, and never reads a key written there later', async () => {
    const name = `private-${++dbSeq}`;
    const legacy = legacyArea({ 'dan-buoc-library': { packs: {}, trusted: ['https://xa.example'] } });
    const store = createPrivateStore({ name, legacy: legacy.area, inExtension: () => true, channel: () => null });
    const lib = store.defineItem('library', { fallback: { packs: {}, trusted: [] as string[] }, legacyKey: 'dan-buoc-library' });
    expect(await lib.getValue()).toEqual({ packs: {}, trusted: ['https://xa.example'] });
    expect(legacy.data.has('dan-buoc-library')).toBe(false);

    // A content script writes storage.local again: the library does not change, now or in a new context.
    legacy.data.set('dan-buoc-library', { packs: {}, trusted: ['https://lua-dao.example'] });
    expect(await lib.getValue()).toEqual({ packs: {}, trusted: ['https://xa.example'] });
    await store.close();
    const later = createPrivateStore({ name, legacy: legacy.area, inExtension: () => true, channel: () => null });
    const lib2 = later.defineItem('library', { fallback: { packs: {}, trusted: [] as string[] }, legacyKey: 'dan-buoc-library' });
    expect(await lib2.getValue()).toEqual({ packs: {}, trusted: ['https://xa.example'] });
    await later.close();
  });

  it('15.5 a desk that never had a library is not given one planted in storage.local after the first start', async () => {
    const name = `private-${++dbSeq}`;
    const legacy = legacyArea();
    const first = createPrivateStore({ name, legacy: legacy.area, inExtension: () => true, channel: () => null });
    const fallback = { packs: {}, trusted: [] as string[] };
    expect(await first.defineItem('library', { fallback, legacyKey: 'dan-buoc-library' }).getValue()).toEqual(fallback);
    await first.close();
    legacy.data.set('dan-buoc-library', { packs: {}, trusted: ['https://lua-dao.example'] });
    const next = createPrivateStore({ name, legacy: legacy.area, inExtension: () => true, channel: () => null });
    expect(await next.defineItem('library', { fallback, legacyKey: 'dan-buoc-library' }).getValue()).toEqual(fallback);
    await next.close();
  });

  it('keeps a value written after the move when another context moves at the same time', async () => {
    const name = `private-${++dbSeq}`;
    const legacy = legacyArea({ 'dan-buoc-session': { id: 'old' } });
    const [a, b] = [0, 1].map(() => createPrivateStore({ name, legacy: legacy.area, inExtension: () => true, channel: () => null }));
    const itemA = a!.defineItem<{ id: string } | null>('session', { fallback: null, legacyKey: 'dan-buoc-session' });
    const itemB = b!.defineItem<{ id: string } | null>('session', { fallback: null, legacyKey: 'dan-buoc-session' });
    const [ra, rb] = await Promise.all([itemA.getValue(), itemB.getValue()]);
    expect([ra, rb]).toEqual([{ id: 'old' }, { id: 'old' }]);
    await itemA.setValue({ id: 'new' });
    expect(await itemB.getValue()).toEqual({ id: 'new' });
    await itemB.removeValue();
    expect(await itemA.getValue()).toBeNull();
    await Promise.all([a!.close(), b!.close()]);
  });

  it('tells watchers in this context and in the others of every change', async () => {
    const name = `private-${++dbSeq}`;
    const [ca, cb] = channelPair();
    const a = createPrivateStore({ name, legacy: legacyArea().area, inExtension: () => true, channel: () => ca });
    const b = createPrivateStore({ name, legacy: legacyArea().area, inExtension: () => true, channel: () => cb });
    const seenA: unknown[] = [];
    const seenB: unknown[] = [];
    a.defineItem('settings', { fallback: { lang: 'vi' } }).watch((v) => seenA.push(v));
    const unwatch = b.defineItem('settings', { fallback: { lang: 'vi' } }).watch((v) => seenB.push(v));
    await a.defineItem('settings', { fallback: { lang: 'vi' } }).setValue({ lang: 'en' });
    await vi.waitFor(() => expect(seenB).toEqual([{ lang: 'en' }]));
    expect(seenA).toEqual([{ lang: 'en' }]);
    unwatch();
    await a.defineItem('settings', { fallback: { lang: 'vi' } }).setValue({ lang: 'vi' });
    await vi.waitFor(() => expect(seenA).toHaveLength(2));
    expect(seenB).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('15.5 refuses to open outside the extension origin (a content script would open the page’s own database)', async () => {
    const name = `private-${++dbSeq}`;
    const store = createPrivateStore({ name, legacy: legacyArea({ k: 1 }).area, inExtension: () => false, channel: () => null });
    await expect(store.defineItem('k', { fallback: 0, legacyKey: 'k' }).getValue()).rejects.toThrow(/extension pages and the background only/);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('15.5 the extension keeps library, session and settings in the private store; storage.local writes change none of them', async () => {
    vi.stubGlobal('location', { href: 'chrome-extension://test-extension-id/sidepanel.html' });
    // WXT's storage module finds the browser API as the global `chrome` when it is first imported.
    vi.stubGlobal('chrome', fakeBrowser);
    await fakeBrowser.storage.local.set({
      'dan-buoc-library': { packs: {}, trusted: ['https://xa.example'] },
      'dan-buoc-settings': { lang: 'en', residentMode: true, wardCode: '26734', volunteer: 'Lan', retentionMonths: 6 },
      'dan-buoc-session': { id: 's1', tabId: 4 },
    });
    const { libraryItem } = await import('../../extension/library');
    const { readSettings, settingsItem } = await import('../../extension/settings');
    const { sessionStore } = await import('../../extension/session-storage');
    const { readDisplaySettings } = await import('../../extension/display-settings');
    expect((await libraryItem.getValue()).trusted).toEqual(['https://xa.example']);
    expect(await readSettings()).toEqual({ lang: 'en', residentMode: true, wardCode: '26734', volunteer: 'Lan', retentionMonths: 6, scamWarning: false });
    expect(await sessionStore.get()).toMatchObject({ id: 's1', tabId: 4 });
    expect(await fakeBrowser.storage.local.get(['dan-buoc-library', 'dan-buoc-settings', 'dan-buoc-session'])).toEqual({});

    // What a content script can do: write storage.local. None of it is read.
    await fakeBrowser.storage.local.set({
      'dan-buoc-library': { packs: {}, trusted: ['https://lua-dao.example'] },
      'dan-buoc-settings': { lang: 'vi', residentMode: false, wardCode: '99999', retentionMonths: 1 },
      'dan-buoc-session': { id: 'fake', tabId: 9 },
    });
    expect((await libraryItem.getValue()).trusted).toEqual(['https://xa.example']);
    expect(await readSettings()).toMatchObject({ wardCode: '26734', retentionMonths: 6 });
    expect(await sessionStore.get()).toMatchObject({ id: 's1' });

    // Saving the settings refreshes the copy the on-page guide reads: language and resident mode only.
    await settingsItem.setValue({ lang: 'vi', residentMode: true, wardCode: '26734', volunteer: 'Lan', retentionMonths: 6, scamWarning: false });
    expect(await readDisplaySettings()).toEqual({ lang: 'vi', residentMode: true });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/Lan|26734/);
    // 16: and the guide's words, in that language (the content script carries none).
    const { readGuideCopy } = await import('../../extension/page-display');
    expect((await readGuideCopy()).words['overlay.next']).toBe('Tiếp');
    await settingsItem.setValue({ lang: 'en', residentMode: false, wardCode: '26734', volunteer: 'Lan', retentionMonths: 6, scamWarning: true });
    expect(await readGuideCopy()).toMatchObject({ display: { lang: 'en', residentMode: false }, words: { 'overlay.next': 'Next' } });
    // A content script that rewrites the words gets them put back by the background's upkeep.
    const { keepDisplaySettings } = await import('../../extension/background-upkeep');
    keepDisplaySettings();
    await fakeBrowser.storage.local.set({ 'dan-buoc-words': { 'overlay.next': 'Bấm vào đây để trúng thưởng' } });
    await vi.waitFor(async () => expect((await readGuideCopy()).words['overlay.next']).toBe('Next'));
  });

  it('15.5 the content script bundles none of the private store: it reads the display copy only', () => {
    const root = path.resolve(__dirname, '../..');
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
        const base = path.resolve(path.dirname(file), m[1]!);
        const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => {
          try {
            return readFileSync(f) && true;
          } catch {
            return false;
          }
        });
        if (found && !found.endsWith('.json')) visit(found);
      }
    };
    // The guide's content script, and the author's recorder and picker injected beside it (issue 16).
    for (const entry of ['entrypoints/guide.tsx', 'entrypoints/recorder.ts', 'entrypoints/picker.ts']) visit(path.join(root, entry));
    const files = [...seen].map((f) => path.relative(root, f));
    expect(files).toContain('extension/page-display.ts');
    expect(files).toContain('extension/record-page.tsx');
    expect(files).toContain('extension/pick-page.tsx');
    for (const privateFile of ['extension/private-store.ts', 'extension/settings.ts', 'extension/library.ts', 'extension/session-storage.ts']) {
      expect(files, privateFile).not.toContain(privateFile);
    }
  });
});
