// The re-capture picker, injected into the site's tab only when the editor asks the author to pick a step's
// target (extension/author-scripts.ts), never carried by the guide on every official page; it also outlines a
// step's control when the editor asks ("Chỉ trên trang"). Its own page context: a newer copy ends the older
// one; the guide's context is left alone.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPageContext } from '../extension/page-context';
import { startPickPage } from '../extension/pick-page';
import { startShowPage } from '../extension/show-page';

export default defineUnlistedScript(() => {
  const ctx = createPageContext({ name: 'picker' });
  startPickPage(ctx);
  startShowPage(ctx);
});
