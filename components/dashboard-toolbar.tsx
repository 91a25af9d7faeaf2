// The dashboard's actions at the top of the page, kept in view while the report scrolls: print, the two
// exports, import from another desk and delete everything (asked in the page first), with what they answered
// just below them. A region with its own heading, reached by Tab in reading order; hidden in print.
import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { DataError } from '../core/errors';
import { ErrorList } from './error-list';
import type { Translate } from '../core/i18n';

export type Message = { kind: 'status'; text: string } | { kind: 'error'; text: string; details?: DataError[] };
/** A message with its number: each is a new element, so the same words said twice are announced twice. */
export type Numbered = Message & { seq: number };

export interface ToolbarProps {
  t: Translate;
  /** Records on this machine (the delete question names them); null while unknown. */
  count: number | null;
  busy: boolean;
  message: Numbered | null;
  /** The id of the text describing the import (shown with the storage, lower on the page). */
  importHelpId: string;
  onPrint(): void;
  onExport(kind: 'csv' | 'json'): void;
  onImport(input: HTMLInputElement): void;
  onDelete(): void;
}

export function Toolbar({ t, count, busy, message, importHelpId, onPrint, onExport, onImport, onDelete }: ToolbarProps): JSX.Element {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // In the same render as the question (a layout effect): a key pressed meanwhile goes to "Hủy", not to the page.
  useLayoutEffect(() => {
    // Focus follows the question: onto "Hủy" when asked, back to the button when answered.
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  return (
    <section class="toolbar no-print" aria-labelledby="h-actions" data-testid="toolbar">
      <h2 id="h-actions" class="sr-only">
        {t('dashboard.actions')}
      </h2>
      <div class="actions">
        <button type="button" class="btn btn-main" onClick={onPrint} data-testid="print">
          {t('dashboard.print')}
        </button>
        <button type="button" class="btn" onClick={() => onExport('csv')} disabled={busy} data-testid="export-csv">
          {t('dashboard.exportCsv')}
        </button>
        <button type="button" class="btn" onClick={() => onExport('json')} disabled={busy} data-testid="export-json">
          {t('dashboard.exportJson')}
        </button>
        {/* The file input itself takes the focus and the keys (Space / Enter open the file chooser); the label
            beside it is what is seen, drawn as a button and outlined while the input has the focus. */}
        <span class="import">
          <input
            id="dash-import"
            class="file-input sr-only"
            type="file"
            accept=".json,application/json"
            aria-describedby={importHelpId}
            disabled={busy}
            onChange={(e) => onImport(e.currentTarget)}
            data-testid="import"
          />
          <label for="dash-import" class="btn" data-testid="import-label">
            {t('dashboard.import')}
          </label>
        </span>
        <span class="toolbar-spacer" />
        {confirming ? null : (
          <button type="button" class="btn btn-stop" ref={deleteRef} onClick={() => setConfirming(true)} data-testid="delete-all">
            {t('dashboard.deleteAll')}
          </button>
        )}
      </div>
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby="confirm-text" data-testid="confirm">
          <p id="confirm-text">{t('dashboard.deleteConfirm', { n: count ?? 0 })}</p>
          <div class="actions">
            <button
              type="button"
              class="btn btn-danger"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                onDelete();
              }}
              data-testid="delete-yes"
            >
              {t('dashboard.deleteYes')}
            </button>
            <button type="button" class="btn" ref={cancelRef} onClick={() => setConfirming(false)} data-testid="delete-no">
              {t('dashboard.deleteNo')}
            </button>
          </div>
        </div>
      ) : null}
      <div aria-live="polite" data-testid="message-region">
        {message?.kind === 'status' ? (
          <p key={message.seq} class="dash-ok" role="status" data-testid="message">
            {message.text}
          </p>
        ) : null}
      </div>
      {message?.kind === 'error' ? (
        <div key={message.seq} class="dash-error toolbar-error" role="alert" data-testid="error">
          <p>{message.text}</p>
          {message.details?.length ? (
            <ErrorList t={t} errors={message.details} data-testid="error-list" />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
