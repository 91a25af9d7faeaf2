// `npm run bench:scam` (`-- --why`): the scam guard's checkHost (core/scam.ts) on each host list in bench/scam-hosts
// (tune.json, the detector author's; tune-2.json, a colleague's list held out once, then tuned on; frozen.json, a third list,
// held out, when present), beside two naive
// baselines measured in the same run:
//   (a) substring: not official, and an official brand appears anywhere in the host → lookalike;
//   (b) allow-list: not under gov.vn nor an official domain → lookalike.
// Prints per list: lookalikes flagged (n/N, %), false alarms on official and on other hosts, lookalikes flagged by
// rule tag, official hosts called 'official', the imitated site named right, time per host; then the goals
// (≥ 90 % of lookalikes flagged, 0 false alarms) met / NOT met. `--why` lists the tune list's misses and false
// alarms by host; the frozen list is only ever counted (its misses are never printed: measured, never tuned on).
// Writes bench-output/scam.json. A script, not a test: it never fails on figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkHost, hostOf, isOfficialHost, type Verdict } from '../core/scam';
import { OFFICIAL } from '../core/official-domains';
import { readHostList, SCAM_HOSTS_DIR, SCAM_LISTS, type LabelledHost, type ScamListName } from '../tests/support/scam-hosts';

const WHY = process.argv.includes('--why');
const GOAL_FLAGGED = 0.9;
const REPEATS = 20;
const ROOT = path.resolve(SCAM_HOSTS_DIR, '../..');

type Detector = (host: string) => { verdict: Verdict; imitates?: string };

const BRAND_WORDS = OFFICIAL.flatMap((e) => [...e.brands, ...(e.shortBrands ?? [])]);
const officialOnly = isOfficialHost;

const DETECTORS: Record<string, Detector> = {
  checkHost,
  'baseline (a) brand substring': (host) => {
    if (officialOnly(host)) return { verdict: 'official' };
    const h = hostOf(host);
    return { verdict: BRAND_WORDS.some((b) => h.includes(b)) || /gov.?vn/.test(h) ? 'lookalike' : 'other' };
  },
  'baseline (b) allow-list': (host) => ({ verdict: officialOnly(host) ? 'official' : 'lookalike' }),
};

interface Figures {
  lookalikes: number;
  flagged: number;
  official: number;
  officialRight: number;
  officialFalseAlarms: string[];
  other: number;
  otherFalseAlarms: string[];
  missed: string[];
  byRule: Record<string, { flagged: number; total: number }>;
  imitatesRight: number;
  microsPerHost: number;
}

/** Same organisation: the expected site and the named one share an entry of the official list, or are equal. */
function sameSite(expected: string | undefined, named: string | undefined): boolean {
  if (!expected || !named) return false;
  if (expected === named) return true;
  const entryOf = (host: string) => OFFICIAL.find((e) => e.home === host || e.domains.some((d) => host === d || host.endsWith(`.${d}`)));
  const a = entryOf(expected);
  return a !== undefined && a === entryOf(named);
}

function measure(hosts: readonly LabelledHost[], detect: Detector): Figures {
  const f: Figures = { lookalikes: 0, flagged: 0, official: 0, officialRight: 0, officialFalseAlarms: [], other: 0, otherFalseAlarms: [], missed: [], byRule: {}, imitatesRight: 0, microsPerHost: 0 };
  for (const h of hosts) {
    const got = detect(h.host);
    if (h.label === 'lookalike') {
      f.lookalikes++;
      const rule = (f.byRule[h.rule ?? '?'] ??= { flagged: 0, total: 0 });
      rule.total++;
      if (got.verdict === 'lookalike') {
        f.flagged++;
        rule.flagged++;
        if (sameSite(h.imitates, got.imitates)) f.imitatesRight++;
      } else f.missed.push(`${h.host} (${h.rule ?? '?'}, imitates ${h.imitates ?? '?'}) → ${got.verdict}`);
    } else if (h.label === 'official') {
      f.official++;
      if (got.verdict === 'official') f.officialRight++;
      if (got.verdict === 'lookalike') f.officialFalseAlarms.push(h.host);
    } else {
      f.other++;
      if (got.verdict === 'lookalike') f.otherFalseAlarms.push(h.host);
    }
  }
  const start = performance.now();
  for (let r = 0; r < REPEATS; r++) for (const h of hosts) detect(h.host);
  f.microsPerHost = ((performance.now() - start) * 1000) / (REPEATS * Math.max(1, hosts.length));
  return f;
}

