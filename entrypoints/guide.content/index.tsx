// Content script on the official origins only: wires the guide page logic to WXT's context.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { OFFICIAL_MATCH_PATTERNS } from '../../core/origins';
import { startGuidePage } from '../../extension/guide-page';
import { startPickPage } from '../../extension/pick-page';
import { startRecordingPage } from '../../extension/record-page';

export default defineContentScript({
  matches: [...OFFICIAL_MATCH_PATTERNS],
  runAt: 'document_idle',
  // Styles go into each shadow root as text (extension/ui-css.ts): no web-accessible stylesheet.
  cssInjectionMode: 'manual',
  main: (ctx) => {
    startGuidePage(ctx);
    startRecordingPage(ctx);
    startPickPage(ctx);
  },
});
