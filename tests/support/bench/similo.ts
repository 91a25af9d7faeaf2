// Similo as published — a benchmark BASELINE, not product code.
// Nass, Alégroth, Feldt, Leotta, Ricca: "Similarity-based web element localization for robust test
// automation", ACM TOSEM 2023. Ported (not copied) from the replication package github.com/michelnass/Similo2
// (WidgetLocator.java, Locator.java, javascript.js). Framework-free and free of Node imports, so it can be
// bundled into a page with esbuild; only recordOfElement / candidateElements / candidateRecords touch the DOM.
//
// The algorithm: 14 properties, each compared with one of five similarity functions giving 0..1, multiplied
// by a weight (1.5 for the stable ones, 0.5 for the others) and summed; the candidate with the highest sum wins.
// Where the reference code deviates from its own evident intent, this port notes it (search "Reference:").

/** One element as the Similo extractor records it (all values strings; see shared/bench/similo/README.md). */
export interface SimiloRecord {
  [k: string]: string | undefined;
}

export type SimiloSimilarity = 'equal' | 'string' | 'integer' | 'location' | 'words';

export interface SimiloProperty {
  readonly name: string;
  readonly weight: number;
  readonly similarity: SimiloSimilarity;
}

/** The published properties, weights and similarity functions, in the reference's order. */
export const SIMILO_PROPERTIES: readonly SimiloProperty[] = [
  { name: 'tag', weight: 1.5, similarity: 'equal' },
  { name: 'class', weight: 0.5, similarity: 'string' },
  { name: 'name', weight: 1.5, similarity: 'equal' },
  { name: 'id', weight: 1.5, similarity: 'equal' },
  { name: 'href', weight: 0.5, similarity: 'string' },
  { name: 'alt', weight: 0.5, similarity: 'string' },
  { name: 'xpath', weight: 0.5, similarity: 'string' },
  { name: 'idxpath', weight: 0.5, similarity: 'string' },
  { name: 'is_button', weight: 0.5, similarity: 'equal' },
  { name: 'location', weight: 0.5, similarity: 'location' },
  { name: 'area', weight: 0.5, similarity: 'integer' },
  { name: 'shape', weight: 0.5, similarity: 'integer' },
  { name: 'visible_text', weight: 1.5, similarity: 'string' },
  { name: 'neighbor_text', weight: 1.5, similarity: 'words' },
];

/** Sum of all weights: the score of a record compared with itself when every property is present (12). */
export const SIMILO_MAX_SCORE = SIMILO_PROPERTIES.reduce((s, p) => s + p.weight, 0);

// ---------------------------------------------------------------------------------------------------------
// Similarity functions. The reference computes integer percentages with Java int arithmetic
// ((…) * 100 / n, truncated) and divides by 100; the ports below keep that truncation.

const percent = (num: number, den: number): number => Math.trunc((num * 100) / den) / 100;

/** Java's Integer.parseInt, with the reference's "anything unparsable is 0". */
export function toInt(text: string | undefined): number {
  if (text === undefined || !/^[+-]?\d+$/.test(text.trim())) return 0;
  const n = Number.parseInt(text.trim(), 10);
  return Number.isFinite(n) && Math.abs(n) <= 2 ** 31 - 1 ? n : 0;
}

/** Case-insensitive equality: 1 or 0. */
export function equalSimilarity(a: string, b: string): number {
  return a.toLowerCase() === b.toLowerCase() ? 1 : 0;
}

/** Only letters and digits (Java's Character.isAlphabetic || isDigit, per UTF-16 unit as in Java). */
function lettersAndDigits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (/[\p{Alphabetic}\p{Nd}]/u.test(c)) out += c;
  }
  return out;
}

/** Plain Levenshtein edit distance (insert, delete, substitute; cost 1 each). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = Math.min(sub, del, ins);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/**
 * Levenshtein-based string similarity, 0..1. Identical strings give 1. Otherwise the distance is taken between
 * the strings stripped to letters and digits, but normalised by the UNSTRIPPED length of the longer string
 * (Reference: that mix is in the code; kept as is). Case-sensitive, like the reference, whose values are
 * lower-cased at extraction (similoScore lower-cases before calling this).
 */
