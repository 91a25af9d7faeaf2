// The widget's print view (components/widget.tsx shows it): the whole walkthrough on one A4 page, with a QR code
// (lean-qr) back to the ward page. On a ward page it comes in a file of its own, dan-buoc-print.js
// (widget/print.ts), loaded only when "Bản in" is pressed, with its style sheet (widget/print.css) and its words.
// No hooks: the widget marks the element while the view is open and moves the focus to its heading.
import type { JSX } from 'preact';
import { generate } from 'lean-qr';
import type { CatalogEntry } from '../core/catalog';
import { localText, type Lang, type Translate } from '../core/i18n';
import { stripUrl } from '../core/url-pattern';
import { Bring } from './bring-list';
import { plainHint } from './hint-text';

/** A QR code as an SVG path over a `size` × `size` grid of modules. */
export interface QrPath {
  size: number;
  d: string;
}

export interface PrintViewProps {
  t: Translate;
  lang: Lang;
  entry: CatalogEntry;
  /** The ward page, for the QR code (its query and fragment never go into it). */
  pageUrl: string;
  heading: { current: HTMLHeadingElement | null };
  print: () => void;
  onClose: () => void;
}

export type PrintViewComponent = (props: PrintViewProps) => JSX.Element;

/** The fragment that opens a walkthrough of this widget on the ward page (what the QR code holds). */
export function wardFragment(packId: string, walkthroughId: string): string {
  return `#huong-dan=${packId}/${walkthroughId}`;
}

/**
 * The ward page that opens this walkthrough (the QR code on paper): origin and path only. The page's query
 * may hold what a resident typed into the ward's own forms (a search, a name), and a printed sheet travels.
 */
export function wardUrl(pageUrl: string, entry: CatalogEntry): string {
  return `${stripUrl(pageUrl)}${wardFragment(entry.pack.id, entry.walkthrough.id)}`;
}

/** The QR code of `text`, or null when it cannot be made (a text too long for any QR code). */
export function qrPath(text: string): QrPath | null {
  try {
    const code = generate(text);
    let d = '';
    for (let y = 0; y < code.size; y++) {
      for (let x = 0; x < code.size; x++) if (code.get(x, y)) d += `M${x} ${y}h1v1h-1z`;
    }
    return { size: code.size, d };
  } catch {
    return null;
  }
}

export function PrintView(props: PrintViewProps): JSX.Element {
  const { t, lang, entry } = props;
  const w = entry.walkthrough;
  const url = wardUrl(props.pageUrl, entry);
  const qr = qrPath(url);
  const steps = w.steps.map((s) => ({ text: localText(s.text, lang), private: s.private }));
  return (
    <div class="dbw dbw-print" data-dan-buoc="widget-print">
      <div class="dbw-print-top">
        <div class="dbw-print-about">
          <h2 class="dbw-h" ref={props.heading} tabIndex={-1}>
            {localText(w.title, lang)}
          </h2>
          <p class="dbw-muted">{t('widget.about', { n: w.steps.length, m: w.minutes })}</p>
          <Bring t={t} lang={lang} walkthrough={w} />
          {steps.some((s) => s.private) ? (
            <p class="dbw-private" data-dan-buoc="widget-private-all">
              {t('widget.printPrivate')}
            </p>
          ) : null}
        </div>
        <figure class="dbw-qr">
          {qr ? (
            <svg viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`} role="img" aria-label={t('widget.qrLabel')} data-dan-buoc="widget-qr" shape-rendering="crispEdges">
              <rect x="-4" y="-4" width={qr.size + 8} height={qr.size + 8} fill="#fff" />
              <path d={qr.d} fill="#000" />
            </svg>
          ) : (
            <span class="dbw-muted">{t('widget.qrFailed')}</span>
          )}
          <figcaption>
            {t('widget.qrCaption')} <span class="dbw-url">{url}</span>
          </figcaption>
        </figure>
      </div>
      <ol class="dbw-steps">
        {steps.map((s, i) => (
          <li key={i}>
            {plainHint(s.text)}
            {s.private ? <strong class="dbw-private"> {t('widget.printPrivateMark')}</strong> : null}
          </li>
        ))}
      </ol>
      <div class="db-actions dbw-noprint">
        <div class="db-group">
          <button type="button" class="db-btn db-btn-main" onClick={props.print} data-dan-buoc="widget-print">
            {t('widget.print')}
          </button>
          <button type="button" class="db-btn db-btn-quiet" onClick={props.onClose} data-dan-buoc="widget-close-print">
            {t('widget.closePrint')}
          </button>
        </div>
      </div>
    </div>
  );
}
