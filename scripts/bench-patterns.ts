// `npm run bench:patterns`: how long one page-pattern match takes as the pattern gains stars, on adversarial
// inputs (pattern `…/*a*a…*c*b`, page `…/aaa…ab`: the ends match, the 'c' is nowhere, so every way of
// placing the stars fails and the glob has to read the whole path),
// for core/url-pattern.ts's glob matcher beside the regular expression main used until issue 15.4 ('*' as
// '.*'), measured in the same run. The baseline stops once one match takes longer than BASELINE_BUDGET_MS:
// each further star multiplies its time. A script, not a test: it never fails on figures.
import { cpus, loadavg } from 'node:os';
import { globMatches, MAX_WILDCARDS } from '../core/url-pattern';

const BASELINE_BUDGET_MS = Number(process.env.BENCH_BASELINE_MS ?? 1000);
const STARS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 32, 64];
const SHORT = 40;
/** The longest page address a pack may name (core/pack.ts: 2048 characters). */
const LONG = 2000;
const HOST = 'https://a.gov.vn/';

/** The matcher on main at 040064b: each '*' became '.*' in one anchored regular expression. */
function regexMatches(pattern: string, key: string): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp('^' + escaped.join('.*') + '$').test(key);
}

const adversarial = (stars: number): string => (stars === 1 ? `${HOST}*cb` : HOST + '*a'.repeat(stars - 2) + '*c*b');
const page = (length: number): string => HOST + 'a'.repeat(length) + 'b';

/** Milliseconds per call: repeated until at least `minMs` have passed (one call when it is slow). */
function timeIt(fn: () => boolean, minMs = 40): { ms: number; result: boolean } {
  let result = false;
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    result = fn();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return { ms: elapsed / calls, result };
}

const fmt = (ms: number): string => (ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : ms >= 0.1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);

function main(): void {
  console.log(`Page patterns: one match on adversarial input (${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)})`);
  console.log(`pattern: ${HOST}*a*a…*c*b with N stars; page: ${HOST} + 'a' × length + 'b'. Packs may hold at most ${MAX_WILDCARDS} stars per pattern.\n`);
  const rows: string[][] = [['stars', `regex on main, ${SHORT}-char path`, `glob, ${SHORT}-char path`, `glob, ${LONG}-char path`, 'same answer']];
  let baselineOn = true;
  for (const n of STARS) {
    const pattern = adversarial(n);
    const short = page(SHORT);
    const long = page(LONG);
    const glob = timeIt(() => globMatches(pattern, short));
    const globLong = timeIt(() => globMatches(pattern, long));
    let regexCell = 'skipped (over budget)';
    let same = '';
    if (baselineOn) {
      // One call: a slow one is the point, repeating it would only lengthen the run.
      const start = performance.now();
      const result = regexMatches(pattern, short);
      const ms = performance.now() - start;
      regexCell = fmt(ms);
      same = result === glob.result ? 'yes' : 'NO';
      if (ms > BASELINE_BUDGET_MS) baselineOn = false;
    }
    rows.push([String(n), regexCell, fmt(glob.ms), fmt(globLong.ms), same]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}

main();
