// How to reach each page of the stand-in sites in the state its targets.json describes: the sessionStorage
// a flow leaves behind, or (for the banking SPA) clicking through with the ground-truth selectors.
// Used by the anchor benchmark and the capture script; set-up only, never measured.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { siteHosts, sitesDir, targetsFor } from './harness';
import { waitForTarget } from './targets';

export interface Visit {
  url: string;
  /** sessionStorage entries set on the origin before loading (the state a flow leaves behind). */
  session?: Record<string, unknown>;
  /** For the SPA: the route to reach after login (by clicking through with the ground-truth selectors). */
  spa?: 'trang-chu' | 'chuyen-tien' | 'xac-nhan' | 'ket-qua';
}

const HOSO = { ma: 'G22.99-261124-0001', fullName: 'Người Thử', ngayNop: '24/11/2026', quantity: 1, paid: false };
const KNOWN: Record<string, Visit> = {
  'dichvucong.gov.vn/tim-kiem': { url: 'https://dichvucong.gov.vn/tim-kiem.html?q=l%C3%BD%20l%E1%BB%8Bch%20t%C6%B0%20ph%C3%A1p' },
  'dichvucong.gov.vn/nop-ho-so': { url: 'https://dichvucong.gov.vn/nop-ho-so.html', session: { 'dvc.user': { name: 'Người Thử', id: '', loginAt: 1 } } },
  'dichvucong.gov.vn/ket-qua': { url: 'https://dichvucong.gov.vn/ket-qua.html', session: { 'dvc.hoso': HOSO } },
  'dichvucong.gov.vn/thanh-toan': { url: 'https://dichvucong.gov.vn/thanh-toan.html', session: { 'dvc.hoso': HOSO } },
  'sso.dancuquocgia.gov.vn/otp': { url: 'https://sso.dancuquocgia.gov.vn/otp.html', session: { 'sso.pending': { id: '001234567890', phone: '*******789' } } },
  'evn.example/hoa-don': { url: 'https://evn.example/hoa-don.html?ma=PE01000123456' },
  'evn.example/thanh-toan': { url: 'https://evn.example/thanh-toan.html?ma=PE01000123456' },
  'evn.example/thanh-cong': {
    url: 'https://evn.example/thanh-cong.html',
    session: { 'evn.paid': { code: 'PE01000123456', name: 'Người Thử', amount: 350000, channel: 'MoMo', ref: 'EVN123456789', time: '24/11/2026' } },
  },
};

/** Every page of the sites folder that has a targets file, with the state it needs. */
export function visits(dir = sitesDir()): { key: string; visit: Visit }[] {
  const out: { key: string; visit: Visit }[] = [];
  for (const host of siteHosts(dir)) {
    const files = readdirSync(path.join(dir, host), { recursive: true, encoding: 'utf8' }).sort();
    for (const rel of files) {
      if (!rel.endsWith('.targets.json') || rel === 'app.targets.json') continue;
      const page = rel.replace(/\.targets\.json$/, '').split(path.sep).join('/');
      const key = `${host}/${page}`;
      out.push({ key, visit: KNOWN[key] ?? { url: `https://${host}/${page}.html` } });
    }
    if (existsSync(path.join(dir, host, 'app.targets.json'))) {
      const routes = Object.keys(JSON.parse(readFileSync(path.join(dir, host, 'app.targets.json'), 'utf8')) as Record<string, unknown>);
      for (const route of routes) {
        out.push({ key: `${host}${route}`, visit: { url: `https://${host}${route}`, spa: route.slice(1) as Visit['spa'] } });
      }
    }
  }
  return out;
}

/** Open a page in the state its targets file describes; `dir` is the sites folder the browser is served. */
export async function reach(p: Page, visit: Visit, dir = sitesDir()): Promise<void> {
  const u = new URL(visit.url);
  if (visit.session) {
    await p.goto(`${u.origin}/__bench_blank__.txt`).catch(() => undefined);
    await p.evaluate((entries: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(entries)) sessionStorage.setItem(k, JSON.stringify(v));
    }, visit.session);
  }
  if (!visit.spa || visit.spa === undefined) {
    await p.goto(visit.url, { waitUntil: 'load' });
    return;
  }
  // The banking SPA: log in and click through with the ground-truth selectors (this is set-up, not measured).
  const T = (route: string): Record<string, string> => targetsFor(`${u.origin}${route}`, dir);
  const el = (sel: string) => waitForTarget(p, sel);
  const type = async (sel: string, text: string): Promise<void> => (await el(sel)).type(text);
  const click = async (sel: string): Promise<void> => (await el(sel)).click();
  const login = T('/dang-nhap');
  await p.goto(`${u.origin}/dang-nhap`, { waitUntil: 'load' });
  if (visit.spa === ('dang-nhap' as Visit['spa'])) return;
  await type(login.username!, 'nguoithu');
  await type(login.password!, 'matkhau1');
  await click(login['login-button']!);
  await el(T('/trang-chu')['menu-transfer']!);
  if (visit.spa === 'trang-chu') return;
  await click(T('/trang-chu')['menu-transfer']!);
  const ct = T('/chuyen-tien');
  await el(ct['account-number']!);
  if (visit.spa === 'chuyen-tien') return;
  await click(ct['bank-option-vietcombank']!);
  await type(ct['account-number']!, '0011223344');
  const receiver = await el(ct['receiver-name']!);
  await p.waitForFunction((r: Element) => !!(r as HTMLInputElement).value, {}, receiver);
  await type(ct.amount!, '50000');
  await type(ct.message!, 'chuyen tien');
  await click(ct['continue-button']!);
  const xn = T('/xac-nhan');
  await el(xn.otp!);
  if (visit.spa === 'xac-nhan') return;
  await type(xn.otp!, '123456');
  await click(xn['confirm-button']!);
  await el(T('/ket-qua')['success-title']!);
}

/** The visit for a URL: a known one for its page, else a plain load. */
export function visitFor(url: string): Visit {
  const u = new URL(url);
  const key = `${u.hostname}${u.pathname.replace(/\.html$/, '').replace(/\/$/, '/index')}`;
  return visits().find((v) => v.key === key)?.visit ?? { url };
}
