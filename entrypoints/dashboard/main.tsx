// Dashboard page wiring (dashboard.html, an unlisted extension page): the component, the log store of this
// extension's IndexedDB, the desk settings, downloads and printing.
import './style.css';
import { render, type JSX } from 'preact';
import { browser } from 'wxt/browser';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { Dashboard, type DashboardApi } from '../../components/dashboard';
import { createTranslator } from '../../core/i18n';
import { createLogStore, type LogStore } from '../../core/log-store';
import { createCatalog, type Catalog } from '../../core/catalog';
import { BUILT_IN_IDS, libraryItem, loadCatalog } from '../../extension/library';
import { createEditorLinks } from '../../extension/editor-link';
import { SHIPPED_PACKS } from '../../walkthroughs';
import { download } from '../../extension/download';
import { DEFAULT_SETTINGS, readSettings, settingsItem, type Settings } from '../../extension/settings';

/**
 * The store is opened for each operation and closed after it: an open connection held by this page would
 * block a later upgrade of the database by the background.
 */
async function withStore<T>(run: (store: LogStore) => Promise<T>): Promise<T> {
  const store = await createLogStore();
  try {
    return await run(store);
  } finally {
    store.close();
  }
}

const api: DashboardApi = {
  summary: (filter) => withStore((s) => s.summary(filter)),
  records: (filter) => withStore((s) => s.all(filter)),
  csv: (filter, lang, label) => withStore((s) => s.csv(filter, lang, label)),
  count: () => withStore((s) => s.count()),
  addMany: (records, options) => withStore((s) => s.addMany(records, options)),
  maintain: (cutoff) => withStore((s) => s.maintain(cutoff)),
  clear: () => withStore((s) => s.clear()),
  storageUsage: async () => (await navigator.storage?.estimate?.())?.usage ?? null,
  download,
  print: () => window.print(),
  now: () => Date.now(),
  warnings: (filter) => withStore((s) => s.warnings(filter)),
  warningDays: (filter) => withStore((s) => s.warningDays(filter)),
  addWarningDays: (days) => withStore((s) => s.addWarningDays(days)),
  editorUrl: (packId, walkthroughId) => browser.runtime.getURL(`/editor.html?pack=${encodeURIComponent(packId)}&w=${encodeURIComponent(walkthroughId)}`),
  editorStep: createEditorLinks({
    library: libraryItem,
    builtInIds: BUILT_IN_IDS,
    shipped: createCatalog(SHIPPED_PACKS).packs,
    url: (path) => browser.runtime.getURL(path as '/editor.html'),
    openTab: async (url) => void (await browser.tabs.create({ url })),
  }),
};

function App(): JSX.Element | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const load = (): void => void readSettings().then(setSettings, () => setSettings(DEFAULT_SETTINGS));
    load();
    return settingsItem.watch(load);
  }, []);
  const lang = settings?.lang ?? 'vi';
  const t = useMemo(() => createTranslator(lang), [lang]);
  // In the same commit as the page's text: the tab title and the page language never lag behind it.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('dashboard.pageTitle');
  }, [lang, t]);
  // Titles of the shipped packs and of the desk's own.
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  useEffect(() => {
    const load = (): void => void loadCatalog().then(setCatalog);
    load();
    return libraryItem.watch(load);
  }, []);
  // Wait for the settings and titles: the page opens in the desk's language straight away.
  return settings && catalog ? <Dashboard t={t} settings={settings} catalog={catalog} api={api} /> : null;
}

render(<App />, document.getElementById('app')!);