export function stringSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const [longer, shorter] = a.length >= b.length ? [a, b] : [b, a];
  const distance = levenshtein(lettersAndDigits(longer), lettersAndDigits(shorter));
  return percent(longer.length - distance, longer.length);
}

/**
 * Integer similarity (area, shape): (max − |a − b|) / max, 0..1 for non-negative values.
 * Reference: divides by max without a guard (max 0 throws in Java; cannot happen there, as elements of zero
 * width or height are never recorded). Here max ≤ 0 gives 1 when equal, else 0.
 */
export function integerSimilarity(a: number, b: number): number {
  const max = Math.max(a, b);
  if (max <= 0) return a === b ? 1 : 0;
  return percent(max - Math.abs(a - b), max);
}

/** Location similarity: max(100 − Euclidean pixel distance of the top-left corners, 0) / 100. */
export function locationSimilarity(x1: number, y1: number, x2: number, y2: number): number {
  const distance = Math.trunc(Math.sqrt((x1 - x2) ** 2 + (y1 - y2) ** 2));
  return Math.max(100 - distance, 0) / 100;
}

/** Word match of the reference: equal, or one word is a proper prefix or suffix of the other. */
function wordMatches(word: string, words: readonly string[]): boolean {
  for (const w of words) {
    if (word === w) return true;
    if (word.length < w.length && (w.startsWith(word) || w.endsWith(word))) return true;
    if (w.length < word.length && (word.startsWith(w) || word.endsWith(w))) return true;
  }
  return false;
}

const splitWords = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0);

/**
 * Neighbour-text (word-set) similarity, 0..1: the summed length of the words of `a` found in `b`, over the
 * longer text's character count not counting one separator per word gap; capped at 1. Asymmetric, like the
 * reference (target first).
 */
export function neighborTextSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Reference: Java's split("\\s+") on a trimmed string; trimming first makes the word counts the same.
  const ta = a.trim();
  const tb = b.trim();
  const wa = splitWords(ta);
  const wb = splitWords(tb);
  if (wa.length === 0 || wb.length === 0) return 0;
  const chars = Math.max(ta.length - wa.length + 1, tb.length - wb.length + 1);
  let found = 0;
  for (const w of wa) if (wordMatches(w, wb)) found += w.length;
  return Math.min(percent(found, chars), 1);
}

// ---------------------------------------------------------------------------------------------------------
// Records → the 14 compared values.

interface Prepared {
  values: Map<string, string>;
  x: number;
  y: number;
}

const present = (v: string | undefined): v is string => v !== undefined && v.trim().length > 0;

/** Text the reference accepts as an element's own text: 3–50 characters, one line, no tab. */
export function isValidText(text: string | undefined): boolean {
  if (text === undefined) return false;
  const t = text.trim();
  return t.length >= 3 && t.length <= 50 && !t.includes('\n') && !t.includes('\t');
}

/** The reference's visible text: own text, else value, else placeholder. */
function visibleTextOf(r: SimiloRecord): string | undefined {
  for (const v of [r.text, r.value, r.placeholder]) if (present(v)) return v.trim();
  return undefined;
}

/** The reference's button rule (class test is case-sensitive there; tag and type are not). */
export function isButton(tag: string | undefined, type: string | undefined, className: string | undefined): boolean {
  if (!tag) return false;
  const t = tag.toLowerCase();
  if (t === 'a' && className !== undefined && className.includes('btn')) return true;
  if (t === 'button') return true;
  const ty = (type ?? '').toLowerCase();
  return t === 'input' && (ty === 'button' || ty === 'submit' || ty === 'reset');
}

const DIRECTIONS = ['above', 'below', 'left', 'right'] as const;

