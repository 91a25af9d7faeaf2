// The walkthrough category as a list (the recorder's save form and the editor): values only from core/pack.ts.
import type { JSX } from 'preact';
import type { Translate } from '../core/i18n';
import { CATEGORIES, type Category } from '../core/pack';

export function CategorySelect({ t, value, onChange, testId }: { t: Translate; value: Category; onChange: (c: Category) => void; testId: string }): JSX.Element {
  return (
    <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Category)} data-testid={testId}>
      {CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {t(`category.${c}`)}
        </option>
      ))}
    </select>
  );
}
