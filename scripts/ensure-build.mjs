// Before the e2e tests: check Chromium is there (say how to get it, install nothing), and build the
// extension when .output is missing or older than any source file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const manifest = path.join(root, '.output/chrome-mv3/manifest.json');
const SOURCES = ['entrypoints', 'components', 'core', 'extension', 'locales', 'walkthroughs', 'wxt.config.ts', 'package.json'];

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((n) => newest(path.join(p, n))));
}

const chromium = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean).find((p) => existsSync(p));
if (!chromium) {
  console.error(
    'The end-to-end tests need Chromium, and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  Elsewhere: set CHROME_PATH to a Chromium or Chrome binary.\n' +
      'Nothing was installed.',
  );
  process.exit(1);
}

const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
const source = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
if (built < source) {
  console.log('Building the extension (sources changed since the last build)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: root, stdio: 'inherit' });
} else {
  console.log('Extension build is up to date.');
}
