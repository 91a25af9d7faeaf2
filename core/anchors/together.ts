// Resolving a step's anchor together with the other steps of the same page (a pack knows them all): when
// the anchor alone is not enough — its words all changed — the peers the engine does find confidently fix
// the frame, and the control is looked for where it sat relative to them (a lookup button beside the
// code field it submits). Elements the peers took are not candidates. Precision first: the candidate must
// sit clearly better in the frame than any other, and still be somewhat like the control.
import { boxOf } from './features';
import { chooseIn, rankIn } from './resolve';
import type { Anchor, Scored } from './types';

/** Scale of a relative move (px) that halves the frame similarity. */
const FRAME_SCALE = 120;
/** The candidate's place among the peers must be at least this alike… */
const MIN_FRAME = 0.6;
/** …this much better than the next candidate's… */
const FRAME_LEAD = 0.25;
/** …and the candidate at least this alike overall. */
const MIN_CONFIDENCE = 0.5;

interface Fixed {
  anchor: Anchor;
  box: readonly number[];
  now: readonly number[];
  element: Element;
}

const centre = (b: readonly number[]): [number, number] => [b[0]! + b[2]! / 2, b[1]! + b[3]! / 2];

/** How alike the candidate's offsets from the peers are to the control's offsets from them then. */
function frameSimilarity(anchorBox: readonly number[], candidateBox: readonly number[], fixed: Fixed[]): number {
  const [ax, ay] = centre(anchorBox);
  const [cx, cy] = centre(candidateBox);
  let sum = 0;
  for (const f of fixed) {
    const [px, py] = centre(f.box);
    const [nx, ny] = centre(f.now);
    const d = Math.hypot(ax - px - (cx - nx), ay - py - (cy - ny));
    sum += FRAME_SCALE / (FRAME_SCALE + d);
  }
  return sum / fixed.length;
}

function formElement(el: Element): Element | null {
  return (el as HTMLInputElement).form ?? el.closest('form');
}

/** The peers found confidently on the page now, with their boxes then and now. */
export function fixPeers(peers: readonly Anchor[], roots: (Document | ShadowRoot)[]): Fixed[] {
  const out: Fixed[] = [];
  for (const p of peers) {
    if (!p.box) continue;
    const pick = chooseIn(p, rankIn(p, roots, {}));
    const now = pick ? boxOf(pick.element) : undefined;
    if (pick && now) out.push({ anchor: p, box: p.box, now, element: pick.element });
  }
  return out;
}

/**
 * Place an anchor the engine could not resolve alone, by the peers it stood with. `ranked` are the
 * anchor's candidates (rankIn). Null unless one candidate clearly sits where the control sat.
 */
export function placeAmongPeers(anchor: Anchor, ranked: Scored[], fixed: Fixed[]): Scored | null {
  if (!anchor.box || fixed.length === 0) return null;
  const taken = new Set(fixed.map((f) => f.element));
  const free = ranked.filter((c) => !taken.has(c.element));
  // The form the control shared with a peer (a field found again): if that form now holds exactly one
  // candidate of the control's kind, and no peer of that kind shared the form, it is the control.
  if (anchor.form !== undefined) {
    const mates = fixed.filter((f) => f.anchor.form === anchor.form);
    const form = mates.map((f) => formElement(f.element)).find((x) => !!x);
    if (form && !mates.some((f) => f.anchor.kind === anchor.kind)) {
      const inForm = free.filter((c) => formElement(c.element) === form);
      if (inForm.length === 1 && inForm[0]!.confidence >= MIN_CONFIDENCE) return inForm[0]!;
    }
  }
  const placed = ranked
    .filter((c) => !taken.has(c.element) && ![...taken].some((t) => t.contains(c.element) || c.element.contains(t)))
    .map((c) => {
      const box = boxOf(c.element);
      return { c, frame: box ? frameSimilarity(anchor.box!, box, fixed) : 0 };
    })
    .sort((a, b) => b.frame - a.frame);
  const best = placed[0];
  if (!best || best.frame < MIN_FRAME || best.c.confidence < MIN_CONFIDENCE) return null;
  const second = placed.find((x) => x !== best && !(x.c.element.contains(best.c.element) || best.c.element.contains(x.c.element)));
  if (second && best.frame - second.frame < FRAME_LEAD) return null;
  return best.c;
}
