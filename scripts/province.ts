// `npm run province -- <folder> [--out report/] [--lang en] [--tz +07:00] [--db file.duckdb]`: the province
// report from a folder of desk exports (province/run.ts). Prints progress on the terminal (stderr).
import { parseArgs } from 'node:util';
import { parseTz, runProvince } from '../province/run';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'report' }, lang: { type: 'string', default: 'vi' }, tz: { type: 'string', default: '+07:00' }, db: { type: 'string' } },
});
if (positionals.length !== 1 || (values.lang !== 'vi' && values.lang !== 'en')) {
  console.error('usage: npm run province -- <folder of exports> [--out report/] [--lang vi|en] [--tz +07:00] [--db report.duckdb]');
  process.exit(2);
}
let last = 0;
const result = await runProvince({
  input: positionals[0]!,
  out: values.out,
  lang: values.lang,
  tzMinutes: parseTz(values.tz),
  database: values.db,
  onProgress: (p) => {
    if (p.files < p.filesTotal && p.elapsedMs - last < 500) return;
    last = p.elapsedMs;
    process.stderr.write(`\r${p.files}/${p.filesTotal} files, ${p.records.toLocaleString('en')} records, ${(p.elapsedMs / 1000).toFixed(1)} s   `);
  },
});
process.stderr.write('\n');
console.log(
  `${result.read} files read, ${result.skippedNow} skipped, ${result.unchanged} unchanged; ${result.records} records after merging (${result.duplicates} duplicates); load ${(result.loadMs / 1000).toFixed(1)} s, report ${(result.reportMs / 1000).toFixed(1)} s`,
);
for (const s of result.skipped) console.log(`skipped ${s.path}: ${s.code} at ${s.field || '/'}`);
console.log(`report: ${values.out}/index.html`);
