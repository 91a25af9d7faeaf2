// Content script on the official origins only: wires the guide page logic to WXT's context.
import '../../components/step-card.css';
import '../../components/overlay.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { OFFICIAL_MATCH_PATTERNS } from '../../core/origins';
import { startGuidePage } from '../../extension/guide-page';
import { startRecordingPage } from '../../extension/record-page';

export default defineContentScript({
  matches: [...OFFICIAL_MATCH_PATTERNS],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main: (ctx) => {
    startGuidePage(ctx);
    startRecordingPage(ctx);
  },
});
