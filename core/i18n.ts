// Translations from locales/*.json; Vietnamese first, English second, Vietnamese as the fallback.

import vi from '../locales/vi.json';
import en from '../locales/en.json';
import type { LocalText } from './pack';

export type Lang = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const CATALOGS: Record<Lang, Record<string, string>> = { vi, en };

/** A translator for one language; `{name}` placeholders are filled from params. */
export function createTranslator(lang: Lang): Translate {
  const catalog = CATALOGS[lang];
  return (key, params) => {
    const template = catalog[key] ?? vi[key];
    return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : template;
  };
}

/** Pick a pack text in the wanted language, falling back to Vietnamese. */
export function localText(text: LocalText, lang: Lang): string {
  return (lang === 'en' ? text.en : undefined) ?? text.vi;
}
