// A running test environment: the stand-in sites server and Chromium with the built extension.
import type { Browser } from 'puppeteer-core';
import { extensionWorker, launch, startSites, workerListening, type Launched, type SitesServer } from './harness';

export interface Env {
  server: SitesServer;
  chrome: Launched;
  browser: Browser;
  extensionId: string;
  close(): Promise<void>;
}

export async function setup(options: { headless?: boolean } = {}): Promise<Env> {
  const server = await startSites();
  const chrome = await launch({ server, headless: options.headless ?? true });
  const { id } = await extensionWorker(chrome.browser);
  await workerListening(chrome.browser, id);
  return {
    server,
    chrome,
    browser: chrome.browser,
    extensionId: id,
    close: async () => {
      await chrome.close();
      await server.stop();
    },
  };
}
