// `npm run fit:anchors`: fit the anchor engine's property weights and its decision rule on the sets it may
// be tuned on — the Similo records (../shared/bench/similo) and the DOM cases `npm run bench:anchors --
// --dump` wrote for the generator and redesign v2 (bench-output/anchor-cases-*.json). Never redesign v3
// (frozen) nor WebEvo (measured only).
//   1. weights: coordinate ascent on how often the right candidate ranks first, and leads;
//   2. decision: the thresholds of core/anchors/decide.ts by coordinate search, with "control gone"
//      cases made by removing the right candidate (the answer must then be null);
//   objective: the most right answers with at most 2 % wrong in every set, each set weighing the same.
// Prints 5-fold cross-validated figures (folds by app or page, so a fold is never seen while fitting it),
// then fits on everything; `--write` rewrites core/anchors/fitted.ts.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bestAndSecond, RULE, type Rule } from '../core/anchors/decide';
import { PROPS, WEIGHTS, type Weights } from '../core/anchors/score';
import { decide, loadSimiloCases, prepare, rank, tally, type Case, type Prepared } from '../tests/support/bench/anchor-cases';
import { ROOT } from '../tests/support/harness';

/** How hard the wrong-answer bound is: every point over it costs a hundred points right. */
const PENALTY = 100;
const FOLDS = 5;
/** How much a "control gone" case counts beside a real one (in the fit and in choosing the threshold). */
const GONE = Number(process.env.FIT_GONE ?? 0);

/** Where the weight search starts, and what bounds it (a quarter to four times): the hand-set weights. */
const START: Weights = {
  name: 3, text: 1.5, label: 2.5, placeholder: 1.5, title: 1, attrName: 1.5, href: 1.5, type: 0.5,
  tag: 0.5, role: 0.75, heading: 1, near: 1.5, path: 0.5, index: 0.5, location: 1, size: 0.5, form: 1,
  id: 2, classes: 0.75, attrs: 1, xpath: 1,
};

/**
 * Right candidate first (and leading by 0.05: half a point more) over the cases where it is among them,
 * every set weighing the same.
 */
function rankObjective(ps: Prepared[], w: Weights): number {
  const per = new Map<string, { n: number; score: number }>();
  for (const p of ps) {
    const s = per.get(p.c.set) ?? { n: 0, score: 0 };
    s.n++;
    per.set(p.c.set, s);
    if (p.c.truth < 0) continue;
    const { best, second } = bestAndSecond(p.c.anchor, rank(p, w), p.relations);
    if (best?.element !== p.c.truth) continue;
    s.score += 1;
    if (!second || best.confidence - second.confidence >= 0.05) s.score += 0.5;
  }
  let total = 0;
  for (const s of per.values()) total += s.score / s.n;
  return total;
}

