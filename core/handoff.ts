// Hand-off links: a ward page or the widget opens the official site with #dan-buoc=<pack>/<walkthrough>
// so that, where the extension is installed, the live guide offers to start there.

export interface HandOff {
  packId: string;
  walkthroughId: string;
}

const FRAGMENT = /^#dan-buoc=([a-z0-9][a-z0-9-]{0,63})\/([a-z0-9][a-z0-9-]{0,63})$/;

/** The walkthrough a URL fragment names, or null when the fragment is not a hand-off link. */
export function parseHandOff(hash: string): HandOff | null {
  const m = FRAGMENT.exec(hash);
  return m ? { packId: m[1]!, walkthroughId: m[2]! } : null;
}

/** The fragment that names a walkthrough. */
export function handOffFragment(h: HandOff): string {
  return `#dan-buoc=${h.packId}/${h.walkthroughId}`;
}
