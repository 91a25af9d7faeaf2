// matchRecords: the resolver's scoring and decision rule on element property records in the format of the
// Similo study (Nass et al., TOSEM 2023) instead of a live DOM — the real-world benchmark set of
// ../shared/bench/similo. An adapter turns a record into Props; the rest is score.ts and decide.ts as is.
import { isClassToken } from './controls';
import { choose, type Relations } from './decide';
import { rarityOf, scoreProps, WEIGHTS } from './score';
import type { AnchorKind, Props, Scored } from './types';

/** One element as the Similo study extracted it: every value a string; `0` in neighbour texts means none. */
export type ElementRecord = Readonly<Record<string, string | undefined>>;

const FIELD_TYPES = new Set(['', 'text', 'search', 'email', 'tel', 'url', 'number', 'password', 'date', 'datetime-local', 'month', 'week', 'time']);

function kindOfRecord(tag: string, type: string): AnchorKind {
  if (tag === 'a' || tag === 'button' || (tag === 'input' && ['button', 'submit', 'reset', 'image'].includes(type))) return 'action';
  if (tag === 'input' && (type === 'checkbox' || type === 'radio')) return 'toggle';
  if (tag === 'select') return 'select';
  if (tag === 'textarea' || (tag === 'input' && FIELD_TYPES.has(type))) return 'field';
  // A div or span the page styled as a button (is_button) is a plain element to the DOM resolver too.
  return 'other';
}

const ROLES: Record<string, string> = { a: 'link', button: 'button', select: 'combobox', textarea: 'textbox', img: 'img', nav: 'navigation', form: 'form' };

/** `/HTML/BODY/DIV[3]/A` → `/html[1]/body[1]/div[3]/a[1]`. */
function normaliseXPath(xpath: string): string {
  return xpath
    .split('/')
    .filter(Boolean)
    .map((step) => {
      const m = /^([A-Za-z0-9_-]+)(\[\d+\])?$/.exec(step);
      return m ? `${m[1]!.toLowerCase()}${m[2] ?? '[1]'}` : step.toLowerCase();
    })
    .reduce((acc, s) => `${acc}/${s}`, '');
}

function hrefOf(raw: string | undefined): string | undefined {
  if (!raw || raw.startsWith('#') || /^javascript:/i.test(raw)) return undefined;
  try {
    const u = new URL(raw, 'https://page.invalid/');
    // Wayback captures wrap the real address: keep the real one.
    const inner = /\/web\/\d+[a-z_]*\/(https?:\/\/.+)$/.exec(u.pathname + u.search);
    const real = inner ? new URL(inner[1]!) : u;
    return real.hostname + real.pathname;
  } catch {
    return undefined;
  }
}

const text = (v: string | undefined, max = 120): string | undefined => {
  const t = v?.replace(/\s+/g, ' ').trim();
  return t && t !== '0' ? t.slice(0, max) : undefined;
};

/** A record as Props (what the DOM resolver would have extracted, as far as the record says). */
export function propsOfRecord(r: ElementRecord): Props {
  const tag = (r.tag ?? '').toLowerCase();
  const type = (r.type ?? '').toLowerCase();
  const kind = kindOfRecord(tag, type);
  const xpath = r.xpath ? normaliseXPath(r.xpath) : undefined;
  const p: Props = { kind, tag, role: ROLES[tag] ?? (kind === 'field' ? 'textbox' : 'generic'), path: xpath ? xpath.replace(/\[\d+\]/g, '').split('/').filter(Boolean).join('>') : tag };
  const shown = text(r.visible_text) ?? text(r.text);
  const set = <K extends keyof Props>(key: K, value: Props[K] | undefined): void => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) p[key] = value;
  };
  if (tag === 'input' && type) set('type', type);
  set('name', shown ?? text(r.alt));
  if (kind !== 'field' && kind !== 'select') set('text', shown);
  set('title', text(r.alt));
  set('attrName', text(r.name, 100));
  set('href', hrefOf(r.href));
  set('id', r.id && r.id.length <= 60 ? r.id : undefined);
  set('classes', (r.class ?? '').split(/\s+/).filter(isClassToken).slice(0, 8));
  set('xpath', xpath);
  set('near', [r.neighbor_text_above, r.neighbor_text_left, r.neighbor_text_right, r.neighbor_text_below].map((t) => text(t, 80)).filter((t): t is string => !!t));
  const n = (k: string): number => Number(r[k] ?? NaN);
  if ([n('x'), n('y'), n('width'), n('height')].every(Number.isFinite)) set('box', [n('x'), n('y'), n('width'), n('height'), 0]);
  return p;
}

/** Nesting from XPaths: a record whose path extends another's is inside it. */
const RECORDS: Relations<Props> = {
  contains: (outer, inner) => !!outer.xpath && !!inner.xpath && inner.xpath.startsWith(outer.xpath + '/'),
  nested: (a, b) => RECORDS.contains(a, b) || RECORDS.contains(b, a),
  sameTag: (a, b) => a.tag === b.tag,
  tagOf: (a) => a.tag,
  order: () => 0,
};

/**
 * Candidates the DOM resolver would weigh: the control's kind. A record often lacks an input's type, so
 * an input of unknown type may be any kind of input.
 */
function compatible(t: Props, c: Props): boolean {
  if (t.kind === c.kind) return true;
  return t.tag === 'input' && c.tag === 'input' && (!t.type || !c.type);
}

/** Rank candidate records for a target record, best first (candidates of the target's kind, as the DOM resolver takes). */
export function rankRecords(target: ElementRecord, candidates: readonly ElementRecord[]): (Scored<Props> & { index: number })[] {
  const t = propsOfRecord(target);
  const pool = candidates.map((c, index) => ({ p: propsOfRecord(c), index })).filter((x) => compatible(t, x.p));
  const rarity = rarityOf(pool.map((x) => x.p));
  const out = pool.map(({ p, index }) => ({ ...scoreProps(t, null, p, null, p, WEIGHTS, rarity), index }));
  out.sort((a, b) => b.confidence - a.confidence);
  return out;
}

/**
 * The candidate record that is the target, with the resolver's own scoring and decision rule, or null when
 * it would not point at one. Runs without a DOM.
 */
export function matchRecords(target: ElementRecord, candidates: readonly ElementRecord[]): { index: number; confidence: number } | null {
  const ranked = rankRecords(target, candidates);
  const pick = choose(propsOfRecord(target), ranked, RECORDS);
  if (!pick) return null;
  const found = ranked.find((r) => r.element === pick.element)!;
  return { index: found.index, confidence: Math.round(pick.confidence * 1000) / 1000 };
}
