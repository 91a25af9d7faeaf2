// The volunteer console: pick a walkthrough, see what to bring, start, follow the steps, end with an outcome.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CatalogEntry } from '../core/catalog';
import { unexpected, type DataError } from '../core/errors';
import { errorText } from '../core/error-text';
import { localText, type Lang, type Translate } from '../core/i18n';
import { NOTE_MAX, redact } from '../core/privacy';
import { AGE_BANDS, OUTCOMES, REASONS, UNDO_OFFER_MS, type AgeBand, type Outcome, type OutcomeDetails, type Reason } from '../core/outcomes';
import type { Category } from '../core/pack';
import { isEditedCopy } from '../core/pack-library';
import type { Settings } from '../core/settings';
import type { RecordingView, StepView, UndoResult } from '../core/views';
import type { ListenState, Speaker } from '../core/voices';
import { CategorySelect } from './category-select';
import { DeskPacks, type PacksApi } from './desk-packs';
import { HintText } from './hint-text';
import { LinkCheck } from './link-check';
import { OcrHelper, type OcrApi } from './ocr-helper';
import { ScamWarningSetting, type ScamPermissionApi } from './scam-warning-setting';

export interface PanelApi {
  /**
   * Start at the first step, or (`fromStep`) at the step whose page the resident's tab is on; `residentMode`:
   * for this session only, instead of the desk setting.
   */
  start(packId: string, walkthroughId: string, fromStep?: number, options?: { residentMode?: boolean }): Promise<StepView>;
  /** Resident mode for the running session only; the desk setting is left as it is (absent: no switch). */
  setResidentMode?(on: boolean): Promise<StepView | null>;
  /** "Hoàn tác" a few seconds after saving an outcome: the record goes, the session comes back (absent: not offered). */
  undoFinish?(sessionId: string): Promise<UndoResult>;
  /**
   * Before starting: the step (> 0) whose page the resident's tab is on, when it is a page of this walkthrough
   * other than its first step's; then the console asks where to start (absent: it never asks).
   */
  startChoice?(packId: string, walkthroughId: string): Promise<{ onPage: number } | null>;
  /** "Mở trang của bước này": the background navigates the resident's tab to the current step's page. */
  openStepPage?(): Promise<void>;
  current(): Promise<StepView | null>;
  next(): Promise<void>;
  back(): Promise<void>;
  repeat(): Promise<void>;
  skip(): Promise<void>;
  pause(paused: boolean): Promise<void>;
  /** End the session; `pending`: records not in the log database yet (it is full or being upgraded). */
  finish(outcome: Outcome, details: OutcomeDetails): Promise<{ pending: number } | void>;
  /** How many assistance records wait to be saved to the log database (absent: not shown). */
  pendingLogs?(): Promise<number>;
  /** Open the ward's report page. */
  openDashboard?(): void;
  /** Call `onChange` whenever the session (or a recording) changes; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void;
  /** The desk's own packs (absent: not shown). */
  packs?: PacksApi;
  /** Recording a walkthrough by doing it on the guided tab (absent: no recorder). */
  recorder?: {
    start(): Promise<RecordingView>;
    current(): Promise<RecordingView | null>;
    undo(): Promise<unknown>;
    stop(title: string, category: Category): Promise<{ ok: true; packId: string; walkthroughId: string } | { ok: false; errors: DataError[] }>;
    cancel(): Promise<void>;
  };
  /** "Đọc giấy tờ": read codes from a photo of a paper document on this machine (absent: not shown). */
  ocr?: OcrApi;
  /** "Cảnh báo trang giả mạo": the webNavigation permission it needs (absent: the setting is not shown). */
  scamPermission?: ScamPermissionApi;
  /**
   * Heal on the spot (issue 17.3): let the volunteer pick step `index`'s control on the resident's page and
   * save it as the step's new anchor. Null when the pick was cancelled. (Absent: not offered.)
   */
  heal?: {
    pick(index: number, hint: string): Promise<RepairAnswer | null>;
    cancel(): Promise<void>;
  };
}

/** What a repair answers (extension/protocol.ts RepairResult, without the view). */
export type RepairAnswer = { ok: true; packId: string; version: string } | { ok: false; errors: DataError[] };

export interface SidePanelProps {
  t: Translate;
  search(query: string): CatalogEntry[];
  api: PanelApi;
  settings: Settings;
  onSettings(next: Settings): void;
  /**
   * More ways out shown in the guide's state box while the step's control is not found (view.guide is
   * 'not-found'), e.g. "Chỉ cho Dẫn Bước" (heal on the spot). Given the step shown.
   */
  lostActions?: (view: StepView) => ComponentChildren;
  /**
   * This browser's voices (the resident's tab is in the same browser): with none for the language, the
   * "Đọc to gợi ý" chip says so instead of promising hints read aloud. Absent: not shown either way.
   */
  voices?: Pick<Speaker, 'state' | 'subscribe'>;
}

