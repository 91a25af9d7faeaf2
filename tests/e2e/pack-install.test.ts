// Installing a pack from an https address (the ward's site), checking it for a newer version, rolling back;
// a pack naming an origin outside the official list waits for the ward admin's explicit trust and is not
// installed meanwhile; a missing file, a file that is not JSON and a redirect are refused with a message.
// The ward's server is played by request interception on the console page (the address is an official host,
// so no run-time permission prompt is involved; those prompts cannot be answered by a test).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/harness';
import { SidePanelPage } from '../support/overlay-probe';
import { axe, clickWhenReady, typeWhenReady, useEnv } from './fixture';
import { privateItem } from './private-items';

const URL_PACK = 'https://evn.example/goi/tra-tien-dien.json';

interface StoredPack {
  id: string;
  version: string;
  walkthroughs: { steps: { text: { vi: string } }[] }[];
}
type Library = { packs: Record<string, StoredPack[]>; sources?: Record<string, string>; trusted: string[] };

function wardPack(version: string, firstHint: string, extraOrigin?: string): string {
  const pack = JSON.parse(readFileSync(path.join(ROOT, 'walkthroughs/evn.json'), 'utf8')) as StoredPack & { title: { vi: string }; origins: string[] };
  pack.id = 'evn-phuong';
  pack.version = version;
  pack.title = { vi: 'Trả tiền điện (gói của phường)' };
  pack.walkthroughs[0]!.steps[0]!.text.vi = firstHint;
  if (extraOrigin) pack.origins = [...pack.origins, extraOrigin];
  return JSON.stringify(pack);
}

async function library(page: Page): Promise<Library> {
  return (await privateItem<Library>(page, 'library')) ?? { packs: {}, trusted: [] };
}

async function message(page: Page, pattern: RegExp): Promise<string> {
  const handle = await page.waitForFunction(
    (source: string) => {
      const text = document.querySelector('[data-testid="packs-message"]')?.textContent ?? '';
      return new RegExp(source).test(text) ? text : false;
    },
    { timeout: 15_000 },
    pattern.source,
  );
  return (await handle.jsonValue()) as string;
}

describe('packs from an address', () => {
  const ctx = useEnv();

  it('installs from an https address, updates to a newer version, rolls back, and waits for the ward admin before trusting another origin', async () => {
    const panel = await SidePanelPage.open(ctx.env);
    const page = panel.page;
    let served: { status: number; body: string; headers?: Record<string, string> } = { status: 200, body: wardPack('1.0.0', 'Nhập mã khách hàng (bản của phường).') };
    await page.setRequestInterception(true);
    page.on('request', (req: HTTPRequest) => {
      if (req.url().startsWith('https://evn.example/goi/')) void req.respond({ status: served.status, contentType: 'application/json', body: served.body, headers: served.headers ?? {} });
      else void req.continue();
    });
    await clickWhenReady(page, 'details.settings > summary');
    const install = async (url: string): Promise<void> => {
      await page.$eval('[data-testid="pack-url"]', (el) => ((el as HTMLInputElement).value = ''));
      await typeWhenReady(page, '[data-testid="pack-url"]', url);
      await clickWhenReady(page, '[data-testid="pack-url-install"]');
    };

    // Only https addresses can be installed from.
    await typeWhenReady(page, '[data-testid="pack-url"]', 'http://evn.example/goi/x.json');
    expect(await page.$eval('[data-testid="pack-url-install"]', (el) => (el as HTMLButtonElement).disabled)).toBe(true);

    await install(URL_PACK);
    await message(page, /Đã cài «Trả tiền điện \(gói của phường\)», phiên bản 1\.0\.0/);
    let lib = await library(page);
    expect(lib.packs['evn-phuong']!.map((p) => p.version)).toEqual(['1.0.0']);
    expect(lib.sources?.['evn-phuong']).toBe(URL_PACK);

    // Nothing newer yet; then the ward publishes 1.1.0.
    await clickWhenReady(page, '[data-pack="evn-phuong"] [data-testid="pack-update"]');
    await message(page, /bản mới nhất/);
    served = { status: 200, body: wardPack('1.1.0', 'Nhập mã khách hàng in trên hóa đơn.') };
    await clickWhenReady(page, '[data-pack="evn-phuong"] [data-testid="pack-update"]');
    await message(page, /Đã cập nhật .* 1\.1\.0/);
    lib = await library(page);
    expect(lib.packs['evn-phuong']!.map((p) => p.version)).toEqual(['1.0.0', '1.1.0']);
    expect(lib.packs['evn-phuong']!.at(-1)!.walkthroughs[0]!.steps[0]!.text.vi).toBe('Nhập mã khách hàng in trên hóa đơn.');
    await clickWhenReady(page, '[data-pack="evn-phuong"] [data-testid="pack-rollback"]');
    await page.waitForFunction(() => /· 1\.0\.0/.test(document.querySelector('[data-pack="evn-phuong"]')?.textContent ?? ''));

    // A broken update (markup in a hint) is refused with the field's path; the installed version stays.
    served = { status: 200, body: wardPack('1.2.0', 'Bấm <a href="https://lua-dao.example">đây</a>') };
    await clickWhenReady(page, '[data-pack="evn-phuong"] [data-testid="pack-update"]');
    expect(await message(page, /Không cài/)).toContain('/walkthroughs/0/steps/0/text/vi');
    expect((await library(page)).packs['evn-phuong']!.at(-1)!.version).toBe('1.0.0');

    // Missing file, not JSON, a redirect elsewhere: refused with a message, nothing installed.
    served = { status: 404, body: 'not found' };
    await install('https://evn.example/goi/khong-co.json');
    expect(await message(page, /Không tải được/)).toContain('404');
    served = { status: 200, body: '<html>trang chủ</html>' };
    await install('https://evn.example/goi/trang.json');
    expect(await message(page, /Không cài/)).toContain('JSON');
    served = { status: 302, body: '', headers: { location: 'https://lua-dao.example/goi.json' } };
    await install('https://evn.example/goi/chuyen-huong.json');
    await message(page, /Không tải được/);

    // Another origin: the ward admin must say so explicitly; until then nothing is installed or trusted.
    served = { status: 200, body: wardPack('2.0.0', 'Nhập mã khách hàng.', 'https://thanhtoan-dien.example') };
    await install('https://evn.example/goi/co-nguon-khac.json');
    const refused = await message(page, /quản trị viên phường/);
    expect(refused).toContain('/origins/1');
    expect(await page.$eval('[data-testid="trust-box"]', (el) => el.textContent)).toContain('https://thanhtoan-dien.example');
    expect(await page.$eval('[data-testid="trust-install"]', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
    expect(await axe(page)).toEqual([]);
    await clickWhenReady(page, '[data-testid="trust-sure"]');
    expect(await page.$eval('[data-testid="trust-install"]', (el) => (el as HTMLButtonElement).disabled)).toBe(false);
    await clickWhenReady(page, '[data-testid="trust-box"] button:not([data-testid])');
    await page.waitForFunction(() => !document.querySelector('[data-testid="trust-box"]'));
    lib = await library(page);
    expect(lib.trusted).toEqual([]);
    expect(lib.packs['evn-phuong']!.at(-1)!.version).toBe('1.0.0');
    expect(JSON.stringify(lib)).not.toContain('thanhtoan-dien');
  });
});
