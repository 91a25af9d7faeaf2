// The guide, injected by the background into the session's tab after each page load, and into a page opened
// from a hand-off link (extension/guide-injection.ts): never declared as a content script, so the official pages
// of residents nobody is guiding carry nothing. It wires the guide page logic to its own page context
// (extension/page-context.ts), never to WXT's, which the page could detect and stop. Injected again into a
// document whose guide still runs, it does nothing.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startGuidePage } from '../extension/guide-page';
import { createPageContext, runningContext } from '../extension/page-context';
import { takeGuideBoot } from '../extension/guide-boot';

export default defineUnlistedScript(() => {
  // What the background put in place for this page (its step and the guide's copy), taken either way.
  const boot = takeGuideBoot();
  if (runningContext('guide')) return;
  // Only the guide: the recorder and the picker are injected into one tab when an author starts them
  // (extension/author-scripts.ts).
  startGuidePage(createPageContext(), boot);
});
