// Launching Debian's Chromium with the built extension against the stand-in sites: shared by the e2e
// tests, `npm start`, `npm run demo` and the anchor capture script.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');

/** The stand-in sites folder: DAN_BUOC_SITES, else ../shared/sites beside the project. */
export function sitesDir(): string {
  return path.resolve(ROOT, process.env.DAN_BUOC_SITES ?? '../shared/sites');
}

/** Hostnames served by the sites folder (its sub-folders named like hosts). */
export function siteHosts(dir = sitesDir()): string[] {
  return readdirSync(dir).filter((n) => n.includes('.') && statSync(path.join(dir, n)).isDirectory());
}

/** Chromium's path: CHROME_PATH, else Debian's /usr/bin/chromium. Throws with install advice. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROME_PATH to a Chromium/Chrome binary.',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface SitesServer {
  port: number;
  dir: string;
  hosts: string[];
  stop(): Promise<void>;
}

/** The stand-in sites shipped beside the project, whose serve.mjs also serves other versions (tests/sites/v2…). */
export const SHARED_SITES = path.resolve(ROOT, '../shared/sites');

/**
 * Serve a sites folder on a free port and wait until it answers: with the folder's own serve.mjs, or for a
 * folder of host folders only (the redesigns in tests/sites/), with the one in ../shared/sites.
 */
export async function startSites(dir = sitesDir(), port?: number): Promise<SitesServer> {
  const own = path.join(dir, 'serve.mjs');
  const serve = existsSync(own) ? own : path.join(SHARED_SITES, 'serve.mjs');
  if (!existsSync(serve)) throw new Error(`No serve.mjs in ${dir} nor in ${SHARED_SITES} (set DAN_BUOC_SITES to the stand-in sites folder)`);
  const usePort = port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [serve, dir, '--port', String(usePort)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve.mjs exited: ${output}`);
    if (await portOpen(usePort)) break;
    if (Date.now() > deadline) throw new Error(`serve.mjs did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port: usePort,
    dir,
    hosts: siteHosts(dir),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function portOpen(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.end();
      resolve(true);
    });
    // A reset after the check has answered must not become an uncaught error.
    s.on('error', () => resolve(false));
  });
}

export interface LaunchOptions {
  server: SitesServer;
  /** Load the built extension. @default true */
  extension?: boolean;
  /** @default true */
  headless?: boolean;
  /** @default { width: 1280, height: 800 } */
  viewport?: { width: number; height: number } | null;
}

export interface Launched {
  browser: Browser;
  userDataDir: string;
  close(): Promise<void>;
}

/** The flags this closed network and machine need (../shared/TOOLCHAIN.md), for every Chromium we launch. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The flags this closed network needs, and the real hostnames mapped to the local server. */
export function chromiumArgs(server: SitesServer): string[] {
  const rules = server.hosts.map((h) => `MAP ${h}:443 127.0.0.1:${server.port}`).join(', ');
  return [
    ...CHROMIUM_FLAGS,
    '--ignore-certificate-errors',
    `--host-resolver-rules=${rules}`,
    '--lang=vi-VN',
  ];
}

export async function launch(options: LaunchOptions): Promise<Launched> {
  const { server, extension = true, headless = true } = options;
  if (extension && !existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The extension is not built: run `npm run build` first.');
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'dan-buoc-profile-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless,
    pipe: true,
    userDataDir,
    acceptInsecureCerts: true,
    defaultViewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    enableExtensions: extension ? [EXTENSION_DIR] : false,
    args: chromiumArgs(server),
  });
  return {
    browser,
    userDataDir,
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker target, and the extension id taken from its URL. */
export async function extensionWorker(browser: Browser): Promise<{ target: Target; id: string }> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 15_000 },
  );
  return { target, id: new URL(target.url()).host };
}

/** Open the side panel page as an ordinary tab (the real panel needs a user gesture). */
export async function openSidePanel(browser: Browser, extensionId: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return page;
}

/**
 * The `*.targets.json` ground truth for a page of the sites folder: targetId → CSS selector.
 * `index.html` ↔ `index.targets.json`; the ebank SPA keeps one `app.targets.json` keyed by route.
 */
export function targetsFor(url: string, dir = sitesDir()): Record<string, string> {
  const u = new URL(url);
  const hostDir = path.join(dir, u.hostname);
  const app = path.join(hostDir, 'app.targets.json');
  if (existsSync(app)) {
    const byRoute = JSON.parse(readFileSync(app, 'utf8')) as Record<string, Record<string, string>>;
    return byRoute[u.pathname] ?? {};
  }
  let rel = u.pathname.replace(/^\//, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = path.join(hostDir, rel.replace(/\.html?$/, '') + '.targets.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/** A TypeScript module bundled as a classic script that sets `window[globalName]` (for page injection). */
export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    target: 'chrome120',
    // tsx/esbuild name-keeping helpers must not leak into page code.
    keepNames: false,
  });
  return out.outputFiles[0]!.text;
}

/** core/capture.ts (anchors + authoring rules) as a page script setting `window.__danBuocAnchors`. */
export function anchorsBundle(): Promise<string> {
  return bundleForPage('core/capture.ts', '__danBuocAnchors');
}
