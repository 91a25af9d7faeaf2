// Documents residents bring to the desk, laid out after the real ones (for the photo benchmark, issue 18 item 1):
// an A4 EVN e-invoice, an EVN thermal notice, căn cước fronts (2021 chip card, 2024 card) with their QR, a payment
// order (ủy nhiệm chi), a deposit slip (giấy nộp tiền), an ATM slip, banking-app screens and the portal's dossier
// receipt. Written independently of tests/support/ocr-docs.ts (the generator set the pipeline is tuned on): other
// layouts, fonts, distracting numbers. Every value is invented; names and addresses are common ones, no real person.
//
// Each document lists its codes (what a volunteer would copy: must be found by extractFields on the clean text, or
// be carried by a QR), other values of a field kind genuinely printed (a subtotal, a fee: true if offered, not
// required unless extractFields reports them on the clean text) and the distracting numbers it prints on purpose.
import { generate } from 'lean-qr';
import { tlv, vietQr } from '../../tests/support/qr-codes';
import type { Rng } from '../../tests/support/random';
import { amountInWords, dotted } from './words';

import { PHOTO_DOC_KINDS, type PhotoDocKind } from '../../tests/support/ocr-photos';

export { PHOTO_DOC_KINDS, type PhotoDocKind };

export interface TrueValue {
  kind: string;
  value: string;
  /** Carried by a QR code on the document (and maybe printed too). */
  qr: boolean;
  /** Printed as text on the document (false: only in a QR). */
  printed: boolean;
}

export interface PhotoDoc {
  kind: PhotoDocKind;
  /** A whole HTML page whose `#doc` element is the document. */
  html: string;
  /** CSS width of `#doc`. */
  width: number;
  /** A phone screen: captured as a screenshot at this device pixel ratio, not photographed. */
  screenDpr?: number;
  codes: TrueValue[];
  /** Values of a field kind genuinely printed that are not what a resident comes to copy (subtotals, a fee …). */
  secondary: { kind: string; value: string }[];
  /** Numbers printed that are not codes (dates, house numbers, serials, times …), for the report. */
  distractors: string[];
}

// ---------------------------------------------------------------------------------------------
// Random pieces

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const digits = (r: Rng, n: number): string => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Huỳnh', 'Phan', 'Đỗ', 'Ngô'];
const MIDDLE_M = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thành'];
const MIDDLE_F = ['Thị', 'Thị Thu', 'Ngọc', 'Thị Bích', 'Thị Kim'];
const GIVEN_M = ['An', 'Bình', 'Tám', 'Phúc', 'Hùng', 'Dũng', 'Tuấn', 'Lộc', 'Sơn'];
const GIVEN_F = ['Hoa', 'Lan', 'Hà', 'Ngọc', 'Mai', 'Hương', 'Cúc', 'Nga', 'Yến'];

interface Person {
  name: string;
  male: boolean;
  /** dd/mm/yyyy */
  birth: string;
  birthYear: number;
  province: { code: string; name: string };
  address: string;
  phone: string;
  cccd: string;
}

const PROVINCES = [
  { code: '001', name: 'Hà Nội' },
  { code: '079', name: 'TP. Hồ Chí Minh' },
  { code: '048', name: 'Đà Nẵng' },
  { code: '046', name: 'Thừa Thiên Huế' },
  { code: '082', name: 'Tiền Giang' },
  { code: '092', name: 'Cần Thơ' },
  { code: '031', name: 'Hải Phòng' },
  { code: '038', name: 'Thanh Hóa' },
  { code: '036', name: 'Nam Định' },
  { code: '075', name: 'Đồng Nai' },
];

const STREETS = [
  '158 Đồng Khởi, P. Bến Nghé, Q.1',
  '27 Lý Thường Kiệt, P. Hàng Bài, Q. Hoàn Kiếm',
  '45/12 Nguyễn Trãi, Phường 2, Quận 5',
  'Số 9 ngõ 120 Trần Phú, P. Văn Quán, Q. Hà Đông',
  'Tổ 3, ấp Bình Thạnh, xã Tân Phú',
  '112 Hùng Vương, P. Phú Nhuận',
  '86 Bạch Đằng, P. Hải Châu 1, Q. Hải Châu',
  '203/7 Lê Văn Sỹ, Phường 13, Quận 3',
  'Thôn Đông, xã Hải Vân, huyện Hải Hậu',
  '61 Trần Hưng Đạo, P. Ninh Kiều',
];

const MOBILE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '086', '088', '089', '032', '035', '038', '070', '077', '079', '083', '085', '056', '058'];

function person(r: Rng): Person {
  const male = r() < 0.5;
  const name = `${pick(r, FAMILY)} ${pick(r, male ? MIDDLE_M : MIDDLE_F)} ${pick(r, male ? GIVEN_M : GIVEN_F)}`;
  const birthYear = int(r, 1942, 2005);
  const birth = `${pad(int(r, 1, 28))}/${pad(int(r, 1, 12))}/${birthYear}`;
  const province = pick(r, PROVINCES);
  // The century-and-sex digit: 0/1 born 1900–1999 (male/female), 2/3 born 2000–2099.
  const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (male ? 0 : 1);
  const cccd = `${province.code}${centuryDigit}${pad(birthYear % 100)}${digits(r, 6)}`;
  const phone = `${pick(r, MOBILE_PREFIXES)}${digits(r, 7)}`;
  return { name, male, birth, birthYear, province, address: `${pick(r, STREETS)}, ${province.name}`, phone, cccd };
}

/** A phone number as people print it: "0912 345 678", "0912.345.678" or plain. */
function phoneText(r: Rng, p: string): string {
  const style = int(r, 0, 2);
  if (style === 0) return `${p.slice(0, 4)} ${p.slice(4, 7)} ${p.slice(7)}`;
  if (style === 1) return `${p.slice(0, 4)}.${p.slice(4, 7)}.${p.slice(7)}`;
  return p;
}

const date = (r: Rng, year = 2025): string => `${pad(int(r, 1, 28))}/${pad(int(r, 1, 12))}/${year}`;
const time = (r: Rng): string => `${pad(int(r, 7, 17))}:${pad(int(r, 0, 59))}`;

interface Bank {
  short: string;
  name: string;
  bin: string;
  account: (r: Rng) => string;
}

