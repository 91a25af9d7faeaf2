// What to bring for a walkthrough, when it says: the widget's intro and its print view (components/print-view.tsx).
import type { JSX } from 'preact';
import type { CatalogEntry } from '../core/catalog';
import { localText, type Lang, type Translate } from '../core/i18n';

export function Bring({ t, lang, walkthrough }: { t: Translate; lang: Lang; walkthrough: CatalogEntry['walkthrough'] }): JSX.Element | null {
  if (walkthrough.bring.length === 0) return null;
  return (
    <>
      <h3 class="dbw-h3">{t('widget.bring')}</h3>
      <ul class="dbw-bring">
        {walkthrough.bring.map((b, i) => (
          <li key={i}>{localText(b, lang)}</li>
        ))}
      </ul>
    </>
  );
}