const pct = (n: number, d: number): string => `${n}/${d} (${d ? ((100 * n) / d).toFixed(1) : '0.0'} %)`;
const goalsMet = (f: Figures): { flagged: boolean; noFalseAlarm: boolean } => ({
  flagged: f.lookalikes > 0 && f.flagged / f.lookalikes >= GOAL_FLAGGED,
  noFalseAlarm: f.officialFalseAlarms.length + f.otherFalseAlarms.length === 0,
});

function report(name: ScamListName, f: Figures, detector: string): void {
  const held = name === 'frozen';
  const list = (hosts: string[]): string => (held || !WHY || !hosts.length ? '' : `: ${hosts.join(', ')}`);
  console.log(`  ${detector}`);
  console.log(`    lookalikes flagged         ${pct(f.flagged, f.lookalikes)}`);
  console.log(`    false alarms on official   ${f.officialFalseAlarms.length} of ${f.official}${list(f.officialFalseAlarms)}`);
  console.log(`    false alarms on other      ${f.otherFalseAlarms.length} of ${f.other}${list(f.otherFalseAlarms)}`);
  console.log(`    official called official   ${pct(f.officialRight, f.official)}`);
  if (detector === 'checkHost') {
    console.log(`    imitated site named right  ${pct(f.imitatesRight, f.flagged)} of those flagged`);
    console.log(`    lookalikes flagged by rule ${Object.entries(f.byRule).map(([rule, r]) => `${rule} ${r.flagged}/${r.total}`).join(', ')}`);
  }
  console.log(`    time per host              ${f.microsPerHost.toFixed(1)} µs`);
  if (!held && WHY && detector === 'checkHost') for (const m of f.missed) console.log(`    missed ${m}`);
}

function main(): void {
  const results: Record<string, Record<string, Figures | { lookalikes: number; flagged: number; official: number; officialFalseAlarms: number; other: number; otherFalseAlarms: number; byRule: Figures['byRule']; microsPerHost: number }>> = {};
  const goals: string[] = [];
  for (const name of SCAM_LISTS) {
    const list = readHostList(name);
    if (!list) {
      console.log(`\n${name}.json: not present`);
      continue;
    }
    console.log(`\n${name}.json (${list.hosts.length} hosts, written ${list.written})`);
    results[name] = {};
    for (const [detector, detect] of Object.entries(DETECTORS)) {
      const f = measure(list.hosts, detect);
      report(name, f, detector);
      // The frozen list's hosts never leave the run: counts only.
      results[name][detector] =
        name === 'frozen'
          ? { lookalikes: f.lookalikes, flagged: f.flagged, official: f.official, officialFalseAlarms: f.officialFalseAlarms.length, other: f.other, otherFalseAlarms: f.otherFalseAlarms.length, byRule: f.byRule, microsPerHost: f.microsPerHost }
          : f;
      if (detector === 'checkHost') {
        const met = goalsMet(f);
        const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
        goals.push(`  ${name}: lookalikes flagged ≥ ${GOAL_FLAGGED * 100} %: ${pct(f.flagged, f.lookalikes)} — ${verdict(met.flagged)}`);
        goals.push(`  ${name}: 0 false alarms: ${f.officialFalseAlarms.length + f.otherFalseAlarms.length} — ${verdict(met.noFalseAlarm)}`);
      }
    }
  }
  console.log('\nGoals (checkHost):');
  for (const g of goals) console.log(g);
  if (!WHY && results.tune) console.log('\n(--why lists the tune list\'s misses and false alarms)');
  mkdirSync(path.join(ROOT, 'bench-output'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench-output', 'scam.json'), JSON.stringify({ goalFlagged: GOAL_FLAGGED, results }, null, 2));
}

main();
