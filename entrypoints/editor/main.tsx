// Editor page wiring (editor.html?pack=<id>): the desk's library from the extension's private store, saving a new version,
// re-capturing a step's target on a tab of the site, and trial runs through the background.
import './style.css';
import { render, type JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PackEditor, type EditorApi } from '../../components/pack-editor';
import { createTranslator } from '../../core/i18n';
import { editWalkthrough, install, type Library } from '../../core/pack-library';
import { BUILT_IN_IDS, libraryItem } from '../../extension/library';
import { injectPicker } from '../../extension/author-scripts';
import { messaging } from '../../extension/protocol';
import { sessionStore } from '../../extension/session-storage';
import { findSiteTab, waitForTabLoad } from '../../extension/site-tab';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../../extension/settings';

/** Bring this page's tab back to the front (after the author picked on the site). */
async function backHere(): Promise<void> {
  const me = await browser.tabs.getCurrent();
  if (me?.id !== undefined) await browser.tabs.update(me.id, { active: true });
}

let picking: { tabId: number; cancelled: boolean } | null = null;

const api: EditorApi = {
  save: async (pack, wi, walkthrough) => {
    const lib = await libraryItem.getValue();
    const edited = editWalkthrough(lib, pack, pack.walkthroughs[wi]!.id, () => walkthrough);
    if (!edited.ok) return edited;
    const r = install(lib, edited.pack, { builtInIds: BUILT_IN_IDS });
    if (!r.ok) return r;
    await libraryItem.setValue(r.library);
    return { ok: true, pack: r.pack };
  },

  pick: async (pack, wi, step) => {
    const w = pack.walkthroughs[wi]!;
    const tabId = await findSiteTab(pack.origins, step.page, w.startUrl);
    await browser.tabs.update(tabId, { active: true });
    const me = { tabId, cancelled: false };
    picking = me;
    try {
      // The author may first go to the right page: a navigation drops the request, so ask again once the
      // page has loaded, until something is picked, the author cancels, or the tab closes.
      for (let tries = 0; tries < 600 && !me.cancelled; tries++) {
        await waitForTabLoad(tabId);
        try {
          await injectPicker(tabId);
          const picked = await messaging.sendMessage('pickTarget', { hint: step.text.vi }, tabId);
          if (picked || me.cancelled) return picked;
          return null;
        } catch {
          if (me.cancelled) return null;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      return null;
    } finally {
      if (picking === me) picking = null;
      await backHere().catch(() => undefined);
    }
  },
  cancelPick: () => {
    if (!picking) return;
    picking.cancelled = true;
    void messaging.sendMessage('cancelPick', undefined, picking.tabId).catch(() => undefined);
  },

  trial: async (pack, wi) => {
    const w = pack.walkthroughs[wi]!;
    const tabId = await findSiteTab(pack.origins, w.startUrl, w.startUrl);
    await browser.tabs.update(tabId, { active: true });
    await messaging.sendMessage('startTrial', { packId: pack.id, walkthroughId: w.id, tabId });
  },
  stopTrial: async () => {
    const s = await sessionStore.get();
    if (s?.trial) await messaging.sendMessage('finish', { outcome: 'stopped' });
  },
  trialState: async () => {
    const s = await sessionStore.get();
    if (!s?.trial) return null;
    return {
      packId: s.packId,
      walkthroughId: s.walkthroughId,
      version: s.walkthroughVersion,
      stepIndex: s.stepIndex,
      running: s.status === 'running' || s.status === 'done',
      found: s.found ?? [],
      notFound: s.notFound,
    };
  },
  watchTrial: (onChange) => sessionStore.watch(() => onChange()),
};

function App(): JSX.Element | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [library, setLibrary] = useState<Library | null>(null);
  useEffect(() => {
    void readSettings().then(setSettings, () => setSettings(DEFAULT_SETTINGS));
    void libraryItem.getValue().then(setLibrary);
  }, []);
  const lang = settings?.lang ?? 'vi';
  const t = useMemo(() => createTranslator(lang), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const query = new URLSearchParams(location.search);
  const packId = query.get('pack') ?? '';
  return settings && library ? <PackEditor t={t} lang={lang} library={library} packId={packId} walkthroughId={query.get('w') ?? undefined} api={api} /> : null;
}

render(<App />, document.getElementById('app')!);
