// The recorder, injected into the tab being recorded only (extension/author-scripts.ts), never carried by the
// guide on every official page. It runs in the content scripts' world under its own page context: a newer copy
// (injected again after a page load) ends the older one; the guide's context is left alone.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPageContext } from '../extension/page-context';
import { startRecordingPage } from '../extension/record-page';

export default defineUnlistedScript(() => {
  startRecordingPage(createPageContext({ name: 'recorder' }));
});
