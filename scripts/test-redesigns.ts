// `npm run test:redesigns [-- --runs 3]`: the end-to-end walkthrough tests with the stand-in sites replaced
// by the hand-written redesigns (tests/sites/v2, then the frozen v3). The packs' anchors stay as captured
// on ../shared/sites. Prints one line per run and set, and exits non-zero when any run failed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../tests/support/harness';

const WALKTHROUGH_TESTS = ['tests/e2e/vneid-login.test.ts', 'tests/e2e/ly-lich-tu-phap.test.ts', 'tests/e2e/walkthroughs.test.ts'];
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 1;
const results: string[] = [];
let failed = 0;
for (let run = 1; run <= runs; run++) {
  for (const version of ['v2', 'v3']) {
    const r = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', ...WALKTHROUGH_TESTS], {
      cwd: ROOT,
      env: { ...process.env, DAN_BUOC_SITES: path.join(ROOT, 'tests/sites', version) },
      encoding: 'utf8',
    });
    const summary = /Tests\s+(.*)/.exec(r.stdout.replace(new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'), ''))?.[1]?.trim() ?? 'no summary';
    if (r.status !== 0) failed++;
    results.push(`run ${run}, ${version}: ${summary}`);
    console.log(results.at(-1));
  }
}
process.exit(failed ? 1 : 0);
