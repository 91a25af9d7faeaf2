// Synthetic paper documents for the OCR helper's benchmark and e2e test: an EVN electricity bill, a căn
// cước card, a bank transfer receipt and a dossier receipt with random known codes and Vietnamese text,
// rendered in Chromium, then photographed badly on purpose (rotation up to 5°, blur, low contrast, noise,
// a lower resolution, JPEG). Seeded: the same seed gives the same documents and the same damage.
import type { Browser, Page } from 'puppeteer-core';
import { mulberry32 } from './random';

export type DocKind = 'evn-bill' | 'cccd-card' | 'bank-receipt' | 'dossier-receipt';
export const DOC_KINDS: readonly DocKind[] = ['evn-bill', 'cccd-card', 'bank-receipt', 'dossier-receipt'];

export interface Expected {
  kind: string;
  value: string;
}

export interface Doc {
  kind: DocKind;
  html: string;
  /** The codes printed on it, normalised as extractFields reports them. */
  expected: Expected[];
}

export interface Damage {
  /** Degrees, clockwise. */
  rotate: number;
  /** Gaussian blur radius in CSS px. */
  blur: number;
  /** 1: full contrast; 0.45: a faded, grey photo. */
  contrast: number;
  /** Standard deviation of the added noise, in grey levels. */
  noise: number;
  /** Output pixels per CSS pixel of the document (1: about 90 dpi for an A4 page; 1.6: about 150 dpi). */
  scale: number;
  /** JPEG quality 0–1. */
  jpeg: number;
}

export const NO_DAMAGE: Damage = { rotate: 0, blur: 0, contrast: 1, noise: 0, scale: 1.5, jpeg: 0.95 };

/** A small seeded PRNG (Mulberry32, shared with the other benchmarks' fixtures). */
export const rng = mulberry32;

const PROVINCES = ['001', '008', '022', '024', '031', '036', '038', '040', '046', '048', '052', '056', '066', '075', '079', '089', '092', '096'];
const MOBILE_PREFIXES = ['032', '035', '038', '056', '070', '077', '079', '081', '085', '086', '088', '090', '091', '093', '094', '096', '097', '098'];
const EVN_REGIONS = ['PA', 'PB', 'PC', 'PD', 'PE', 'PH', 'PK', 'PM', 'PN', 'PP', 'PQ'];
const AGENCIES = ['G22.99', 'H29.12', '000.00.12.H29', 'G01.35', 'H48.7'];
const NAMES = ['NGUYỄN THỊ HOA', 'TRẦN VĂN BÌNH', 'LÊ THỊ MAI', 'PHẠM QUỐC HÙNG', 'HOÀNG THỊ THU', 'VŨ ĐỨC THẮNG', 'ĐẶNG THỊ LAN'];
const STREETS = ['Số 12 ngõ 34 phố Hàng Bạc', 'Số 5 đường Lê Lợi', 'Tổ 7 khu phố 3', 'Số 88 đường Trần Hưng Đạo', 'Thôn Đông, xã Yên Sở'];
const WARDS = ['phường Hoàn Kiếm, Hà Nội', 'phường Bến Thành, TP. Hồ Chí Minh', 'phường Hải Châu, Đà Nẵng', 'phường Lê Chân, Hải Phòng'];
const BANKS = ['Ngân hàng TMCP Ngoại thương Việt Nam', 'Ngân hàng Nông nghiệp và Phát triển Nông thôn', 'Ngân hàng TMCP Công thương Việt Nam'];
const PROCEDURES = ['Cấp Phiếu lý lịch tư pháp', 'Đăng ký thường trú', 'Cấp giấy chứng nhận quyền sử dụng đất', 'Đăng ký khai sinh'];

function digits(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}
const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const dots = (v: string): string => v.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function randomCccd(r: () => number): string {
  return pick(r, PROVINCES) + String(Math.floor(r() * 4)) + digits(r, 8);
}
export function randomPhone(r: () => number): string {
  return pick(r, MOBILE_PREFIXES) + digits(r, 7);
}
function randomAmount(r: () => number): string {
  return String((1 + Math.floor(r() * 9999)) * 100 + (r() < 0.3 ? 1_000_000 : 0));
}

