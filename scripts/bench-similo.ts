// `npx tsx scripts/bench-similo.ts`: Similo as published (tests/support/bench/similo.ts), a BASELINE, on the records
// of the Similo study (/work/shared/bench/similo/apps.json, or env DAN_BUOC_SIMILO): for every case rank the
// new page's candidates against the old element's record; print per app and in total n, top-1 correct and
// wrong, then correct / wrong / not found when abstaining below a relative lead over the runner-up
// (similoPick's rule). A script, not a test: it never fails on figures. The data has no licence: internal
// evaluation only, never in fixtures or the product.
//
// On the figure: the data's README quotes ~75.4 % top-1 for a plain re-implementation (606 records; 423 here).
// Taking the records as stored ({ derive: false }) this port lands near it (74.7 % on these 423; 54 % correct at ≤ 2 % wrong vs the README's 57 %). By default
// it gets ~88.7 %, because 18 of the 30 apps come from an older extraction that stored `text` but no
// `visible_text` (nor geometry): the reference defines visible_text as text, else value, else placeholder, so
// the port derives it, and the 1.5-weight visible_text then counts on those pages too. Both are printed.
// The "≤ 2 % wrong" margin is chosen on the same data (in-sample), so it flatters the abstaining rule.
import { existsSync, readFileSync } from 'node:fs';
import { similoRank, type SimiloOptions, type SimiloRecord } from '../tests/support/bench/similo';

interface App {
  candidates: SimiloRecord[];
  cases: { target: SimiloRecord; truth: number }[];
}
/** Per case: whether top-1 is right, and its relative lead over the runner-up. */
interface Outcome {
  app: string;
  right: boolean;
  lead: number;
}
interface Counts {
  correct: number;
  wrong: number;
  notFound: number;
}

const FILE = process.env.DAN_BUOC_SIMILO ?? '/work/shared/bench/similo/apps.json';
const MARGINS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3];

if (!existsSync(FILE)) {
  console.error(`No Similo records at ${FILE} (set DAN_BUOC_SIMILO).`);
  process.exit(1);
}
const apps = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, App>;
const pct = (k: number, n: number): string => (n === 0 ? '–' : `${((100 * k) / n).toFixed(1)} %`);

function evaluate(options: SimiloOptions): Outcome[] {
  const out: Outcome[] = [];
  for (const [app, { candidates, cases }] of Object.entries(apps)) {
    for (const c of cases) {
      const ranked = similoRank(c.target, candidates, options);
      const best = ranked[0];
      if (!best || best.score <= 0) {
        out.push({ app, right: false, lead: 0 });
        continue;
      }
      const second = ranked[1]?.score ?? 0;
      out.push({ app, right: best.index === c.truth, lead: (best.score - second) / best.score });
    }
  }
  return out;
}

/** similoPick(…, margin): answer only when lead ≥ margin (a tie, lead 0, never answers with margin > 0). */
function atMargin(outcomes: readonly Outcome[], m: number): Counts {
  let correct = 0;
  let wrong = 0;
  for (const o of outcomes) {
    if (o.lead < m || (m > 0 && o.lead === 0)) continue;
    if (o.right) correct++;
    else wrong++;
  }
  return { correct, wrong, notFound: outcomes.length - correct - wrong };
}

/** The smallest margin at which at most 2 % of all cases are answered wrongly. */
function marginFor2pc(outcomes: readonly Outcome[]): { m: number } & Counts {
  const leads = [...new Set(outcomes.map((o) => o.lead))].sort((a, b) => a - b);
  for (const m of leads) {
    const c = atMargin(outcomes, m);
    if (c.wrong <= 0.02 * outcomes.length) return { m, ...c };
  }
  return { m: Infinity, correct: 0, wrong: 0, notFound: outcomes.length };
}

const fmt = (c: Counts, n: number): string =>
  `${`${c.correct} (${pct(c.correct, n)})`.padStart(14)} ${`${c.wrong} (${pct(c.wrong, n)})`.padStart(13)} ${`${c.notFound} (${pct(c.notFound, n)})`.padStart(14)}`;

const outcomes = evaluate({});
const n = outcomes.length;

console.log('Similo as published (14 properties, weights 1.5/0.5): top-1 over all candidates of the new page\n');
console.log(`${'app'.padEnd(16)} ${'n'.padStart(4)} ${'cand'.padStart(5)} ${'correct'.padStart(8)} ${'wrong'.padStart(6)}`);
for (const [name, app] of Object.entries(apps)) {
  const mine = outcomes.filter((o) => o.app === name);
  const right = mine.filter((o) => o.right).length;
  console.log(
    `${name.padEnd(16)} ${String(mine.length).padStart(4)} ${String(app.candidates.length).padStart(5)} ${String(right).padStart(8)} ${String(mine.length - right).padStart(6)}`,
  );
}
const right = outcomes.filter((o) => o.right).length;
console.log(`${'TOTAL'.padEnd(16)} ${String(n).padStart(4)} ${''.padStart(5)} ${String(right).padStart(8)} ${String(n - right).padStart(6)}`);
console.log(`\ntop-1: ${right}/${n} correct (${pct(right, n)}), ${n - right} wrong (${pct(n - right, n)}), 0 not found`);

console.log('\nwith a margin (abstain when (best − second) / best < margin):');
console.log(`${'margin'.padEnd(10)} ${'correct'.padStart(14)} ${'wrong'.padStart(13)} ${'not found'.padStart(14)}`);
for (const m of MARGINS) console.log(`${m.toFixed(4).padEnd(10)} ${fmt(atMargin(outcomes, m), n)}`);
const two = marginFor2pc(outcomes);
console.log(`${two.m.toFixed(4).padEnd(10)} ${fmt(two, n)}  ← smallest margin with ≤ 2 % wrong (in-sample)`);

const literal = evaluate({ derive: false });
const literalRight = literal.filter((o) => o.right).length;
const literalTwo = marginFor2pc(literal);
console.log(
  `\nrecords as stored (derive: false): top-1 ${literalRight}/${n} correct (${pct(literalRight, n)}), ${n - literalRight} wrong;` +
    ` margin ${literalTwo.m.toFixed(4)}: ${literalTwo.correct} correct (${pct(literalTwo.correct, n)}), ${literalTwo.wrong} wrong (${pct(literalTwo.wrong, n)}), ${literalTwo.notFound} not found`,
);
