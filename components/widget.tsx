// The ward-site widget (widget/element.ts wires it into <dan-buoc-guide>): a catalogue of one pack's
// walkthroughs with diacritics-free search, what to bring, one step at a time with the overlay's step card,
// a hand-off link to the real site, and a one-page print view with a QR code back to the ward page
// (components/print-view.tsx, which the widget asks for only when it is opened: `loadPrint`).
// Pack text is only ever rendered as text.
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Catalog, CatalogEntry } from '../core/catalog';
import { handOffFragment } from '../core/handoff';
import { errorText } from '../core/error-text';
import { localText, type Lang, type MessageKey, type Translate } from '../core/i18n';
import type { Category, PackError } from '../core/pack';
import type { Speaker } from '../core/voices';
import { Bring } from './bring-list';
import { plainHint } from './hint-text';
import type { PrintViewComponent } from './print-view';
import { StepCard } from './step-card';

export type WidgetSource = { kind: 'loading' } | { kind: 'error'; errors: PackError[] } | { kind: 'ready'; catalog: Catalog; base: string };

export interface WidgetProps {
  t: Translate;
  lang: Lang;
  source: WidgetSource;
  /** A walkthrough to open at once (the element's `walkthrough` attribute, or the page's fragment). */
  open?: string;
  /** The ward page, for the print view's QR code (its query and fragment never go into it). */
  pageUrl: string;
  /** The print view, loaded when it is first opened (on a ward page, the file dan-buoc-print.js). */
  loadPrint: () => Promise<PrintViewComponent>;
  /** Reads a hint aloud (core/voices.ts): "Nghe" only while a voice for the language exists; absent where the browser cannot speak. */
  speaker?: Speaker;
  print: () => void;
  /** The print view opened (true) or closed: the element marks itself so the ward's print CSS can hide the rest. */
  onPrintView?: (open: boolean) => void;
}

type View = { kind: 'catalogue' } | { kind: 'intro'; entry: CatalogEntry } | { kind: 'step'; entry: CatalogEntry; index: number; done: boolean } | { kind: 'print'; entry: CatalogEntry };

const CATEGORY_ORDER: Category[] = ['public-service', 'utility', 'bank', 'e-wallet'];

/** The walkthrough id a ward page fragment names for this pack, if any. */
export function openFromFragment(hash: string, packId: string): string | undefined {
  const m = /^#huong-dan=([a-z0-9][a-z0-9-]{0,63})\/([a-z0-9][a-z0-9-]{0,63})$/.exec(hash);
  return m && m[1] === packId ? m[2] : undefined;
}

/** The official page with the hand-off fragment: where the extension is installed, the live guide offers itself. */
function realSiteUrl(entry: CatalogEntry): string {
  const u = new URL(entry.walkthrough.startUrl);
  u.hash = handOffFragment({ packId: entry.pack.id, walkthroughId: entry.walkthrough.id });
  return u.href;
}

/**
 * A step image's address, only when it is on the pack file's own origin (`base`: the pack's address, or the
 * page's for an inline pack); null otherwise and nothing is loaded: an image from another host would tell
 * that host who opens the ward's page.
 */
export function imageUrl(src: string, base: string): string | null {
  try {
    const u = new URL(src, base);
    return u.origin === new URL(base).origin && (u.protocol === 'https:' || u.protocol === 'http:') ? u.href : null;
  } catch {
    return null;
  }
}

