// The editor of one of the desk's packs: for each walkthrough its category and what to bring; for each step
// its vi / en hint with a live preview drawn as the card draws it (components/hint-text.tsx), what it points at
// (the control's kind and words) with "Chỉ trên trang" (the site's tab outlines it), move up / down, delete,
// merge with the next, "Chọn lại trên trang" (re-capture: the author clicks the control on the site and the
// step points there) and "Thêm bước" (a new step from a control picked on the site, made as the recorder
// makes one: anchor, page pattern, suggested hint, privacy mark). "Chạy thử" plays the saved version on
// the site and marks each step found / not found as the author goes. Saving validates the whole pack with
// parsePack (a new patch version) and shows its messages beside the fields they name. Built-in packs are
// never edited here (the library holds copies only).
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CategorySelect } from './category-select';
import { HintText } from './hint-text';
import { controlOf } from '../core/control-kind';
import { errorText } from '../core/error-text';
import { ErrorList } from './error-list';
import { localText, type Lang, type Translate } from '../core/i18n';
import { deleteStep, insertStep, mergeWithNext, moveStep, recaptureStep, type Library } from '../core/pack-library';
import { type LocalText, type Pack, type PackError, type Step, type Walkthrough } from '../core/pack';
import { nextStepId } from '../core/recorder';
import type { PickedTarget, ShownTarget } from '../core/views';

/** A control picked on the page: a step's new target, or a new step. */
export type Picked = PickedTarget;

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
  /**
   * Let the author click a control on the site (a tab of the pack's origins, on `step.page` if one is open);
   * null: cancelled. Rejects with 'no-tab', 'data' (its words hold a resident's data) or another reason.
   * `add`: for a new step (the bar on the page says so).
   */
  pick(pack: Pack, wi: number, step: Pick<Step, 'page' | 'text'>, options?: { add?: boolean }): Promise<Picked | null>;
  cancelPick(): void;
  /** Outline step `index` of `steps` on the site's tab, brought to the front; whether it was found. */
  show(pack: Pack, wi: number, steps: readonly Step[], index: number): Promise<ShownTarget>;
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

/** A pick under way: re-capturing step `i`, or adding a step after step `i` (-1: first). */
type Picking = { i: number; add: boolean };

/** What a step points at, in words: "Chỉ tới: nút «Tra cứu»". */
function pointsAt(t: Translate, s: Step): string {
  if (!s.anchor) return t('editor.pointsNowhere');
  const { kind, label } = controlOf(s.anchor);
  const what = t(`editor.control.${kind}`);
  return label ? t('editor.pointsAt', { kind: what, label }) : t('editor.pointsAtNoLabel', { kind: what });
}

