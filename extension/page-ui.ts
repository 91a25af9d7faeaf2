// The on-page UI's shadow roots (the guide's overlay, the recording bar, the re-capture bar), made one way.
// Styles go in as text (cssInjectionMode 'manual'): no stylesheet file is web-accessible, so the content
// script also works on origins granted at run time, where a manifest's web_accessible_resources (fixed at
// install) could not follow. Inline !important on the host outranks any site rule, so a page cannot hide or
// shrink it.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import stepCardCss from '../components/step-card.css?inline';
import overlayCss from '../components/overlay.css?inline';

export const UI_CSS = `${stepCardCss}\n${overlayCss}`;

const HOST_STYLE: [string, string][] = [
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['position', 'static'],
  ['transform', 'none'],
  ['filter', 'none'],
];

/** A mounted shadow-root UI at the end of the body, named `name` (its host element's tag). */
export async function mountPageUi(ctx: ContentScriptContext, name: string): Promise<ShadowRootContentScriptUi<void>> {
  const created = await createShadowRootUi<void>(ctx, {
    name,
    css: UI_CSS,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: true,
    onMount: () => undefined,
    onRemove: () => render(null, created.uiContainer),
  });
  for (const [prop, value] of HOST_STYLE) created.shadowHost.style.setProperty(prop, value, 'important');
  created.mount();
  return created;
}
