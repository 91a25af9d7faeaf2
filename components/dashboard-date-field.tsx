// A date of the dashboard's period typed as text in the desk's one written form (dd/mm/yyyy: core/dates.ts),
// instead of <input type="date">, whose order follows the browser's locale and so differs from the headings.
// The period changes when the typed text is a whole, real date (on leaving the field or Enter); otherwise the
// field says why beside it, and the period stays as it was.
import type { JSX } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { datePattern, formatDate, parseTypedDate, YEAR_RANGE } from '../core/dates';
import type { Lang, MessageKey, Translate } from '../core/i18n';

export interface DateFieldProps {
  t: Translate;
  lang: Lang;
  /** Its id (the error and help texts' ids derive from it) and data-testid. */
  id: string;
  label: string;
  /** The date held: "YYYY-MM-DD", or '' for an open end. */
  value: string;
  /** A date shown in the example of the help text, "YYYY-MM-DD". */
  example: string;
  onChange(iso: string): void;
}

const REASONS: Record<'format' | 'no-such-day' | 'year', MessageKey> = {
  format: 'dashboard.dateFormat',
  'no-such-day': 'dashboard.dateNoSuchDay',
  year: 'dashboard.dateYear',
};

export function DateField({ t, lang, id, label, value, example, onChange }: DateFieldProps): JSX.Element {
  const [text, setText] = useState(() => formatDate(value, lang));
  const [error, setError] = useState<string | null>(null);
  // A new value from outside (a quick period, the language switched) replaces what is typed, before the field
  // is painted with the old text (a layout effect).
  useLayoutEffect(() => {
    setText(formatDate(value, lang));
    setError(null);
  }, [value, lang]);

  const commit = (raw: string): void => {
    const r = parseTypedDate(raw, lang);
    if (!r.ok) {
      setError(t(REASONS[r.reason], { text: raw.trim(), pattern: datePattern(lang), example: formatDate(example, lang), min: YEAR_RANGE.min, max: YEAR_RANGE.max }));
      return;
    }
    setError(null);
    // The same date typed another way (2/1/2026) is shown in the one form again.
    setText(formatDate(r.iso, lang));
    if (r.iso !== value) onChange(r.iso);
  };

  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div class="field date-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellcheck={false}
        placeholder={datePattern(lang)}
        size={12}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? `${errorId} ${helpId}` : helpId}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
        data-testid={id}
      />
      <span id={helpId} class="field-help">
        {t('dashboard.dateHelp', { pattern: datePattern(lang), example: formatDate(example, lang) })}
      </span>
      {error ? (
        <span id={errorId} class="field-error" role="alert" data-testid={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