/** The hint as the step card draws it, under its field. */
function HintPreview({ t, text, lang, testId }: { t: Translate; text: string; lang: Lang; testId: string }): JSX.Element {
  return (
    <div class="hint-preview" data-testid={testId}>
      <span class="preview-label">{t('editor.preview')}</span>
      {text.trim() ? (
        <p class="preview-text" lang={lang} data-testid={`${testId}-text`}>
          <HintText text={text} />
        </p>
      ) : (
        <p class="muted">{lang === 'en' ? t('editor.previewEnEmpty') : t('editor.previewEmpty')}</p>
      )}
    </div>
  );
}

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
  const [picking, setPicking] = useState<Picking | null>(null);
  const [repicked, setRepicked] = useState<Record<number, string>>({});
  /** Steps added in this draft (by id), until saved. */
  const [added, setAdded] = useState<string[]>([]);
  /** "Chỉ trên trang": the step being looked for, and what the site's tab said. */
  const [shown, setShown] = useState<{ id: string; state: 'looking' | 'found' | 'missing' } | null>(null);
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
    setAdded([]);
    setShown(null);
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
  const failure = (err: unknown): string =>
    err instanceof Error && err.message === 'no-tab' ? t('editor.noTab') : err instanceof Error && err.message === 'data' ? t('editor.pickData') : t('editor.pageLeft');
  const repick = async (i: number): Promise<void> => {
    setPicking({ i, add: false });
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
      setStatus(t('editor.pickFailed', { reason: failure(err) }));
    } finally {
      setPicking(null);
    }
  };
  // A new step after step `after` (-1: first), from a control the author clicks on the site, made as the
  // recorder makes one (core/recorder.ts recordStep, in the picker): anchor, page pattern, advance rule,
  // suggested hint and the privacy mark of a password / OTP / PIN field; its words passed both privacy looks.
  const addAfter = async (after: number): Promise<void> => {
    setPicking({ i: after, add: true });
    setStatus(t('editor.adding'));
    const n = after + 2;
    try {
      const near = steps[after] ?? steps[0];
      const picked = await api.pick(pack, wi, { page: near?.page ?? draft.startUrl, text: { vi: t('editor.addHint', { n }) } }, { add: true });
      if (!picked) {
        setStatus(t('editor.addCancelled'));
        return;
      }
      const step: Step = { id: nextStepId(steps.map((s) => s.id)), page: picked.page, anchor: picked.anchor, text: picked.text, advance: picked.advance };
      if (picked.private) step.private = picked.private;
      edit(insertStep(after, step)(steps));
      setAdded([...added, step.id]);
      setStatus(t('editor.added', { n, text: picked.text.vi }));
    } catch (err) {
      setStatus(t('editor.addFailed', { reason: failure(err) }));
    } finally {
      setPicking(null);
    }
  };
  const showOnPage = async (i: number): Promise<void> => {
    const id = steps[i]!.id;
    setShown({ id, state: 'looking' });
    setStatus(t('editor.showing', { n: i + 1 }));
    try {
      const r = await api.show(pack, wi, steps, i);
      setShown({ id, state: r.found ? 'found' : 'missing' });
      setStatus(r.found ? t('editor.shown', { n: i + 1 }) : null);
    } catch (err) {
      setShown(null);
      setStatus(t('editor.showFailed', { reason: failure(err) }));
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
            <li key={s.id} data-step={i} data-step-id={s.id} data-mark={mark ?? undefined} class={mark === 'not-found' ? 'step-missing' : undefined}>
              {added.includes(s.id) ? (
                <p class="step-new" data-testid="step-new">
                  {t('editor.newStep')}
                </p>
              ) : null}
              <p class="step-target" data-testid="step-target" data-kind={s.anchor ? controlOf(s.anchor).kind : undefined}>
                {pointsAt(t, s)}
              </p>
              <p class="muted">
                {t(`editor.advance.${s.advance.kind}`)} · {s.page}
                {s.private ? ` · ${t(`overlay.private.${s.private}`)}` : ''}
              </p>
              {shown?.id === s.id && shown.state === 'missing' ? (
                <p class="show-missing" role="status" data-testid="show-missing">
                  {t('editor.showMissing', { what: pointsAt(t, s) })}
                </p>
              ) : null}
              {mark ? (
                <p class={`trial-mark trial-${mark}`} data-testid="trial-mark">
                  {t(`editor.mark.${mark}`)}
                </p>
              ) : null}
              <label>
                {t('editor.textVi')}
                <textarea value={s.text.vi} rows={2} maxLength={600} onInput={(e) => setText(i, 'vi', (e.currentTarget as HTMLTextAreaElement).value)} data-testid="text-vi" aria-invalid={!!errorAt(`${path}/text/vi`)} />
              </label>
              <HintPreview t={t} text={s.text.vi} lang="vi" testId="preview-vi" />
              {errorAt(`${path}/text/vi`) ? <p class="field-error">{errorAt(`${path}/text/vi`)}</p> : null}
              <label>
                {t('editor.textEn')}
                <textarea value={s.text.en ?? ''} rows={2} maxLength={600} onInput={(e) => setText(i, 'en', (e.currentTarget as HTMLTextAreaElement).value)} data-testid="text-en" aria-invalid={!!errorAt(`${path}/text/en`)} />
              </label>
              <HintPreview t={t} text={s.text.en ?? ''} lang="en" testId="preview-en" />
              {errorAt(`${path}/text/en`) ? <p class="field-error">{errorAt(`${path}/text/en`)}</p> : null}
              {repicked[i] ? (
                <p class="muted" data-testid="repicked">
                  {t('editor.repicked', { text: repicked[i] })}
                </p>
              ) : null}
              <div class="actions">
                <button type="button" class="btn" disabled={!s.anchor || picking !== null || shown?.state === 'looking'} onClick={() => void showOnPage(i)} data-testid="step-show">
                  {t('editor.show')}
                </button>
                {picking?.i === i && !picking.add ? (
                  <button type="button" class="btn btn-main" onClick={() => api.cancelPick()} data-testid="pick-cancel">
                    {t('editor.pickCancel')}
                  </button>
                ) : (
                  <button type="button" class="btn" disabled={picking !== null} onClick={() => void repick(i)} data-testid="step-repick">
                    {t('editor.repick')}
                  </button>
                )}
                {picking?.i === i && picking.add ? (
                  <button type="button" class="btn btn-main" onClick={() => api.cancelPick()} data-testid="add-cancel">
                    {t('editor.addCancel')}
                  </button>
                ) : (
                  <button type="button" class="btn" disabled={picking !== null} onClick={() => void addAfter(i)} data-testid="step-add">
                    {t('editor.addAfter')}
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
      <div class="actions add-end">
        {picking?.add && picking.i === steps.length - 1 ? (
          <button type="button" class="btn btn-main" onClick={() => api.cancelPick()} data-testid="add-cancel-end">
            {t('editor.addCancel')}
          </button>
        ) : (
          <button type="button" class="btn" disabled={picking !== null} onClick={() => void addAfter(steps.length - 1)} data-testid="add-step-end">
            {t('editor.addEnd')}
          </button>
        )}
      </div>
      {otherErrors.length ? (
        <ErrorList t={t} errors={otherErrors} role="alert" class="field-error" />
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