const PAGE_CSS = `
  * { box-sizing: border-box; }
  body { margin: 0; background: #fff; font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #1a1a1a; }
  .doc { width: 760px; padding: 28px 34px; background: #fffdf7; }
  h1 { font-size: 24px; text-align: center; margin: 6px 0 12px; }
  .small { font-size: 14px; color: #333; text-align: center; margin: 2px 0; }
  table { border-collapse: collapse; width: 100%; font-size: 18px; }
  td { padding: 5px 6px; vertical-align: top; }
  td.k { width: 42%; color: #333; }
  .code { font-weight: 700; font-size: 21px; letter-spacing: 0.02em; }
  .box { border: 2px solid #444; border-radius: 6px; padding: 8px 10px; margin: 10px 0; }
  .foot { font-size: 13px; color: #555; margin-top: 12px; }
  .card { width: 760px; padding: 22px 28px; background: linear-gradient(135deg, #e9f2ff, #fdfcf2); border-radius: 18px; border: 1px solid #9ab; }
  .card .photo { float: left; width: 150px; height: 190px; background: #c9d3de; border-radius: 6px; margin: 6px 22px 6px 0; }
`;

function page(body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body>${body}</body></html>`;
}
function rows(pairs: [string, string, boolean?][]): string {
  return `<table>${pairs.map(([k, v, code]) => `<tr><td class="k">${esc(k)}</td><td${code ? ' class="code"' : ''}>${esc(v)}</td></tr>`).join('')}</table>`;
}

export function makeDoc(kind: DocKind, r: () => number): Doc {
  const name = pick(r, NAMES);
  const address = `${pick(r, STREETS)}, ${pick(r, WARDS)}`;
  switch (kind) {
    case 'evn-bill': {
      const code = pick(r, EVN_REGIONS) + digits(r, 11);
      const phone = randomPhone(r);
      const kwh = 80 + Math.floor(r() * 400);
      const amount = String(Math.round((kwh * 2450) / 100) * 100);
      const html = page(`<div class="doc">
        <p class="small">TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM — TỔNG CÔNG TY ĐIỆN LỰC</p>
        <h1>HOÁ ĐƠN GIÁ TRỊ GIA TĂNG (TIỀN ĐIỆN)</h1>
        <p class="small">Kỳ thanh toán: tháng ${1 + Math.floor(r() * 12)}/2026 — từ ngày 01 đến ngày 30</p>
        ${rows([
          ['Tên khách hàng:', name],
          ['Địa chỉ:', address],
          ['Mã khách hàng:', code, true],
          ['Điện thoại:', `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`],
          ['Mã số thuế:', digits(r, 10)],
          ['Số công tơ:', digits(r, 8)],
          ['Chỉ số cũ / mới:', `${1000 + kwh} / ${1000 + 2 * kwh}`],
          ['Điện năng tiêu thụ:', `${kwh} kWh`],
          ['Đơn giá bình quân:', '2.450 đ/kWh'],
        ])}
        <div class="box">${rows([['Tổng tiền thanh toán:', `${dots(amount)} đ`, true]])}</div>
        <p class="foot">Quý khách vui lòng thanh toán trước ngày 15. Tổng đài chăm sóc khách hàng: 19006769.</p>
      </div>`);
      return { kind, html, expected: [{ kind: 'evn-customer', value: code }, { kind: 'phone', value: phone }, { kind: 'amount', value: amount }] };
    }
    case 'cccd-card': {
      const id = randomCccd(r);
      const year = 1945 + Math.floor(r() * 60);
      const html = page(`<div class="card">
        <p class="small"><b>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>
        <p class="small">Độc lập - Tự do - Hạnh phúc</p>
        <h1>CĂN CƯỚC CÔNG DÂN</h1>
        <div class="photo"></div>
        <p style="margin:4px 0;font-size:15px">Số định danh cá nhân / Personal identification number:</p>
        <p class="code" style="font-size:28px;margin:2px 0 10px">${id}</p>
        <p style="margin:4px 0;font-size:17px">Họ và tên / Full name: <b>${esc(name)}</b></p>
        <p style="margin:4px 0;font-size:17px">Ngày sinh / Date of birth: ${String(1 + Math.floor(r() * 28)).padStart(2, '0')}/${String(1 + Math.floor(r() * 12)).padStart(2, '0')}/${year}</p>
        <p style="margin:4px 0;font-size:17px">Giới tính / Sex: ${r() < 0.5 ? 'Nữ' : 'Nam'} &nbsp; Quốc tịch / Nationality: Việt Nam</p>
        <p style="margin:4px 0;font-size:17px">Quê quán / Place of origin: ${esc(pick(r, WARDS))}</p>
        <p style="margin:4px 0;font-size:17px">Nơi thường trú / Place of residence: ${esc(address)}</p>
        <p style="margin:4px 0;font-size:14px;clear:both">Có giá trị đến: 31/12/${2030 + Math.floor(r() * 20)}</p>
      </div>`);
      return { kind, html, expected: [{ kind: 'cccd', value: id }] };
    }
    case 'bank-receipt': {
      const account = digits(r, 10 + Math.floor(r() * 4)).replace(/^0*/, '1');
      const amount = randomAmount(r);
      const grouped = account.replace(/(\d{4})(?=\d)/g, '$1 ');
      const html = page(`<div class="doc">
        <p class="small">${esc(pick(r, BANKS))}</p>
        <h1>BIÊN LAI CHUYỂN TIỀN</h1>
        ${rows([
          ['Ngày giao dịch:', `${String(1 + Math.floor(r() * 28)).padStart(2, '0')}/11/2026 10:${String(Math.floor(r() * 60)).padStart(2, '0')}`],
          ['Mã giao dịch:', `FT26${digits(r, 9)}`],
          ['Tài khoản chuyển:', `${digits(r, 4)} **** ${digits(r, 3)}`],
          ['Số tài khoản nhận:', grouped, true],
          ['Tên người nhận:', name],
          ['Số tiền:', `${dots(amount)} VND`, true],
          ['Phí giao dịch:', 'Miễn phí'],
          ['Nội dung:', `${name} chuyen tien`],
        ])}
        <p class="foot">Giao dịch thành công. Cảm ơn Quý khách đã sử dụng dịch vụ.</p>
      </div>`);
      return { kind, html, expected: [{ kind: 'bank-account', value: account }, { kind: 'amount', value: amount }] };
    }
    case 'dossier-receipt': {
      const month = 1 + Math.floor(r() * 12);
      const day = 1 + Math.floor(r() * 28);
      const code = `${pick(r, AGENCIES)}-26${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}-${digits(r, 4)}`;
      const phone = randomPhone(r);
      const id = randomCccd(r);
      const fee = String((1 + Math.floor(r() * 20)) * 10_000);
      const html = page(`<div class="doc">
        <p class="small">ỦY BAN NHÂN DÂN PHƯỜNG — BỘ PHẬN MỘT CỬA</p>
        <h1>GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1>
        ${rows([
          ['Mã hồ sơ:', code, true],
          ['Thủ tục:', pick(r, PROCEDURES)],
          ['Người nộp:', name],
          ['Số định danh:', id],
          ['Số điện thoại:', phone],
          ['Địa chỉ:', address],
          ['Ngày hẹn trả:', `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2026`],
          ['Lệ phí:', `${dots(fee)} đồng`],
        ])}
        <p class="foot">Tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công bằng mã hồ sơ.</p>
      </div>`);
      return {
        kind,
        html,
        expected: [
          { kind: 'dossier-code', value: code },
          { kind: 'cccd', value: id },
          { kind: 'phone', value: phone },
          { kind: 'amount', value: fee },
        ],
      };
    }
  }
}

/**
 * Damage of a desk photo, each parameter drawn within the benchmark's limits: turned up to 5° either way,
 * out of focus by up to 1.2 px (at the photo's resolution), contrast down to 45%, sensor noise σ 4–16
 * grey levels, 100–160 dpi for an A4 page (a 1080p webcam or a phone photo of the part with the codes),
 * JPEG quality 45–85%.
 */
export function randomDamage(r: () => number): Damage {
  return {
    rotate: (r() * 2 - 1) * 5,
    blur: r() * 1.2,
    contrast: 0.45 + r() * 0.45,
    noise: 4 + r() * 12,
    scale: 1.1 + r() * 0.6,
    jpeg: 0.45 + r() * 0.4,
  };
}

/** Render a document in `page` and photograph it with `damage`: an encoded image (JPEG, or PNG without damage). */
export async function renderDoc(page: Page, doc: Doc, damage: Damage, seed: number): Promise<{ bytes: Buffer; type: string; width: number; height: number }> {
  await page.setContent(doc.html, { waitUntil: 'load' });
  const el = (await page.$('.doc, .card'))!;
  const png = Buffer.from(await el.screenshot({ type: 'png', omitBackground: false }));
  const out = await page.evaluate(
    async (b64: string, d: Damage, s: number) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      // The screenshot is at 2 device pixels per CSS pixel; the photo's resolution is `scale` per CSS pixel.
      const k = d.scale / 2;
      // Paper on a desk: a margin of darker background around the page, then the damage.
      const margin = Math.round(img.width * 0.06);
      const w = Math.round((img.width + 2 * margin) * k);
      const h = Math.round((img.height + 2 * margin) * k);
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#8a8275';
      ctx.fillRect(0, 0, w, h);
      ctx.translate(w / 2, h / 2);
      ctx.rotate((d.rotate * Math.PI) / 180);
      ctx.scale(k, k);
      if (d.blur > 0) ctx.filter = `blur(${d.blur / k}px)`;
      ctx.drawImage(img, -img.width / 2, -img.height / 2);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.filter = 'none';
      const data = ctx.getImageData(0, 0, w, h);
      // Low contrast around a slightly dim mid-grey, plus sensor noise (Box–Muller over random.ts's
      // mulberry32 inlined: no named helpers in page code, tsx would wrap them in a __name() the page lacks).
      let a = s >>> 0;
      const u = [0, 0];
      const mid = 150;
      for (let i = 0; i < data.data.length; i += 4) {
        for (let k = 0; k < 2; k++) {
          a = (a + 0x6d2b79f5) >>> 0;
          let t = a;
          t = Math.imul(t ^ (t >>> 15), t | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          u[k] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        }
        const n = d.noise > 0 ? Math.sqrt(-2 * Math.log(u[0]! + 1e-12)) * Math.cos(2 * Math.PI * u[1]!) * d.noise : 0;
        for (let c = 0; c < 3; c++) data.data[i + c] = mid + (data.data[i + c]! - mid) * d.contrast + n;
      }
      ctx.putImageData(data, 0, 0);
      const type = d.jpeg < 0.95 ? 'image/jpeg' : 'image/png';
      const url = canvas.toDataURL(type, d.jpeg);
      return { b64: url.slice(url.indexOf(',') + 1), type, width: w, height: h };
    },
    png.toString('base64'),
    damage,
    seed,
  );
  return { bytes: Buffer.from(out.b64, 'base64'), type: out.type, width: out.width, height: out.height };
}

/** A page to render documents in (no extension needed). */
export async function docPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 1100, deviceScaleFactor: 2 });
  return page;
}

/**
 * A PNG as a one-frame YUV4MPEG2 (4:2:0) video, for Chromium's fake webcam
 * (`--use-file-for-fake-video-capture`). Odd sizes are cut to even.
 */
export async function pngToY4m(png: Buffer): Promise<Buffer> {
  const { PNG } = await import('pngjs');
  const img = PNG.sync.read(png);
  const w = img.width & ~1;
  const h = img.height & ~1;
  const y = Buffer.alloc(w * h);
  const u = Buffer.alloc((w / 2) * (h / 2));
  const v = Buffer.alloc((w / 2) * (h / 2));
  const px = (x: number, yy: number): [number, number, number] => {
    const i = (yy * img.width + x) * 4;
    return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
  };
  for (let yy = 0; yy < h; yy++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b] = px(x, yy);
      y[yy * w + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  for (let yy = 0; yy < h; yy += 2) {
    for (let x = 0; x < w; x += 2) {
      const [r, g, b] = px(x, yy);
      const i = (yy / 2) * (w / 2) + x / 2;
      u[i] = Math.max(0, Math.min(255, Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)));
      v[i] = Math.max(0, Math.min(255, Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)));
    }
  }
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), y, u, v]);
}