/** Distinct lower-case words, in first-seen order (how the reference joins its neighbours' texts). */
function distinctWords(texts: readonly string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of texts) {
    for (const w of splitWords(t.toLowerCase())) {
      if (!seen.has(w)) {
        seen.add(w);
        out.push(w);
      }
    }
  }
  return out.join(' ');
}

export interface SimiloOptions {
  /**
   * Derive the properties the reference's extractor computes from others — visible_text (text, else value,
   * else placeholder), is_button (tag/type/class), area and shape (width, height) — when a record lacks them
   * but has their inputs. Default true: that is how the reference defines them. Some of the study's stored
   * records (older extraction: no geometry, no visible_text) lack them; false takes records as stored.
   */
  derive?: boolean;
}

const preparedCache = { true: new WeakMap<SimiloRecord, Prepared>(), false: new WeakMap<SimiloRecord, Prepared>() };

/**
 * The 14 values of a record, lower-cased as the reference stores them (see SimiloOptions.derive).
 * neighbor_text: the stored one (the reference's: words near the element) if any, else the distinct words of
 * the four directional neighbour texts of the record format ('0' = none).
 */
function prepare(r: SimiloRecord, derive: boolean): Prepared {
  const cache = preparedCache[derive ? 'true' : 'false'];
  const cached = cache.get(r);
  if (cached) return cached;
  const values = new Map<string, string>();
  const put = (k: string, v: string | undefined): void => {
    if (present(v)) values.set(k, v.trim().toLowerCase());
  };
  for (const k of ['tag', 'class', 'name', 'id', 'href', 'alt', 'xpath', 'idxpath']) put(k, r[k]);
  const w = toInt(r.width);
  const h = toInt(r.height);
  const sized = derive && w > 0 && h > 0;
  put('visible_text', present(r.visible_text) || !derive ? r.visible_text : visibleTextOf(r));
  put('is_button', present(r.is_button) || !derive || !r.tag ? r.is_button : isButton(r.tag, r.type, r.class) ? 'yes' : 'no');
  put('area', present(r.area) ? r.area : sized ? String(w * h) : undefined);
  put('shape', present(r.shape) ? r.shape : sized ? String(Math.trunc((w * 100) / h)) : undefined);
  // Location: the reference lists it with the 2-D distance function but never stores a "location" value, so
  // in its runs it always scored 0 (Reference: bug). Here it is present whenever x and y are.
  if (present(r.x) && present(r.y)) values.set('location', `${toInt(r.x)},${toInt(r.y)}`);
  if (present(r.neighbor_text)) put('neighbor_text', r.neighbor_text);
  else {
    const texts = DIRECTIONS.map((d) => r[`neighbor_text_${d}`]).filter((t): t is string => present(t) && t.trim() !== '0');
    put('neighbor_text', distinctWords(texts));
  }
  const p: Prepared = { values, x: toInt(r.x), y: toInt(r.y) };
  cache.set(r, p);
  return p;
}

function scorePrepared(t: Prepared, c: Prepared): number {
  let score = 0;
  for (const prop of SIMILO_PROPERTIES) {
    const a = t.values.get(prop.name);
    const b = c.values.get(prop.name);
    if (a === undefined || b === undefined) continue;
    let s: number;
    switch (prop.similarity) {
      case 'equal':
        s = equalSimilarity(a, b);
        break;
      case 'string':
        s = stringSimilarity(a, b);
        break;
      case 'integer':
        s = integerSimilarity(toInt(a), toInt(b));
        break;
      case 'location':
        s = locationSimilarity(t.x, t.y, c.x, c.y);
        break;
      case 'words':
        s = neighborTextSimilarity(a, b);
        break;
    }
    score += s * prop.weight;
  }
  return score;
}

/**
 * Similo's weighted similarity of a candidate to the target: 0..SIMILO_MAX_SCORE (12). Records are treated as
 * immutable: their compared values are cached per record object.
 */
