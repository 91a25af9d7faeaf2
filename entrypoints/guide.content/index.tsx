// Content script on the official origins only: wires the guide page logic to its own page context
// (extension/page-context.ts), never to WXT's, which the page could detect and stop. The build runs `main`
// without creating WXT's context at all (build/content-script-entry.ts).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { OFFICIAL_MATCH_PATTERNS } from '../../core/origins';
import { startGuidePage } from '../../extension/guide-page';
import { createPageContext } from '../../extension/page-context';

export default defineContentScript({
  matches: [...OFFICIAL_MATCH_PATTERNS],
  runAt: 'document_idle',
  // Styles go into each closed shadow root as text (extension/page-ui.ts): no web-accessible stylesheet.
  cssInjectionMode: 'manual',
  // Belt and braces: even WXT's own entry (should the build plugin ever stop applying) would not post it.
  noScriptStartedPostMessage: true,
  main: () => {
    // Only the guide: the recorder and the picker are injected into one tab when an author starts them
    // (extension/author-scripts.ts).
    startGuidePage(createPageContext());
  },
});
