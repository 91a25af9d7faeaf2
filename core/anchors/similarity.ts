// Similarity of one property of two controls, each in [0, 1]: texts (Vietnamese-aware, with the meanings
// of lexicon.ts), links, paths, boxes. Pure functions, shared by the DOM resolver and matchRecords.
import { foldText, textSimilarity } from '../text';
import { conceptTokens } from './lexicon';

function dice<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<T, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let common = 0;
  for (const y of b) {
    const n = counts.get(y) ?? 0;
    if (n > 0) {
      common++;
      counts.set(y, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Texts compared by meaning: concepts and leftover words, raised when one side's meaning is all in the other. */
export function meaningSimilarity(a: string, b: string): number {
  const ca = conceptTokens(a);
  const cb = conceptTokens(b);
  if (ca.length === 0 || cb.length === 0) return 0;
  const d = dice(ca, cb);
  if (d === 1) return 1;
  const [short, long] = ca.length <= cb.length ? [ca, cb] : [cb, ca];
  const contained = short.every((w) => long.includes(w));
  return contained ? 0.55 + 0.35 * d : 0.9 * d;
}

const numbers = (t: string): string => foldText(t).match(/\d+/g)?.join(' ') ?? '';

/**
 * Similarity of two labels: the better of the words (core/text.ts textSimilarity: case, diacritics, icons)
 * and the meanings. A text whose numbers the other does not carry ("Chữ số 1" / "Chữ số 2", "200.000 đ" / "300.000 đ",
 * a fee / a line without it) names something else; the other way round (a placeholder adding "12 số") is fine.
 */
export function labelSimilarity(a: string, b: string, rarity?: Rarity): number {
  // Long texts with rarity known: by their telling words (short ones keep the letter-level comparison).
  const long = rarity && conceptTokens(a).length >= 4 && conceptTokens(b).length >= 3;
  const sim = long ? Math.max(rareSimilarity(a, b, rarity), foldText(a) === foldText(b) ? 1 : 0) : Math.max(textSimilarity(a, b), meaningSimilarity(a, b));
  const na = numbers(a);
  const nb = numbers(b);
  if (na && na !== nb) return sim * 0.4;
  return contradicts(a, b) ? sim * 0.6 : sim;
}

/** How telling each meaning token is among a set of candidates (rarer is more telling); absent: 1. */
export type Rarity = ReadonlyMap<string, number>;

/** The rarity of every meaning token over the candidates' own texts (name, text, label, placeholder). */
export function rarityOver(texts: readonly (readonly string[])[]): Rarity {
  const df = new Map<string, number>();
  for (const list of texts) {
    const seen = new Set(list.flatMap((t) => conceptTokens(t)));
    for (const tok of seen) df.set(tok, (df.get(tok) ?? 0) + 1);
  }
  const n = Math.max(1, texts.length);
  const out = new Map<string, number>();
  for (const [tok, d] of df) out.set(tok, Math.log(1 + n / d));
  return out;
}

/**
 * Long labels compared by their telling words: words every candidate shares ("Tài khoản định danh điện
 * tử…" on each sign-in option) weigh little, the word that tells them apart ("Công dân") much.
 */
export function rareSimilarity(a: string, b: string, rarity: Rarity): number {
  const ta = [...new Set(conceptTokens(a))];
  const tb = [...new Set(conceptTokens(b))];
  if (ta.length === 0 || tb.length === 0) return 0;
  const w = (t: string): number => rarity.get(t) ?? Math.log(2);
  const setB = new Set(tb);
  let common = 0;
  let sa = 0;
  let sb = 0;
  for (const t of ta) {
    sa += w(t);
    if (setB.has(t)) common += w(t);
  }
  for (const t of tb) sb += w(t);
  return (2 * common) / (sa + sb);
}

/**
 * Two long texts that each say things the other does not ("… cho công dân Việt Nam" / "… cho người nước
 * ngoài đã cư trú tại Việt Nam"): two different things described alike, not one thing reworded.
 */
export function contradicts(a: string, b: string): boolean {
  const ca = conceptTokens(a);
  const cb = conceptTokens(b);
  if (ca.length < 4 || cb.length < 4) return false;
  const onlyA = ca.filter((t) => !cb.includes(t)).length;
  const onlyB = cb.filter((t) => !ca.includes(t)).length;
  return onlyA >= 1 && onlyB >= 1 && onlyA + onlyB >= 3;
}

/** Word bags of neighbour texts: how many meaning tokens the two sets share (Dice). */
export function nearSimilarity(a: readonly string[], b: readonly string[]): number {
  const ta = new Set(a.flatMap((t) => conceptTokens(t)));
  const tb = new Set(b.flatMap((t) => conceptTokens(t)));
  if (ta.size === 0 || tb.size === 0) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return (2 * common) / (ta.size + tb.size);
}

/** host/path of two links: the same page, the same last segment, or similar paths on the same host. */
export function hrefSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [hostA, ...pa] = a.split('/');
  const [hostB, ...pb] = b.split('/');
  const lastA = pa.filter(Boolean).pop() ?? '';
  const lastB = pb.filter(Boolean).pop() ?? '';
  const sameHost = hostA === hostB || (!!hostA && !!hostB && hostA.replace(/^www\./, '') === hostB.replace(/^www\./, ''));
  if (!sameHost) return lastA && lastA === lastB ? 0.4 : 0;
  if (lastA && lastA === lastB) return 0.8;
  return 0.5 * textSimilarity(pa.join(' '), pb.join(' '));
}

/** Tag paths compared from the element upwards (six levels). */
export function pathSimilarity(a: string, b: string): number {
  const ta = a.split('>').reverse();
  const tb = b.split('>').reverse();
  let same = 0;
  const n = Math.min(ta.length, tb.length, 6);
  for (let i = 0; i < n; i++) if (ta[i] === tb[i]) same++;
  return n === 0 ? 0 : same / 6;
}

/**
 * XPaths with positions: the longest common sequence of steps over their mean length, so a wrapper added
 * or removed costs one step, not every step below it.
 */
export function xpathSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const sa = a.split('/').filter(Boolean);
  const sb = b.split('/').filter(Boolean);
  if (sa.length === 0 || sb.length === 0) return 0;
  let prev = new Array<number>(sb.length + 1).fill(0);
  for (let i = 1; i <= sa.length; i++) {
    const row = new Array<number>(sb.length + 1).fill(0);
    for (let j = 1; j <= sb.length; j++) row[j] = sa[i - 1] === sb[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return (2 * prev[sb.length]!) / (sa.length + sb.length);
}

export function classSimilarity(a: readonly string[], b: readonly string[] | undefined): number {
  if (!b || b.length === 0) return 0;
  const set = new Set(b);
  const common = a.filter((c) => set.has(c)).length;
  return common / Math.max(a.length, b.length);
}

/** Attribute names split into words ("soDinhDanh", "so_dinh_danh" → "so dinh danh"). */
function identWords(s: string): string {
  return s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.[\]]+/g, ' ').toLowerCase();
}

/** The same identifier, or one whose words are alike. */
export function identSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.toLowerCase() === b.toLowerCase()) return 0.95;
  return 0.7 * textSimilarity(identWords(a), identWords(b));
}

