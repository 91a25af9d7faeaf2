// The on-page UI's styles as text, given to each shadow root (cssInjectionMode 'manual'): no stylesheet file
// is web-accessible, so the content script also works on origins granted at run time, where a manifest's
// web_accessible_resources (fixed at install) could not follow.
import stepCardCss from '../components/step-card.css?inline';
import overlayCss from '../components/overlay.css?inline';

export const UI_CSS = `${stepCardCss}\n${overlayCss}`;
