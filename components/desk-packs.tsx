// The console's list of the desk's own packs (recorded, installed or edited copies): install from a file or
// an https address, check an installed address for a newer version, export for other desks and for the
// widget, roll back to the previous version, remove; edit a built-in pack through a local copy. Bad files
// are refused with the validator's messages and their paths; nothing installed is touched. A pack naming
// origins outside the official list is installed only after the ward admin trusts them explicitly; origins
// the extension may not run on yet are asked for at run time, one click each.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { unexpected, type DataError } from '../core/errors';
import { ErrorList } from './error-list';
import { localText, type Lang, type Translate } from '../core/i18n';
import { isEditedCopy, type Library } from '../core/pack-library';
import type { Pack, PackError } from '../core/pack';

export type InstallResult = { ok: true; pack: Pack } | { ok: false; errors: PackError[]; untrusted?: string[] };

export interface PacksApi {
  library(): Promise<Library>;
  watch(onChange: () => void): () => void;
  /**
   * Install a pack file's text; the pack or the validator's messages (and the origins to trust, if that is
   * what stops it). `trust`: the ward admin trusts these origins (access to them is requested first).
   */
  install(text: string, options?: { trust?: string[]; source?: string }): Promise<InstallResult>;
  /** Download a pack file from an https address (asking for access to that origin first). */
  fetchPack(url: string): Promise<{ ok: true; text: string } | { ok: false; error: DataError }>;
  /** Download the pack again from where it came from and install it if it is newer. */
  checkUpdate(packId: string): Promise<InstallResult | { ok: false; latest: true }>;
  /** Origins of the pack the extension may not run on yet; and asking for them (first await of a click). */
  access(pack: Pack): Promise<string[]>;
  grant(origins: string[]): Promise<boolean>;
  rollBack(packId: string): Promise<void>;
  remove(packId: string): Promise<void>;
  exportFile(pack: Pack): void;
  /** Open the editor on a pack. */
  edit(packId: string, walkthroughId?: string): void;
  /** The built-in packs (never edited themselves). */
  builtIns(): { id: string; title: Pack['title'] }[];
  /** Edit a built-in pack: make (or reuse) the desk's local copy and open the editor on it. */
  editCopy(builtInId: string, walkthroughId?: string): Promise<void>;
}

interface Message {
  text: string;
  errors?: PackError[];
}