export function similoScore(target: SimiloRecord, candidate: SimiloRecord, options: SimiloOptions = {}): number {
  const derive = options.derive ?? true;
  return scorePrepared(prepare(target, derive), prepare(candidate, derive));
}

/** All candidates by score, best first; equal scores keep candidate order (the reference's stable sort). */
export function similoRank(
  target: SimiloRecord,
  candidates: readonly SimiloRecord[],
  options: SimiloOptions = {},
): { index: number; score: number }[] {
  const derive = options.derive ?? true;
  const t = prepare(target, derive);
  return candidates
    .map((c, index) => ({ index, score: scorePrepared(t, prepare(c, derive)) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}

/**
 * Top-1 (Similo proper returns it unconditionally: margin 0). With margin > 0, abstain (null) unless the
 * RELATIVE lead over the runner-up, (best − second) / best, is at least `margin`. Relative rather than
 * absolute because totals vary with how many properties a page's records carry (5–12 points). A tie
 * abstains for any margin > 0. With a single candidate the lead is 1; with none, or a best score of 0, null.
 */
export function similoPick(
  target: SimiloRecord,
  candidates: readonly SimiloRecord[],
  margin = 0,
  options: SimiloOptions = {},
): { index: number; score: number } | null {
  const ranked = similoRank(target, candidates, options);
  const best = ranked[0];
  if (!best || best.score <= 0) return null;
  if (margin <= 0) return best;
  const second = ranked[1]?.score ?? 0;
  return (best.score - second) / best.score >= margin ? best : null;
}

// ---------------------------------------------------------------------------------------------------------
// Extraction from a live page (the reference's javascript.js + WidgetLocator.getLocators, re-done).

/** Tags the reference extracts ("elementsToExtract"); note: no img. */
export const SIMILO_SELECTOR = 'input,textarea,button,select,a,h1,h2,h3,h4,h5,li,span,div,p,th,tr,td,label,svg';

interface Geometry {
  el: Element;
  /** Position in the pool (document order). */
  order: number;
  x: number;
  y: number;
  w: number;
  h: number;
  text: string | undefined;
}

/** A DOM property as the reference's JSON round trip keeps it: strings trimmed, numbers truncated, else none. */
function prop(el: Element, name: string): string | undefined {
  const v: unknown = (el as unknown as Record<string, unknown>)[name];
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(Math.trunc(v));
  return undefined;
}

function geometryOf(el: Element, order = -1): Geometry {
  const r = el.getBoundingClientRect();
  const view = el.ownerDocument.defaultView;
  const raw = prop(el, 'textContent');
  const text = isValidText(raw) ? raw : undefined;
  return {
    el,
    order,
    // Reference: x = rect.left (no scrollX), y = rect.top + scrollY; page coordinates for both here.
    x: Math.trunc(r.left + (view?.scrollX ?? 0)),
    y: Math.trunc(r.top + (view?.scrollY ?? 0)),
    w: Math.trunc(r.width),
    h: Math.trunc(r.height),
    text: text ?? (present(prop(el, 'value')) ? prop(el, 'value') : present(prop(el, 'placeholder')) ? prop(el, 'placeholder') : undefined),
  };
}

/** The reference's elementIsVisible plus its "width > 0 and height > 0 after truncation" filter. */
function isCandidate(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  const style = view?.getComputedStyle(el);
  if (style && style.visibility === 'hidden') return false;
  const r = el.getBoundingClientRect();
  return Math.trunc(r.width) > 0 && Math.trunc(r.height) > 0;
}

/** The candidate set as the study takes it: visible elements of SIMILO_SELECTOR's tags, document order. */
export function candidateElements(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(SIMILO_SELECTOR)).filter(isCandidate);
}

/** One element's xpath step as the reference writes it (position among same-name element siblings). */
function xpathStep(el: Element): string {
  let i = 1;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === el.localName) i++;
  const view = el.ownerDocument.defaultView;
  const html = view ? el instanceof view.HTMLElement : el.namespaceURI === 'http://www.w3.org/1999/xhtml';
  return html ? `${el.localName}[${i}]` : `*[local-name() = "${el.localName}"][${i}]`;
}

/** Absolute xpath with an index at every step: /html[1]/body[1]/div[2]/… */
export function xpathOf(el: Element): string {
  const steps: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) steps.unshift(xpathStep(e));
  return '/' + steps.join('/');
}

