// Editor page wiring (editor.html?pack=<id>): the desk's library from storage.local, saving a new version.
import './style.css';
import { render, type JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { PackEditor, type EditorApi } from '../../components/pack-editor';
import { createTranslator } from '../../core/i18n';
import { editWalkthrough, install, type Library } from '../../core/pack-library';
import { BUILT_IN_IDS, libraryItem } from '../../extension/library';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../../extension/settings';

const api: EditorApi = {
  save: async (pack, wi, steps) => {
    const lib = await libraryItem.getValue();
    const edited = editWalkthrough(lib, pack, pack.walkthroughs[wi]!.id, (w) => ({ ...w, steps }));
    if (!edited.ok) return edited;
    const r = install(lib, edited.pack, { builtInIds: BUILT_IN_IDS });
    if (!r.ok) return r;
    await libraryItem.setValue(r.library);
    return { ok: true, pack: r.pack };
  },
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
  const packId = new URLSearchParams(location.search).get('pack') ?? '';
  return settings && library ? <PackEditor t={t} lang={lang} library={library} packId={packId} api={api} /> : null;
}

render(<App />, document.getElementById('app')!);
