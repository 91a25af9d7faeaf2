// The editor of one of the desk's packs: for each walkthrough its category and what to bring; for each step
// its vi / en hint, move up / down, delete, merge with the next, and "Chọn lại trên trang" (re-capture: the
// author clicks the control on the site and the step points there). "Chạy thử" plays the saved version on
// the site and marks each step found / not found as the author goes. Saving validates the whole pack with
// parsePack (a new patch version) and shows its messages beside the fields they name. Built-in packs are
// never edited here (the library holds copies only).
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Anchor } from '../core/anchors/index';
import { CategorySelect } from './category-select';
import { errorText } from '../core/error-text';
import { localText, type Lang, type Translate } from '../core/i18n';
import { deleteStep, mergeWithNext, moveStep, recaptureStep, type Library } from '../core/pack-library';
import { type LocalText, type Pack, type PackError, type Step, type Walkthrough } from '../core/pack';

/** A step's target picked again on the page. */
export interface Picked {
  anchor: Anchor;
  page: string;
  label: string;
  private?: Step['private'];
}

/** A trial run's progress, as the running session says. */
export interface TrialState {
  packId: string;
  walkthroughId: string;
  version: string;
  stepIndex: number;
  running: boolean;
  found: number[];
  notFound: number[];
}

export interface EditorApi {
  /** Validate and save the pack with this walkthrough at index `wi`; the saved pack or the messages. */
  save(pack: Pack, wi: number, walkthrough: Walkthrough): Promise<{ ok: true; pack: Pack } | { ok: false; errors: PackError[] }>;
  /** Let the author click this step's target on the site (a tab of the pack's origins); null: cancelled. */
  pick(pack: Pack, wi: number, step: Step): Promise<Picked | null>;
  cancelPick(): void;
  /** Play the saved version of walkthrough `wi` as a trial (not logged). */
  trial(pack: Pack, wi: number): Promise<void>;
  stopTrial(): Promise<void>;
  /** The trial under way (or the last one still shown), and a way to follow it. */
  trialState(): Promise<TrialState | null>;
  watchTrial(onChange: () => void): () => void;
}

const bringLines = (bring: LocalText[]): string => bring.map((b) => b.vi).join('\n');

/** The search words (aliases) from their one input: comma-separated, blanks dropped; none is no list. */
export function parseAliases(text: string): string[] | undefined {
  const words = text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  return words.length ? words : undefined;
}

/** The bring list from the text area: one thing a line; a line left as it was keeps its English. */
function parseBring(text: string, before: LocalText[]): LocalText[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((vi) => before.find((b) => b.vi === vi) ?? { vi });
}

type StepMark = 'found' | 'not-found' | 'current' | 'pending';

