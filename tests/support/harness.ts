// Launching Debian's Chromium (or Firefox ESR) with the built extension against the stand-in sites: shared
// by the e2e tests, `npm start`, `npm run demo` and the anchor capture script.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { pollFromNode } from './node-polled';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
/** The Firefox build (`npm run build:firefox`): MV2, a background page, the console as a sidebar page. */
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output', 'firefox-mv2');

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

/** Firefox's path: FIREFOX_PATH, else Debian's /usr/bin/firefox-esr (or firefox). Throws with install advice. */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Firefox not found. Install it with `sudo apt-get install -y firefox-esr` (Debian) or set FIREFOX_PATH to a Firefox binary.',
    );
  }
  return found;
}

export interface Tunnel {
  port: number;
  /** What the browser asked for and was refused (`CONNECT host:port`, or a plain request's URL). */
  refused: string[];
  stop(): Promise<void>;
}

/**
 * An HTTP proxy that only tunnels (CONNECT) port 443 of the sites' hostnames to the sites server and refuses
 * everything else: Firefox has no --host-resolver-rules, and its `network.dns.forceResolve` keeps port 443,
 * where nothing listens. TLS runs end to end between Firefox and serve.mjs (SNI and Host unchanged).
 */
export async function startTunnel(server: SitesServer): Promise<Tunnel> {
  const refused: string[] = [];
  const hosts = new Set(server.hosts);
  const sockets = new Set<Socket>();
  const proxy = createHttpServer((req, res) => {
    refused.push(req.url ?? '');
    res.writeHead(403, { connection: 'close' }).end();
  });
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    if (!host || port !== '443' || !hosts.has(host)) {
      refused.push(`CONNECT ${req.url ?? ''}`);
      client.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const upstream = connect(server.port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      // A browser closing a tunnel mid-handshake is no test failure.
      s.on('error', () => (s === client ? upstream : client).destroy());
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    refused,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve());
      }),
  };
}

export interface LaunchedFirefox extends Launched {
  /** The add-on id (the Firefox manifest's browser_specific_settings.gecko.id). */
  addonId: string;
  /** `moz-extension://<uuid>`: the extension's origin, fixed for this profile by a pref. */
  origin: string;
  tunnel: Tunnel;
}

/**
 * Firefox ESR over WebDriver BiDi with the Firefox build installed as a temporary add-on, the sites'
 * hostnames reaching the local server through a tunnelling proxy (other hosts refused; 127.0.0.1 goes
 * direct, as Firefox never proxies it), the self-signed certificate accepted, and a moz-extension UUID
 * chosen in advance (`extensions.webextensions.uuids`) so that the console page can be opened by URL.
 */
export async function launchFirefox(options: LaunchOptions): Promise<LaunchedFirefox> {
  const { server, extension = true, headless = true } = options;
  const manifestFile = path.join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (extension && !existsSync(manifestFile)) throw new Error('The Firefox extension is not built: run `npm run build:firefox` first.');
  const addonId = extension
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } }).browser_specific_settings?.gecko?.id
    : undefined;
  if (extension && !addonId) throw new Error(`${manifestFile} has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();
  const tunnel = await startTunnel(server);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'dan-buoc-firefox-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: firefoxPath(),
      headless,
      userDataDir,
      acceptInsecureCerts: true,
      defaultViewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
      // WebDriver BiDi navigates only to http(s), file, blob and about:blank unless the remote agent is allowed
      // privileged access: the console is a moz-extension:// page.
      args: ['-remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': tunnel.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': tunnel.port,
        // Nothing of this closed network is reached over HTTP/3, and nothing else is looked for.
        'network.http.http3.enable': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'intl.accept_languages': 'vi-VN, vi',
        ...(addonId ? { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }) } : {}),
      },
    });
  } catch (err) {
    await tunnel.stop();
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  // Every tab of this Firefox waits from Node (tests/support/node-polled.ts): ESR 140 refuses puppeteer's
  // in-page waiting code on pages with a CSP.
  const newPage = browser.newPage.bind(browser);
  Object.assign(browser, { newPage: async (...args: Parameters<Browser['newPage']>) => pollFromNode(await newPage(...args)) });
  const close = async (): Promise<void> => {
    await browser.close().catch(() => undefined);
    await tunnel.stop();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (extension) {
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR).catch(async (err: unknown) => {
      await close();
      throw err;
    });
    if (installed !== addonId) {
      await close();
      throw new Error(`Firefox installed the add-on as ${installed}, not ${addonId}`);
    }
  }
  return { browser, userDataDir, addonId: addonId ?? '', origin: `moz-extension://${uuid}`, tunnel, close };
}

/**
 * Open an extension page (`moz-extension://…`) in a new tab of Firefox and wait until it has loaded.
 * Firefox's WebDriver BiDi reports no navigation or load of web-extension contexts (bug 1755014: it filters
 * them out), so `page.goto` would wait for a load it is never told of, and `page.url()` stays
 * `about:blank`: the tab is navigated by the same BiDi command goto sends, and the load is waited for in
 * the page itself. Scripts evaluated in the tab then run in the extension page, with its `browser.*` API.
 */
export async function openExtensionPage(browser: Browser, url: string, timeout = 15_000): Promise<Page> {
  const page = await browser.newPage();
  // Puppeteer's BiDi frame keeps its browsing context; its navigate is what Frame.goto calls.
  const context = (page.mainFrame() as unknown as { browsingContext?: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> } })
    .browsingContext;
  if (typeof context?.navigate !== 'function') throw new Error('puppeteer-core no longer exposes the BiDi browsing context of a frame: update openExtensionPage');
  await context.navigate(url, 'complete');
  await page.waitForFunction((want: string) => location.href === want && document.readyState === 'complete', { timeout }, url);
  return page;
}

/** The extension's service worker target, and the extension id taken from its URL. */
export async function extensionWorker(browser: Browser): Promise<{ target: Target; id: string }> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 15_000 },
  );
  return { target, id: new URL(target.url()).host };
}

/**
 * Wait until the extension's worker has run its script (its listeners are in place): a message from an extension
 * page reaches a listener instead of failing with "Receiving end does not exist". On a fresh profile the worker
 * starts as the browser does, and a tab's events before its listeners exist are lost — after that first start the
 * browser wakes the worker for them. Opened and closed from a page: attaching to the worker would keep it alive.
 */
export async function workerListening(browser: Browser, extensionId: string, timeout = 15_000): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
    const deadline = Date.now() + timeout;
    for (;;) {
      const answered = await page.evaluate(() =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime
          .sendMessage({ type: 'ping-from-test' })
          .then(() => true, (e: unknown) => !/Receiving end does not exist/i.test(String(e))),
      );
      if (answered) return;
      if (Date.now() > deadline) throw new Error('the extension\'s worker never listened');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await page.close();
  }
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