/** Account numbers whose digits could pass for a mobile number or a CCCD by shape are drawn again. */
function account(r: Rng, make: (r: Rng) => string): string {
  for (;;) {
    const a = make(r);
    if (/^0[35789]\d{8}$/.test(a) || /^0\d{11}$/.test(a)) continue;
    return a;
  }
}

const BANKS: Bank[] = [
  { short: 'Vietcombank', name: 'Ngân hàng TMCP Ngoại thương Việt Nam', bin: '970436', account: (r) => account(r, () => `${pick(r, ['0071', '0451', '1012'])}00${digits(r, 7)}`) },
  { short: 'BIDV', name: 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam', bin: '970418', account: (r) => account(r, () => `${pick(r, ['125', '311', '212'])}${digits(r, 11)}`) },
  { short: 'VietinBank', name: 'Ngân hàng TMCP Công Thương Việt Nam', bin: '970415', account: (r) => account(r, () => `10${digits(r, 10)}`) },
  { short: 'Agribank', name: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn', bin: '970405', account: (r) => account(r, () => `${pick(r, ['1500', '5100', '2601'])}${digits(r, 9)}`) },
  { short: 'Techcombank', name: 'Ngân hàng TMCP Kỹ Thương Việt Nam', bin: '970407', account: (r) => account(r, () => `1903${digits(r, 10)}`) },
  { short: 'MB', name: 'Ngân hàng TMCP Quân đội', bin: '970422', account: (r) => account(r, () => `${int(r, 1, 9)}${digits(r, int(r, 8, 12))}`) },
  { short: 'ACB', name: 'Ngân hàng TMCP Á Châu', bin: '970416', account: (r) => account(r, () => `${int(r, 1, 9)}${digits(r, 8)}`) },
  { short: 'TPBank', name: 'Ngân hàng TMCP Tiên Phong', bin: '970423', account: (r) => account(r, () => `${int(r, 1, 9)}${digits(r, 10)}`) },
];

/** A round-ish amount of money in đồng between lo and hi. */
function money(r: Rng, lo: number, hi: number, step: number): number {
  return Math.round((lo + r() * (hi - lo)) / step) * step;
}

/** A QR code as inline SVG: `size` CSS px, `quiet` modules of light margin. */
export function qrSvg(text: string, size: number, quiet = 3, ink = '#111'): string {
  const qr = generate(text);
  const n = qr.size + 2 * quiet;
  let d = '';
  for (let y = 0; y < qr.size; y++) for (let x = 0; x < qr.size; x++) if (qr.get(x, y)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" width="${size}" height="${size}" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><path fill="${ink}" d="${d}"/></svg>`;
}

const code = (kind: string, value: string, qr = false, printed = true): TrueValue => ({ kind, value, qr, printed });

function page(css: string, body: string, pageBg = '#fff'): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
html,body{margin:0;padding:0;background:${pageBg}}
#doc{box-sizing:border-box;position:relative;overflow:hidden}
table{border-collapse:collapse}
${css}</style></head><body><div id="doc">${body}</div></body></html>`;
}

// ---------------------------------------------------------------------------------------------
// A4 EVN e-invoice: hóa đơn GTGT tiền điện

const EVN_UNITS = [
  { corp: 'TỔNG CÔNG TY ĐIỆN LỰC TP. HỒ CHÍ MINH', unit: 'CÔNG TY ĐIỆN LỰC SÀI GÒN', prefix: 'PE', web: 'www.evnhcmc.vn', tax: '0300951119' },
  { corp: 'TỔNG CÔNG TY ĐIỆN LỰC TP. HÀ NỘI', unit: 'CÔNG TY ĐIỆN LỰC HOÀN KIẾM', prefix: 'PD', web: 'www.evnhanoi.vn', tax: '0100101114' },
  { corp: 'TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG', unit: 'CÔNG TY ĐIỆN LỰC ĐÀ NẴNG', prefix: 'PP', web: 'cskh.cpc.vn', tax: '0400101394' },
  { corp: 'TỔNG CÔNG TY ĐIỆN LỰC MIỀN NAM', unit: 'CÔNG TY ĐIỆN LỰC CẦN THƠ', prefix: 'PB', web: 'cskh.evnspc.vn', tax: '0300942001' },
  { corp: 'TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC', unit: 'CÔNG TY ĐIỆN LỰC NAM ĐỊNH', prefix: 'PA', web: 'cskh.npc.com.vn', tax: '0100100417' },
  { corp: 'TỔNG CÔNG TY ĐIỆN LỰC MIỀN NAM', unit: 'CÔNG TY ĐIỆN LỰC TIỀN GIANG', prefix: 'PK', web: 'cskh.evnspc.vn', tax: '0300942001' },
  { corp: 'TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC', unit: 'CÔNG TY ĐIỆN LỰC THANH HÓA', prefix: 'PH', web: 'cskh.npc.com.vn', tax: '0100100417' },
  { corp: 'TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG', unit: 'CÔNG TY ĐIỆN LỰC THỪA THIÊN HUẾ', prefix: 'PQ', web: 'cskh.cpc.vn', tax: '0400101394' },
  { corp: 'TỔNG CÔNG TY ĐIỆN LỰC MIỀN NAM', unit: 'CÔNG TY ĐIỆN LỰC ĐỒNG NAI', prefix: 'PC', web: 'cskh.evnspc.vn', tax: '0300942001' },
  { corp: 'TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC', unit: 'CÔNG TY ĐIỆN LỰC HẢI PHÒNG', prefix: 'PM', web: 'cskh.npc.com.vn', tax: '0100100417' },
  { corp: 'TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG', unit: 'CÔNG TY ĐIỆN LỰC QUẢNG NAM', prefix: 'PN', web: 'cskh.cpc.vn', tax: '0400101394' },
];

/** The household tariff (đồng/kWh, 2025) by tier of 50/50/100/100/100/rest kWh. */
const TIERS = [
  { size: 50, price: 1984 },
  { size: 50, price: 2050 },
  { size: 100, price: 2380 },
  { size: 100, price: 2998 },
  { size: 100, price: 3350 },
  { size: Infinity, price: 3460 },
];

interface Bill {
  oldIndex: number;
  newIndex: number;
  kwh: number;
  rows: { tier: number; kwh: number; price: number; total: number }[];
  net: number;
  vat: number;
  total: number;
}

function bill(r: Rng): Bill {
  const kwh = int(r, 62, 480);
  const oldIndex = int(r, 1200, 38000);
  let left = kwh;
  const rows: Bill['rows'] = [];
  for (const [k, t] of TIERS.entries()) {
    if (left <= 0) break;
    const used = Math.min(left, t.size);
    rows.push({ tier: k + 1, kwh: used, price: t.price, total: used * t.price });
    left -= used;
  }
  const net = rows.reduce((s, x) => s + x.total, 0);
  const vat = Math.round(net * 0.08);
  return { oldIndex, newIndex: oldIndex + kwh, kwh, rows, net, vat, total: net + vat };
}

const evnCode = (r: Rng, prefix: string): string => `${prefix}${pad(int(r, 1, 19))}${digits(r, 9)}`;

function evnEinvoice(r: Rng): PhotoDoc {
  const u = pick(r, EVN_UNITS);
  const p = person(r);
  const b = bill(r);
  const customer = evnCode(r, u.prefix);
  const month = int(r, 1, 11);
  const serial = `1K25T${pick(r, ['SG', 'HK', 'DN', 'CT', 'ND'])}${pick(r, ['A', 'B'])}`;
  const number = digits(r, 7);
  const meter = digits(r, 8);
  const lookup = Array.from({ length: 10 }, () => pick(r, [...'ABCDEF0123456789'])).join('');
  const withPhone = r() < 0.6;
  const withQr = r() < 0.5;
  const bank = pick(r, BANKS);
  const evnAccount = bank.account(r);
  const codes: TrueValue[] = [code('evn-customer', customer), code('amount', String(b.total), withQr)];
  if (withPhone) codes.push(code('phone', p.phone));
  if (withQr) codes.push(code('bank-account', evnAccount, true));
  const last = new Date(Date.UTC(2025, month, 0)).getUTCDate();
  const rowsHtml = b.rows
    .map((x) => `<tr><td>Bậc ${x.tier}</td><td class="n">${x.kwh}</td><td class="n">${dotted(x.price)}</td><td class="n">${dotted(x.total)}</td></tr>`)
    .join('');
  const qr = withQr
    ? `<div class="pay"><div>${qrSvg(vietQr(bank.bin, evnAccount, tlv('54', String(b.total))), 118)}</div><div>Quét mã để thanh toán<br>Ngân hàng ${esc(bank.short)}<br>STK: ${evnAccount}<br>${esc(u.unit)}</div></div>`
    : '';
  const html = page(
    `#doc{width:794px;min-height:1123px;padding:56px 60px;font:13px/1.45 "Liberation Serif",serif;color:#1a1a1a;background:#fff}
.hd{display:flex;justify-content:space-between;gap:20px}.hd .l{font-weight:bold;font-size:12.5px}.hd .r{text-align:right;font-size:12.5px}
h1{text-align:center;font-size:19px;margin:18px 0 2px;color:#b3261e}.sub{text-align:center;font-style:italic;margin-bottom:12px}
.box{border:1px solid #444;padding:8px 12px;margin:8px 0}.kv{display:grid;grid-template-columns:190px 1fr;row-gap:2px}
.kv b{font-weight:bold}table{width:100%;margin:8px 0}td,th{border:1px solid #444;padding:3px 7px;font-size:12.5px}th{background:#e9eef4}
td.n{text-align:right;font-family:"Liberation Sans",sans-serif}.tot td{font-weight:bold}.words{margin:6px 0;font-style:italic}
.foot{display:flex;justify-content:space-between;margin-top:22px;font-size:12px}.sig{text-align:center;width:45%}
.pay{display:flex;gap:12px;align-items:center;font-size:12px;margin-top:10px}.stamp{color:#c0392b;border:2px solid #c0392b;display:inline-block;padding:4px 8px;transform:rotate(-6deg);margin-top:8px}`,
    `<div class="hd"><div class="l">${u.corp}<br>${u.unit}<br><span style="font-weight:normal">Mã số thuế: ${u.tax}-${pad(int(r, 1, 20), 3)}</span><br><span style="font-weight:normal">Địa chỉ: ${int(r, 2, 199)} ${pick(r, ['Nguyễn Thị Minh Khai', 'Trần Hưng Đạo', 'Điện Biên Phủ', 'Lê Duẩn'])}</span></div>
<div class="r">Mẫu số: 01GTKT0/001<br>Ký hiệu: ${serial}<br>Số: ${number}</div></div>
<h1>HÓA ĐƠN GIÁ TRỊ GIA TĂNG (TIỀN ĐIỆN)</h1>
<div class="sub">(Bản thể hiện của hóa đơn điện tử) — Kỳ: 1 Tháng ${pad(month)}/2025 (${last} ngày từ 01/${pad(month)}/2025 đến ${last}/${pad(month)}/2025)</div>
<div class="box kv"><span>Tên khách hàng:</span><b>${esc(p.name)}</b><span>Địa chỉ:</span><span>${esc(p.address)}</span>
${withPhone ? `<span>Điện thoại:</span><span>${phoneText(r, p.phone)}</span>` : ''}
<span>Mã khách hàng:</span><b>${customer}</b><span>Số công tơ:</span><span>${meter}</span><span>Mục đích sử dụng:</span><span>Sinh hoạt — Số hộ: 1</span></div>
<table><tr><th>Bộ CS</th><th>Chỉ số mới</th><th>Chỉ số cũ</th><th>Hệ số nhân</th><th>Điện năng tiêu thụ (kWh)</th></tr>
<tr><td>KT</td><td class="n">${b.newIndex}</td><td class="n">${b.oldIndex}</td><td class="n">1</td><td class="n">${b.kwh}</td></tr></table>
<table><tr><th>Bậc thang</th><th>Điện năng (kWh)</th><th>Đơn giá (đồng/kWh)</th><th>Thành tiền (đồng)</th></tr>${rowsHtml}
<tr class="tot"><td>Cộng</td><td class="n">${b.kwh}</td><td></td><td class="n">${dotted(b.net)}</td></tr>
<tr><td colspan="3">Thuế suất GTGT: 8% — Thuế GTGT</td><td class="n">${dotted(b.vat)}</td></tr>
<tr class="tot"><td colspan="3">Tổng cộng tiền thanh toán</td><td class="n">${dotted(b.total)}</td></tr></table>
<div class="words">Số tiền viết bằng chữ: ${amountInWords(b.total)}.</div>
<div>Hạn thanh toán: ${pad(int(r, 5, 20))}/${pad(month + 1)}/2025. Tổng đài chăm sóc khách hàng: 1900 545454 (miễn phí).</div>
<div>Tra cứu hóa đơn tại ${u.web} — Mã tra cứu: ${lookup}</div>${qr}
<div class="foot"><div class="sig">NGƯỜI MUA HÀNG<br><i>(Chữ ký số nếu có)</i></div><div class="sig">NGƯỜI BÁN HÀNG<br><span class="stamp">Ký bởi: ${u.unit}<br>Ngày ký: ${pad(int(r, 1, 5))}/${pad(month + 1)}/2025</span></div></div>`,
  );
  return {
    kind: 'evn-einvoice',
    html,
    width: 794,
    codes,
    secondary: [
      { kind: 'amount', value: String(b.net) },
      { kind: 'amount', value: String(b.vat) },
      ...b.rows.map((x) => ({ kind: 'amount', value: String(x.total) })),
    ],
    distractors: [serial, number, meter, String(b.newIndex), String(b.oldIndex), p.address, '1900 545454', u.tax],
  };
}

// ---------------------------------------------------------------------------------------------
// EVN thermal notice (thông báo tiền điện, 80 mm roll, grey print)

function evnThermal(r: Rng): PhotoDoc {
  const u = pick(r, EVN_UNITS);
  const p = person(r);
  const b = bill(r);
  const customer = evnCode(r, u.prefix);
  const month = int(r, 1, 11);
  const staff = person(r);
  const grey = pick(r, ['#4a4a4a', '#5a5a5a', '#666']);
  const codes: TrueValue[] = [code('evn-customer', customer), code('amount', String(b.total)), code('phone', staff.phone)];
  const html = page(
    `#doc{width:300px;padding:18px 16px 26px;font:12.5px/1.5 "DejaVu Sans Mono","Liberation Mono",monospace;color:${grey};background:#f6f4ef}
.c{text-align:center}.b{font-weight:bold}.hr{border-top:1px dashed ${grey};margin:6px 0}.row{display:flex;justify-content:space-between}`,
    `<div class="c b">${u.unit.replace('CÔNG TY ĐIỆN LỰC', 'ĐIỆN LỰC')}</div><div class="c">${u.web}</div><div class="hr"></div>
<div class="c b">THÔNG BÁO TIỀN ĐIỆN</div><div class="c">Kỳ 1 tháng ${pad(month)}/2025</div><div class="hr"></div>
<div>Mã KH: <span class="b">${customer}</span></div><div>Tên KH: ${esc(p.name.toUpperCase())}</div><div>Đ/c: ${esc(p.address)}</div>
<div>Số GCS: ${pad(int(r, 1, 30))}-${pad(int(r, 1, 40))}  Sổ: ${int(r, 100, 999)}</div><div class="hr"></div>
<div class="row"><span>CS mới:</span><span>${b.newIndex}</span></div><div class="row"><span>CS cũ:</span><span>${b.oldIndex}</span></div>
<div class="row"><span>ĐNTT:</span><span>${b.kwh} kWh</span></div>
<div class="row"><span>Tiền điện:</span><span>${dotted(b.net)}</span></div><div class="row"><span>Thuế GTGT 8%:</span><span>${dotted(b.vat)}</span></div>
<div class="row b"><span>Tổng cộng:</span><span>${dotted(b.total)} đ</span></div><div class="hr"></div>
<div>Hạn TT: ${pad(int(r, 5, 20))}/${pad(month + 1)}/2025</div><div>NV thu: ${esc(staff.name)}</div><div>ĐT: ${phoneText(r, staff.phone)}</div>
<div>CSKH: 1900 545454</div><div class="c">In lúc ${time(r)} ${pad(int(r, 20, 28))}/${pad(month)}/2025</div>`,
    '#fff',
  );
  return {
    kind: 'evn-thermal',
    html,
    width: 300,
    codes,
    secondary: [{ kind: 'amount', value: String(b.net) }, { kind: 'amount', value: String(b.vat) }],
    distractors: [String(b.newIndex), String(b.oldIndex), `${b.kwh} kWh`, p.address, '1900 545454'],
  };
}

// ---------------------------------------------------------------------------------------------
// Căn cước fronts

const ddmmyyyy = (d: string): string => d.replace(/\//g, '');

function cardQrPayload(p: Person, issued: string, oldId: string): string {
  return [p.cccd, oldId, p.name, ddmmyyyy(p.birth), p.male ? 'Nam' : 'Nữ', p.address, ddmmyyyy(issued)].join('|');
}

const CARD_CSS = `#doc{width:640px;height:404px;border-radius:22px;font:12px/1.3 "Liberation Sans","DejaVu Sans",sans-serif;color:#1d2b4a;padding:14px 18px;
background:radial-gradient(circle at 70% 60%,rgba(255,255,255,.0) 0 40px,rgba(190,215,235,.35) 41px 42px,transparent 43px),
repeating-radial-gradient(circle at 30% 120%,#eef5f9 0 6px,#e3eef3 7px 9px),linear-gradient(135deg,#eef6fb,#f8efe9)}
.nat{text-align:center;font-weight:bold;font-size:11.5px;line-height:1.25}.nat i{font-weight:normal;font-size:10px}
.emb{position:absolute;left:22px;top:16px;width:58px;height:58px;border-radius:50%;background:radial-gradient(circle,#f2c230 0 22%,#c8102e 23% 100%)}
.photo{position:absolute;left:24px;top:120px;width:118px;height:150px;background:linear-gradient(#cfd8df,#aab6c0);border:1px solid #8a96a0}
.photo:after{content:"";position:absolute;left:34px;top:26px;width:50px;height:60px;border-radius:50%;background:#8797a3}
.qr{position:absolute;right:18px;top:14px}.t{color:#c8102e;font-weight:bold;font-size:19px;text-align:center;margin-top:6px;letter-spacing:.5px}
.f{position:absolute;left:160px;right:16px;top:128px}.f div{margin:3px 0}.f .v{font-weight:bold;font-size:14px;color:#111}
.num{font-size:20px;font-weight:bold;color:#b0121b;letter-spacing:1px}.small{font-size:10.5px;color:#445}`;

function cccd2021(r: Rng): PhotoDoc {
  const p = person(r);
  const issued = date(r, int(r, 2021, 2023));
  const oldId = r() < 0.6 ? digits(r, 9) : '';
  const expiry = `${p.birth.slice(0, 6)}${p.birthYear + (p.birthYear > 1965 ? 60 : 100)}`;
  const html = page(
    CARD_CSS,
    `<div class="emb"></div><div class="qr">${qrSvg(cardQrPayload(p, issued, oldId), 108, 2)}</div>
<div class="nat">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br><i>SOCIALIST REPUBLIC OF VIET NAM<br>Independence - Freedom - Happiness</i></div>
<div class="t">CĂN CƯỚC CÔNG DÂN</div><div style="text-align:center;font-size:11px;font-weight:bold">Citizen Identity Card</div>
<div class="photo"></div>
<div class="f" style="top:118px"><div>Số / No.: <span class="num">${p.cccd}</span></div>
<div class="small">Họ và tên / Full name:</div><div class="v">${esc(p.name.toUpperCase())}</div>
<div><span class="small">Ngày sinh / Date of birth:</span> <b>${p.birth}</b></div>
<div><span class="small">Giới tính / Sex:</span> <b>${p.male ? 'Nam' : 'Nữ'}</b> &nbsp; <span class="small">Quốc tịch / Nationality:</span> <b>Việt Nam</b></div>
<div class="small">Quê quán / Place of origin:</div><div><b>${esc(pick(r, PROVINCES).name)}</b></div>
<div class="small">Nơi thường trú / Place of residence:</div><div><b>${esc(p.address)}</b></div></div>
<div style="position:absolute;left:20px;bottom:16px;font-size:9.5px" class="small">Có giá trị đến:<br>Date of expiry: <b>${expiry}</b></div>`,
  );
  return {
    kind: 'cccd-2021',
    html,
    width: 640,
    codes: [code('cccd', p.cccd, true)],
    secondary: [],
    distractors: [p.birth, expiry, p.address, ...(oldId ? [`${oldId} (QR only)`] : [])],
  };
}

function cccd2024(r: Rng): PhotoDoc {
  const p = person(r);
  const issued = date(r, int(r, 2024, 2025));
  const oldId = r() < 0.4 ? digits(r, 9) : '';
  const html = page(
    `${CARD_CSS}#doc{background:repeating-linear-gradient(60deg,#f3ece4 0 5px,#ece2d8 6px 8px),linear-gradient(135deg,#f6efe7,#e9f0f3)}`,
    `<div class="emb"></div><div class="qr" style="top:118px;right:22px">${qrSvg(cardQrPayload(p, issued, oldId), 112, 2)}</div>
<div class="nat">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br><i>SOCIALIST REPUBLIC OF VIET NAM<br>Independence - Freedom - Happiness</i></div>
<div class="t" style="font-size:22px">CĂN CƯỚC</div><div style="text-align:center;font-size:11px;font-weight:bold">IDENTITY CARD</div>
<div class="photo"></div>
<div class="f" style="right:150px;top:118px"><div class="small">Số định danh cá nhân / Personal identification number:</div><div class="num">${p.cccd}</div>
<div class="small">Họ, chữ đệm và tên khai sinh / Surname, middle name and given name:</div><div class="v">${esc(p.name.toUpperCase())}</div>
<div class="small">Ngày, tháng, năm sinh / Date of birth:</div><div><b>${p.birth}</b></div>
<div><span class="small">Giới tính / Sex:</span> <b>${p.male ? 'Nam' : 'Nữ'}</b></div>
<div><span class="small">Quốc tịch / Nationality:</span> <b>Việt Nam</b></div></div>`,
  );
  return {
    kind: 'cccd-2024',
    html,
    width: 640,
    codes: [code('cccd', p.cccd, true)],
    secondary: [],
    distractors: [p.birth, ...(oldId ? [`${oldId} (QR only)`] : [])],
  };
}

// ---------------------------------------------------------------------------------------------
// Bank forms: payment order (ủy nhiệm chi) and deposit slip (giấy nộp tiền)

function paymentOrder(r: Rng): PhotoDoc {
  const from = pick(r, BANKS);
  const to = pick(r, BANKS);
  const payer = person(r);
  const payee = person(r);
  const fromAcc = from.account(r);
  const toAcc = to.account(r);
  const amount = money(r, 500_000, 95_000_000, 1000);
  const fee = r() < 0.5 ? pick(r, [11_000, 22_000, 5_500]) : 0;
  const ink = pick(r, ['#1d3b8b', '#0f5132', '#222']);
  const html = page(
    `#doc{width:900px;padding:34px 40px;font:14px/1.5 "Liberation Sans",sans-serif;color:${ink};background:#fffdf8}
.top{display:flex;justify-content:space-between;align-items:flex-start}.logo{font-weight:bold;font-size:22px;letter-spacing:1px}
h1{font-size:21px;margin:0;text-align:center}.en{font-size:11px;font-style:italic;color:#555}
.frm{border:1.5px solid ${ink};margin-top:12px}.sec{border-bottom:1px solid ${ink};padding:8px 12px}.sec:last-child{border-bottom:0}
.ln{display:flex;gap:8px;margin:3px 0}.ln span.l{min-width:250px}.ln .v{font-family:"DejaVu Sans Mono",monospace;font-weight:bold;color:#111}
.sig{display:grid;grid-template-columns:repeat(4,1fr);text-align:center;font-size:12px;margin-top:10px;height:86px}`,
    `<div class="top"><div class="logo">${esc(from.short.toUpperCase())}</div><div><h1>ỦY NHIỆM CHI</h1><div class="en" style="text-align:center">PAYMENT ORDER</div></div>
<div style="text-align:right">Số / No.: ${pad(int(r, 1, 999), 4)}<br>Ngày / Date: ${date(r)}</div></div>
<div class="frm"><div class="sec"><div class="ln"><span class="l">Tên đơn vị trả tiền / <i>Payer</i>:</span><b>${esc(payer.name.toUpperCase())}</b></div>
<div class="ln"><span class="l">Số tài khoản / <i>Account No.</i>:</span><span class="v">${fromAcc}</span></div>
<div class="ln"><span class="l">Tại ngân hàng / <i>With bank</i>:</span><span>${esc(from.name)} — CN ${esc(payer.province.name)}</span></div></div>
<div class="sec"><div class="ln"><span class="l">Tên đơn vị nhận tiền / <i>Payee</i>:</span><b>${esc(payee.name.toUpperCase())}</b></div>
<div class="ln"><span class="l">Số tài khoản / <i>Account No.</i>:</span><span class="v">${toAcc}</span></div>
<div class="ln"><span class="l">Tại ngân hàng / <i>With bank</i>:</span><span>${esc(to.name)} (${to.short})</span></div>
<div class="ln"><span class="l">Địa chỉ / <i>Address</i>:</span><span>${esc(payee.address)}</span></div></div>
<div class="sec"><div class="ln"><span class="l">Số tiền bằng số / <i>Amount in figures</i>:</span><span class="v">${dotted(amount)}</span></div>
<div class="ln"><span class="l">Số tiền bằng chữ / <i>Amount in words</i>:</span><span><i>${amountInWords(amount)} chẵn.</i></span></div>
<div class="ln"><span class="l">Nội dung / <i>Details</i>:</span><span>Thanh toan tien hang HD so ${int(r, 10, 999)} ngay ${date(r)}</span></div>
${fee ? `<div class="ln"><span class="l">Phí ngân hàng / <i>Charges</i>:</span><span>${dotted(fee)} VND — Phí trong</span></div>` : ''}</div></div>
<div class="sig"><div>Kế toán trưởng<br><i class="en">Chief accountant</i></div><div>Chủ tài khoản<br><i class="en">Account holder</i></div><div>Giao dịch viên<br><i class="en">Teller</i></div><div>Kiểm soát viên<br><i class="en">Supervisor</i></div></div>`,
  );
  return {
    kind: 'payment-order',
    html,
    width: 900,
    codes: [code('bank-account', fromAcc), code('bank-account', toAcc), code('amount', String(amount))],
    secondary: fee ? [{ kind: 'amount', value: String(fee) }] : [],
    distractors: [payee.address],
  };
}

function depositSlip(r: Rng): PhotoDoc {
  const bank = pick(r, BANKS);
  const payer = person(r);
  const payee = person(r);
  const acc = bank.account(r);
  const amount = money(r, 200_000, 30_000_000, 10_000);
  const ink = pick(r, ['#00694b', '#1b4f9c', '#7a1f1f']);
  const html = page(
    `#doc{width:820px;padding:30px 36px;font:14px/1.55 "DejaVu Sans",sans-serif;color:${ink};background:#fff}
.h{display:flex;justify-content:space-between}.logo{font:bold 24px "Liberation Sans",sans-serif}h1{font-size:20px;margin:4px 0 0}
.b{border:1px solid ${ink};border-radius:4px;padding:8px 12px;margin-top:10px}.l{display:flex;gap:8px}.l .k{min-width:210px}
.v{color:#111;font-weight:bold}.dots{flex:1;border-bottom:1px dotted ${ink}}.t{display:flex;justify-content:space-between;margin-top:12px;font-size:12px;text-align:center}`,
    `<div class="h"><div class="logo">${esc(bank.short)}</div><div style="text-align:center"><h1>GIẤY NỘP TIỀN</h1><i style="font-size:12px">CASH DEPOSIT SLIP</i></div>
<div style="font-size:12px;text-align:right">Liên 2: Giao khách hàng<br>Ngày: ${date(r)}</div></div>
<div class="b"><div class="l"><span class="k">Người nộp tiền:</span><span class="v">${esc(payer.name)}</span></div>
<div class="l"><span class="k">Số CCCD:</span><span class="v">${payer.cccd}</span><span>Ngày cấp: ${date(r, int(r, 2021, 2024))}</span></div>
<div class="l"><span class="k">Địa chỉ:</span><span>${esc(payer.address)}</span></div>
<div class="l"><span class="k">Điện thoại:</span><span class="v">${phoneText(r, payer.phone)}</span></div></div>
<div class="b"><div class="l"><span class="k">Người thụ hưởng:</span><span class="v">${esc(payee.name.toUpperCase())}</span></div>
<div class="l"><span class="k">Số tài khoản:</span><span class="v" style="font-family:'DejaVu Sans Mono',monospace">${acc}</span></div>
<div class="l"><span class="k">Tại ngân hàng:</span><span>${esc(bank.short)} — Chi nhánh ${esc(payee.province.name)}</span></div></div>
<div class="b"><div class="l"><span class="k">Số tiền bằng số:</span><span class="v">${dotted(amount)} VND</span></div>
<div class="l"><span class="k">Số tiền viết bằng chữ:</span><span><i>${amountInWords(amount)}</i></span></div>
<div class="l"><span class="k">Nội dung:</span><span>Nop tien hoc phi HK${int(r, 1, 2)} nam hoc 2025-2026</span></div></div>
<div class="t"><div>Người nộp tiền<br>(Ký, ghi rõ họ tên)</div><div>Giao dịch viên<br>Số bút toán: ${digits(r, 6)}</div><div>Kiểm soát<br>${time(r)}</div></div>`,
  );
  return {
    kind: 'deposit-slip',
    html,
    width: 820,
    codes: [code('cccd', payer.cccd), code('phone', payer.phone), code('bank-account', acc), code('amount', String(amount))],
    secondary: [],
    distractors: [payer.address, '2025-2026'],
  };
}

// ---------------------------------------------------------------------------------------------
// ATM slip (58 mm thermal; ATMs print without diacritics)

function atmSlip(r: Rng): PhotoDoc {
  const bank = pick(r, BANKS);
  const transfer = r() < 0.6;
  const to = pick(r, BANKS);
  const acc = to.account(r);
  const amount = money(r, 100_000, 5_000_000, transfer ? 1000 : 50_000);
  const fee = transfer ? pick(r, [1100, 3300, 0]) : 1100;
  const balance = money(r, 300_000, 60_000_000, 1);
  const codes: TrueValue[] = [code('amount', String(amount))];
  if (transfer) codes.push(code('bank-account', acc));
  const html = page(
    `#doc{width:232px;padding:14px 10px 22px;font:11.5px/1.45 "Liberation Mono","DejaVu Sans Mono",monospace;color:#3c3c3c;background:#f7f6f2}
.c{text-align:center}.b{font-weight:bold}.r{display:flex;justify-content:space-between}.hr{border-top:1px dashed #666;margin:5px 0}`,
    `<div class="c b">${esc(bank.short.toUpperCase())} ATM</div><div class="c">${esc(pick(r, ['HA NOI', 'TP HCM', 'DA NANG', 'CAN THO', 'HAI PHONG']))}</div><div class="hr"></div>
<div class="r"><span>NGAY/DATE</span><span>${date(r)}</span></div><div class="r"><span>GIO/TIME</span><span>${time(r)}:${pad(int(r, 0, 59))}</span></div>
<div class="r"><span>MAY/ATM ID</span><span>${digits(r, 8)}</span></div><div class="r"><span>SO THE/CARD</span><span>${bank.bin}******${digits(r, 4)}</span></div>
<div class="r"><span>TRACE</span><span>${digits(r, 6)}</span></div><div class="hr"></div>
<div class="c b">${transfer ? 'CHUYEN KHOAN / TRANSFER' : 'RUT TIEN / WITHDRAWAL'}</div>
${transfer ? `<div>TOI TK / TO ACCOUNT:</div><div class="b">${acc}</div><div>NH NHAN: ${esc(to.short.toUpperCase())}</div>` : ''}
<div>SO TIEN / AMOUNT:</div><div class="b">${dotted(amount)} VND</div>
${fee ? `<div class="r"><span>PHI/FEE:</span><span>${dotted(fee)} VND</span></div>` : ''}
<div>SO DU / BALANCE:</div><div>${dotted(balance)} VND</div><div class="hr"></div>
<div class="c">MA GD/REF: ${digits(r, 12)}</div><div class="c">CAM ON QUY KHACH</div>`,
    '#fff',
  );
  return {
    kind: 'atm-slip',
    html,
    width: 232,
    codes,
    secondary: [...(fee ? [{ kind: 'amount', value: String(fee) }] : []), { kind: 'amount', value: String(balance) }],
    distractors: ['ATM ID', 'card number (masked)', 'trace', 'Ref'],
  };
}

// ---------------------------------------------------------------------------------------------
// Banking-app screens (390 px wide phone)

function bankApp(r: Rng): PhotoDoc {
  const bank = pick(r, BANKS);
  const to = pick(r, BANKS);
  const payee = person(r);
  const acc = to.account(r);
  const amount = money(r, 50_000, 20_000_000, 1000);
  const receive = r() < 0.4;
  const withQr = receive || r() < 0.5;
  const accent = pick(r, ['#0b7a3e', '#d6202a', '#1b3f94', '#6a2c91', '#e36c0a']);
  const clock = `${int(r, 7, 21)}:${pad(int(r, 0, 59))}`;
  const qrText = vietQr(to.bin, acc, receive && r() < 0.5 ? '' : tlv('54', String(amount)));
  const qrAmount = qrText.includes(`54${pad(String(amount).length)}${amount}`);
  const status = `<div class="st"><b>${clock}</b><span>4G ▮▮▮ ${int(r, 12, 99)}%</span></div>`;
  let body: string;
  const codes: TrueValue[] = [];
  if (receive) {
    body = `${status}<div class="bar">Mã QR nhận tiền</div><div class="card"><div class="bn">${esc(to.short)} · VietQR · napas 247</div>
<div class="qr">${qrSvg(qrText, 250, 3)}</div><div class="nm">${esc(payee.name.toUpperCase())}</div>
<div class="acc">Số tài khoản: ${acc}</div>${qrAmount ? `<div class="amt2">Số tiền: ${dotted(amount)} VND</div>` : '<div class="mut">Người chuyển tự nhập số tiền</div>'}</div>
<div class="btns"><span>Lưu ảnh</span><span>Chia sẻ</span></div>`;
    codes.push(code('bank-account', acc, true));
    if (qrAmount) codes.push(code('amount', String(amount), true));
  } else {
    body = `${status}<div class="bar">${esc(bank.short)} · Chuyển tiền</div><div class="ok">✓</div><div class="h">Chuyển tiền thành công</div><div class="big">${dotted(amount)} VND</div>
<div class="mut" style="text-align:center">${amountInWords(amount)}</div><div class="mut" style="text-align:center">${clock} - ${date(r)}</div>
<div class="card"><div class="kv"><span>Người nhận</span><b>${esc(payee.name.toUpperCase())}</b></div>
<div class="kv"><span>Số tài khoản</span><b>${acc}</b></div><div class="kv"><span>Ngân hàng</span><b>${esc(to.short)}</b></div>
<div class="kv"><span>Nội dung</span><b>${esc(payee.name.split(' ').pop()!.toUpperCase())} chuyen tien</b></div>
<div class="kv"><span>Mã giao dịch</span><b>FT${digits(r, 11)}</b></div></div>
${withQr ? `<div class="card" style="text-align:center"><div class="mut">Mã QR người nhận</div>${qrSvg(qrText, 170, 3)}</div>` : ''}
<div class="btns"><span>Chia sẻ</span><span>Giao dịch mới</span></div>`;
    codes.push(code('amount', String(amount), withQr && qrAmount), code('bank-account', acc, withQr));
  }
  const html = page(
    `#doc{width:390px;min-height:844px;font:15px/1.4 "Liberation Sans","DejaVu Sans",sans-serif;color:#1c1c1e;background:#f2f3f7;padding:0 0 24px}
.st{display:flex;justify-content:space-between;padding:10px 22px;font-size:14px}.bar{background:${accent};color:#fff;padding:14px 18px;font-weight:bold;font-size:17px}
.ok{margin:26px auto 6px;width:64px;height:64px;border-radius:50%;background:${accent};color:#fff;font-size:40px;text-align:center;line-height:64px}
.h{text-align:center;font-size:19px;font-weight:bold}.big{text-align:center;font-size:30px;font-weight:bold;color:${accent};margin:8px 0 2px}
.mut{color:#6b6b73;font-size:13px;margin:2px 12px}.card{background:#fff;border-radius:14px;margin:14px 14px 0;padding:12px 16px}
.kv{display:flex;justify-content:space-between;gap:10px;padding:7px 0;border-bottom:1px solid #eee}.kv span{color:#6b6b73}.kv b{text-align:right}
.bn{text-align:center;font-weight:bold;color:${accent}}.qr{text-align:center;margin:8px 0}.nm{text-align:center;font-weight:bold;font-size:17px}
.acc{text-align:center;font-size:16px;margin-top:4px}.amt2{text-align:center;font-size:16px;font-weight:bold;color:${accent}}
.btns{display:flex;gap:12px;margin:18px 14px 0}.btns span{flex:1;text-align:center;padding:12px;border-radius:12px;background:${accent};color:#fff;font-weight:bold}`,
    body,
    '#f2f3f7',
  );
  return { kind: 'bank-app', html, width: 390, screenDpr: pick(r, [2, 3]), codes, secondary: [], distractors: [clock, 'FT… transaction id'] };
}

// ---------------------------------------------------------------------------------------------
// Portal dossier receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả)

const AGENCIES = [
  { code: () => 'G22.99', name: 'UBND PHƯỜNG HỒNG HẢI', up: 'UBND TP. HẠ LONG' },
  { code: () => '000.00.12.H29', name: 'UBND PHƯỜNG HÀNG BÀI', up: 'UBND QUẬN HOÀN KIẾM' },
  { code: () => 'H29.12', name: 'BỘ PHẬN MỘT CỬA QUẬN CẦU GIẤY', up: 'UBND QUẬN CẦU GIẤY' },
  { code: () => '000.20.31.H56', name: 'UBND PHƯỜNG PHƯỚC HẢI', up: 'UBND TP. NHA TRANG' },
  { code: () => 'G01.275', name: 'SỞ TƯ PHÁP', up: 'UBND TỈNH THANH HÓA' },
  { code: () => '000.05.22.H40', name: 'UBND XÃ NGHI PHONG', up: 'UBND HUYỆN NGHI LỘC' },
];
const PROCEDURES = ['Đăng ký khai sinh', 'Chứng thực bản sao từ bản chính', 'Đăng ký thường trú', 'Cấp bản sao trích lục hộ tịch', 'Xác nhận tình trạng hôn nhân'];

function dossierReceipt(r: Rng): PhotoDoc {
  const ag = pick(r, AGENCIES);
  const p = person(r);
  const yy = int(r, 24, 25);
  const mm = int(r, 1, 12);
  const dd = int(r, 1, 28);
  const dossier = `${ag.code()}-${yy}${pad(mm)}${pad(dd)}-${pad(int(r, 1, 2400), 4)}`;
  const fee = r() < 0.6 ? pick(r, [8000, 10_000, 20_000, 50_000]) : 0;
  const withQr = r() < 0.7;
  const codes: TrueValue[] = [code('dossier-code', dossier, withQr), code('phone', p.phone), code('cccd', p.cccd)];
  if (fee) codes.push(code('amount', String(fee)));
  const docs = Array.from({ length: int(r, 2, 4) }, (_, k) => `<tr><td>${k + 1}</td><td>${pick(r, ['Tờ khai theo mẫu', 'Giấy chứng sinh', 'Bản sao CCCD', 'Giấy xác nhận cư trú', 'Giấy ủy quyền'])}</td><td>${pick(r, ['Bản chính', 'Bản sao'])}</td><td>${int(r, 1, 2)}</td></tr>`).join('');
  const html = page(
    `#doc{width:794px;min-height:1040px;padding:50px 62px;font:14px/1.55 "Liberation Serif","DejaVu Serif",serif;color:#111;background:#fff}
.h{display:flex;justify-content:space-between;text-align:center;font-size:13px}.h b{display:block}h1{text-align:center;font-size:18px;margin:22px 0 4px}
.m{text-align:center;margin-bottom:12px}table{width:100%;margin:8px 0}td,th{border:1px solid #333;padding:3px 8px;font-size:13px}
.q{display:flex;gap:16px;align-items:center;margin-top:14px}.s{display:flex;justify-content:space-between;text-align:center;margin-top:22px}`,
    `<div class="h"><div><span>${ag.up}</span><b>${ag.name}</b><span>Số: ${int(r, 10, 999)}/TNHS</span></div>
<div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><b>Độc lập - Tự do - Hạnh phúc</b><i>${esc(p.province.name)}, ngày ${pad(dd)} tháng ${pad(mm)} năm 20${yy}</i></div></div>
<h1>GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1><div class="m">Mã hồ sơ: <b>${dossier}</b></div>
<div>${ag.name} tiếp nhận hồ sơ của: Ông/Bà <b>${esc(p.name)}</b></div>
<div>Số CCCD: ${p.cccd} &nbsp; Số điện thoại: ${phoneText(r, p.phone)}</div>
<div>Địa chỉ: ${esc(p.address)}</div><div>Nội dung yêu cầu giải quyết: ${pick(r, PROCEDURES)}</div>
<table><tr><th>STT</th><th>Tên giấy tờ</th><th>Hình thức</th><th>Số lượng</th></tr>${docs}</table>
<div>Số lượng hồ sơ: 01 (bộ)</div><div>Thời gian giải quyết hồ sơ theo quy định: ${int(r, 1, 15)} ngày làm việc</div>
<div>Thời gian nhận hồ sơ: ${pad(int(r, 7, 11))} giờ ${pad(int(r, 0, 59))} phút, ngày ${pad(dd)}/${pad(mm)}/20${yy}</div>
<div>Thời gian trả kết quả: ${pad(int(r, 13, 16))} giờ 00 phút, ngày ${pad(Math.min(28, dd + int(r, 1, 9)))}/${pad(mm)}/20${yy}</div>
${fee ? `<div>Lệ phí: ${dotted(fee)} đồng</div>` : '<div>Lệ phí: Miễn</div>'}
<div>Vào Sổ theo dõi hồ sơ, Quyển số: ${int(r, 1, 9)}</div>
${withQr ? `<div class="q">${qrSvg(dossier, 112, 3)}<div>Tra cứu tình trạng hồ sơ tại dichvucong.gov.vn<br>hoặc quét mã QR bên cạnh.</div></div>` : ''}
<div class="s"><div>NGƯỜI NỘP HỒ SƠ<br><i>(Ký và ghi rõ họ tên)</i></div><div>NGƯỜI TIẾP NHẬN HỒ SƠ<br><i>(Ký và ghi rõ họ tên)</i></div></div>`,
  );
  return { kind: 'dossier-receipt', html, width: 794, codes, secondary: [], distractors: [p.address, 'Số: …/TNHS', 'times and dates'] };
}

const MAKERS: Record<PhotoDocKind, (r: Rng) => PhotoDoc> = {
  'evn-einvoice': evnEinvoice,
  'evn-thermal': evnThermal,
  'cccd-2021': cccd2021,
  'cccd-2024': cccd2024,
  'payment-order': paymentOrder,
  'deposit-slip': depositSlip,
  'atm-slip': atmSlip,
  'bank-app': bankApp,
  'dossier-receipt': dossierReceipt,
};

/** A document of `kind` with random (seeded) values. */
export function makePhotoDoc(kind: PhotoDocKind, r: Rng): PhotoDoc {
  return MAKERS[kind](r);
}
