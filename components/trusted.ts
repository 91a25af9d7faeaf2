// Controls shown on pages that are not ours (the guide's overlay, the hand-off offer, the recording and
// re-capture bars) act only on a person's own input. A page's script can call .click() on a button or
// dispatch an event at it, but the browser marks those events untrusted (event.isTrusted false).

/** `fn` as an event handler that runs only for the person's own input, never for a script's. */
export function whenTrusted(fn: () => void): (e: Event) => void {
  return (e) => {
    if (e.isTrusted) fn();
  };
}
