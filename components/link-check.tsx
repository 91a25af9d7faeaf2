// "Kiểm tra đường link" (issue 19): the volunteer pastes or types a link, or a whole SMS or chat message, from the
// resident's phone; each link in it (core/links.ts) gets core/scam.ts's verdict in plain words, a symbol and a colour:
// a lookalike names the real site and says to type nothing; an official site still warns about OTPs on the phone;
// any other site is said calmly not to be one Dẫn Bước knows. Needs no permission and sends nothing: the text
// lives in this component's state only (never stored, logged or sent), and only hosts are shown back.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey, Translate } from '../core/i18n';
import { linksIn, officialEntryOf } from '../core/links';
import { checkHost, type HostCheck } from '../core/scam';
import { ToolHead } from './tool-head';

export interface LinkCheckProps {
  t: Translate;
  /** A link to check at once (the OCR helper's "Kiểm tra"); held in memory only, like anything typed here. */
  initial?: string;
  /** Absent: no close button. */
  onClose?(): void;
}

interface Checked {
  host: string;
  check: HostCheck;
}

function checkAll(text: string): Checked[] {
  return linksIn(text).map(({ host }) => ({ host, check: checkHost(host) }));
}

/**
 * The sentence for a reason code: `scam.reason.<code>` when the locale files have it, else a generic sentence (the
 * reason texts belong to the scam guard's rules and may lag a new code).
 */
export function reasonText(t: Translate, code: string, params: Record<string, string> = {}): string {
  const key = `scam.reason.${code}`;
  // createTranslator answers a missing key with the key itself.
  const text = t(key as MessageKey, params);
  return text === key ? t('links.reasonGeneric') : text;
}

/** A symbol beside each verdict's words (the words and the colour say it too: never colour alone). */
const MARKS = { lookalike: '⚠', official: '✓', other: 'ℹ' } as const;

export function LinkCheck({ t, initial = '', onClose }: LinkCheckProps): JSX.Element {
  const [text, setText] = useState(initial);
  const [results, setResults] = useState<Checked[] | null>(null);
  const section = useRef<HTMLElement>(null);

  // A link handed over (from the OCR helper) is checked once the live region is on the page, so it is announced.
  useEffect(() => {
    if (!initial) return;
    setResults(checkAll(initial));
    section.current?.scrollIntoView?.({ block: 'nearest' });
  }, [initial]);

  const clear = (): void => {
    setText('');
    setResults(null);
  };

  return (
    <section class="links" aria-labelledby="links-title" data-testid="link-check" ref={section}>
      <ToolHead name="links" titleId="links-title" title={t('links.title')} clearLabel={t('links.clear')} closeLabel={t('links.close')} onClear={clear} onClose={onClose} />
      <p class="links-intro">{t('links.intro')}</p>
      <form
        class="links-form"
        onSubmit={(e) => {
          e.preventDefault();
          setResults(checkAll(text));
        }}
      >
        <label class="note-label" for="links-text">
          {t('links.field')}
        </label>
        <textarea
          id="links-text"
          class="note links-text"
          rows={3}
          value={text}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setText(value);
            // A paste is checked at once; while typing, a half-written host ("dichvucong.gov") would alarm for nothing.
            setResults((e as unknown as InputEvent).inputType === 'insertFromPaste' ? checkAll(value) : null);
          }}
          data-testid="links-text"
        />
        <button type="submit" class="btn btn-main links-submit" data-testid="links-check">
          {t('links.check')}
        </button>
      </form>
      {/* Always in the page, so each verdict is announced. */}
      <div class="links-results" aria-live="polite" data-testid="links-results">
        {results === null ? null : results.length === 0 ? (
          <p class="links-none" data-testid="links-none">
            {t('links.none')}
          </p>
        ) : (
          <ul class="links-list">
            {results.map((r) => (
              <Verdict key={r.host} t={t} host={r.host} check={r.check} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function Verdict({ t, host, check }: { t: Translate; host: string; check: HostCheck }): JSX.Element {
  const { verdict } = check;
  return (
    <li class={`links-item links-${verdict}`} data-testid="links-item" data-verdict={verdict} data-host={host}>
      <p class="links-verdict">
        <span class="links-mark" aria-hidden="true">
          {MARKS[verdict]}
        </span>{' '}
        {t(`links.${verdict}.title`)}
      </p>
      <p class="links-host" data-testid="links-host">
        {host}
      </p>
      {verdict === 'lookalike' ? <Lookalike t={t} host={host} check={check} /> : null}
      {verdict === 'official' ? (
        <>
          <p>{officialEntryOf(host) ? t('links.official.named', { name: officialEntryOf(host)!.name }) : t('links.official.gov')}</p>
          <p class="links-todo" data-testid="links-todo">
            {t('links.official.otp')}
          </p>
        </>
      ) : null}
      {verdict === 'other' ? (
        <>
          <p>{t('links.other.what')}</p>
          <p class="links-todo" data-testid="links-todo">
            {t('links.other.todo')}
          </p>
        </>
      ) : null}
    </li>
  );
}

function Lookalike({ t, host, check }: { t: Translate; host: string; check: HostCheck }): JSX.Element {
  const site = check.imitates;
  const name = site ? officialEntryOf(site)?.name : undefined;
  // Several codes may share the generic sentence: say it once.
  const reasons = [...new Set(check.reasons.map((code) => reasonText(t, code, { site: site ?? '', host })))];
  return (
    <>
      {site ? (
        <p data-testid="links-imitates">{name ? t('links.lookalike.imitatesName', { name, site }) : t('links.lookalike.imitates', { site })}</p>
      ) : null}
      <p class="links-todo" data-testid="links-todo">
        {site ? t('links.lookalike.todo', { site }) : t('links.lookalike.todoNoSite')}
      </p>
      {reasons.length ? (
        <div class="links-why">
          <p>{t('links.why')}</p>
          <ul class="links-reasons" data-testid="links-reasons">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="links-more">{t('links.lookalike.more')}</p>
    </>
  );
}