/** Shared `key=value` attributes over the anchor's: a key present with another value counts half. */
export function attrsSimilarity(a: readonly string[], b: readonly string[] | undefined): number {
  if (!b || b.length === 0 || a.length === 0) return 0;
  const keysB = new Map(b.map((kv) => [kv.slice(0, kv.indexOf('=')), kv]));
  let got = 0;
  for (const kv of a) {
    const key = kv.slice(0, kv.indexOf('='));
    const other = keysB.get(key);
    if (other === kv) got += 1;
    else if (other !== undefined) got += 0.3;
  }
  return got / Math.max(a.length, b.length);
}

/** Two forms by their fields' names: shared names over all names; both without fields: alike. */
export function formSimilarity(a: string, b: string | undefined): number {
  if (b === undefined) return 0;
  if (a === b) return 1;
  const sa = new Set(a.split('|').filter(Boolean));
  const sb = new Set(b.split('|').filter(Boolean));
  if (sa.size === 0 || sb.size === 0) return 0.5;
  let common = 0;
  for (const k of sa) if (sb.has(k)) common++;
  return 0.3 + (0.7 * common) / new Set([...sa, ...sb]).size;
}

/** Scale of a move on the page that halves the location similarity, in CSS px. */
const LOCATION_SCALE = 250;

/**
 * How near two boxes are on their pages: centres compared from the page's middle when both page widths are
 * known (a centred layout in a narrower window moves sideways), else from the left edge.
 */
export function locationSimilarity(a: readonly number[], b: readonly number[]): number {
  const [ax, ay, aw, ah, apw] = a as [number, number, number, number, number];
  const [bx, by, bw, bh, bpw] = b as [number, number, number, number, number];
  const shift = apw > 0 && bpw > 0 ? (apw - bpw) / 2 : 0;
  const dx = ax + aw / 2 - shift - (bx + bw / 2);
  const dy = ay + ah / 2 - (by + bh / 2);
  const d = Math.hypot(dx, dy);
  return LOCATION_SCALE / (LOCATION_SCALE + d);
}

/** How alike two boxes are in size and shape. */
export function sizeSimilarity(a: readonly number[], b: readonly number[]): number {
  const aw = Math.max(1, a[2]!);
  const ah = Math.max(1, a[3]!);
  const bw = Math.max(1, b[2]!);
  const bh = Math.max(1, b[3]!);
  const area = Math.min(aw * ah, bw * bh) / Math.max(aw * ah, bw * bh);
  const shapeA = aw / ah;
  const shapeB = bw / bh;
  const shape = Math.min(shapeA, shapeB) / Math.max(shapeA, shapeB);
  return 0.5 * Math.sqrt(area) + 0.5 * shape;
}
