// ocr.html: the "Đọc giấy tờ" helper in its own tab, where the browser can ask for the webcam when the
// side panel cannot. Same component and engine as in the side panel.
import '../sidepanel/style.css';
import '../../components/ocr-helper.css';
import '../../components/link-check.css';
import { render, type JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LinkCheck } from '../../components/link-check';
import { OcrHelper } from '../../components/ocr-helper';
import { createTranslator } from '../../core/i18n';
import { createPageOcr } from '../../extension/ocr-api';
import { useDeskSettings } from '../../extension/use-settings';

const ocr = createPageOcr();

function App(): JSX.Element {
  const settings = useDeskSettings();
  const t = useMemo(() => createTranslator(settings.lang), [settings.lang]);
  // A link read on the paper, handed to the link checker ("Kiểm tra"): in memory only.
  const [link, setLink] = useState<{ text: string; n: number } | null>(null);
  useEffect(() => {
    document.documentElement.lang = settings.lang;
    document.title = `${t('app.name')} — ${t('ocr.title')}`;
  }, [settings.lang, t]);
  return (
    <main class="panel ocr-page">
      <OcrHelper t={t} lang={settings.lang} api={ocr} onCheckLink={(text) => setLink((l) => ({ text, n: (l?.n ?? 0) + 1 }))} />
      {link ? <LinkCheck key={link.n} t={t} initial={link.text} onClose={() => setLink(null)} /> : null}
    </main>
  );
}

render(<App />, document.getElementById('app')!);
