// Run-time site access: the manifest's official hosts are never asked for; other origins are asked one by
// one; the content script is registered on exactly the granted single-host origins, updated and removed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyLibrary, install } from '../../core/pack-library';
import { libraryItem } from '../../extension/library';
import { missingAccess, requestAccess, syncContentScripts } from '../../extension/site-access';
import dichvucong from '../../walkthroughs/dichvucong.json';

type Script = { id: string; matches: string[]; js: string[] };

function fakeAccess(granted: string[]) {
  const registered: Script[] = [];
  const requested: string[][] = [];
  const b = fakeBrowser as unknown as Record<string, unknown>;
  b.permissions = {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o)),
    request: async ({ origins }: { origins: string[] }) => {
      requested.push(origins);
      return origins.every((o) => !o.includes('tu-choi'));
    },
    getAll: async () => ({ origins: [...granted] }),
  };
  b.scripting = {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id)),
    registerContentScripts: async (scripts: Script[]) => void registered.push(...scripts),
    updateContentScripts: async (scripts: Script[]) => {
      for (const s of scripts) registered.splice(registered.findIndex((r) => r.id === s.id), 1, s);
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) registered.splice(registered.findIndex((r) => r.id === id), 1);
    },
  };
  return { registered, requested, granted };
}

describe('site access', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks only for origins beyond the manifest, and says which are missing', async () => {
    const f = fakeAccess(['https://dichvucong.hanoi.gov.vn/*']);
    expect(await missingAccess(['https://evn.example', 'https://dichvucong.hanoi.gov.vn', 'https://dichvucong.hue.gov.vn'])).toEqual(['https://dichvucong.hue.gov.vn']);
    expect(await requestAccess(['https://evn.example'])).toBe(true);
    expect(f.requested).toEqual([]);
    expect(await requestAccess(['https://evn.example', 'https://dichvucong.hue.gov.vn/thu-tuc'])).toBe(true);
    expect(f.requested).toEqual([['https://dichvucong.hue.gov.vn/*']]);
    expect(await requestAccess(['https://tu-choi.example'])).toBe(false);
  });

  it('registers the content script on granted single hosts only, updates it, and removes it when none is left', async () => {
    const f = fakeAccess(['https://evn.example/*', 'https://dichvucong.hanoi.gov.vn/*', '<all_urls>', 'https://*/*']);
    const inUse = ['https://evn.example', 'https://dichvucong.hanoi.gov.vn', 'https://thanhtoan.example'];
    expect(await syncContentScripts(inUse)).toEqual(['https://dichvucong.hanoi.gov.vn/*']);
    expect(f.registered).toEqual([expect.objectContaining({ matches: ['https://dichvucong.hanoi.gov.vn/*'], js: ['content-scripts/guide.js'] })]);
    f.granted.push('https://thanhtoan.example/*');
    await syncContentScripts(inUse);
    expect(f.registered).toHaveLength(1);
    expect(f.registered[0]!.matches).toEqual(['https://dichvucong.hanoi.gov.vn/*', 'https://thanhtoan.example/*']);
    f.granted.splice(0);
    expect(await syncContentScripts(inUse)).toEqual([]);
    expect(f.registered).toEqual([]);
  });
});

describe('15.8 the content script runs only where walkthroughs run', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The library lives in the extension's private store, which opens in the extension's own origin only.
    vi.stubGlobal('location', { href: 'chrome-extension://test-extension-id/background.js' });
  });
  afterEach(() => void vi.unstubAllGlobals());

  it('15.8 a granted origin no installed walkthrough uses (a pack download address) gets no content script', async () => {
    // The desk installed a pack for Huế's portal, downloaded from the ward's own site.
    const hue = JSON.parse(JSON.stringify(dichvucong).replaceAll('https://dichvucong.gov.vn', 'https://dichvucong.hue.gov.vn')) as Record<string, unknown>;
    hue.id = 'dichvucong-hue';
    const r = install(emptyLibrary(), hue, { source: 'https://phuong-a.example/goi/hue.json' });
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    await libraryItem.setValue(r.library);
    const f = fakeAccess(['https://dichvucong.hue.gov.vn/*', 'https://phuong-a.example/*', 'https://dichvucong.hanoi.gov.vn/*']);
    expect(await syncContentScripts()).toEqual(['https://dichvucong.hue.gov.vn/*']);
    expect(f.registered).toEqual([expect.objectContaining({ matches: ['https://dichvucong.hue.gov.vn/*'] })]);
    // The pack removed: nothing left to run on.
    await libraryItem.setValue(emptyLibrary());
    expect(await syncContentScripts()).toEqual([]);
    expect(f.registered).toEqual([]);
  });

  it('15.8 an origin the ward admin trusted keeps the content script with no pack yet (an author records there)', async () => {
    await libraryItem.setValue({ ...emptyLibrary(), trusted: ['https://dichvucong.hue.gov.vn'] });
    const f = fakeAccess(['https://dichvucong.hue.gov.vn/*', 'https://phuong-a.example/*']);
    expect(await syncContentScripts()).toEqual(['https://dichvucong.hue.gov.vn/*']);
    expect(f.registered).toEqual([expect.objectContaining({ matches: ['https://dichvucong.hue.gov.vn/*'] })]);
  });
});
