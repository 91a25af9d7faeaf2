// The words the on-page guide shows — the step card, the hand-off offer, what to look for — in the language the
// desk chose. The background writes them into storage.local beside the display settings
// (extension/display-settings.ts), so the content script that every official page loads carries no strings of
// its own (issue 16: its size). Read defensively: the copy is in storage.local, which a content script can write.
// No locale files here: the background makes the words from them (core/i18n.ts pageWords).

/** The keys the on-page guide asks for (tests/unit/content-strings.test.ts checks its modules against them). */
export const PAGE_WORD_PREFIXES = ['overlay.', 'offer.', 'kind.', 'panel.otherPage'] as const;

export type Words = Readonly<Record<string, string>>;

export const isPageWord = (key: string): boolean => PAGE_WORD_PREFIXES.some((p) => key === p || (p.endsWith('.') && key.startsWith(p)));

/** Longest text kept per word, and most words kept: a tampered copy cannot flood the card. */
const MAX_WORD = 400;
const MAX_WORDS = 100;

/** Only page words, each a string of sensible length; anything else is dropped. */
export function wordsOf(raw: unknown): Words {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Record<string, string> = {};
  let n = 0;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (n >= MAX_WORDS) break;
    if (isPageWord(k) && typeof v === 'string' && v.length <= MAX_WORD) {
      out[k] = v;
      n++;
    }
  }
  return out;
}

/** `{name}` placeholders of `template` filled from params (unknown ones are left as they are). */
export function fillTemplate(template: string, params?: Record<string, string | number>): string {
  return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : template;
}