function fitWeights(ps: Prepared[]): Weights {
  let w: Weights = { ...START };
  let best = rankObjective(ps, w);
  for (let round = 0; round < 4; round++) {
    let improved = false;
    for (const k of PROPS) {
      const current = w[k];
      for (const f of [0.5, 0.75, 1.33, 2]) {
        const v = Math.round(current * f * 100) / 100;
        if (v < START[k] / 4 || v > START[k] * 4) continue;
        const cand = { ...w, [k]: v };
        const o = rankObjective(ps, cand);
        if (o > best + 1e-9) {
          best = o;
          w = cand;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return w;
}

/** The most wrong answers a set may have (share of its cases): the goal is ≤ 1 %, the records' bar 2 %. */
const MAX_WRONG = Number(process.env.FIT_MAX_WRONG ?? 0.02);

/**
 * The share right, summed over the sets (each weighing the same), under the constraint that no set has
 * more than MAX_WRONG wrong; "control gone" cases taken count as wrong ones at GONE each.
 */
function ruleObjective(ps: Prepared[], w: Weights, rule: Rule): number {
  const per = new Map<string, { n: number; correct: number; wrong: number }>();
  for (const p of ps) {
    const s = per.get(p.c.set) ?? { n: 0, correct: 0, wrong: 0 };
    s.n++;
    const o = decide(p, w, rule).outcome;
    if (o === 'correct') s.correct++;
    else if (o === 'wrong') s.wrong++;
    if (GONE > 0 && p.c.truth >= 0) {
      const gone: Prepared = { ...p, sims: p.sims.map((x, i) => (i === p.c.truth ? undefined : x)), c: { ...p.c, truth: -1 } };
      if (decide(gone, w, rule).outcome !== 'notFound') s.wrong += GONE;
    }
    per.set(p.c.set, s);
  }
  let total = 0;
  for (const s of per.values()) total += s.correct / s.n - PENALTY * Math.max(0, s.wrong / s.n - MAX_WRONG);
  return total;
}

const RULE_GRID: Partial<Record<keyof Rule, number[]>> = {
  minConfidence: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8],
  minMargin: [0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12],
  minIdentity: [0.5, 0.55, 0.6, 0.7, 0.8, 0.9],
  // At least half its words, wherever it sits: another procedure in the same place is another procedure.
  minIdentityInPlace: [0.5, 0.55, 0.6, 0.7],
  minContext: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 1.1],
  strongIdentity: [0.9, 0.95, 0.98],
  strongMargin: [0, 0.01, 0.02, 0.03, 0.05],
  contextOnly: [0.75, 0.8, 0.85, 0.9, 0.95, 1.01],
  evidenceSlope: [0, 0.5, 1, 1.5, 2],
};

/** Where the threshold search starts: hand-set values inside the grid's bounds. */
const START_RULE: Rule = { minConfidence: 0.7, minMargin: 0.05, minIdentity: 0.7, minIdentityInPlace: 0.55, minContext: 0.75, strongIdentity: 0.95, strongMargin: 0.03, contextOnly: 0.85, evidenceSlope: 0, twinMargin: 0.1 };

/** `--rule-only`: keep the current weights (core/anchors/fitted.ts) and fit the decision thresholds alone. */
const RULE_ONLY = process.argv.includes('--rule-only');

function fit(ps: Prepared[]): { w: Weights; rule: Rule } {
  const w = RULE_ONLY ? { ...WEIGHTS } : fitWeights(ps);
  let rule: Rule = { ...START_RULE };
  let best = ruleObjective(ps, w, rule);
  for (let round = 0; round < 3; round++) {
    let improved = false;
    for (const [k, values] of Object.entries(RULE_GRID) as [keyof Rule, number[]][]) {
      for (const v of values) {
        const cand = { ...rule, [k]: v };
        const o = ruleObjective(ps, w, cand);
        if (o > best) {
          best = o;
          rule = cand;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { w, rule };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const fmt = (t: { correct: number; wrong: number; notFound: number }): string => {
  const n = t.correct + t.wrong + t.notFound;
  const p = (x: number): string => `${((100 * x) / n).toFixed(1)}%`;
  return `${t.correct}/${t.wrong}/${t.notFound} of ${n} (${p(t.correct)} correct, ${p(t.wrong)} wrong)`;
};

function main(): void {
  const cases: Case[] = [];
  const similo = path.resolve(ROOT, process.env.DAN_BUOC_SIMILO ?? '../shared/bench/similo/apps.json');
  if (existsSync(similo)) cases.push(...loadSimiloCases(similo));
  const out = path.join(ROOT, 'bench-output');
  for (const f of existsSync(out) ? readdirSync(out) : []) {
    const m = /^anchor-cases-(.+)\.json$/.exec(f);
    if (!m) continue;
    // The frozen redesign is measured, never fitted on.
    if (m[1] === 'v3') throw new Error('bench-output/anchor-cases-v3.json exists: v3 is frozen and must not be fitted on (delete it)');
    cases.push(...(JSON.parse(readFileSync(path.join(out, f), 'utf8')) as Case[]));
  }
  const sets = [...new Set(cases.map((c) => c.set))];
  console.log(`Cases: ${sets.map((s) => `${s} ${cases.filter((c) => c.set === s).length}`).join(', ')}`);
  const prepared = cases.map(prepare);
  const bySet = (ps: Prepared[], s: string): Prepared[] => ps.filter((p) => p.c.set === s);
  for (const s of sets) console.log(`  current engine, ${s}: ${fmt(tally(bySet(prepared, s), WEIGHTS, RULE))}`);

  if (!process.argv.includes('--no-cv')) {
    const held: Record<string, { correct: number; wrong: number; notFound: number }> = {};
    for (let fold = 0; fold < FOLDS; fold++) {
      const isTest = (p: Prepared): boolean => hash(`${p.c.set}/${p.c.group}`) % FOLDS === fold;
      const { w, rule } = fit(prepared.filter((p) => !isTest(p)));
      for (const s of sets) {
        const t = tally(bySet(prepared.filter(isTest), s), w, rule);
        const h = (held[s] ??= { correct: 0, wrong: 0, notFound: 0 });
        h.correct += t.correct;
        h.wrong += t.wrong;
        h.notFound += t.notFound;
      }
    }
    for (const s of sets) console.log(`  held-out (${FOLDS}-fold CV), ${s}: ${fmt(held[s]!)}`);
  }

  const { w, rule } = fit(prepared);
  for (const s of sets) console.log(`  fitted on all, ${s} (in-sample): ${fmt(tally(bySet(prepared, s), w, rule))}`);
  console.log('weights', JSON.stringify(w));
  console.log('rule', JSON.stringify(rule));
  if (process.argv.includes('--write')) {
    const file = path.join(ROOT, 'core/anchors/fitted.ts');
    writeFileSync(
      file,
      `// Written by \`npm run fit:anchors -- --write\` (scripts/fit-anchor-weights.ts) on ${new Date().toISOString().slice(0, 10)}: property\n` +
        `// weights and the decision rule, fitted on ${sets.map((s) => `${s} (${cases.filter((c) => c.set === s).length})`).join(', ')}; never on redesign v3 or WebEvo.\n` +
        `import type { Rule, Weights } from './tuning';\n\n` +
        `export const FITTED_WEIGHTS: Weights = ${JSON.stringify(w)};\n\n` +
        `export const FITTED_RULE: Rule = ${JSON.stringify(rule)};\n`,
    );
    console.log(`wrote ${path.relative(ROOT, file)}`);
  }
}

main();