/** The voice state for `lang`, redrawn when the voices arrive or change. */
function useVoiceState(voices: SidePanelProps['voices'], lang: Lang): ListenState | null {
  const [, redraw] = useState(0);
  useEffect(() => voices?.subscribe(() => redraw((n) => n + 1)), [voices]);
  return voices ? voices.state(lang) : null;
}

export function SidePanel({ t, search, api, settings, onSettings, lostActions, voices }: SidePanelProps): JSX.Element {
  const voiceState = useVoiceState(voices, settings.lang);
  const [view, setView] = useState<StepView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [recording, setRecording] = useState<RecordingView | null>(null);
  const [waiting, setWaiting] = useState(0);
  const [ocrOpen, setOcrOpen] = useState(false);
  // "Kiểm tra đường link": open or not, and a link handed over by the OCR helper (`n` renews the checker for each).
  const [linkCheck, setLinkCheck] = useState<{ text: string; n: number } | null>(null);
  // The resident's paper and messages belong to their session: when it ends, the OCR helper and the link checker
  // close and forget them.
  const sessionRef = useRef<string | null>(null);
  // Resident mode chosen for the next session before it starts (null: the desk setting); gone once it started.
  const [nextResident, setNextResident] = useState<boolean | null>(null);
  // "Hoàn tác" offered for UNDO_OFFER_MS after an outcome is saved, with the form as it was (in memory only).
  const [undo, setUndo] = useState<{ sessionId: string; form: OutcomeForm } | null>(null);
  // The outcome form to show again after an undo (same session).
  const [reopen, setReopen] = useState<{ sessionId: string; form: OutcomeForm } | null>(null);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_OFFER_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  useEffect(() => {
    let retry: ReturnType<typeof setTimeout> | undefined;
    // A request can be lost when the service worker is stopped at that moment: ask again shortly.
    const load = (): void => {
      clearTimeout(retry);
      Promise.all([api.current(), api.recorder?.current() ?? null, api.pendingLogs?.().catch(() => 0) ?? 0]).then(
        ([v, r, n]) => {
          setWaiting(n);
          const id = v && v.status !== 'finished' && v.status !== 'abandoned' ? v.sessionId : null;
          if (sessionRef.current && sessionRef.current !== id) {
            setOcrOpen(false);
            setLinkCheck(null);
          }
          sessionRef.current = id;
          setView(v);
          setRecording(r);
          setLoaded(true);
        },
        () => {
          retry = setTimeout(load, 500);
        },
      );
    };
    load();
    const unsubscribe = api.subscribe(load);
    return () => {
      clearTimeout(retry);
      unsubscribe();
    };
  }, [api]);

  const running = view && view.status !== 'finished' && view.status !== 'abandoned' ? view : null;
  // This session's resident mode (or the next one's, before it starts); the desk setting unless chosen here.
  const resident = running ? (running.residentMode ?? settings.residentMode) : (nextResident ?? settings.residentMode);
  const setResident = (on: boolean): void => {
    if (!running) {
      setNextResident(on === settings.residentMode ? null : on);
      return;
    }
    // Shown at once; the background's answer (or the session's next change) confirms it.
    setView({ ...running, residentMode: on });
    api.setResidentMode?.(on).then(
      (v) => v && setView(v),
      (err: unknown) => setMessage(String(err)),
    );
  };
  const undoOutcome = (): void => {
    if (!undo || !api.undoFinish) return;
    const offer = undo;
    setUndo(null);
    api.undoFinish(offer.sessionId).then(
      (r) => {
        if (r.ok) {
          setMessage(null);
          setReopen(offer);
          setView(r.view);
        } else setMessage(t(r.reason === 'failed' ? 'panel.undoFailed' : 'panel.undoExpired'));
      },
      () => setMessage(t('panel.undoFailed')),
    );
  };
  if (!loaded) return <main class="panel" aria-busy="true" />;
  return (
    <main class="panel">
      <header class="panel-head">
        <h1>{t('app.name')}</h1>
        {api.openDashboard ? (
          <button type="button" class="btn btn-small panel-report" onClick={() => api.openDashboard!()} data-testid="open-dashboard">
            {t('panel.dashboard')}
          </button>
        ) : null}
        <details class="settings">
          <summary>{t('panel.settings')}</summary>
          <label class="setting">
            <input
              type="checkbox"
              checked={settings.residentMode}
              onChange={(e) => onSettings({ ...settings, residentMode: (e.currentTarget as HTMLInputElement).checked })}
              data-testid="resident-mode"
            />
            {t('panel.residentMode')}
          </label>
          <label class="setting">
            {t('panel.language')}{' '}
            <select
              value={settings.lang}
              onChange={(e) => onSettings({ ...settings, lang: (e.currentTarget as HTMLSelectElement).value === 'en' ? 'en' : 'vi' })}
              data-testid="language"
            >
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </label>
          <DeskSettings t={t} settings={settings} onSettings={onSettings} />
          {api.scamPermission ? <ScamWarningSetting t={t} settings={settings} onSettings={onSettings} api={api.scamPermission} /> : null}
          {api.packs ? <DeskPacks t={t} lang={settings.lang} api={api.packs} /> : null}
        </details>
      </header>
      {!recording ? <SessionModes t={t} resident={resident} running={!!running} noVoice={voiceState === 'none'} onChange={api.setResidentMode || !running ? setResident : undefined} /> : null}
      {(api.ocr && !ocrOpen) || !linkCheck ? (
        <div class="panel-open-tools">
          {api.ocr && !ocrOpen ? (
            <button type="button" class="btn panel-open-ocr" onClick={() => setOcrOpen(true)} data-testid="ocr-open">
              {t('ocr.open')}
            </button>
          ) : null}
          {!linkCheck ? (
            <button type="button" class="btn panel-open-links" onClick={() => setLinkCheck({ text: '', n: 0 })} data-testid="links-open">
              {t('links.open')}
            </button>
          ) : null}
        </div>
      ) : null}
      {api.ocr && ocrOpen ? (
        <OcrHelper
          t={t}
          lang={settings.lang}
          api={api.ocr}
          onClose={() => setOcrOpen(false)}
          onCheckLink={(text) => setLinkCheck((c) => ({ text, n: (c?.n ?? 0) + 1 }))}
        />
      ) : null}
      {linkCheck ? <LinkCheck key={linkCheck.n} t={t} initial={linkCheck.text} onClose={() => setLinkCheck(null)} /> : null}
      {/* Always there, so that a saved outcome is announced; "Hoàn tác" beside it for a few seconds. */}
      <div class="panel-said" role="status">
        {message ? (
          <p class="panel-message" data-testid="panel-message">
            {message}
          </p>
        ) : null}
      </div>
      {undo && !running && api.undoFinish ? (
        <div class="panel-undo">
          <button type="button" class="btn btn-main" onClick={undoOutcome} aria-describedby="undo-help" data-testid="undo-outcome">
            {t('panel.undo')}
          </button>
          <span id="undo-help" class="wt-hint">
            {t('panel.undoHelp')}
          </span>
        </div>
      ) : null}
      {waiting > 0 ? (
        <p class="panel-pending" role="status" data-testid="pending-logs">
          {t('panel.pendingLogs', { n: waiting })}
        </p>
      ) : null}
      {recording && api.recorder ? (
        <Recorder t={t} view={recording} recorder={api.recorder} onSaved={(text) => setMessage(text)} />
      ) : view ? (
        <Running
          key={view.sessionId}
          t={t}
          lang={settings.lang}
          view={view}
          api={api}
          reopened={reopen?.sessionId === view.sessionId ? reopen.form : undefined}
          onEnded={(text, form) => {
            setMessage(text);
            setReopen(null);
            if (form) setUndo({ sessionId: view.sessionId, form });
          }}
          lostActions={lostActions}
        />
      ) : (
        <>
        <Catalogue
          t={t}
          lang={settings.lang}
          search={search}
          choose={api.startChoice ? (e) => api.startChoice!(e.pack.id, e.walkthrough.id).catch(() => null) : undefined}
          onStart={async (e, fromStep) => {
            setMessage(null);
            setUndo(null);
            setReopen(null);
            try {
              setView(await api.start(e.pack.id, e.walkthrough.id, fromStep, nextResident === null ? undefined : { residentMode: nextResident }));
              setNextResident(null);
            } catch (err) {
              setMessage(err instanceof Error && err.message === 'no-tab' ? t('panel.noTab') : String(err));
            }
          }}
          onEdit={
            api.packs
              ? (e) => {
                  const packs = api.packs!;
                  // A built-in pack is edited through the desk's own copy; the desk's packs directly.
                  if (packs.builtIns().some((b) => b.id === e.pack.id)) void packs.editCopy(e.pack.id, e.walkthrough.id).catch((err: unknown) => setMessage(String(err)));
                  else packs.edit(e.pack.id, e.walkthrough.id);
                }
              : undefined
          }
        />
          {api.recorder ? (
            <button
              type="button"
              class="btn panel-record"
              onClick={() => {
                setMessage(null);
                api.recorder!.start().then(setRecording, (err: unknown) => setMessage(err instanceof Error && err.message.includes('no-tab') ? t('panel.noTab') : String(err)));
              }}
              data-testid="record-start"
            >
              {t('recorder.start')}
            </button>
          ) : null}
        </>
      )}
    </main>
  );
}

