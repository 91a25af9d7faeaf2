// Before the e2e tests: check Chromium is there (say how to get it, install nothing), say how to get Firefox
// ESR when it is missing (only the Firefox test needs it), and build the extension for Chromium and for
// Firefox, and the widget, when their output is missing or older than any of their source files.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const manifest = path.join(root, '.output/chrome-mv3/manifest.json');
const SOURCES = ['entrypoints', 'components', 'core', 'extension', 'locales', 'walkthroughs', 'wxt.config.ts', 'build', 'package.json'];

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

const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean).find((p) => existsSync(p));
if (!firefox) {
  console.warn(
    'Firefox was not found: tests/e2e/firefox.test.ts will fail.\n' +
      '  Debian: sudo apt-get install -y firefox-esr (.ci/run does it)\n' +
      '  Elsewhere: set FIREFOX_PATH to a Firefox binary.',
  );
}

function ensure(what, output, sources, args) {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  const source = Math.max(...sources.map((s) => newest(path.join(root, s))));
  if (built < source) {
    console.log(`Building the ${what} (sources changed since the last build)…`);
    execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  } else {
    console.log(`${what[0].toUpperCase()}${what.slice(1)} build is up to date.`);
  }
}

const wxt = path.join(root, 'node_modules/wxt/bin/wxt.mjs');
ensure('extension', manifest, SOURCES, [wxt, 'build']);
ensure('Firefox extension', path.join(root, '.output/firefox-mv2/manifest.json'), SOURCES, [wxt, 'build', '-b', 'firefox']);
ensure('widget', path.join(root, '.output/widget/dan-buoc-widget.js'), ['widget', 'components', 'core', 'locales', 'build/locale-subset.ts', 'package.json'], [
  path.join(root, 'node_modules/tsx/dist/cli.mjs'),
  path.join(root, 'scripts/build-widget.ts'),
]);
