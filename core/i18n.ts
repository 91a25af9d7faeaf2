// Translations from locales/*.json; Vietnamese first, English second, Vietnamese as the fallback.

import vi from '../locales/vi.json';
import en from '../locales/en.json';
import type { LocalText } from './pack';
import { fillTemplate, isPageWord, type Words } from './page-words';

export { fillTemplate };

export type Lang = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const CATALOGS: Record<Lang, Record<string, string>> = { vi, en };

/** A translator for one language; `{name}` placeholders are filled from params. */
export function createTranslator(lang: Lang): Translate {
  const catalog = CATALOGS[lang];
  // A bundle that ships part of the strings (the widget before its error texts load) shows a missing key as itself.
  return (key, params) => fillTemplate(catalog[key] ?? vi[key] ?? key, params);
}

/** True when the locale files have this key (for keys built at run time, e.g. a reason code's). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

/** The on-page guide's words in one language (core/page-words.ts), Vietnamese where a text is missing. */
export function pageWords(lang: Lang): Words {
  const t = createTranslator(lang);
  return Object.fromEntries(Object.keys(vi).filter(isPageWord).map((k) => [k, t(k as MessageKey)]));
}

/** Pick a pack text in the wanted language, falling back to Vietnamese. */
export function localText(text: LocalText, lang: Lang): string {
  return (lang === 'en' ? text.en : undefined) ?? text.vi;
}
