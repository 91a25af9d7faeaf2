// The word tools of the scam guard (core/scam.ts): edit distance with the kind of a single edit, Vietnamese
// syllables written without diacritics, and splitting a label into syllables and known words. Framework-free.

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions cost 1. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/** How `typed` differs from `word` by one edit: a swapped pair, a doubled or dropped letter, a letter added or
 *  changed; `at` is the first position that differs. Undefined unless exactly one edit apart. */
export type EditKind = 'transpose' | 'double' | 'drop' | 'insert' | 'substitute';
export function singleEdit(typed: string, word: string): { kind: EditKind; at: number } | undefined {
  let at = 0;
  while (at < typed.length && at < word.length && typed[at] === word[at]) at++;
  if (typed.length === word.length) {
    if (typed.slice(at + 1) === word.slice(at + 1)) return { kind: 'substitute', at };
    if (typed[at] === word[at + 1] && typed[at + 1] === word[at] && typed.slice(at + 2) === word.slice(at + 2)) return { kind: 'transpose', at };
    return undefined;
  }
  if (typed.length === word.length + 1 && typed.slice(at + 1) === word.slice(at)) {
    // The added letter repeats a neighbour ("vietcombbank"): a doubled key, not a new letter.
    const doubled = typed[at] === typed[at - 1] || typed[at] === typed[at + 1];
    return { kind: doubled ? 'double' : 'insert', at };
  }
  if (typed.length + 1 === word.length && typed.slice(at) === word.slice(at + 1)) return { kind: 'drop', at };
  return undefined;
}

// A Vietnamese syllable without its diacritics: an initial consonant, one to three vowels, a final consonant.
// Looser than the language (it admits some clusters no word has), which is the safe side where it is used: a
// label it reads as Vietnamese words is not called a typo.
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|nh|ng|[cmnpt])?$/;

export function isVietnameseSyllable(text: string): boolean {
  return text.length <= 7 && SYLLABLE.test(text);
}

/** Whether `text` splits wholly into Vietnamese syllables, words of `known` and runs of digits ('' does). */
export function splitsIntoWords(text: string, known: ReadonlySet<string> = new Set()): boolean {
  const ok: boolean[] = [true];
  for (let end = 1; end <= text.length; end++) {
    ok[end] = false;
    for (let start = Math.max(0, end - 16); start < end && !ok[end]; start++) {
      if (!ok[start]) continue;
      const piece = text.slice(start, end);
      ok[end] = known.has(piece) || /^\d+$/.test(piece) || isVietnameseSyllable(piece);
    }
  }
  return ok[text.length]!;
}

/** Whether `text` splits wholly into words of `known` (at least one). */
export function splitsIntoKnown(text: string, known: ReadonlySet<string>): boolean {
  const ok: boolean[] = [true];
  for (let end = 1; end <= text.length; end++) {
    ok[end] = false;
    for (let start = 0; start < end && !ok[end]; start++) ok[end] = ok[start]! && known.has(text.slice(start, end));
  }
  return text.length > 0 && ok[text.length]!;
}

// Digits that stand for letters in lookalikes ("v1etcombank", "m0m0"): 1 reads as i or l.
const DIGIT_LETTERS: Readonly<Record<string, readonly string[]>> = {
  '0': ['o'], '1': ['i', 'l'], '2': ['z'], '3': ['e'], '4': ['a'], '5': ['s'], '6': ['g'], '7': ['t'], '8': ['b'], '9': ['g'],
};
const MAX_DIGIT_READINGS = 16;

/** The readings of a label with its digits read as letters, in hyphen words that also hold letters (a "247" or
 *  "24h" stays). Empty when no digit is read as a letter. */
export function digitReadings(label: string): string[] {
  if (!/\d/.test(label)) return [];
  let readings = [''];
  for (const word of label.split(/(-)/)) {
    const swap = /[a-z]/.test(word) && /\d/.test(word) && !/^\d+h$/.test(word);
    let forms = [''];
    for (const ch of word) {
      const letters = swap ? (DIGIT_LETTERS[ch] ?? [ch]) : [ch];
      forms = forms.flatMap((f) => letters.map((l) => f + l)).slice(0, MAX_DIGIT_READINGS);
    }
    readings = readings.flatMap((r) => forms.map((f) => r + f)).slice(0, MAX_DIGIT_READINGS);
  }
  return readings.filter((r) => r !== label);
}
