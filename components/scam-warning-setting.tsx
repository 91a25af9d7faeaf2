// "Cảnh báo trang giả mạo" in the console's settings (issue 19): turning it on asks the browser for the
// webNavigation permission from the click itself (a user gesture); refused, it stays off with a calm word.
// Turning it off saves the setting and gives the permission back.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Translate } from '../core/i18n';
import type { Settings } from '../core/settings';

export interface ScamPermissionApi {
  /** permissions.request for webNavigation, called within the click; true when granted. */
  request(): Promise<boolean>;
  /** permissions.remove for webNavigation. */
  release(): Promise<void>;
}

export function ScamWarningSetting({ t, settings, onSettings, api }: { t: Translate; settings: Settings; onSettings(next: Settings): void; api: ScamPermissionApi }): JSX.Element {
  const [refused, setRefused] = useState(false);
  const [asking, setAsking] = useState(false);
  const change = (e: Event): void => {
    const box = e.currentTarget as HTMLInputElement;
    const on = box.checked;
    // The box follows the saved setting, not the click, until the browser has answered.
    box.checked = settings.scamWarning;
    setRefused(false);
    if (!on) {
      onSettings({ ...settings, scamWarning: false });
      void api.release().catch(() => undefined);
      return;
    }
    setAsking(true);
    // Asked first, before anything else is awaited: the browser grants a prompt only within the click.
    api.request().then(
      (granted) => {
        setAsking(false);
        if (granted) onSettings({ ...settings, scamWarning: true });
        else setRefused(true);
      },
      () => {
        setAsking(false);
        setRefused(true);
      },
    );
  };
  return (
    <div class="scam-setting">
      <label class="setting">
        <input type="checkbox" checked={settings.scamWarning} disabled={asking} onChange={change} aria-describedby="scam-warning-help" data-testid="scam-warning" />
        {t('panel.scamWarning')}
      </label>
      <p id="scam-warning-help" class="note-help">
        {t('panel.scamWarningHelp')}
      </p>
      {refused ? (
        <p class="note-help" role="status" data-testid="scam-warning-refused">
          {t('panel.scamWarningRefused')}
        </p>
      ) : null}
    </div>
  );
}
