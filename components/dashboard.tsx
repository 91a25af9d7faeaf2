// The ward's dashboard: figures of the assisted sessions for a period (tables, with bar charts beside them),
// the drop-off per step of each walkthrough with links to the steps to check in the editor; print, exports
// (CSV, JSON), import from other desks and deleting everything in a toolbar at the top. Dates in one written
// form everywhere (core/dates.ts). Talks to the records only through `DashboardApi`.
import { Fragment, type JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CatalogEntry } from '../core/catalog';
import { formatDate } from '../core/dates';
import { localText, type Lang, type MessageKey, type Translate } from '../core/i18n';
import { parseExport, toJson, type CsvLabel } from '../core/log-export';
import { AGE_BANDS, RECORD_OUTCOMES, retentionCutoff, type AgeBand, type AssistRecord, type RecordOutcome } from '../core/log-record';
import { dayOf, type Funnel, type Summary } from '../core/log-summary';
import type { CsvExport, DayCount, ImportOptions, ImportResult } from '../core/log-store';
import { isEditedCopy } from '../core/pack-library';
import type { Settings } from '../core/settings';
import { BarChart } from './dashboard-chart';
import { DateField } from './dashboard-date-field';
import { Toolbar, type Message, type Numbered } from './dashboard-toolbar';
import {
  exportFileName,
  isoDate,
  last12Months,
  lastMonth,
  megabytes,
  minutesSeconds,
  monthParts,
  parseDate,
  percent,
  repairedSteps,
  shortHint,
  thisMonth,
  toSummaryFilter,
  type FilterForm,
  type Period,
} from './dashboard-data';

export interface DashboardApi {
  summary(filter: ReturnType<typeof toSummaryFilter>): Promise<Summary>;
  /** The records a filter keeps, in start order (the JSON export). */
  records(filter: ReturnType<typeof toSummaryFilter>): Promise<AssistRecord[]>;
  /** The CSV export of the records a filter keeps (see core/log-export.ts `toCsv`). */
  csv(filter: ReturnType<typeof toSummaryFilter>, lang: Lang, label: CsvLabel): Promise<CsvExport>;
  count(): Promise<number>;
  /** An import: see core/log-store.ts `addMany` (records cleaned, future and expired ones counted). */
  addMany(records: AssistRecord[], options: ImportOptions): Promise<ImportResult>;
  /** Upkeep: purge records past the retention cut-off (and any dated in the future); how many went. */
  maintain(retentionCutoff: number): Promise<number>;
  clear(): Promise<void>;
  /** Bytes this extension's storage uses, null when unknown. */
  storageUsage(): Promise<number | null>;
  download(fileName: string, type: string, data: string | Uint8Array<ArrayBuffer>): void;
  print(): void;
  now(): number;
  /** The editor page of a pack (a repaired step's link); absent: no link. */
  editorUrl?(packId: string, walkthroughId: string): string;
  /**
   * A step of a walkthrough in the editor ("Cần kiểm tra gói": a control not found there): the link's address,
   * and what a click does (a built-in pack opens through the desk's copy, made on the first click). Absent: no link.
   */
  editorStep?: {
    href(packId: string, walkthroughId: string, step: number): string;
    open(packId: string, walkthroughId: string, step: number): Promise<void>;
  };
  /** Issue 19: scam warnings shown in a period ("cảnh báo trang giả"); absent: not shown. */
  warnings?(filter: ReturnType<typeof toSummaryFilter>): Promise<number>;
  /** The daily counts of a period, for the JSON export. */
  warningDays?(filter: ReturnType<typeof toSummaryFilter>): Promise<DayCount[]>;
  /** Daily counts from an imported export (core/log-store.ts `addWarningDays`). */
  addWarningDays?(days: DayCount[]): Promise<void>;
}

export interface DashboardProps {
  t: Translate;
  settings: Settings;
  catalog: { find(packId: string, walkthroughId: string): CatalogEntry | null; list(): CatalogEntry[] };
  api: DashboardApi;
}

function errorText(t: Translate, err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'quota') return t('dashboard.storageFull');
  if (code === 'blocked') return t('dashboard.blocked');
  return err instanceof Error ? err.message : String(err);
}

