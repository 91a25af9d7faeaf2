// Vietnamese-aware text folding and comparison, shared by anchors, search and the widget.

const COMBINING = /[\u0300-\u036f]/g;
// Icons and symbols beside labels (★, ›, ↻, emoji) carry no meaning for matching.
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-case, NFC, collapsed whitespace; keeps diacritics. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Lower-case without diacritics (đ → d), symbols dropped, single spaces: for tolerant comparison. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(NON_WORD, ' ')
    .trim();
}

/** The folded words of a text. */
export function tokens(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(' ') : [];
}

/**
 * Similarity of two texts in [0, 1]: 1 when equal after folding, otherwise a Dice coefficient over words
 * blended with one over character bigrams, so "Đăng nhập" ~ "Dang nhap →" = 1 and reworded labels still score.
 */
export function textSimilarity(a: string, b: string): number {
  const fa = foldText(a);
  const fb = foldText(b);
  if (!fa || !fb) return 0;
  if (fa === fb) return 1;
  const wordScore = dice(fa.split(' '), fb.split(' '));
  const gramScore = dice(bigrams(fa), bigrams(fb));
  return Math.max(wordScore, 0.5 * wordScore + 0.5 * gramScore);
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
