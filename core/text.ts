// Vietnamese-aware text folding and comparison, shared by anchors, search and the widget.

const COMBINING = /[\u0300-\u036f]/g;
// Icons and symbols beside labels (★, ›, ↻, emoji) carry no meaning for matching. After NFD and
// lower-casing, word characters are ASCII letters and digits, Latin/Greek/Cyrillic letters and the CJK,
// kana and Hangul blocks; everything else (punctuation, arrows, symbols, emoji) separates words.
// (A plain character class: several times faster than \p{L} on this hot path.)
const NON_WORD = /[^a-z0-9\u00c0-\u024f\u0370-\u052f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+/g;

/** Lower-case, NFC, collapsed whitespace; keeps diacritics. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

// Folding is the hot path of re-locating controls (the same labels are folded on every look), so
// results are memoised; the cache is dropped whole when it grows past its bound.
const FOLD_CACHE_LIMIT = 20_000;
const foldCache = new Map<string, string>();

/** Lower-case without diacritics (đ → d), symbols dropped, single spaces: for tolerant comparison. */
export function foldText(text: string): string {
  const hit = foldCache.get(text);
  if (hit !== undefined) return hit;
  const folded = foldUncached(text);
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(text, folded);
  return folded;
}

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(NON_WORD, ' ')
    .trim();
}

const tokenCache = new Map<string, string[]>();

/** The folded words of a text (memoised like foldText; treat the array as read-only). */
export function tokens(text: string): string[] {
  const hit = tokenCache.get(text);
  if (hit) return hit;
  const folded = foldText(text);
  const words = folded ? folded.split(' ') : [];
  if (tokenCache.size >= FOLD_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(text, words);
  return words;
}

/**
 * Similarity of two texts in [0, 1], after folding (so "Đăng nhập" ~ "DANG NHAP ›" = 1).
 * Word overlap (Dice) decides. When every word of one text is in the other ("Đăng nhập" → "Đăng nhập tài
 * khoản", a common relabel) the score is raised; when each has words the other lacks ("… cho công dân Việt
 * Nam" / "… cho người nước ngoài …", two different things) it is not. Character bigrams only help short
 * texts, where a typo or a joined word changes a whole word.
 */
export function textSimilarity(a: string, b: string): number {
  const fa = foldText(a);
  const fb = foldText(b);
  if (!fa || !fb) return 0;
  if (fa === fb) return 1;
  const wa = fa.split(' ');
  const wb = fb.split(' ');
  const words = dice(wa, wb);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const longSet = new Set(long);
  const contained = short.every((w) => longSet.has(w));
  let score = contained ? 0.6 + 0.4 * words : words;
  if (short.length <= 2) score = Math.max(score, 0.8 * dice(bigrams(fa), bigrams(fb)));
  return score;
}

/** True when every folded word of the query starts a word of the text ("ly lich" finds "Lý lịch"). */
export function matchesQuery(text: string, query: string): boolean {
  const words = tokens(text);
  return tokens(query).every((q) => words.some((w) => w.startsWith(q)));
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  const compact = s.replace(/ /g, '_');
  for (let i = 0; i < compact.length - 1; i++) out.push(compact.slice(i, i + 2));
  return out;
}

function dice(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
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