/** Xpath from the nearest ancestor-or-self whose id is unique to it: //*[@id='x']/div[1]/a[2]; else absolute. */
export function idXpathOf(el: Element): string {
  const steps: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.id && e.ownerDocument.getElementById(e.id) === e) return [`//*[@id='${e.id}']`, ...steps].join('/');
    steps.unshift(xpathStep(e));
  }
  return '/' + steps.join('/');
}

/**
 * Neighbour lookup over one set of elements, built once (sorted edges; each query scans outward from a
 * binary-search start and stops at the first hit, capped at SCAN_CAP steps), so a page of a few thousand
 * elements costs milliseconds.
 */
class Neighbours {
  private static readonly SCAN_CAP = 4000;
  private readonly texts: Geometry[];
  private readonly byBottom: Geometry[];
  private readonly byTop: Geometry[];
  private readonly byRight: Geometry[];
  private readonly byLeft: Geometry[];
  private readonly byY: Geometry[];

  constructor(pool: readonly Geometry[]) {
    this.texts = pool.filter((g) => g.text !== undefined);
    this.byBottom = [...this.texts].sort((a, b) => a.y + a.h - (b.y + b.h));
    this.byTop = [...this.texts].sort((a, b) => a.y - b.y);
    this.byRight = [...this.texts].sort((a, b) => a.x + a.w - (b.x + b.w));
    this.byLeft = [...this.texts].sort((a, b) => a.x - b.x);
    // Reference neighbours are any pool element of height ≤ 100 (their texts may be absent).
    this.byY = pool.filter((g) => g.h <= 100).sort((a, b) => a.y - b.y);
  }

