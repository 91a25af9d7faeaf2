// Waiting for a control that renders late: re-check on DOM changes (no polling), and hold a match that
// lacks the control's exact name until the page has been quiet, so a page that renders in parts cannot
// make the guide point at a look-alike that happened to arrive first.
import { features, searchRoots } from './features';
import { agreeOn, chooseIn, rankIn, toResolved } from './resolve';
import { fixPeers, placeAmongPeers } from './together';
import type { Anchor, ResolvedAnchor, Scored } from './types';

/** A match this strong (and with the control's exact name) is taken at once; others wait for the page to settle. */
const SETTLED_CONFIDENCE = 0.85;
/** The page counts as settled after this long without a change. */
const QUIET_MS = 300;
/** A weaker match is never held longer than this (pages with tickers never settle). */
const MAX_HOLD_MS = 1200;

export interface WaitOptions {
  /** Give up after this long. @default 8000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  root?: Document;
  /**
   * The anchors of the other steps on the same page: when this one is not found alone, the peers found
   * confidently fix the frame it is looked for in (together.ts).
   */
  peers?: readonly Anchor[];
  /**
   * The step's earlier anchors (alsoAnchors): each is looked for too, and a match of any of them is taken
   * when all that decide agree on one element (resolve.ts agreeOn). @default []
   */
  alternates?: readonly Anchor[];
}

/** Strong enough to take at once: confident, and carrying the control's own name (or id) unchanged. */
function settled(pick: Scored): boolean {
  return pick.confidence >= SETTLED_CONFIDENCE && (pick.exact || pick.identity >= 0.99);
}

/**
 * Resolve an anchor, waiting for it to render when it is not there yet. Re-checks only when the DOM
 * changes (MutationObserver, batched per animation frame); resolves null on timeout or abort.
 */
export function waitForAnchor(anchor: Anchor, options: WaitOptions = {}): Promise<ResolvedAnchor | null> {
  const { timeoutMs = 8000, signal } = options;
  const root = options.root ?? document;
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(null);
    const peers = options.peers?.filter((p) => p !== anchor) ?? [];
    const alternates = options.alternates ?? [];
    const lookFor = (a: Anchor, roots: (Document | ShadowRoot)[]): Scored | null => {
      const ranked = rankIn(a, roots, {});
      return chooseIn(a, ranked) ?? (peers.length && a.box ? placeAmongPeers(a, ranked, fixPeers(peers, roots)) : null);
    };
    // One anchor (every step until it is repaired): exactly the single-anchor path the benchmark measures.
    const look = (roots = searchRoots(root)): Scored | null =>
      alternates.length ? agreeOn([anchor, ...alternates].map((a) => lookFor(a, roots))) : lookFor(anchor, roots);
    const firstPick = look();
    if (firstPick && settled(firstPick)) return resolve(toResolved(firstPick));
    const first = firstPick ? toResolved(firstPick) : null;
    const view = root.defaultView ?? globalThis;
    let scheduled = false;
    let done = false;
    // A weaker match is held while the page is still changing: a page that renders in parts may show a
    // look-alike first and the control itself a moment later.
    let tentative: ResolvedAnchor | null = first;
    let heldSince = first ? Date.now() : 0;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const hold = (found: ResolvedAnchor | null): void => {
      if (found && !tentative) heldSince = Date.now();
      tentative = found;
      clearTimeout(quiet);
      if (!tentative) return;
      if (Date.now() - heldSince >= MAX_HOLD_MS) return finish(tentative);
      quiet = setTimeout(() => finish(tentative), QUIET_MS);
    };
    const finish = (result: ResolvedAnchor | null): void => {
      if (done) return;
      done = true;
      observer.disconnect();
      root.removeEventListener('load', schedule, true);
      clearTimeout(timer);
      clearTimeout(quiet);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const check = (): void => {
      scheduled = false;
      if (done) return;
      const pick = look(observeRoots());
      if (pick && settled(pick)) finish(toResolved(pick));
      else hold(pick ? toResolved(pick) : null);
    };
    const schedule = (): void => {
      if (scheduled) return;
      scheduled = true;
      // A hidden tab gets no animation frames: fall back to a short timer there.
      const raf = view.requestAnimationFrame?.bind(view);
      if (raf && !root.hidden) raf(check);
      else setTimeout(check, 30);
    };
    const MO = (view as typeof globalThis).MutationObserver ?? MutationObserver;
    const observer = new MO(schedule);
    // Shadow roots and iframe documents are observed too, as they appear; an iframe that loads a new
    // document is noticed through its load event (captured on the document, since load does not bubble).
    const observed = new Set<Node>();
    const observeRoots = (): (Document | ShadowRoot)[] => {
      const roots = searchRoots(root);
      for (const r of roots) {
        if (observed.has(r)) continue;
        observed.add(r);
        observer.observe(r, { subtree: true, childList: true, attributes: true, characterData: true });
      }
      return roots;
    };
    observeRoots();
    root.addEventListener('load', schedule, true);
    const timer = setTimeout(() => finish(tentative), timeoutMs);
    const onAbort = (): void => finish(null);
    signal?.addEventListener('abort', onAbort);
    if (tentative) hold(tentative);
  });
}

/** A short description of the control for a text-only hint ("nút «Đăng nhập»"). */
export function describeAnchor(anchor: Anchor): { kind: Anchor['kind']; label: string; heading?: string } {
  const label = anchor.label ?? anchor.name ?? anchor.text ?? anchor.placeholder ?? anchor.title ?? '';
  return anchor.heading && anchor.heading !== label ? { kind: anchor.kind, label, heading: anchor.heading } : { kind: anchor.kind, label };
}

/** Features of a live element (for tools that show why a candidate scored as it did). */
export { features };