export function DeskPacks({ t, lang, api }: { t: Translate; lang: Lang; api: PacksApi }): JSX.Element {
  const [lib, setLib] = useState<Library | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  /** A pack waiting for the ward admin's trust (its text is kept in memory only until then). */
  const [pending, setPending] = useState<{ text: string; source?: string; name: string; untrusted: string[] } | null>(null);
  const [adminSure, setAdminSure] = useState(false);
  const [missing, setMissing] = useState<Record<string, string[]>>({});
  const builtIns = api.builtIns();
  const [copyOf, setCopyOf] = useState(builtIns[0]?.id ?? '');

  useEffect(() => {
    const load = (): void => void api.library().then(setLib);
    load();
    return api.watch(load);
  }, [api]);
  useEffect(() => {
    if (!lib) return;
    let live = true;
    void Promise.all(Object.entries(lib.packs).map(async ([id, v]) => [id, await api.access(v.at(-1)!).catch(() => [])] as const)).then((pairs) => {
      if (live) setMissing(Object.fromEntries(pairs.filter(([, m]) => m.length)));
    });
    return () => {
      live = false;
    };
  }, [api, lib]);

  const outcome = (r: InstallResult, name: string, text: string, source?: string): void => {
    if (r.ok) {
      setPending(null);
      setMessage({ text: t('packs.installed', { title: localText(r.pack.title, lang), version: r.pack.version }) });
    } else if (r.untrusted?.length) {
      setAdminSure(false);
      setPending({ text, source, name, untrusted: r.untrusted });
      setMessage({ text: t('packs.needsTrust', { file: name }), errors: r.errors });
    } else {
      setMessage({ text: t('packs.refused', { file: name }), errors: r.errors });
    }
  };

  const fail = (err: unknown): InstallResult => ({ ok: false, errors: [unexpected(err)] });

  const onFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    outcome(await api.install(text).catch(fail), file.name, text);
    input.value = '';
  };

  const onUrl = async (): Promise<void> => {
    setBusy(true);
    try {
      const got = await api.fetchPack(url.trim());
      if (!got.ok) {
        setMessage({ text: t('packs.fetchFailed', { url: url.trim() }), errors: [got.error] });
        return;
      }
      outcome(await api.install(got.text, { source: url.trim() }).catch(fail), url.trim(), got.text, url.trim());
    } finally {
      setBusy(false);
    }
  };

  const onTrust = (): void => {
    if (!pending) return;
    // The access request is the first thing this click awaits (inside api.install).
    void api
      .install(pending.text, { trust: pending.untrusted, ...(pending.source ? { source: pending.source } : {}) })
      .catch(fail)
      .then((r) => outcome(r, pending.name, pending.text, pending.source));
  };

  const onUpdate = async (id: string): Promise<void> => {
    const r = await api.checkUpdate(id).catch(fail);
    const from = lib?.sources?.[id] ?? id;
    if ('latest' in r) setMessage({ text: t('packs.latest', { url: from }) });
    else if (r.ok) setMessage({ text: t('packs.updated', { title: localText(r.pack.title, lang), version: r.pack.version }) });
    else setMessage({ text: t('packs.refused', { file: from }), errors: r.errors });
  };

  const entries = Object.entries(lib?.packs ?? {});
  return (
    <section class="desk-packs" aria-labelledby="packs-title">
      <h2 id="packs-title">{t('packs.title')}</h2>
      {entries.length === 0 ? <p class="wt-hint">{t('packs.none')}</p> : null}
      <ul class="pack-list">
        {entries.map(([id, versions]) => {
          const pack = versions.at(-1)!;
          const needs = missing[id];
          return (
            <li key={id} data-pack={id}>
              <span>
                {localText(pack.title, lang)} · {pack.version}
                {isEditedCopy(pack) ? (
                  <span class="wt-copy" data-testid="pack-copy">
                    {t('packs.editedCopy')}
                  </span>
                ) : null}
                {versions.length > 1 ? <span class="muted"> ({t('packs.versions', { n: versions.length })})</span> : null}
              </span>
              {needs?.length ? (
                <span class="panel-error" data-testid="pack-needs-access">
                  {t('packs.needsAccess', { origins: needs.join(', ') })}{' '}
                  <button type="button" class="btn" onClick={() => void api.grant(needs)} data-testid="pack-grant">
                    {t('packs.grant')}
                  </button>
                </span>
              ) : null}
              <span class="actions">
                <button type="button" class="btn" onClick={() => api.edit(id)} data-testid="pack-edit">
                  {t('packs.edit')}
                </button>
                <button type="button" class="btn" onClick={() => api.exportFile(pack)} data-testid="pack-export">
                  {t('packs.export')}
                </button>
                {lib?.sources?.[id] ? (
                  <button type="button" class="btn" onClick={() => void onUpdate(id)} data-testid="pack-update">
                    {t('packs.update')}
                  </button>
                ) : null}
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
      {builtIns.length ? (
        <div class="setting">
          <label for="copy-of">{t('packs.editBuiltIn')}</label>
          <span class="actions">
            <select id="copy-of" value={copyOf} onChange={(e) => setCopyOf((e.currentTarget as HTMLSelectElement).value)} data-testid="copy-of">
              {builtIns.map((b) => (
                <option key={b.id} value={b.id}>
                  {localText(b.title, lang)}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="btn"
              onClick={() =>
                void api.editCopy(copyOf).then(
                  () => setMessage({ text: t('packs.copyMade') }),
                  (err: unknown) => setMessage({ text: t('packs.copyFailed'), errors: [unexpected(err)] }),
                )
              }
              data-testid="copy-edit"
            >
              {t('packs.edit')}
            </button>
          </span>
        </div>
      ) : null}
      <label class="setting">
        {t('packs.install')}
        <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e.currentTarget)} data-testid="pack-install" />
      </label>
      <div class="setting">
        <label for="pack-url">{t('packs.installUrl')}</label>
        <span class="actions">
          <input id="pack-url" type="url" inputMode="url" placeholder="https://…/goi.json" value={url} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} data-testid="pack-url" />
          <button type="button" class="btn" disabled={busy || !/^https:\/\/\S+$/.test(url.trim())} onClick={() => void onUrl()} data-testid="pack-url-install">
            {t('packs.fetch')}
          </button>
        </span>
      </div>
      {pending ? (
        <div class="trust-box" role="group" aria-labelledby="trust-title" data-testid="trust-box">
          <p id="trust-title">
            <strong>{t('packs.trustTitle')}</strong>
          </p>
          <ul>
            {pending.untrusted.map((o) => (
              <li key={o}>
                <code>{o}</code>
              </li>
            ))}
          </ul>
          <label class="setting-check">
            <input type="checkbox" checked={adminSure} onChange={(e) => setAdminSure((e.currentTarget as HTMLInputElement).checked)} data-testid="trust-sure" /> {t('packs.trustSure')}
          </label>
          <span class="actions">
            <button type="button" class="btn btn-main" disabled={!adminSure} onClick={onTrust} data-testid="trust-install">
              {t('packs.trustInstall')}
            </button>
            <button type="button" class="btn" onClick={() => setPending(null)}>
              {t('packs.trustCancel')}
            </button>
          </span>
        </div>
      ) : null}
      {message ? (
        <div role={message.errors ? 'alert' : 'status'} class={message.errors ? 'panel-error' : 'panel-message'} data-testid="packs-message">
          {message.text}
          {message.errors ? (
            <ErrorList t={t} errors={message.errors} max={8} />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