export function PackEditor({ t, lang, library, packId, walkthroughId, api }: { t: Translate; lang: Lang; library: Library; packId: string; walkthroughId?: string; api: EditorApi }): JSX.Element {
  const saved = library.packs[packId]?.at(-1);
  const first = Math.max(0, saved?.walkthroughs.findIndex((w) => w.id === walkthroughId) ?? 0);
  const [pack, setPack] = useState<Pack | undefined>(saved);
  const [wi, setWi] = useState(first);
  const [draft, setDraft] = useState<Walkthrough | undefined>(() => (saved ? structuredClone(saved.walkthroughs[first]) : undefined));
  const [bringText, setBringText] = useState(() => bringLines(saved?.walkthroughs[first]?.bring ?? []));
  const [aliasText, setAliasText] = useState(() => (saved?.walkthroughs[first]?.aliases ?? []).join(', '));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<PackError[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [picking, setPicking] = useState<number | null>(null);
  const [repicked, setRepicked] = useState<Record<number, string>>({});
  const [trial, setTrial] = useState<TrialState | null>(null);

  useEffect(() => {
    // A finished trial's marks stay on screen until the next one.
    const load = (): void =>
      void api.trialState().then(
        (next) => setTrial((prev) => next ?? (prev ? { ...prev, running: false } : null)),
        () => undefined,
      );
    load();
    return api.watchTrial(load);
  }, [api]);

  if (!pack || !draft) return <p role="alert">{t('editor.missing')}</p>;
  const steps = draft.steps;
  const errorAt = (path: string): string | undefined => {
    const e = errors.find((x) => x.path === path);
    return e ? errorText(t, e) : undefined;
  };
  const base = `/walkthroughs/${wi}`;
  const change = (next: Walkthrough): void => {
    setDraft(next);
    setDirty(true);
    setStatus(null);
  };
  const edit = (next: Step[]): void => {
    change({ ...draft, steps: next });
    setRepicked({});
  };
  const setText = (i: number, which: 'vi' | 'en', value: string): void =>
    change({ ...draft, steps: steps.map((s, j) => (j === i ? { ...s, text: which === 'vi' ? { ...s.text, vi: value } : value ? { ...s.text, en: value } : { vi: s.text.vi } } : s)) });
  const openWalkthrough = (p: Pack, i: number): void => {
    setWi(i);
    setDraft(structuredClone(p.walkthroughs[i]!));
    setBringText(bringLines(p.walkthroughs[i]!.bring));
    setAliasText((p.walkthroughs[i]!.aliases ?? []).join(', '));
    setDirty(false);
    setRepicked({});
  };
  const save = async (): Promise<void> => {
    const next: Walkthrough = { ...draft, bring: parseBring(bringText, draft.bring) };
    const aliases = parseAliases(aliasText);
    if (aliases) next.aliases = aliases;
    else delete next.aliases;
    const r = await api.save(pack, wi, next);
    if (r.ok) {
      setErrors([]);
      setPack(r.pack);
      openWalkthrough(r.pack, wi);
      setStatus(t('editor.saved', { version: r.pack.version }));
    } else {
      setErrors(r.errors);
      setStatus(t('editor.invalid'));
    }
  };
  const repick = async (i: number): Promise<void> => {
    setPicking(i);
    setStatus(t('editor.picking'));
    try {
      const picked = await api.pick(pack, wi, steps[i]!);
      if (!picked) {
        setStatus(t('editor.pickCancelled'));
        return;
      }
      const next = recaptureStep(i, { anchor: picked.anchor, page: picked.page })(steps).map((s, j) => {
        if (j !== i) return s;
        // A field that turns out to be a password / OTP / PIN field keeps the resident's privacy.
        return picked.private ? { ...s, private: picked.private } : s;
      });
      change({ ...draft, steps: next });
      setRepicked({ ...repicked, [i]: picked.label });
      setStatus(t('editor.picked', { n: i + 1 }));
    } catch (err) {
      setStatus(t('editor.pickFailed', { reason: err instanceof Error && err.message === 'no-tab' ? t('editor.noTab') : t('editor.pageLeft') }));
    } finally {
      setPicking(null);
    }
  };
  const trialHere = trial && trial.packId === pack.id && trial.walkthroughId === draft.id ? trial : null;
  const markOf = (i: number): StepMark | null => {
    if (!trialHere) return null;
    if (trialHere.found.includes(i)) return 'found';
    if (trialHere.notFound.includes(i)) return 'not-found';
    return trialHere.running && trialHere.stepIndex === i ? 'current' : 'pending';
    // (past the last step the session is done: no step is current)
  };
  const runTrial = async (): Promise<void> => {
    setStatus(null);
    try {
      await api.trial(pack, wi);
      setStatus(t('editor.trialStarted', { version: pack.version }));
    } catch {
      setStatus(t('editor.trialFailed'));
    }
  };
  const otherErrors = errors.filter((e) => !/\/(text\/(vi|en)|bring(\/\d+)?(\/vi|\/en)?|aliases(\/\d+)?|category)$/.test(e.path));
  const missing = trialHere ? trialHere.notFound.length : 0;

  return (
    <main class="editor">
      <h1>{t('editor.title', { title: localText(pack.title, lang) })}</h1>
      <p class="muted">
        {pack.id} · {pack.version}
      </p>
      {pack.walkthroughs.length > 1 ? (
        <label>
          {t('editor.walkthrough')}{' '}
          <select value={wi} onChange={(e) => openWalkthrough(pack, Number((e.currentTarget as HTMLSelectElement).value))}>
            {pack.walkthroughs.map((x, i) => (
              <option key={x.id} value={i}>
                {localText(x.title, lang)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <h2>{localText(draft.title, lang)}</h2>
      <div class="editor-meta">
        <label>
          {t('editor.category')}
          <CategorySelect t={t} value={draft.category} onChange={(category) => change({ ...draft, category })} testId="editor-category" />
        </label>
        {errorAt(`${base}/category`) ? <p class="field-error">{errorAt(`${base}/category`)}</p> : null}
        <label>
          {t('editor.bring')}
          <textarea
            value={bringText}
            rows={3}
            maxLength={2000}
            onInput={(e) => {
              setBringText((e.currentTarget as HTMLTextAreaElement).value);
              setDirty(true);
              setStatus(null);
            }}
            data-testid="editor-bring"
            aria-invalid={errors.some((e) => e.path.startsWith(`${base}/bring`))}
          />
        </label>
        {errors
          .filter((e) => e.path.startsWith(`${base}/bring`))
          .map((e) => (
            <p class="field-error" key={e.path}>
              {t('editor.bringLine', { n: Number(e.path.split('/')[4] ?? 0) + 1 })}: {errorText(t, e)}
            </p>
          ))}
        <label>
          {t('editor.aliases')}
          <input
            type="text"
            value={aliasText}
            maxLength={1000}
            onInput={(e) => {
              setAliasText((e.currentTarget as HTMLInputElement).value);
              setDirty(true);
              setStatus(null);
            }}
            data-testid="editor-aliases"
            aria-invalid={errors.some((e) => e.path.startsWith(`${base}/aliases`))}
          />
        </label>
        {errors
          .filter((e) => e.path.startsWith(`${base}/aliases`))
          .map((e) => (
            <p class="field-error" key={e.path}>
              {e.path.split('/')[4] === undefined ? '' : `${t('editor.aliasLine', { n: Number(e.path.split('/')[4]) + 1 })}: `}
              {errorText(t, e)}
            </p>
          ))}
      </div>
      <div class="actions trial">
        <button type="button" class="btn" onClick={() => void runTrial()} data-testid="editor-trial">
          {t('editor.trial')}
        </button>
        {trialHere?.running ? (
          <button type="button" class="btn" onClick={() => void api.stopTrial()} data-testid="editor-trial-stop">
            {t('editor.trialStop')}
          </button>
        ) : null}
        {dirty ? <span class="muted">{t('editor.trialSaved')}</span> : null}
      </div>
      {trialHere ? (
        <p role="status" class={missing ? 'field-error' : 'muted'} data-testid="trial-summary">
          {missing ? t('editor.trialMissing', { n: missing }) : t('editor.trialSoFar', { n: trialHere.found.length, total: steps.length })}
        </p>
      ) : null}
      <ol class="editor-steps">
        {steps.map((s, i) => {
          const path = `${base}/steps/${i}`;
          const mark = markOf(i);
          return (
            <li key={s.id} data-step={i} data-mark={mark ?? undefined} class={mark === 'not-found' ? 'step-missing' : undefined}>
              <p class="muted">
                {t(`editor.advance.${s.advance.kind}`)} · {s.page}
                {s.private ? ` · ${t(`overlay.private.${s.private}`)}` : ''}
              </p>
              {mark ? (
                <p class={`trial-mark trial-${mark}`} data-testid="trial-mark">
                  {t(`editor.mark.${mark}`)}
                </p>
              ) : null}
              <label>
                {t('editor.textVi')}
                <textarea value={s.text.vi} rows={2} maxLength={600} onInput={(e) => setText(i, 'vi', (e.currentTarget as HTMLTextAreaElement).value)} data-testid="text-vi" aria-invalid={!!errorAt(`${path}/text/vi`)} />
              </label>
              {errorAt(`${path}/text/vi`) ? <p class="field-error">{errorAt(`${path}/text/vi`)}</p> : null}
              <label>
                {t('editor.textEn')}
                <textarea value={s.text.en ?? ''} rows={2} maxLength={600} onInput={(e) => setText(i, 'en', (e.currentTarget as HTMLTextAreaElement).value)} data-testid="text-en" aria-invalid={!!errorAt(`${path}/text/en`)} />
              </label>
              {errorAt(`${path}/text/en`) ? <p class="field-error">{errorAt(`${path}/text/en`)}</p> : null}
              {repicked[i] ? (
                <p class="muted" data-testid="repicked">
                  {t('editor.repicked', { text: repicked[i] })}
                </p>
              ) : null}
              <div class="actions">
                {picking === i ? (
                  <button type="button" class="btn btn-main" onClick={() => api.cancelPick()} data-testid="pick-cancel">
                    {t('editor.pickCancel')}
                  </button>
                ) : (
                  <button type="button" class="btn" disabled={picking !== null} onClick={() => void repick(i)} data-testid="step-repick">
                    {t('editor.repick')}
                  </button>
                )}
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
      {otherErrors.length ? (
        <ul role="alert" class="field-error">
          {otherErrors.map((e, i) => (
            <li key={i}>
              <code>{e.path}</code>: {errorText(t, e)}
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