  /** First index in `arr` (sorted by key ascending) with key(g) ≥ v. */
  private static lowerBound(arr: readonly Geometry[], key: (g: Geometry) => number, v: number): number {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(arr[mid] as Geometry) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Texts of the nearest text-bearing elements strictly above/below/left/right and overlapping in the other axis. */
  directional(g: Geometry): Record<(typeof DIRECTIONS)[number], string | undefined> {
    const hOverlap = (o: Geometry): boolean => o.x < g.x + g.w && g.x < o.x + o.w;
    const vOverlap = (o: Geometry): boolean => o.y < g.y + g.h && g.y < o.y + o.h;
    const scanDown = (arr: Geometry[], from: number, ok: (o: Geometry) => boolean): string | undefined => {
      for (let i = from, n = 0; i >= 0 && n < Neighbours.SCAN_CAP; i--, n++) {
        const o = arr[i] as Geometry;
        if (o.el !== g.el && ok(o)) return o.text;
      }
      return undefined;
    };
    const scanUp = (arr: Geometry[], from: number, ok: (o: Geometry) => boolean): string | undefined => {
      for (let i = from, n = 0; i < arr.length && n < Neighbours.SCAN_CAP; i++, n++) {
        const o = arr[i] as Geometry;
        if (o.el !== g.el && ok(o)) return o.text;
      }
      return undefined;
    };
    const bottom = (o: Geometry): number => o.y + o.h;
    const right = (o: Geometry): number => o.x + o.w;
    return {
      above: scanDown(this.byBottom, Neighbours.lowerBound(this.byBottom, bottom, g.y + 1) - 1, hOverlap),
      below: scanUp(this.byTop, Neighbours.lowerBound(this.byTop, (o) => o.y, g.y + g.h), hOverlap),
      left: scanDown(this.byRight, Neighbours.lowerBound(this.byRight, right, g.x + 1) - 1, vOverlap),
      right: scanUp(this.byLeft, Neighbours.lowerBound(this.byLeft, (o) => o.x, g.x + g.w), vOverlap),
    };
  }

  /**
   * The reference's neighbor_text: for an element at most 100 high and 600 wide, the distinct words of the
   * visible texts of all other elements at most 100 high whose box intersects its box grown by 50 px each side.
   */
  referenceNeighborText(g: Geometry): string | undefined {
    if (g.h > 100 || g.w > 600) return undefined;
    const x1 = g.x - 50;
    const y1 = g.y - 50;
    const x2 = g.x + g.w + 50;
    const y2 = g.y + g.h + 50;
    // Candidates start above y1 by at most 100 (their own height cap), so scan from y1 − 100 to y2.
    const texts: { order: number; text: string }[] = [];
    for (let i = Neighbours.lowerBound(this.byY, (o) => o.y, y1 - 100); i < this.byY.length; i++) {
      const o = this.byY[i] as Geometry;
      if (o.y >= y2) break;
      if (o.el === g.el || o.text === undefined || o.w <= 0 || o.h <= 0) continue;
      if (o.x < x2 && x1 < o.x + o.w && o.y < y2 && y1 < o.y + o.h) texts.push({ order: o.order, text: o.text });
    }
    texts.sort((a, b) => a.order - b.order); // the reference joins in document order
    const words = distinctWords(texts.map((t) => t.text));
    return words.length > 0 ? words : undefined;
  }
}

function recordFrom(g: Geometry, nb: Neighbours): SimiloRecord {
  const el = g.el;
  const r: SimiloRecord = {};
  const set = (k: string, v: string | undefined): void => {
    if (present(v)) r[k] = v;
  };
  set('tag', el.tagName.toUpperCase());
  set('id', prop(el, 'id'));
  set('name', prop(el, 'name'));
  set('class', prop(el, 'className')); // SVG's className is an object: absent, as in the reference
  set('href', prop(el, 'href'));
  set('alt', prop(el, 'alt'));
  set('type', prop(el, 'type'));
  set('value', prop(el, 'value'));
  set('placeholder', prop(el, 'placeholder'));
  set('title', prop(el, 'title'));
  const raw = prop(el, 'textContent');
  if (isValidText(raw)) set('text', raw);
  set('xpath', xpathOf(el));
  set('idxpath', idXpathOf(el));
  if (g.w > 0 && g.h > 0) {
    set('x', String(g.x));
    set('y', String(g.y));
    set('width', String(g.w));
    set('height', String(g.h));
    set('area', String(g.w * g.h));
    set('shape', String(Math.trunc((g.w * 100) / g.h)));
    const dir = nb.directional(g);
    for (const d of DIRECTIONS) r[`neighbor_text_${d}`] = dir[d] ?? '0';
    set('neighbor_text', nb.referenceNeighborText(g));
  }
  set('visible_text', visibleTextOf(r));
  r.is_button = isButton(r.tag, r.type, r.class) ? 'yes' : 'no';
  return r;
}

/**
 * The record of one live element, as the study's extractor makes it. Neighbour texts are looked up among
 * `pool` (default: candidateElements of its document); pass the pool when recording many elements of the
 * same page, or use candidateRecords.
 */
export function recordOfElement(el: Element, pool?: readonly Element[]): SimiloRecord {
  const elements = pool ?? candidateElements(el.ownerDocument);
  const geoms = elements.map((e, i) => geometryOf(e, i));
  const own = geoms.find((g) => g.el === el) ?? geometryOf(el);
  return recordFrom(own, new Neighbours(geoms));
}

/** Every candidate of a page with its record (geometry and neighbour index built once). */
export function candidateRecords(doc: Document): { elements: Element[]; records: SimiloRecord[] } {
  const elements = candidateElements(doc);
  const geoms = elements.map((e, i) => geometryOf(e, i));
  const nb = new Neighbours(geoms);
  return { elements, records: geoms.map((g) => recordFrom(g, nb)) };
}
