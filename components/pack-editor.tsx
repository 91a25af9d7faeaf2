// The editor of one of the desk's packs: for each step its vi / en hint, move up / down, delete, merge with
// the next; saving validates the whole pack with parsePack (a new patch version) and shows its messages
// beside the fields they name. Built-in packs are never edited here (the library holds copies only).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { localText, type Lang, type Translate } from '../core/i18n';
import { deleteStep, mergeWithNext, moveStep, type Library } from '../core/pack-library';
import type { Pack, PackError, Step } from '../core/pack';

export interface EditorApi {
  /** Validate and save the pack with these steps for walkthrough `wi`; the saved pack or the messages. */
  save(pack: Pack, wi: number, steps: Step[]): Promise<{ ok: true; pack: Pack } | { ok: false; errors: PackError[] }>;
}

export function PackEditor({ t, lang, library, packId, api }: { t: Translate; lang: Lang; library: Library; packId: string; api: EditorApi }): JSX.Element {
  const pack = library.packs[packId]?.at(-1);
  const [wi, setWi] = useState(0);
  const [steps, setSteps] = useState<Step[]>(() => structuredClone(pack?.walkthroughs[0]?.steps ?? []));
  const [errors, setErrors] = useState<PackError[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  if (!pack) return <p role="alert">{t('editor.missing')}</p>;
  const w = pack.walkthroughs[wi]!;
  const errorAt = (path: string): string | undefined => errors.find((e) => e.path === path)?.message;
  const edit = (next: Step[]): void => {
    setSteps(next);
    setStatus(null);
  };
  const setText = (i: number, lang: 'vi' | 'en', value: string): void =>
    edit(steps.map((s, j) => (j === i ? { ...s, text: lang === 'vi' ? { ...s.text, vi: value } : value ? { ...s.text, en: value } : { vi: s.text.vi } } : s)));
  const save = async (): Promise<void> => {
    const r = await api.save(pack, wi, steps);
    if (r.ok) {
      setErrors([]);
      setStatus(t('editor.saved', { version: r.pack.version }));
    } else {
      setErrors(r.errors);
      setStatus(t('editor.invalid'));
    }
  };
  return (
    <main class="editor">
      <h1>{t('editor.title', { title: localText(pack.title, lang) })}</h1>
      <p class="muted">
        {pack.id} · {pack.version}
      </p>
      {pack.walkthroughs.length > 1 ? (
        <label>
          {t('editor.walkthrough')}{' '}
          <select
            value={wi}
            onChange={(e) => {
              const i = Number((e.currentTarget as HTMLSelectElement).value);
              setWi(i);
              setSteps(structuredClone(pack.walkthroughs[i]!.steps));
            }}
          >
            {pack.walkthroughs.map((x, i) => (
              <option key={x.id} value={i}>
                {localText(x.title, lang)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <h2>{localText(w.title, lang)}</h2>
      <ol class="editor-steps">
        {steps.map((s, i) => {
          const base = `/walkthroughs/${wi}/steps/${i}`;
          return (
            <li key={s.id} data-step={i}>
              <p class="muted">
                {t(`editor.advance.${s.advance.kind}`)} · {s.page}
                {s.private ? ` · ${t(`overlay.private.${s.private}`)}` : ''}
              </p>
              <label>
                {t('editor.textVi')}
                <textarea value={s.text.vi} rows={2} maxLength={600} onInput={(e) => setText(i, 'vi', (e.currentTarget as HTMLTextAreaElement).value)} data-testid="text-vi" aria-invalid={!!errorAt(`${base}/text/vi`)} />
              </label>
              {errorAt(`${base}/text/vi`) ? <p class="field-error">{errorAt(`${base}/text/vi`)}</p> : null}
              <label>
                {t('editor.textEn')}
                <textarea value={s.text.en ?? ''} rows={2} maxLength={600} onInput={(e) => setText(i, 'en', (e.currentTarget as HTMLTextAreaElement).value)} data-testid="text-en" aria-invalid={!!errorAt(`${base}/text/en`)} />
              </label>
              {errorAt(`${base}/text/en`) ? <p class="field-error">{errorAt(`${base}/text/en`)}</p> : null}
              <div class="actions">
                <button type="button" class="btn" disabled={i === 0} onClick={() => edit(moveStep(i, i - 1)(steps))}>
                  {t('editor.up')}
                </button>
                <button type="button" class="btn" disabled={i === steps.length - 1} onClick={() => edit(moveStep(i, i + 1)(steps))}>
                  {t('editor.down')}
                </button>
                <button type="button" class="btn" disabled={i === steps.length - 1} onClick={() => edit(mergeWithNext(i)(steps))}>
                  {t('editor.merge')}
                </button>
                <button type="button" class="btn" onClick={() => edit(deleteStep(i)(steps))}>
                  {t('editor.delete')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {errors.filter((e) => !/\/text\/(vi|en)$/.test(e.path)).length ? (
        <ul role="alert" class="field-error">
          {errors
            .filter((e) => !/\/text\/(vi|en)$/.test(e.path))
            .map((e, i) => (
              <li key={i}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
        </ul>
      ) : null}
      <button type="button" class="btn btn-main" onClick={() => void save()} data-testid="editor-save">
        {t('editor.save')}
      </button>
      {status ? (
        <p role="status" data-testid="editor-status">
          {status}
        </p>
      ) : null}
    </main>
  );
}