export function Widget(props: WidgetProps): JSX.Element {
  const { t, lang, source } = props;
  const [view, setView] = useState<View>({ kind: 'catalogue' });
  const [query, setQuery] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // The print view's component once loaded ('failed' if its file did not come: opening it again tries again).
  const [Print, setPrint] = useState<PrintViewComponent | 'failed' | null>(null);
  const speaker = props.speaker;
  // Voices that arrive late, and the end of a reading, draw the card again.
  const [, setSpeech] = useState(0);
  useEffect(() => speaker?.subscribe(() => setSpeech((n) => n + 1)), [speaker]);

  // Another pack (the element's src changed): back to its catalogue, the walkthrough shown was of the one before.
  const catalog = source.kind === 'ready' ? source.catalog : null;
  useEffect(() => {
    if (catalog) setView((v) => (v.kind === 'catalogue' || catalog.list().some((e) => e.walkthrough === v.entry.walkthrough) ? v : { kind: 'catalogue' }));
  }, [catalog]);

  // Open the walkthrough asked for once the pack is there.
  useEffect(() => {
    if (source.kind !== 'ready' || !props.open) return;
    const entry = source.catalog.list().find((e) => e.walkthrough.id === props.open);
    if (entry) setView({ kind: 'intro', entry });
  }, [source, props.open]);

  // The print view: loaded when first opened; the element is marked while it is open (the ward's print CSS).
  const printing = view.kind === 'print';
  useEffect(() => {
    if (!printing) return;
    if (typeof Print !== 'function') {
      props.loadPrint().then(
        (c) => setPrint(() => c),
        () => setPrint('failed'),
      );
    }
    props.onPrintView?.(true);
    return () => props.onPrintView?.(false);
  }, [printing]);

  // A new view: keyboard and screen-reader users land on its heading (not on the first load); the print
  // view's once it is there. In the same render (a layout effect), so a key pressed meanwhile lands there.
  useLayoutEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [view.kind, view.kind === 'step' ? view.index : -1, view.kind !== 'catalogue' ? view.entry : null, printing && Print]);

  const go = (next: View): void => {
    speaker?.stop();
    setView(next);
  };

  if (source.kind === 'loading') {
    return (
      <div class="dbw" aria-busy="true">
        <p class="dbw-muted" role="status">
          {t('widget.loading')}
        </p>
      </div>
    );
  }
  if (source.kind === 'error') {
    return (
      <div class="dbw">
        <div class="dbw-error" role="alert" data-dan-buoc="widget-error">
          <h2 class="dbw-h">{t('widget.errorTitle')}</h2>
          <p>{t('widget.errorText')}</p>
          <ul>
            {source.errors.slice(0, 8).map((e, i) => (
              <li key={i}>
                <code>{e.path}</code>: {errorText(t, e).slice(0, 300)}
              </li>
            ))}
          </ul>
        </div>
      </div>
    );
  }

  const titleOf = (e: CatalogEntry): string => localText(e.walkthrough.title, lang);

  if (view.kind === 'catalogue') {
    const found = source.catalog.search(query);
    const groups = CATEGORY_ORDER.map((c) => [c, found.filter((e) => e.walkthrough.category === c)] as const).filter(([, list]) => list.length > 0);
    return (
      <div class="dbw">
        <h2 class="dbw-h" ref={heading} tabIndex={-1}>
          {localText(source.catalog.packs[0]!.title, lang)}
        </h2>
        <label class="dbw-search">
          <span>{t('widget.search')}</span>
          <input type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} placeholder={t('widget.searchHint')} data-dan-buoc="widget-search" />
        </label>
        {groups.length === 0 ? (
          <p class="dbw-muted" role="status">
            {t('widget.noResults', { q: query })}
          </p>
        ) : (
          groups.map(([category, list]) => (
            <section key={category} class="dbw-group">
              <h3 class="dbw-h3">{t(`widget.category.${category}` as MessageKey)}</h3>
              <ul class="dbw-list">
                {list.map((e) => (
                  <li key={e.walkthrough.id}>
                    <button type="button" class="dbw-item" onClick={() => go({ kind: 'intro', entry: e })} data-walkthrough={e.walkthrough.id}>
                      <span class="dbw-item-title">{titleOf(e)}</span>
                      <span class="dbw-muted">{t('widget.minutes', { n: e.walkthrough.minutes })}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    );
  }

  const { entry } = view;
  const w = entry.walkthrough;
  const real = (
    <a class="db-btn dbw-real" href={realSiteUrl(entry)} target="_blank" rel="noopener noreferrer" data-dan-buoc="widget-real">
      {t('widget.realSite')}
    </a>
  );
  const back = (
    <button type="button" class="db-btn db-btn-quiet" onClick={() => go({ kind: 'catalogue' })} data-dan-buoc="widget-list">
      {t('widget.backToList')}
    </button>
  );

  if (view.kind === 'intro') {
    return (
      <div class="dbw">
        <h2 class="dbw-h" ref={heading} tabIndex={-1}>
          {titleOf(entry)}
        </h2>
        <p class="dbw-muted">{t('widget.about', { n: w.steps.length, m: w.minutes })}</p>
        <Bring t={t} lang={lang} walkthrough={w} />
        <div class="db-actions">
          <div class="db-group">
            <button type="button" class="db-btn db-btn-main" onClick={() => go({ kind: 'step', entry, index: 0, done: false })} data-dan-buoc="widget-start">
              {t('widget.start')}
            </button>
            {real}
          </div>
          <div class="db-group">
            <button type="button" class="db-btn db-btn-quiet" onClick={() => go({ kind: 'print', entry })} data-dan-buoc="widget-print-view">
              {t('widget.printView')}
            </button>
            {back}
          </div>
        </div>
      </div>
    );
  }

  if (view.kind === 'print') {
    const close = (): void => go({ kind: 'intro', entry });
    if (typeof Print === 'function') return <Print t={t} lang={lang} entry={entry} pageUrl={props.pageUrl} heading={heading} print={props.print} onClose={close} />;
    return (
      <div class="dbw">
        <h2 class="dbw-h" ref={heading} tabIndex={-1}>
          {titleOf(entry)}
        </h2>
        {Print === 'failed' ? (
          <p class="dbw-muted" role="alert" data-dan-buoc="widget-print-failed">
            {t('widget.printFailed')}
          </p>
        ) : (
          <p class="dbw-muted" role="status">
            {t('widget.loading')}
          </p>
        )}
        <div class="db-actions">
          <div class="db-group">
            <button type="button" class="db-btn db-btn-quiet" onClick={close} data-dan-buoc="widget-close-print">
              {t('widget.closePrint')}
            </button>
          </div>
        </div>
      </div>
    );
  }

  const step = w.steps[view.index]!;
  const text = localText(step.text, lang);
  const image = step.image && !view.done ? imageUrl(step.image.src, source.base) : null;
  return (
    <div class="dbw">
      <h2 class="dbw-h dbw-h-small" ref={heading} tabIndex={-1}>
        {titleOf(entry)}
      </h2>
      <StepCard
        t={t}
        inline
        index={view.index}
        total={w.steps.length}
        text={text}
        privateKind={step.private}
        privateText={step.private ? t(`widget.private.${step.private}`) : undefined}
        done={view.done}
        doneText={t('widget.done')}
        onBack={() => go(view.done ? { ...view, done: false } : { ...view, index: Math.max(0, view.index - 1) })}
        onNext={() => go(view.index + 1 < w.steps.length ? { ...view, index: view.index + 1 } : { ...view, done: true })}
        onListen={speaker && !view.done ? () => speaker.speak(plainHint(text), lang) : undefined}
        listenState={speaker?.state(lang)}
        onStopListen={() => speaker?.stop()}
      >
        {image && step.image ? <img class="dbw-img" src={image} alt={localText(step.image.alt, lang)} loading="lazy" /> : null}
      </StepCard>
      <div class="db-actions dbw-below">
        <div class="db-group">
          {real}
          {back}
        </div>
      </div>
    </div>
  );
}
