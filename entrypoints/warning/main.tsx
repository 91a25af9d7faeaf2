// Scam warning page wiring (warning.html, opened by the background in place of a lookalike): the host and the
// site it imitates from its address (nothing else of the navigation is there), the reasons from core/scam.ts,
// the desk's language, and the two ways out through the message gate.
import './style.css';
import { render, type JSX } from 'preact';
import { useLayoutEffect, useMemo } from 'preact/hooks';
import { ScamWarning, type WarningApi } from '../../components/scam-warning';
import { createTranslator } from '../../core/i18n';
import { checkHost, hostOf } from '../../core/scam';
import { messaging } from '../../extension/protocol';
import { useDeskSettings } from '../../extension/use-settings';

const query = new URLSearchParams(location.search);
const host = hostOf(query.get('host') ?? '');
const check = checkHost(host);
// What it imitates as the guard said; a hand-made address cannot make the page name another site.
const imitates = check.verdict === 'lookalike' ? check.imitates : undefined;

const api: WarningApi = {
  // The background knows whether the tab had a page before the lookalike (else: the new-tab page).
  back: () => void messaging.sendMessage('scamLeave').catch(() => history.back()),
  proceed: () => messaging.sendMessage('scamContinue', { host }),
};

function App(): JSX.Element {
  const settings = useDeskSettings();
  const t = useMemo(() => createTranslator(settings.lang), [settings.lang]);
  useLayoutEffect(() => {
    document.documentElement.lang = settings.lang;
    document.title = t('warning.pageTitle');
  }, [settings.lang, t]);
  return <ScamWarning t={t} host={host} imitates={imitates} reasons={check.reasons} api={api} />;
}

render(<App />, document.getElementById('app')!);
