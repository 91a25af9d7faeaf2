// An error (core/errors.ts) in a page's language. Apart from core/i18n.ts so that only the pages that show
// errors (console, editor, dashboard, widget) ship the error.* strings; the content script shows none.
import type { DataError } from './errors';
import type { Translate } from './i18n';

/** The error's text in the translator's language, without its path. */
export const errorText = (t: Translate, e: Pick<DataError, 'code' | 'params'>): string => t(`error.${e.code}`, e.params);
