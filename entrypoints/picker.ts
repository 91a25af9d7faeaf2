// The re-capture picker, injected into the site's tab only when the editor asks the author to pick a step's
// target (extension/author-scripts.ts), never carried by the guide on every official page. Its own page
// context: a newer copy ends the older one; the guide's context is left alone.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPageContext } from '../extension/page-context';
import { startPickPage } from '../extension/pick-page';

export default defineUnlistedScript(() => {
  startPickPage(createPageContext({ name: 'picker' }));
});