function Catalogue({
  t,
  lang,
  search,
  choose,
  onStart,
  onEdit,
}: {
  t: Translate;
  lang: Lang;
  search: SidePanelProps['search'];
  /** The step whose page the resident's tab is on, to ask where to start (null: start at once). */
  choose?: (e: CatalogEntry) => Promise<{ onPage: number } | null>;
  onStart: (e: CatalogEntry, fromStep?: number) => void;
  onEdit?: (e: CatalogEntry) => void;
}): JSX.Element {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  // "Bắt đầu" while the resident's tab is on a page of the walkthrough: ask before navigating away from it.
  const [ask, setAsk] = useState<{ key: string; onPage: number } | null>(null);
  const begin = async (e: CatalogEntry, key: string): Promise<void> => {
    const choice = choose ? await choose(e) : null;
    if (choice && choice.onPage > 0) setAsk({ key, onPage: choice.onPage });
    else onStart(e);
  };
  const entries = useMemo(() => search(query), [search, query]);
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title">{t('panel.walkthroughs')}</h2>
      <input
        class="panel-search"
        type="search"
        aria-label={t('panel.search')}
        placeholder={t('panel.searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      {entries.length === 0 ? <p>{t('panel.noResults')}</p> : null}
      <ul class="wt-list">
        {entries.map((e) => {
          const key = `${e.pack.id}/${e.walkthrough.id}`;
          const open = picked === key;
          return (
            <li key={key} class={open ? 'wt open' : 'wt'}>
              <button type="button" class="wt-title" aria-expanded={open} onClick={() => setPicked(open ? null : key)} data-walkthrough={key}>
                <span class="wt-cat">{t(`category.${e.walkthrough.category}`)}</span>
                {localText(e.walkthrough.title, lang)}
                {isEditedCopy(e.pack) ? (
                  <span class="wt-copy" data-testid="wt-copy">
                    {t('panel.editedCopy', { version: e.pack.version })}
                  </span>
                ) : null}
              </button>
              {open ? (
                <div class="wt-detail">
                  <p class="wt-meta">
                    {t('panel.minutes', { n: e.walkthrough.minutes })} · {t('panel.steps', { n: e.walkthrough.steps.length })}
                  </p>
                  <h3>{t('panel.bring')}</h3>
                  <ul class="bring">
                    {e.walkthrough.bring.map((b, i) => (
                      <li key={i}>{localText(b, lang)}</li>
                    ))}
                  </ul>
                  <p class="wt-hint">{t('panel.startHint')}</p>
                  {ask?.key === key ? (
                    <div class="start-ask" role="group" aria-labelledby="start-ask-text" data-testid="start-ask">
                      <p id="start-ask-text">{t('panel.startAsk', { n: ask.onPage + 1 })}</p>
                      <span class="actions">
                        <button type="button" class="btn btn-main" onClick={() => onStart(e, ask.onPage)} data-testid="start-here">
                          {t('panel.startHere', { n: ask.onPage + 1 })}
                        </button>
                        <button type="button" class="btn" onClick={() => onStart(e)} aria-describedby="start-over-hint" data-testid="start-over">
                          {t('panel.startOver')}
                        </button>
                      </span>
                      <p id="start-over-hint" class="wt-hint">
                        {t('panel.startOverHint')}
                      </p>
                    </div>
                  ) : null}
                  <span class="actions">
                    <button type="button" class="btn btn-main" onClick={() => void begin(e, key)} data-testid="start" disabled={ask?.key === key}>
                      {t('panel.start')}
                    </button>
                    {onEdit ? (
                      <button type="button" class="btn" onClick={() => onEdit(e)} data-testid="wt-edit" title={t('panel.editHint')}>
                        {t('packs.edit')}
                      </button>
                    ) : null}
                  </span>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Recorder({ t, view, recorder, onSaved }: { t: Translate; view: RecordingView; recorder: NonNullable<PanelApi['recorder']>; onSaved: (m: string) => void }): JSX.Element {
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<Category>('public-service');
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const save = async (): Promise<void> => {
    const name = title.trim();
    if (!name) {
      setErrors([{ path: '', message: t('recorder.title') }]);
      return;
    }
    const r = await recorder.stop(name, category).catch((err: unknown) => ({ ok: false as const, errors: [unexpected(err, '')] }));
    if (r.ok) onSaved(t('recorder.saved', { title: name }));
    else setErrors(r.errors.map((e) => ({ path: e.path, message: errorText(t, e) })));
  };
  return (
    <section aria-labelledby="rec-title" class="recorder">
      <h2 id="rec-title">{t('recorder.label')}</h2>
      <p role="status" data-testid="recording-count">
        {view.steps ? t('recorder.bar', { n: view.steps }) : t('recorder.empty')}
      </p>
      {view.last ? <p class="wt-hint">{t('recorder.last', { text: view.last })}</p> : null}
      <label class="setting">
        {t('recorder.title')}
        <input type="text" value={title} maxLength={200} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} data-testid="record-title" />
      </label>
      <label class="setting">
        {t('recorder.category')}{' '}
        <CategorySelect t={t} value={category} onChange={setCategory} testId="record-category" />
      </label>
      {errors.length ? (
        <div role="alert" class="panel-error">
          {t('recorder.failed')}
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="actions">
        <button type="button" class="btn" onClick={() => void recorder.undo()} disabled={view.steps === 0} data-testid="record-undo">
          {t('recorder.undo')}
        </button>
        <button type="button" class="btn btn-main" onClick={() => void save()} disabled={view.steps === 0} data-testid="record-save">
          {t('recorder.stop')}
        </button>
        <button type="button" class="btn" onClick={() => void recorder.cancel()} data-testid="record-cancel">
          {t('recorder.cancel')}
        </button>
      </div>
    </section>
  );
}

/** A symbol beside each state's words (the words and the colour say it too: never colour alone). */
const STATE_MARKS = { looking: '…', found: '✓', 'not-found': '!', 'other-page': '↪', disabled: '⏳', paused: '⏸' } as const;
const STATE_TEXT = { looking: 'guide.looking', found: 'guide.found', 'not-found': 'guide.notFound', 'other-page': 'guide.otherPage', disabled: 'guide.disabled', paused: 'panel.paused' } as const;

/**
 * What the guide on the resident's tab is doing about this step (looking, found, not found, another page,
 * disabled, paused), in words, a symbol and a colour, announced politely; and the ways out when it is lost.
 */
export function GuideStatus({ t, view, api, lostActions }: { t: Translate; view: StepView; api: PanelApi; lostActions?: SidePanelProps['lostActions'] }): JSX.Element {
  const state = view.paused ? 'paused' : view.status === 'running' ? (view.guide ?? null) : null;
  const lost = state === 'not-found' || state === 'other-page';
  return (
    <div class={`guide-state${state ? ` guide-${state}` : ''}`} data-testid="guide-state" data-state={state ?? ''}>
      {/* Always there, so a change of state is announced. */}
      <p class={state === 'paused' ? 'guide-line run-paused' : 'guide-line'} aria-live="polite" data-testid="guide-line">
        {state ? (
          <>
            <span class="guide-mark" aria-hidden="true">
              {STATE_MARKS[state]}
            </span>{' '}
            <span class="guide-label">{t('guide.label')}:</span> {t(STATE_TEXT[state])}
          </>
        ) : null}
      </p>
      {state === 'looking' ? <progress class="guide-progress" aria-label={t('guide.looking')} /> : null}
      {lost ? (
        <div class="run-actions guide-ways">
          {state === 'other-page' && api.openStepPage ? (
            <button type="button" class="btn btn-main" onClick={() => void api.openStepPage!()} data-testid="open-step-page">
              {t('guide.openPage')}
            </button>
          ) : null}
          {state === 'not-found' ? lostActions?.(view) : null}
          <button type="button" class="btn" onClick={() => void api.skip()} data-testid="lost-skip">
            {t('guide.skip')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/**
 * "Chỉ cho Dẫn Bước": when the guide did not find the step's control, the volunteer clicks it on the resident's
 * page and the step is repaired in the desk's copy (extension/repair.ts). The outcome stays shown for the step.
 */
function Heal({ t, view, heal }: { t: Translate; view: StepView; heal: NonNullable<PanelApi['heal']> }): JSX.Element | null {
  const [picking, setPicking] = useState(false);
  const [said, setSaid] = useState<{ kind: 'saved' | 'failed'; text: string; index: number } | null>(null);
  const shown = said && said.index === view.index ? said : null;
  const pick = (): void => {
    setPicking(true);
    setSaid(null);
    heal.pick(view.index, localText(view.step.text, 'vi')).then(
      (r) => {
        setPicking(false);
        if (!r) return;
        if (r.ok) setSaid({ kind: 'saved', index: view.index, text: t('panel.healSaved', { n: view.index + 1, pack: r.packId, version: r.version }) });
        else setSaid({ kind: 'failed', index: view.index, text: t('panel.healFailed', { reason: r.errors.map((e) => `${e.path}: ${errorText(t, e)}`).join('; ') }) });
      },
      (err: unknown) => {
        setPicking(false);
        setSaid({ kind: 'failed', index: view.index, text: t('panel.healFailed', { reason: errorText(t, unexpected(err)) }) });
      },
    );
  };
  return (
    <div class="run-heal" data-testid="heal">
      {/* A live region always in the page: a screen reader hears that the guide is lost, picking, or repaired. */}
      <div role="status" aria-live="polite">
        {picking ? <p class="run-picking" data-testid="heal-picking">{t('panel.healPicking')}</p> : null}
        {shown?.kind === 'saved' ? <p class="run-healed" data-testid="heal-saved">{shown.text}</p> : null}
      </div>
      {shown?.kind === 'failed' ? (
        <p role="alert" class="run-error" data-testid="heal-error">
          {shown.text}
        </p>
      ) : null}
      {view.notFound && !picking ? (
        <>
          <p class="run-heal-how">{t('panel.healHow')}</p>
          <button type="button" class="btn btn-main" onClick={pick} data-testid="heal-pick">
            {t('panel.heal')}
          </button>
        </>
      ) : null}
      {picking ? (
        <button type="button" class="btn" onClick={() => void heal.cancel()} data-testid="heal-cancel">
          {t('panel.healCancel')}
        </button>
      ) : null}
    </div>
  );
}

/** What the volunteer chose in the outcome form (kept in the console's memory only, for "Hoàn tác"). */
export interface OutcomeForm {
  outcome: Outcome;
  reason: Reason | '';
  ageBand: AgeBand | '';
  note: string;
}

const EMPTY_FORM: OutcomeForm = { outcome: 'completed', reason: '', ageBand: '', note: '' };

/**
 * The console's switch for resident mode, for this session only (before a session: for the next one), and what
 * it means on the resident's page — large text, hints read aloud — as two small chips.
 */
function SessionModes({
  t,
  resident,
  running,
  noVoice,
  onChange,
}: {
  t: Translate;
  resident: boolean;
  running: boolean;
  /** This browser has no voice for the language: hints cannot be read aloud, whatever the mode. */
  noVoice: boolean;
  onChange?: (on: boolean) => void;
}): JSX.Element {
  const reading = resident && !noVoice;
  return (
    <div class="session-modes" data-testid="session-modes">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={resident}
          disabled={!onChange}
          onChange={(e) => onChange?.((e.currentTarget as HTMLInputElement).checked)}
          aria-describedby="session-modes-help"
          data-testid="session-resident"
        />
        <span class="switch-label">{t('panel.sessionResident')}</span>
      </label>
      <span class="mode-chips">
        <span class={resident ? 'chip chip-on' : 'chip'} data-testid="chip-large-text" data-on={String(resident)}>
          <span aria-hidden="true">{resident ? '✓ ' : '– '}</span>
          {t(resident ? 'panel.largeTextOn' : 'panel.largeTextOff')}
        </span>
        <span class={reading ? 'chip chip-on' : 'chip'} data-testid="chip-read-aloud" data-on={String(reading)} data-voice={noVoice ? 'none' : undefined}>
          <span aria-hidden="true">{reading ? '✓ ' : '– '}</span>
          {t(noVoice ? 'panel.readAloudNoVoice' : resident ? 'panel.readAloudOn' : 'panel.readAloudOff')}
        </span>
      </span>
      <p id="session-modes-help" class="session-modes-help">
        {t(running ? 'panel.sessionResidentHelp' : 'panel.nextResidentHelp')}
      </p>
    </div>
  );
}

/** A group of large radio cards (the outcome, the reason, the age band). */
function ChoiceCards<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  label,
  cardClass,
  testId,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  onChange: (v: T) => void;
  label: (v: T) => string;
  cardClass: string;
  testId: string;
}): JSX.Element {
  return (
    <fieldset class="choice-cards" data-testid={testId}>
      <legend>{legend}</legend>
      <div class="choice-grid">
        {options.map((o) => (
          <label key={o} class={`choice-card ${cardClass}`}>
            <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} data-testid={`${testId}-${o || 'none'}`} />
            {label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Running({
  t,
  lang,
  view,
  api,
  reopened,
  onEnded,
  lostActions,
}: {
  t: Translate;
  lang: Lang;
  view: StepView;
  api: PanelApi;
  /** The outcome form as it was saved, shown again after "Hoàn tác". */
  reopened?: OutcomeForm;
  /** The session ended: what to say, and the form as saved (absent when the record waits: no undo then). */
  onEnded: (m: string, form?: OutcomeForm) => void;
  lostActions?: SidePanelProps['lostActions'];
}): JSX.Element {
  const [ending, setEndingState] = useState(!!reopened);
  // While the outcome is being recorded the guide is paused, so the card leaves the resident's page and nothing on
  // it moves the walkthrough on; "Hủy" resumes it, unless the volunteer had paused it before. After "Hoàn tác" the
  // session comes back as it was saved (paused by the form).
  const pausedByForm = useRef(!!reopened);
  // One pause request after the other: "Hủy" pressed before the pause was answered must still resume.
  const pauseChain = useRef<Promise<void>>(Promise.resolve());
  const sendPause = (paused: boolean): void => {
    pauseChain.current = pauseChain.current.then(() => api.pause(paused)).catch(() => undefined);
  };
  const setEnding = (on: boolean): void => {
    setEndingState(on);
    if (on && !view.paused && view.status !== 'done') {
      pausedByForm.current = true;
      sendPause(true);
    } else if (!on && pausedByForm.current) {
      // Whether or not the console has heard of the pause yet: it was asked for, so it is undone.
      pausedByForm.current = false;
      sendPause(false);
    }
  };
  const [form, setForm] = useState<OutcomeForm>(reopened ?? EMPTY_FORM);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const edit = (patch: Partial<OutcomeForm>): void => setForm((f) => ({ ...f, ...patch }));
  // What will be stored, shown as the volunteer types: names, numbers and codes become markers.
  const redacted = useMemo(() => redact(form.note), [form.note]);
  const done = view.status === 'done';
  const showOutcome = ending || done;
  const formRef = useRef<HTMLFormElement>(null);
  // The outcome form is a state of its own: the guide's controls go, and the form comes into view with the
  // focus on the chosen outcome (its "Ghi kết quả" stays in view at the bottom).
  // In the same task as the render (a layout effect), so no click or key can come between; and only when the
  // volunteer is not in a field or tool already (the focus is on the page, or was on a control the form replaced).
  const sectionRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const form = formRef.current;
    if (!showOutcome || !form) return;
    const active = form.ownerDocument.activeElement;
    const free = !active || active === form.ownerDocument.body || !active.isConnected || (!!sectionRef.current?.contains(active) && !form.contains(active));
    if (!free) return;
    form.querySelector<HTMLInputElement>('input[name="outcome"]:checked')?.focus({ preventScroll: true });
    form.scrollIntoView({ block: 'start' });
  }, [showOutcome]);
  // The shortcuts go in the same render as the form comes (a layout effect): a key pressed in the frame after
  // cannot move the guide under an open form.
  useLayoutEffect(() => {
    if (showOutcome) return;
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const actions: Record<string, () => Promise<void>> = {
        ArrowRight: api.next,
        ArrowLeft: api.back,
        KeyR: api.repeat,
        KeyS: api.skip,
        KeyP: () => api.pause(!view.paused),
      };
      // e.code, not e.key: Alt+letter types other characters on some keyboards.
      const action = actions[e.code];
      if (!action) return;
      e.preventDefault();
      void action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [api, view.paused, showOutcome]);
  return (
    <section ref={sectionRef} aria-labelledby="run-title" data-testid="running" data-state={showOutcome ? 'outcome' : 'guiding'}>
      <p class="run-label">{view.trial ? t('panel.trial') : t('panel.current')}</p>
      <h2 id="run-title">{localText(view.title, lang)}</h2>
      <p class="run-step" data-testid="panel-step">
        {t('panel.step', { n: view.index + 1, total: view.total })}
      </p>
      {done ? <p class="run-done">{t('panel.done')}</p> : null}
      {!showOutcome && view.step.private ? <p class="run-private">{t('panel.private')}</p> : null}
      {!showOutcome ? (
        <p class="run-text">
          <HintText text={localText(view.step.text, lang)} />
        </p>
      ) : null}
      {!showOutcome ? <GuideStatus t={t} view={view} api={api} lostActions={lostActions} /> : null}
      {/* A trial run is the author's: the editor re-captures there ("Chọn lại trên trang"). */}
      {api.heal && !showOutcome && !view.paused && !view.trial ? <Heal t={t} view={view} heal={api.heal} /> : null}
      {!showOutcome ? (
        <>
          <div class="run-actions" data-testid="run-nav">
            <button type="button" class="btn" onClick={() => void api.back()} disabled={view.index === 0 && !done} aria-keyshortcuts="Alt+ArrowLeft">
              {t('panel.back')}
            </button>
            <button type="button" class="btn" onClick={() => void api.repeat()} disabled={done} aria-keyshortcuts="Alt+R">
              {t('panel.repeat')}
            </button>
            <button type="button" class="btn" onClick={() => void api.skip()} disabled={done} aria-keyshortcuts="Alt+S" data-testid="skip">
              {t('panel.skip')}
            </button>
            <button type="button" class="btn btn-main" onClick={() => void api.next()} disabled={done} aria-keyshortcuts="Alt+ArrowRight">
              {t('panel.next')}
            </button>
            <button type="button" class="btn" onClick={() => void api.pause(!view.paused)} aria-keyshortcuts="Alt+P" data-testid="pause">
              {view.paused ? t('panel.resume') : t('panel.pause')}
            </button>
          </div>
          <p class="run-shortcuts">{t('panel.shortcuts')}</p>
        </>
      ) : null}
      {showOutcome ? (
        <form
          ref={formRef}
          class="outcome"
          data-testid="outcome-form"
          aria-labelledby="outcome-title"
          onSubmit={(e) => {
            e.preventDefault();
            if (saving) return;
            setError(null);
            setSaving(true);
            const details: OutcomeDetails = {};
            const { outcome, reason, ageBand, note } = form;
            if (note.trim()) details.note = note.trim();
            if (reason && outcome !== 'completed') details.reason = reason;
            if (ageBand) details.ageBand = ageBand;
            api.finish(outcome, details).then(
              // The session has ended either way; a record the log database could not take yet waits.
              (r) => onEnded(t(r && r.pending > 0 ? 'panel.savedLater' : 'panel.saved', { outcome: t(`outcome.${outcome}`) }), form),
              // The background did not answer: the session is kept for another try.
              (err: unknown) => {
                setSaving(false);
                setError(t('panel.saveFailed', { reason: String(err) }));
              },
            );
          }}
        >
          <h3 id="outcome-title" class="outcome-title">
            {t('panel.outcomeTitle')}
          </h3>
          <p class="outcome-locked">{t(reopened ? 'panel.undone' : 'panel.outcomeLocked')}</p>
          <ChoiceCards
            legend={t('panel.outcomeLegend')}
            name="outcome"
            options={OUTCOMES}
            value={form.outcome}
            onChange={(outcome) => edit({ outcome })}
            label={(o) => t(`outcome.${o}`)}
            cardClass="outcome-option"
            testId="outcome"
          />
          {form.outcome !== 'completed' ? (
            <ChoiceCards
              legend={t('panel.reason')}
              name="reason"
              options={['', ...REASONS] as const}
              value={form.reason}
              onChange={(reason) => edit({ reason })}
              label={(r) => (r ? t(`reason.${r}`) : t('panel.notGiven'))}
              cardClass="reason-option"
              testId="outcome-reason"
            />
          ) : null}
          <ChoiceCards
            legend={t('panel.ageBand')}
            name="age"
            options={['', ...AGE_BANDS] as const}
            value={form.ageBand}
            onChange={(ageBand) => edit({ ageBand })}
            label={(a) => (a ? t(`age.${a}`) : t('panel.notGiven'))}
            cardClass="age-option"
            testId="outcome-age"
          />
          <label class="note-label" for="outcome-note">
            {t('panel.note')}
          </label>
          <textarea
            id="outcome-note"
            class="note"
            rows={3}
            maxLength={NOTE_MAX}
            value={form.note}
            onInput={(e) => edit({ note: e.currentTarget.value })}
            aria-describedby="outcome-note-help outcome-note-preview"
            data-testid="outcome-note"
          />
          <p id="outcome-note-help" class="note-help">
            {t('panel.noteHelp')}
          </p>
          <p id="outcome-note-preview" class="note-preview" aria-live="polite" data-testid="outcome-note-preview">
            {redacted.found.length > 0 ? t('panel.notePreview', { text: redacted.text }) : ''}
          </p>
          {/* Always in view at the bottom of the console while the form is open. */}
          <div class="outcome-save" data-testid="outcome-save-bar">
            {error ? <p role="alert">{error}</p> : null}
            <div class="run-actions">
              {!done ? (
                <button type="button" class="btn" onClick={() => setEnding(false)} data-testid="outcome-cancel">
                  {t('panel.cancel')}
                </button>
              ) : null}
              <button type="submit" class="btn btn-main" disabled={saving} data-testid="save-outcome">
                {t('panel.save')}
              </button>
            </div>
          </div>
        </form>
      ) : (
        <button type="button" class="btn btn-stop" onClick={() => setEnding(true)} data-testid="stop">
          {t('panel.stop')}
        </button>
      )}
    </section>
  );
}

/** The desk's ward code, the volunteer's nickname and the retention period, written into each record. */
function DeskSettings({ t, settings, onSettings }: { t: Translate; settings: Settings; onSettings(next: Settings): void }): JSX.Element {
  const [ward, setWard] = useState(settings.wardCode ?? '');
  const [nick, setNick] = useState(settings.volunteer ?? '');
  const wardOk = ward === '' || /^\d{5}$/.test(ward);
  const save = (): void => {
    if (!wardOk) return;
    const next: Settings = { ...settings };
    if (ward) next.wardCode = ward;
    else delete next.wardCode;
    if (nick.trim()) next.volunteer = nick.trim().slice(0, 40);
    else delete next.volunteer;
    onSettings(next);
  };
  return (
    <div class="desk">
      <label class="setting">
        {t('panel.wardCode')}{' '}
        <input
          type="text"
          inputMode="numeric"
          maxLength={5}
          size={6}
          value={ward}
          onInput={(e) => setWard(e.currentTarget.value.trim())}
          onBlur={save}
          aria-invalid={!wardOk}
          aria-describedby="ward-help"
          data-testid="ward-code"
        />
      </label>
      <p id="ward-help" class={wardOk ? 'note-help' : 'note-help error'} role={wardOk ? undefined : 'alert'}>
        {wardOk ? t('panel.wardCodeHelp') : t('panel.wardCodeBad')}
      </p>
      <label class="setting">
        {t('panel.volunteer')}{' '}
        <input type="text" maxLength={40} value={nick} onInput={(e) => setNick(e.currentTarget.value)} onBlur={save} aria-describedby="nick-help" data-testid="volunteer" />
      </label>
      <p id="nick-help" class="note-help">
        {t('panel.volunteerHelp')}
      </p>
      <label class="setting">
        {t('panel.retention')}{' '}
        <select
          value={String(settings.retentionMonths)}
          onChange={(e) => onSettings({ ...settings, retentionMonths: Number(e.currentTarget.value) })}
          data-testid="retention"
        >
          {[3, 6, 12, 24, 36].map((m) => (
            <option key={m} value={String(m)}>
              {t('panel.months', { n: m })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
