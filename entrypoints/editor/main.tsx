// Editor page wiring (editor.html?pack=<id>): the desk's library from the extension's private store, saving a new version,
// re-capturing a step's target or adding a step on a tab of the site, outlining a step's control there, and trial
// runs through the background.
import './style.css';
import { render, type JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PackEditor, type EditorApi } from '../../components/pack-editor';
import { focusLinkedStep } from '../../components/editor-step-link';
import { createTranslator } from '../../core/i18n';
import type { Library } from '../../core/pack-library';
import { createEditorApi } from '../../extension/editor-api';
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

const api: EditorApi = createEditorApi({
  library: libraryItem,
  builtInIds: BUILT_IN_IDS,
  session: sessionStore,
  findSiteTab,
  waitForTabLoad,
  activate: async (tabId) => void (await browser.tabs.update(tabId, { active: true })),
  backHere,
  // The picker is put into the tab first (it is not in the content script); again after each page load.
  pickTarget: async (tabId, hint, add) => {
    await injectPicker(tabId);
    return messaging.sendMessage('pickTarget', { hint, add }, tabId);
  },
  cancelPick: (tabId) => messaging.sendMessage('cancelPick', undefined, tabId),
  showTarget: async (tabId, data) => {
    await injectPicker(tabId);
    return messaging.sendMessage('showTarget', data, tabId);
  },
  startTrial: (packId, walkthroughId, tabId) => messaging.sendMessage('startTrial', { packId, walkthroughId, tabId }).then(() => undefined),
  stopTrial: () => messaging.sendMessage('finish', { outcome: 'stopped' }).then(() => undefined),
});

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
// editor.html?…&step=N (the dashboard's "Cần kiểm tra gói" links): that step scrolled to, focused and marked.
focusLinkedStep(document, location.search);
