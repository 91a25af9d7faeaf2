// Side panel wiring: the console component, talking to the background through the protocol.
import './style.css';
import '../../components/ocr-helper.css';
import '../../components/link-check.css';
import { render, type JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SidePanel, type PanelApi } from '../../components/side-panel';
import { createTranslator } from '../../core/i18n';
import { createCatalog, type Catalog } from '../../core/catalog';
import { SHIPPED_PACKS } from '../../walkthroughs';
import { fetchPackText } from '../../extension/fetch-pack';
import { missingAccess, requestAccess } from '../../extension/site-access';
import { guidedTabId } from '../../extension/site-tab';
import { download } from '../../extension/download';
import { injectPicker } from '../../extension/author-scripts';
import { createPageOcr } from '../../extension/ocr-api';
import { BUILT_IN_IDS, libraryItem, loadCatalog } from '../../extension/library';
import { createPacksApi } from '../../extension/packs-api';
import { pendingLogs } from '../../extension/pending-logs';
import { messaging } from '../../extension/protocol';
import { recordingItem } from '../../extension/recording';
import { sessionStore } from '../../extension/session-storage';
import { settingsItem } from '../../extension/settings';
import { coalesce } from '../../core/serial-queue';
import { createSpeaker, type UtteranceLike } from '../../core/voices';
import { useDeskSettings } from '../../extension/use-settings';
import { scamPermission } from '../../extension/scam-permission';

/** The console answers changes of the session, recording and waiting logs this long after the first of a burst. @default 20 */
const CONSOLE_COALESCE_MS = 20;

/** This browser's voices, the same the resident's tab reads hints with. */
const VOICES = createSpeaker(globalThis.speechSynthesis, (text) => new SpeechSynthesisUtterance(text) as UtteranceLike);

/** The built-in packs as validated at build time (the shipped files). */
const SHIPPED = createCatalog(SHIPPED_PACKS).packs;

const editorUrl = (packId: string, walkthroughId?: string): string =>
  browser.runtime.getURL(`/editor.html?pack=${encodeURIComponent(packId)}${walkthroughId ? `&w=${encodeURIComponent(walkthroughId)}` : ''}`);

const api: PanelApi = {
  start: async (packId, walkthroughId, fromStep, options) =>
    messaging.sendMessage('start', {
      packId,
      walkthroughId,
      tabId: await guidedTabId(),
      ...(fromStep !== undefined ? { fromStep } : {}),
      ...(options?.residentMode !== undefined ? { residentMode: options.residentMode } : {}),
    }),
  setResidentMode: (on) => messaging.sendMessage('setResidentMode', { on }),
  undoFinish: (sessionId) => messaging.sendMessage('undoFinish', { sessionId }),
  startChoice: async (packId, walkthroughId) => messaging.sendMessage('startChoice', { packId, walkthroughId, tabId: await guidedTabId() }),
  openStepPage: () => messaging.sendMessage('openStepPage'),
  current: () => messaging.sendMessage('current'),
  next: () => messaging.sendMessage('next'),
  back: () => messaging.sendMessage('back'),
  repeat: () => messaging.sendMessage('repeat'),
  skip: () => messaging.sendMessage('skip'),
  pause: (paused) => messaging.sendMessage('pause', { paused }),
  finish: (outcome, details) => messaging.sendMessage('finish', { outcome, ...details }),
  pendingLogs: async () => (await pendingLogs.get()).length,
  openDashboard: () => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }),
  subscribe: (onChange) => {
    // One page load or step change writes the session two or three times within milliseconds: the console
    // reads it once for them all, so it does not compete with the resident's page for the desk PC's CPU.
    const changed = coalesce(onChange, CONSOLE_COALESCE_MS);
    const a = sessionStore.watch(changed);
    const b = recordingItem.watch(changed);
    const c = pendingLogs.watch(changed);
    return () => {
      changed.cancel();
      a();
      b();
      c();
    };
  },
  packs: createPacksApi({
    library: libraryItem,
    builtInIds: BUILT_IN_IDS,
    shipped: SHIPPED,
    requestAccess,
    missingAccess,
    fetchPackText: (url) => fetchPackText(url),
    openEditor: async (packId, walkthroughId) => void (await browser.tabs.create({ url: editorUrl(packId, walkthroughId) })),
    download,
  }),
  recorder: {
    start: async () => messaging.sendMessage('startRecording', { tabId: await guidedTabId() }),
    current: () => messaging.sendMessage('recording'),
    undo: () => messaging.sendMessage('undoStep'),
    stop: (title, category) => messaging.sendMessage('stopRecording', { title, category }),
    cancel: () => messaging.sendMessage('cancelRecording'),
  },
  ocr: createPageOcr({ captureTab: true, openInTab: true }),
  scamPermission: scamPermission(),
  // Heal on the spot: the picker goes into the resident's tab (it is not in the guide), the pick to the background.
  heal: {
    pick: async (index, hint) => {
      const tabId = (await sessionStore.get())?.tabId;
      if (tabId === undefined || !(await injectPicker(tabId))) return null;
      const picked = await messaging.sendMessage('pickTarget', { hint }, tabId);
      return picked ? messaging.sendMessage('repairStep', { index, anchor: picked.anchor }) : null;
    },
    cancel: async () => {
      const tabId = (await sessionStore.get())?.tabId;
      if (tabId !== undefined) await messaging.sendMessage('cancelPick', undefined, tabId).catch(() => undefined);
    },
  },
};

function App(): JSX.Element {
  const settings = useDeskSettings();
  useEffect(() => {
    document.documentElement.lang = settings.lang;
  }, [settings.lang]);
  const t = useMemo(() => createTranslator(settings.lang), [settings.lang]);
  // Shipped packs and the desk's own (a recording saved shows at once).
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  useEffect(() => {
    const load = (): void => void loadCatalog().then(setCatalog);
    load();
    return libraryItem.watch(load);
  }, []);
  const search = useMemo(() => (catalog ? catalog.search : () => []), [catalog]);
  return <SidePanel t={t} search={search} api={api} settings={settings} onSettings={(next) => void settingsItem.setValue(next)} voices={VOICES} />;
}

render(<App />, document.getElementById('app')!);
