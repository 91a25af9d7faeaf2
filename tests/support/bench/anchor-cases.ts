// Benchmark cases for the anchor engine as data: an anchor, the candidates the resolver would weigh (their
// Props) and which one is right. Made from the Similo records (propsOfRecord) and from DOM runs of
// `npm run bench:anchors -- --dump` (the generator and redesign v2; never v3). Used by the weight fit and
// its cross-validation: scoring and deciding run through core/anchors exactly as the resolver does.
import { readFileSync } from 'node:fs';
import { choose, type Relations, type Rule } from '../../../core/anchors/decide';
import { propsOfRecord, type ElementRecord } from '../../../core/anchors/records';
import { combine, isTyped, rarityOf, similarities, twinKey, type Position, type Sims, type Weights } from '../../../core/anchors/score';
import type { Anchor, Props, Scored } from '../../../core/anchors/types';
import { foldText } from '../../../core/text';

export interface Candidate {
  props: Props;
  pos: Position | null;
}

export interface Case {
  /** The benchmark set ("similo", "generator", "v2") and a group for cross-validation folds (app, page). */
  set: string;
  group: string;
  id: string;
  anchor: Props & Partial<Pick<Anchor, 'twins' | 'twinIndex' | 'rival' | 'unique'>>;
  anchorPos: Position | null;
  candidates: Candidate[];
  /** Index of the right candidate, or -1 when it is not among them (the resolver's pool missed it). */
  truth: number;
}

export type Outcome = 'correct' | 'wrong' | 'notFound';

export function loadSimiloCases(file: string): Case[] {
  const apps = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { candidates: ElementRecord[]; cases: { target: ElementRecord; truth: number }[] }>;
  const out: Case[] = [];
  for (const [app, { candidates, cases }] of Object.entries(apps)) {
    const props = candidates.map(propsOfRecord);
    cases.forEach((k, i) => {
      const anchor = propsOfRecord(k.target);
      // The resolver weighs candidates of the control's kind only (records.ts rankRecords does the same).
      const keep = props.map((p, j) => ({ p, j })).filter((x) => x.p.kind === anchor.kind || (anchor.tag === 'input' && x.p.tag === 'input' && (!anchor.type || !x.p.type)));
      out.push({ set: 'similo', group: app, id: `${app}#${i}`, anchor, anchorPos: null, candidates: keep.map((x) => ({ props: x.p, pos: null })), truth: keep.findIndex((x) => x.j === k.truth) });
    });
  }
  return out;
}

/** A case with the per-candidate similarities computed once (they do not depend on the weights). */
export interface Prepared {
  c: Case;
  /** Per candidate; a hole where a candidate is left out (the "control gone" variant). */
  sims: (Sims | undefined)[];
  exact: boolean[];
  twin: string[];
  sameKind: boolean[];
  typed: boolean[];
  relations: Relations<number>;
}

export function prepare(c: Case): Prepared {
  const anchorName = c.anchor.name ?? c.anchor.text;
  const xp = c.candidates.map((x) => x.props.xpath ?? '');
  const contains = (o: number, i: number): boolean => !!xp[o] && !!xp[i] && xp[i]!.startsWith(xp[o]! + '/');
  return {
    c,
    sims: ((rarity) => c.candidates.map((x) => similarities(c.anchor, c.anchorPos, x.props, x.pos, rarity)))(rarityOf(c.candidates.map((x) => x.props))),
    exact: c.candidates.map((x) => !!anchorName && foldText(x.props.name ?? x.props.text ?? '') === foldText(anchorName)),
    twin: c.candidates.map((x) => twinKey(x.props)),
    sameKind: c.candidates.map((x) => x.props.kind === c.anchor.kind),
    typed: c.candidates.map((x) => isTyped(c.anchor, x.props)),
    relations: { contains, nested: (a, b) => a !== b && (contains(a, b) || contains(b, a)), sameTag: (a, b) => c.candidates[a]!.props.tag === c.candidates[b]!.props.tag, tagOf: (a) => c.candidates[a]!.props.tag, order: (a, b) => a - b },
  };
}

/** The candidates scored with the given weights, best first (element = index into the case's candidates). */
export function rank(p: Prepared, w: Weights): Scored<number>[] {
  const ranked: Scored<number>[] = [];
  p.sims.forEach((s, i) => {
    if (!s) return;
    const { confidence, identity, context, evidence } = combine(s, w);
    ranked.push({ element: i, confidence: p.sameKind[i] ? confidence : 0.6 * confidence, identity, context, twinKey: p.twin[i]!, exact: p.exact[i]!, evidence, typed: p.typed[i]! });
  });
  return ranked.sort((a, b) => b.confidence - a.confidence);
}

/** Rank and decide one prepared case with the given weights and rule. */
export function decide(p: Prepared, w: Weights, rule: Rule): { outcome: Outcome; ranked: Scored<number>[] } {
  const ranked = rank(p, w);
  const pick = choose(p.c.anchor, ranked, p.relations, rule);
  const outcome: Outcome = !pick ? 'notFound' : pick.element === p.c.truth ? 'correct' : 'wrong';
  return { outcome, ranked };
}

export function tally(prepared: Prepared[], w: Weights, rule: Rule): Record<Outcome, number> & { top1: number } {
  const t = { correct: 0, wrong: 0, notFound: 0, top1: 0 };
  for (const p of prepared) {
    const { outcome, ranked } = decide(p, w, rule);
    t[outcome]++;
    if (ranked[0]?.element === p.c.truth) t.top1++;
  }
  return t;
}
