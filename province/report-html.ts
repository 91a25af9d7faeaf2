// The province report's page: one static HTML file (no script, no external asset, opens from disk, prints on
// A4), its words from locales/*.json (Vietnamese first), charts as inline SVG bars. Every text is escaped:
// walkthrough ids and ward codes come from files of other desks.
import { createTranslator, hasMessage, type Lang, type MessageKey, type Translate } from '../core/i18n';
import type { Table } from './run';

export interface SkippedFile {
  path: string;
  code: string;
  field: string;
}

export interface ReportInput {
  lang: Lang;
  tables: Record<string, Table>;
  skipped: SkippedFile[];
  files: number;
  records: number;
  duplicates: number;
  future: number;
  generatedAt: number;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The suppressed cell's mark, as the SQL writes it. */
export const SUPPRESSED = '< 5';

function label(t: Translate, key: string, fallback: string): string {
  return hasMessage(key) ? t(key) : fallback;
}

/** A cell's words: codes of outcomes and age bands, an empty ward, everything else as it is. */
function cellText(t: Translate, column: string, value: string): string {
  if (column === 'outcome') return label(t, `outcome.${value}`, value);
  if (column === 'age') return value === '-' ? t('dashboard.ageNone') : label(t, `age.${value}`, value);
  if (column === 'ward' && value === '') return t('province.wardNone');
  return value;
}

/** Rows of the not-found ranking on the page. @default 50 */
export const RANKING_ROWS = 50;

const TABLES = ['summary', 'by_ward', 'by_walkthrough', 'by_outcome', 'by_month', 'by_age', 'funnel', 'wards_not_found'] as const;

/** Horizontal bars of one numeric column (suppressed cells get no bar, only their mark). */
function bars(t: Translate, table: Table, keyCol: number, valueCol: number, title: string, max = 40): string {
  const rows = table.rows.slice(0, max);
  if (!rows.length) return '';
  const values = rows.map((r) => (r[valueCol] === SUPPRESSED ? 0 : Number(r[valueCol]) || 0));
  const top = Math.max(1, ...values);
  const h = 18;
  const width = 640;
  const labelW = 220;
  const barW = width - labelW - 70;
  const items = rows
    .map((r, i) => {
      const y = i * h;
      const w = Math.round((values[i]! / top) * barW);
      const name = cellText(t, table.columns[keyCol]!, r[keyCol]!);
      const short = name.length > 34 ? `${name.slice(0, 33)}…` : name;
      return `<text x="${labelW - 6}" y="${y + 13}" text-anchor="end">${esc(short)}</text><rect x="${labelW}" y="${y + 3}" width="${w}" height="${h - 6}"/><text x="${labelW + w + 4}" y="${y + 13}">${esc(r[valueCol]!)}</text>`;
    })
    .join('');
  return `<svg class="bars" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${rows.length * h}" width="${width}" height="${rows.length * h}" xmlns="http://www.w3.org/2000/svg">${items}</svg>`;
}

function htmlTable(t: Table, tr: Translate, name: string): string {
  const head = t.columns.map((c) => `<th scope="col">${esc(label(tr, `province.col.${c}`, c))}</th>`).join('');
  // Figures right-aligned; the first column is a key (a ward code, a month), even when it is digits.
  const body = t.rows
    .map((r) => `<tr>${r.map((v, i) => `<td${i > 0 && /^[\d.<\s]+$/.test(v) ? ' class="num"' : ''}>${esc(cellText(tr, t.columns[i]!, v))}</td>`).join('')}</tr>`)
    .join('');
  return `<table data-table="${name}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The funnel's rows of one walkthrough as bars of sessions reaching each step. */
function funnelCharts(t: Translate, funnel: Table): string {
  const byWalkthrough = new Map<string, string[][]>();
  for (const r of funnel.rows) (byWalkthrough.get(r[0]!) ?? byWalkthrough.set(r[0]!, []).get(r[0]!)!).push(r);
  return [...byWalkthrough]
    .map(([w, rows]) => {
      const steps: Table = { columns: ['step', 'reached'], rows: rows.map((r) => [t('province.stepN', { n: r[1]! }), r[2]!]) };
      return `<figure><figcaption>${esc(w)}</figcaption>${bars(t, steps, 0, 1, t('province.funnelOf', { walkthrough: w }))}</figure>`;
    })
    .join('');
}

const CSS = `
@page { size: A4; margin: 14mm; }
body { font: 11pt/1.4 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #111; max-width: 190mm; margin: 1em auto; padding: 0 8px; }
h1 { font-size: 18pt; margin: 0 0 .3em; } h2 { font-size: 13pt; margin: 1.4em 0 .4em; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; } tr { break-inside: avoid; }
svg.bars { max-width: 100%; height: auto; font-size: 11px; } svg.bars rect { fill: #1f5f99; }
figure { margin: .4em 0 1em; break-inside: avoid; } figcaption { font-weight: 600; }
.note { background: #f3f3f3; border-left: 4px solid #666; padding: .4em .8em; }
.skipped { border-left-color: #b00020; }
a { color: #0b4f8a; }
@media print { a { color: inherit; text-decoration: none; } }
`;

export function renderReport(input: ReportInput): string {
  const t = createTranslator(input.lang);
  const { tables } = input;
  const when = new Date(input.generatedAt).toISOString().slice(0, 16).replace('T', ' ');
  const parts: string[] = [];
  parts.push(`<h1>${esc(t('province.title'))}</h1>`);
  parts.push(`<p>${esc(t('province.generated', { time: when, files: input.files, records: input.records, duplicates: input.duplicates }))}</p>`);
  parts.push(`<p class="note" data-testid="privacy">${esc(t('province.privacy'))}</p>`);
  if (input.future) parts.push(`<p class="note">${esc(t('province.future', { n: input.future }))}</p>`);
  if (input.skipped.length) {
    const items = input.skipped
      .map((s) => {
        const reason = s.code.startsWith('log.') ? t(`error.${s.code}` as MessageKey, { max: '' }) : label(t, `province.error.${s.code.replace(/^file\./, '')}`, s.code);
        return `<li data-file="${esc(s.path)}">${esc(t('province.skippedItem', { file: s.path, reason, field: s.field || '/' }))}</li>`;
      })
      .join('');
    parts.push(`<div class="note skipped" data-testid="skipped"><p>${esc(t('province.skipped', { n: input.skipped.length }))}</p><ul>${items}</ul></div>`);
  }
  const charts: Record<string, string> = {
    by_ward: tables.by_ward ? bars(t, tables.by_ward, 0, 1, t('province.table.by_ward')) : '',
    by_walkthrough: tables.by_walkthrough ? bars(t, tables.by_walkthrough, 0, 1, t('province.table.by_walkthrough')) : '',
    by_outcome: tables.by_outcome ? bars(t, tables.by_outcome, 0, 1, t('province.table.by_outcome')) : '',
    by_month: tables.by_month ? bars(t, tables.by_month, 0, 1, t('province.table.by_month')) : '',
    by_age: tables.by_age ? bars(t, tables.by_age, 0, 1, t('province.table.by_age')) : '',
    funnel: tables.funnel ? funnelCharts(t, tables.funnel) : '',
  };
  for (const name of TABLES) {
    const table = tables[name];
    if (!table) continue;
    // The ranking can hold every ward × walkthrough: the page shows its head, the CSV all of it.
    const limit = name === 'wards_not_found' ? RANKING_ROWS : Infinity;
    const cut = table.rows.length > limit ? { ...table, rows: table.rows.slice(0, limit) } : table;
    const more = cut === table ? '' : `<p>${esc(t('province.firstRows', { n: limit, total: table.rows.length }))}</p>`;
    parts.push(`<section><h2>${esc(t(`province.table.${name}`))}</h2>${charts[name] ?? ''}${htmlTable(cut, t, name)}${more}<p><a href="${name}.csv">${esc(t('province.csv', { file: `${name}.csv` }))}</a></p></section>`);
  }
  parts.push(`<p><a href="province.sql">${esc(t('province.sql'))}</a></p>`);
  return `<!doctype html>\n<html lang="${input.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t('province.title'))}</title><style>${CSS}</style></head><body><main>${parts.join('\n')}</main></body></html>\n`;
}
