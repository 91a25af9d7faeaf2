// Where the author's bars dock (17.5): at the edge away from where the author last pointed, so that the control
// about to be clicked — the portal's "Đăng ký / Đăng nhập" at the top right — is never under the bar. Only the
// author's own pointer counts (trusted events), never a page script's, nor the pointer over the bar itself.
import { dockAway } from '../core/geometry';

export type Dock = 'top' | 'bottom';

/** Call `moved` with the new edge whenever the author's pointer calls for the other one, until `signal` aborts. */
export function followPointer(signal: AbortSignal, fromUs: (e: Event) => boolean, moved: (dock: Dock) => void, doc: Document = document): void {
  let dock: Dock = 'bottom';
  const look = (e: Event): void => {
    if (!e.isTrusted || fromUs(e)) return;
    const next = dockAway((e as PointerEvent).clientY, doc.defaultView?.innerHeight ?? 0, dock);
    if (next !== dock) moved((dock = next));
  };
  for (const type of ['pointermove', 'pointerdown']) doc.addEventListener(type, look, { capture: true, passive: true, signal });
}