/** A label for a code, or the code itself when no text exists for it (records from newer versions). */
function labelOf(t: Translate, key: string, fallback: string): string {
  const s = t(key as MessageKey);
  return typeof s === 'string' ? s : fallback;
}

export function Dashboard({ t, settings, catalog, api }: DashboardProps): JSX.Element {
  const lang: Lang = settings.lang;
  const [form, setForm] = useState<FilterForm>(() => ({ ...last12Months(api.now()), walkthrough: '', outcome: '', ageBand: '' }));
  const [summary, setSummary] = useState<Summary | null>(null);
  const [warnings, setWarnings] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [stored, setStored] = useState<{ count: number; usage: number | null } | null>(null);
  const [version, setVersion] = useState(0);
  const [message, setMessageState] = useState<Numbered | null>(null);
  const setMessage = (m: Message): void => setMessageState((prev) => ({ ...m, seq: (prev?.seq ?? 0) + 1 }));
  const [busy, setBusy] = useState(false);
  const filter = useMemo(() => toSummaryFilter(form), [form]);
  const filterKey = JSON.stringify(filter);
  const refresh = (): void => setVersion((n) => n + 1);

  useEffect(() => {
    let current = true;
    api.summary(filter).then(
      (s) => {
        if (!current) return;
        setSummary(s);
        setLoadError(null);
      },
      (err: unknown) => current && setLoadError(t('dashboard.loadFailed', { reason: errorText(t, err) })),
    );
    api.warnings?.(filter).then(
      (n) => current && setWarnings(n),
      () => current && setWarnings(null),
    );
    return () => {
      current = false;
    };
    // `filterKey` stands for the filter.
  }, [api, filterKey, version]);

  useEffect(() => {
    let current = true;
    void Promise.all([api.count(), api.storageUsage().catch(() => null)]).then(
      ([count, usage]) => current && setStored({ count, usage }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, version]);

  // Retention applies when the page opens too (not only after a session ends): a desk that only imports,
  // or that shortened its retention, keeps nothing older than it says.
  useEffect(() => {
    let current = true;
    api.maintain(retentionCutoff(api.now(), settings.retentionMonths)).then(
      (removed) => {
        if (current && removed > 0) refresh();
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, settings.retentionMonths]);

  // Sessions recorded meanwhile (the console in the side panel) show when the page is looked at again.
  useEffect(() => {
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const titleOf = (key: string): string => {
    const slash = key.indexOf('/');
    const entry = slash > 0 ? catalog.find(key.slice(0, slash), key.slice(slash + 1)) : null;
    if (!entry) return key;
    const title = localText(entry.walkthrough.title, lang);
    // An edited copy's walkthrough has the original's title: its rows would read as the original's twice.
    return isEditedCopy(entry.pack) ? t('dashboard.editedCopy', { title }) : title;
  };
  const outcomeLabel = (o: string): string => labelOf(t, `outcome.${o}`, o);
  const ageLabel = (a: string): string => (a === '-' ? t('dashboard.ageNone') : labelOf(t, `age.${a}`, a));
  const monthLabel = (key: string): string => {
    const p = monthParts(key);
    return p ? t('dashboard.monthLabel', { m: p.m, y: p.y }) : key;
  };
  const period: Period = { from: form.from, to: form.to };
  const periodText = t('dashboard.period', {
    from: parseDate(form.from) !== undefined ? formatDate(form.from, lang) : t('dashboard.periodStart'),
    to: parseDate(form.to) !== undefined ? formatDate(form.to, lang) : t('dashboard.periodNow'),
  });

  async function exportAs(kind: 'csv' | 'json'): Promise<void> {
    setBusy(true);
    try {
      const name = exportFileName(period, kind);
      let n: number;
      if (kind === 'csv') {
        const csv = await api.csv(filter, lang, (k, code) => (k === 'outcome' ? outcomeLabel(code) : k === 'age' ? ageLabel(code) : labelOf(t, `reason.${code}`, code)));
        n = csv.rows;
        api.download(name, 'text/csv;charset=utf-8', csv.bytes);
      } else {
        const records = await api.records(filter);
        n = records.length;
        api.download(name, 'application/json', toJson(records, api.now(), await api.warningDays?.(filter)));
      }
      setMessage({ kind: 'status', text: t('dashboard.exported', { n, file: name }) });
    } catch (err) {
      setMessage({ kind: 'error', text: t('dashboard.exportFailed', { reason: errorText(t, err) }) });
    } finally {
      setBusy(false);
    }
  }

  async function importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setMessage({ kind: 'status', text: t('dashboard.importing') });
    try {
      const parsed = parseExport(await file.text());
      if (!parsed.ok) {
        setMessage({ kind: 'error', text: t('dashboard.importRefused', { file: file.name }), details: parsed.errors });
        return;
      }
      const cutoff = retentionCutoff(api.now(), settings.retentionMonths);
      const r = await api.addMany(parsed.records, { retentionCutoff: cutoff });
      // The other desk's daily warning counts, within retention and not from the future.
      await api.addWarningDays?.((parsed.scamWarnings ?? []).filter((d) => d.day >= dayOf(cutoff) && d.day <= api.now()));
      const parts = [t('dashboard.imported', { added: r.added, duplicates: r.duplicates })];
      if (r.future) parts.push(t('dashboard.importFuture', { n: r.future }));
      if (r.expired) parts.push(t('dashboard.importExpired', { n: r.expired, months: settings.retentionMonths }));
      setMessage({ kind: 'status', text: parts.join(' ') });
    } catch (err) {
      setMessage({ kind: 'error', text: t('dashboard.importFailed', { reason: errorText(t, err) }) });
    } finally {
      // The same file may be chosen again.
      input.value = '';
      setBusy(false);
      refresh();
    }
  }

  async function deleteAll(): Promise<void> {
    setBusy(true);
    try {
      await api.clear();
      setMessage({ kind: 'status', text: t('dashboard.deleted') });
    } catch (err) {
      setMessage({ kind: 'error', text: t('dashboard.deleteFailed', { reason: errorText(t, err) }) });
    } finally {
      setBusy(false);
      refresh();
    }
  }

  const badPeriod = filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to;
  return (
    <div class="dash">
      <header class="dash-head">
        <h1>
          {t('app.name')} — {t('dashboard.title')}
        </h1>
        <p class="dash-ward" data-testid="ward">
          {settings.wardCode ? t('dashboard.ward', { code: settings.wardCode }) : t('dashboard.wardUnset')}
        </p>
        <p class="dash-period" data-testid="period">
          {periodText}
        </p>
        <p class="print-only">{t('dashboard.printedAt', { time: formatDate(isoDate(api.now()), lang) })}</p>
      </header>
      <Toolbar
        t={t}
        count={stored?.count ?? null}
        busy={busy}
        message={message}
        importHelpId="dash-import-help"
        onPrint={() => api.print()}
        onExport={(kind) => void exportAs(kind)}
        onImport={(input) => void importFile(input)}
        onDelete={() => void deleteAll()}
      />
      <main>
        <Filters t={t} lang={lang} form={form} onChange={setForm} now={api.now} catalog={catalog} seen={summary ? Object.keys(summary.byWalkthrough) : []} titleOf={titleOf} outcomeLabel={outcomeLabel} ageLabel={ageLabel} />
        {badPeriod ? (
          <p class="dash-note" role="status">
            {t('dashboard.badPeriod')}
          </p>
        ) : null}
        {loadError ? (
          <p class="dash-error" role="alert">
            {loadError}
          </p>
        ) : null}
        {!summary ? (
          <p aria-busy="true">{t('dashboard.loading')}</p>
        ) : (
          <Figures t={t} summary={summary} warnings={warnings} titleOf={titleOf} outcomeLabel={outcomeLabel} ageLabel={ageLabel} monthLabel={monthLabel} />
        )}
        {summary && summary.total > 0 ? <Funnels t={t} lang={lang} summary={summary} catalog={catalog} titleOf={titleOf} editorStep={api.editorStep} onOpenFailed={(err) => setMessage({ kind: 'error', text: t('dashboard.openFailed', { reason: errorText(t, err) }) })} /> : null}
        {summary ? <Repairs t={t} summary={summary} titleOf={titleOf} editorUrl={api.editorUrl} /> : null}
        <DataSection t={t} lang={lang} settings={settings} stored={stored} />
      </main>
    </div>
  );
}

// ---- filters ----

interface FiltersProps {
  t: Translate;
  lang: Lang;
  form: FilterForm;
  onChange(form: FilterForm): void;
  now(): number;
  catalog: DashboardProps['catalog'];
  seen: string[];
  titleOf(key: string): string;
  outcomeLabel(o: string): string;
  ageLabel(a: string): string;
}

function Filters({ t, lang, form, onChange, now, catalog, seen, titleOf, outcomeLabel, ageLabel }: FiltersProps): JSX.Element {
  // The shipped walkthroughs, and those only the records know (older or other desks' packs).
  const keys = new Set(catalog.list().map((e) => `${e.pack.id}/${e.walkthrough.id}`));
  for (const k of seen) keys.add(k);
  if (form.walkthrough) keys.add(form.walkthrough);
  const walkthroughs = [...keys].map((k) => ({ key: k, title: titleOf(k) })).sort((a, b) => a.title.localeCompare(b.title, 'vi'));
  const set = (patch: Partial<FilterForm>): void => onChange({ ...form, ...patch });
  const quick = (p: Period): void => set(p);
  const same = (p: Period): boolean => p.from === form.from && p.to === form.to;
  const quicks: [MessageKey, Period, string][] = [
    ['dashboard.thisMonth', thisMonth(now()), 'this-month'],
    ['dashboard.lastMonth', lastMonth(now()), 'last-month'],
    ['dashboard.last12', last12Months(now()), 'last-12'],
  ];
  return (
    <section class="filters no-print" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('dashboard.filters')}</h2>
      <div class="filter-row">
        <DateField t={t} lang={lang} id="period-from" label={t('dashboard.from')} value={form.from} example={isoDate(now())} onChange={(from) => set({ from })} />
        <DateField t={t} lang={lang} id="period-to" label={t('dashboard.to')} value={form.to} example={isoDate(now())} onChange={(to) => set({ to })} />
        <div class="field" role="group" aria-labelledby="quick-title">
          <span id="quick-title">{t('dashboard.quick')}</span>
          <div class="quick">
            {quicks.map(([key, p, id]) => (
              <button key={id} type="button" class="btn" aria-pressed={same(p)} onClick={() => quick(p)} data-testid={`quick-${id}`}>
                {t(key)}
              </button>
            ))}
          </div>
        </div>
      </div>
      <div class="filter-row">
        <label class="field">
          <span>{t('dashboard.walkthrough')}</span>
          <select value={form.walkthrough} onChange={(e) => set({ walkthrough: e.currentTarget.value })} data-testid="filter-walkthrough">
            <option value="">{t('dashboard.all')}</option>
            {walkthroughs.map((w) => (
              <option key={w.key} value={w.key}>
                {w.title}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('dashboard.outcome')}</span>
          <select value={form.outcome} onChange={(e) => set({ outcome: e.currentTarget.value as RecordOutcome | '' })} data-testid="filter-outcome">
            <option value="">{t('dashboard.all')}</option>
            {RECORD_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {outcomeLabel(o)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('dashboard.ageBand')}</span>
          <select value={form.ageBand} onChange={(e) => set({ ageBand: e.currentTarget.value as AgeBand | '-' | '' })} data-testid="filter-age">
            <option value="">{t('dashboard.all')}</option>
            {[...AGE_BANDS, '-'].map((a) => (
              <option key={a} value={a}>
                {ageLabel(a)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}

// ---- figures ----

interface Row {
  key: string;
  label: string;
  count: number;
}

function CountTable({ t, id, caption, keyHeader, rows, total }: { t: Translate; id: string; caption: string; keyHeader: string; rows: Row[]; total: number }): JSX.Element {
  return (
    <table class="counts" data-testid={`table-${id}`}>
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          <th scope="col" class="num">
            {t('dashboard.count')}
          </th>
          <th scope="col" class="num">
            {t('dashboard.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row">{r.label}</th>
            <td class="num" data-col="count">
              {r.count}
            </td>
            <td class="num">{percent(r.count, total)}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Breakdown({ t, id, title, keyHeader, rows, total, horizontal }: { t: Translate; id: string; title: string; keyHeader: string; rows: Row[]; total: number; horizontal?: boolean }): JSX.Element {
  return (
    <section class="breakdown" aria-labelledby={`h-${id}`}>
      <h2 id={`h-${id}`}>{title}</h2>
      <div class="figure">
        <CountTable t={t} id={id} caption={title} keyHeader={keyHeader} rows={rows} total={total} />
        <BarChart
          label={t('dashboard.chart', { title })}
          labels={rows.map((r) => r.label)}
          values={rows.map((r) => r.count)}
          horizontal={horizontal}
          testid={`chart-${id}`}
        />
      </div>
    </section>
  );
}

interface FiguresProps {
  t: Translate;
  summary: Summary;
  /** Scam warnings shown in the period; null: not known (not shown). */
  warnings: number | null;
  titleOf(key: string): string;
  outcomeLabel(o: string): string;
  ageLabel(a: string): string;
  monthLabel(key: string): string;
}

function Figures({ t, summary, warnings, titleOf, outcomeLabel, ageLabel, monthLabel }: FiguresProps): JSX.Element {
  const completed = summary.byOutcome.completed ?? 0;
  const median = summary.medianDurationSec;
  const rows = (m: Record<string, number>, label: (k: string) => string, order?: readonly string[]): Row[] => {
    const keys = order ? [...order.filter((k) => k in m), ...Object.keys(m).filter((k) => !order.includes(k))] : Object.keys(m);
    return keys.map((k) => ({ key: k, label: label(k), count: m[k]! }));
  };
  const byWalkthrough = rows(summary.byWalkthrough, titleOf).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
  return (
    <>
      <section class="totals" aria-labelledby="h-totals">
        <h2 id="h-totals">{t('dashboard.totals')}</h2>
        <dl class="stats">
          <div class="stat">
            <dt>{t('dashboard.sessions')}</dt>
            <dd data-testid="total" data-value={summary.total}>
              {summary.total}
            </dd>
          </div>
          <div class="stat">
            <dt>{t('dashboard.completed')}</dt>
            <dd data-testid="completed" data-value={completed}>
              {t('dashboard.completedValue', { n: completed, pct: percent(completed, summary.total) })}
            </dd>
          </div>
          <div class="stat">
            <dt>{t('dashboard.median')}</dt>
            <dd data-testid="median" data-value={median ?? ''}>
              {median === null ? t('dashboard.noMedian') : t('dashboard.duration', minutesSeconds(median))}
            </dd>
          </div>
          {warnings !== null ? (
            <div class="stat">
              <dt>{t('dashboard.scamWarnings')}</dt>
              <dd data-testid="scam-warnings" data-value={warnings} aria-describedby="scam-warnings-help">
                {warnings}
              </dd>
            </div>
          ) : null}
        </dl>
        {warnings !== null ? (
          <p id="scam-warnings-help" class="dash-note">
            {t('dashboard.scamWarningsHelp')}
          </p>
        ) : null}
      </section>
      {summary.total === 0 ? (
        <p class="dash-note" data-testid="no-data">
          {t('dashboard.noData')}
        </p>
      ) : (
        <>
          <Breakdown t={t} id="walkthrough" title={t('dashboard.byWalkthrough')} keyHeader={t('dashboard.walkthrough')} rows={byWalkthrough} total={summary.total} horizontal />
          <Breakdown t={t} id="outcome" title={t('dashboard.byOutcome')} keyHeader={t('dashboard.outcome')} rows={rows(summary.byOutcome, outcomeLabel, RECORD_OUTCOMES)} total={summary.total} horizontal />
          <Breakdown t={t} id="month" title={t('dashboard.byMonth')} keyHeader={t('dashboard.month')} rows={rows(summary.byMonth, monthLabel)} total={summary.total} />
          <Breakdown t={t} id="age" title={t('dashboard.byAgeBand')} keyHeader={t('dashboard.ageBand')} rows={rows(summary.byAgeBand, ageLabel, [...AGE_BANDS, '-'])} total={summary.total} horizontal />
        </>
      )}
    </>
  );
}

// ---- per walkthrough: drop-off, controls not found, repeats ----

interface FunnelsProps {
  t: Translate;
  lang: Lang;
  summary: Summary;
  catalog: DashboardProps['catalog'];
  titleOf(key: string): string;
  editorStep?: DashboardApi['editorStep'];
  onOpenFailed(err: unknown): void;
}

function Funnels({ t, lang, summary, catalog, titleOf, editorStep, onOpenFailed }: FunnelsProps): JSX.Element {
  const keys = Object.keys(summary.funnels).sort((a, b) => (summary.byWalkthrough[b] ?? 0) - (summary.byWalkthrough[a] ?? 0) || a.localeCompare(b));
  return (
    <section class="funnels" aria-labelledby="h-funnels">
      <h2 id="h-funnels">{t('dashboard.funnels')}</h2>
      <p class="dash-help">{t('dashboard.funnelHelp')}</p>
      {keys.map((key) => {
        const slash = key.indexOf('/');
        const entry = slash > 0 ? catalog.find(key.slice(0, slash), key.slice(slash + 1)) : null;
        const hints = entry ? entry.walkthrough.steps.map((s) => shortHint(localText(s.text, lang))) : [];
        // Only a walkthrough the catalogue knows can be opened in the editor.
        const stepLink = editorStep && entry ? stepLinks(editorStep, entry.pack.id, entry.walkthrough.id, onOpenFailed) : undefined;
        return <FunnelView key={key} t={t} id={key} title={titleOf(key)} sessions={summary.byWalkthrough[key] ?? 0} funnel={summary.funnels[key]!} hints={hints} hasEntry={entry !== null} stepLink={stepLink} />;
      })}
    </section>
  );
}

/** "Bước đã sửa tại quầy": steps repaired by volunteers (issue 17), with a link to the pack in the editor to export it. */
function Repairs({ t, summary, titleOf, editorUrl }: { t: Translate; summary: Summary; titleOf(key: string): string; editorUrl?: DashboardApi['editorUrl'] }): JSX.Element | null {
  const rows = repairedSteps(summary);
  if (!rows.length) return null;
  return (
    <section class="repairs" aria-labelledby="h-repairs" data-testid="repairs">
      <h2 id="h-repairs">{t('dashboard.repairs')}</h2>
      <p class="dash-help">{t('dashboard.repairsHelp')}</p>
      <table class="counts">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.walkthrough')}</th>
            <th scope="col">{t('dashboard.stepHeader')}</th>
            <th scope="col" class="num">
              {t('dashboard.repairCount')}
            </th>
            {editorUrl ? <th scope="col">{t('dashboard.repairEditor')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.key}#${r.step}`} data-repair={`${r.key}#${r.step}`}>
              <th scope="row">{titleOf(r.key)}</th>
              <td>{t('dashboard.step', { n: r.step })}</td>
              <td class="num" data-col="repairs">
                {r.repairs}
              </td>
              {editorUrl ? (
                <td>
                  <a href={editorUrl(r.packId, r.walkthroughId)} target="_blank" rel="noopener" data-testid="repair-editor">
                    {t('dashboard.repairOpen', { title: titleOf(r.key), n: r.step })}
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** How a step (1-based) of one walkthrough links to the editor. */
interface StepLink {
  href(step: number): string;
  open(step: number): void;
}

function stepLinks(editorStep: NonNullable<DashboardApi['editorStep']>, packId: string, walkthroughId: string, onFailed: (err: unknown) => void): StepLink {
  return {
    href: (step) => editorStep.href(packId, walkthroughId, step),
    open: (step) => void editorStep.open(packId, walkthroughId, step).catch(onFailed),
  };
}

/** "Cần kiểm tra gói…: không tìm thấy nút ở Bước 3 (2), Bước 5 (1)." with each step a link to it in the editor. */
function NotFoundWarning({ t, title, notFound, stepLink }: { t: Translate; title: string; notFound: number[]; stepLink?: StepLink }): JSX.Element {
  // The sentence is split around its {steps} so that the steps can be links, in either language's word order.
  const MARK = '\u0000';
  const [before = '', after = ''] = t('dashboard.notFoundWarn', { steps: MARK }).split(MARK);
  const items = notFound.flatMap((n, i) => (n > 0 ? [{ step: i + 1, n }] : []));
  return (
    <p class="dash-warn" data-testid="not-found-warning">
      {before}
      {items.map(({ step, n }, k) => (
        <Fragment key={step}>
          {k > 0 ? ', ' : ''}
          {stepLink ? (
            <a
              href={stepLink.href(step)}
              target="_blank"
              rel="noopener"
              onClick={(e) => {
                // A plain click opens through the extension (a built-in pack's copy is made first); other
                // clicks (a new window, copying the address) keep the browser's own behaviour.
                if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                stepLink.open(step);
              }}
              data-testid="not-found-step"
              data-step={step}
            >
              {t('dashboard.step', { n: step })} <span class="sr-only">{t('dashboard.notFoundOpen', { title })}</span>
            </a>
          ) : (
            t('dashboard.step', { n: step })
          )}{' '}
          ({n})
        </Fragment>
      ))}
      {after}
    </p>
  );
}

function FunnelView({ t, id, title, sessions, funnel, hints, hasEntry, stepLink }: { t: Translate; id: string; title: string; sessions: number; funnel: Funnel; hints: string[]; hasEntry: boolean; stepLink?: StepLink }): JSX.Element {
  const headingId = `h-funnel-${id.replace(/[^a-z0-9-]/g, '-')}`;
  const steps = funnel.reachedAtLeast.map((_, i) => t('dashboard.step', { n: i + 1 }));
  return (
    <article class="funnel" aria-labelledby={headingId} data-funnel={id}>
      <h3 id={headingId}>{title}</h3>
      <p class="dash-help">{t('dashboard.funnelSessions', { n: sessions, steps: funnel.total })}</p>
      {funnel.notFound.some((n) => n > 0) ? <NotFoundWarning t={t} title={title} notFound={funnel.notFound} stepLink={stepLink} /> : null}
      <div class="figure figure-funnel">
        <table class="counts steps">
          <caption class="sr-only">{t('dashboard.funnelTable', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.stepHeader')}</th>
              <th scope="col">{t('dashboard.hint')}</th>
              <th scope="col" class="num">
                {t('dashboard.reached')}
              </th>
              <th scope="col" class="num">
                {t('dashboard.notFound')}
              </th>
              <th scope="col" class="num">
                {t('dashboard.repeats')}
              </th>
            </tr>
          </thead>
          <tbody>
            {funnel.reachedAtLeast.map((reached, i) => (
              <tr key={i} data-step={i + 1}>
                <th scope="row" class="step-name">
                  {steps[i]}
                </th>
                <td class="hint">{hints[i] ?? (hasEntry ? t('dashboard.unknownStep') : '')}</td>
                <td class="num" data-col="reached">
                  {reached}
                </td>
                <td class={funnel.notFound[i] ? 'num flag' : 'num'} data-col="notFound">
                  {funnel.notFound[i] ?? 0}
                </td>
                <td class="num" data-col="repeats">
                  {funnel.repeats[i] ?? 0}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <BarChart label={t('dashboard.chart', { title: t('dashboard.funnelChart', { title }) })} labels={steps} values={funnel.reachedAtLeast} color="#0f766e" />
      </div>
    </article>
  );
}

// ---- what the exports hold, the import, storage ----

function DataSection({ t, lang, settings, stored }: { t: Translate; lang: Lang; settings: Settings; stored: { count: number; usage: number | null } | null }): JSX.Element {
  const mb = stored?.usage != null ? megabytes(stored.usage).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 }) : null;
  return (
    <section class="data no-print" aria-labelledby="h-data">
      <h2 id="h-data">{t('dashboard.data')}</h2>
      <p class="dash-help">{t('dashboard.exportHelp')}</p>
      <p id="dash-import-help" class="dash-help">
        {t('dashboard.importHelp')}
      </p>
      <h3>{t('dashboard.storage')}</h3>
      <p data-testid="storage">
        {stored ? (mb !== null ? t('dashboard.usage', { mb, n: stored.count }) : t('dashboard.usageUnknown', { n: stored.count })) : t('dashboard.loading')}{' '}
        {t('dashboard.retention', { n: settings.retentionMonths })}
      </p>
    </section>
  );
}
