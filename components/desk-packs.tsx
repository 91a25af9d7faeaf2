// The console's list of the desk's own packs (recorded or installed): install from a file, export for other
// desks and for the widget, roll back to the previous version, remove. Bad files are refused with the
// validator's messages and their paths; nothing installed is touched.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { localText, type Lang, type Translate } from '../core/i18n';
import type { Library } from '../core/pack-library';
import type { Pack, PackError } from '../core/pack';

export interface PacksApi {
  library(): Promise<Library>;
  watch(onChange: () => void): () => void;
  /** Install a pack file's text; the pack or the validator's messages. */
  install(text: string): Promise<{ ok: true; pack: Pack } | { ok: false; errors: PackError[] }>;
  rollBack(packId: string): Promise<void>;
  remove(packId: string): Promise<void>;
  exportFile(pack: Pack): void;
  /** Open the editor on a pack. */
  edit(packId: string): void;
}

export function DeskPacks({ t, lang, api }: { t: Translate; lang: Lang; api: PacksApi }): JSX.Element {
  const [lib, setLib] = useState<Library | null>(null);
  const [message, setMessage] = useState<{ text: string; errors?: PackError[] } | null>(null);
  useEffect(() => {
    const load = (): void => void api.library().then(setLib);
    load();
    return api.watch(load);
  }, [api]);

  const onFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    const r = await api.install(await file.text()).catch((err: unknown) => ({ ok: false as const, errors: [{ path: '/', message: String(err) }] }));
    setMessage(r.ok ? { text: t('packs.installed', { title: localText(r.pack.title, lang), version: r.pack.version }) } : { text: t('packs.refused', { file: file.name }), errors: r.errors });
    input.value = '';
  };

  const entries = Object.entries(lib?.packs ?? {});
  return (
    <section class="desk-packs" aria-labelledby="packs-title">
      <h2 id="packs-title">{t('packs.title')}</h2>
      {entries.length === 0 ? <p class="wt-hint">{t('packs.none')}</p> : null}
      <ul class="pack-list">
        {entries.map(([id, versions]) => {
          const pack = versions.at(-1)!;
          return (
            <li key={id} data-pack={id}>
              <span>
                {localText(pack.title, lang)} · {pack.version}
              </span>
              <span class="actions">
                <button type="button" class="btn" onClick={() => api.edit(id)} data-testid="pack-edit">
                  {t('packs.edit')}
                </button>
                <button type="button" class="btn" onClick={() => api.exportFile(pack)} data-testid="pack-export">
                  {t('packs.export')}
                </button>
                {versions.length > 1 ? (
                  <button type="button" class="btn" onClick={() => void api.rollBack(id)} data-testid="pack-rollback">
                    {t('packs.rollBack')}
                  </button>
                ) : null}
                <button type="button" class="btn" onClick={() => void api.remove(id)} data-testid="pack-remove">
                  {t('packs.remove')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <label class="setting">
        {t('packs.install')}
        <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e.currentTarget)} data-testid="pack-install" />
      </label>
      {message ? (
        <div role={message.errors ? 'alert' : 'status'} class={message.errors ? 'panel-error' : 'panel-message'} data-testid="packs-message">
          {message.text}
          {message.errors ? (
            <ul>
              {message.errors.slice(0, 8).map((e, i) => (
                <li key={i}>
                  <code>{e.path}</code>: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
