// The privacy gate of pack authoring (core/capture.ts isData): what a text the recorder, the picker and
// re-capture may keep, and that a captured anchor carries none of a resident's data, dropped rather than masked.
import { describe, expect, it } from 'vitest';
import { captureAnchor, inProfileArea, isData } from '../../core/capture';
import { isPersonalText } from '../../core/privacy';
import { PAGE_WORDS, PERSONAL, PERSONAL_PAGE, TYPED_ID } from '../fixtures/personal-page';

function page(html: string): void {
  document.body.replaceChildren();
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  document.body.append(...Array.from(doc.body.childNodes, (n) => document.importNode(n, true)));
}
const $ = (sel: string): Element => document.querySelector(sel)!;

/** Every string of the anchor (keys and values), for "contains none of" checks. */
const stored = (x: unknown): string => JSON.stringify(x);

describe('15.1 the privacy gate keeps no personal text', () => {
  it('15.1 refuses names, phones, IDs, codes, greetings and masked numbers; keeps the page’s own words', () => {
    const personal = [
      'NGUYỄN VĂN AN · 0912 345 678',
      'Xin chào, Minh Anh',
      'Chào mừng trở lại, Hoa',
      'Welcome back, An',
      'Minh Anh',
      'THU HÀ',
      'Minh Anh · Tài khoản',
      'Hồ sơ của Lê Thị Hoa',
      'G22.99-251124-0001',
      'Hồ sơ G22.99-251124-0001',
      'Mã hồ sơ HS2025001234 đã nhận',
      '001234567890',
      'Số định danh 0 0 1 2 3 4 5 6 7 8 9 0',
      'Chuyển tới 0071000123456',
      'Tài khoản nhận: *******789',
      'Thẻ •••• 1234',
      'Gửi tới 0912***678',
      'Thư: an.nguyen (at) gmail (dot) com',
      'Mã PIN 482913',
      'Số hồ sơ 0012345',
    ];
    for (const t of personal) expect(isData(t), t).toBe(true);
    const pageWords = [
      'Nộp hồ sơ',
      'Đăng nhập bằng tài khoản VNeID',
      'Lệ phí 200.000 đồng',
      'Phí 1.500.000đ',
      'Hạn xử lý 24/11/2026 lúc 14:30',
      'Cập nhật 01/2027, năm học 2026-2027',
      'Tổng đài 1900 1234',
      'Giờ làm việc 7h30 – 17h00',
      'Bình Dương',
      'Công An',
      'Thanh Toán Trực Tuyến',
      'Lưu Thay Đổi',
      'Nam',
      'Số định danh cá nhân',
      'Mã OTP gồm 6 chữ số',
      'Tra cứu hóa đơn tiền điện EVN',
      'Chuyển tiền qua MoMo',
    ];
    for (const t of pageWords) expect(isData(t), t).toBe(false);
  });

  it('15.1 in an account or profile area, a lone name word or a digit is refused too; its menu words stay', () => {
    page(`<div class="user-menu"><a id="a" href="#">Hoa ▾</a><a id="b" href="#">Đăng xuất</a><a id="c" href="#">Hồ sơ cá nhân</a><span id="d">Điểm 12</span></div>
      <form><label for="u">Tên đăng nhập</label><input id="u" name="username"></form><p id="p">Hoa</p>`);
    expect(isData('Hoa ▾', $('#a'))).toBe(true);
    expect(isData('Điểm 12', $('#d'))).toBe(true);
    expect(isData('Đăng xuất', $('#b'))).toBe(false);
    expect(isData('Hồ sơ cá nhân', $('#c'))).toBe(false);
    // Outside such an area a single word is the page's ("Nam" / "Nữ", a flower's name in a list).
    expect(isData('Hoa', $('#p'))).toBe(false);
    expect(isPersonalText('Hoa', true)).toBe(true);
    expect(['#a', '#b', '#c', '#d', '#u', '#p'].map((s) => inProfileArea($(s)))).toEqual([true, true, true, true, false, false]);
  });

  it('15.1 an anchor captured on a page full of personal data keeps none of it, in any of its texts', () => {
    page(PERSONAL_PAGE);
    $('#note').textContent = TYPED_ID; // what the resident typed into the editable note
    const controls = ['#who', '#nick', '#logout', '#dossier', '#cccd', '#acct', '#mail', '#note', '#box', '#send'];
    const anchors = controls.map((s) => captureAnchor($(s)));
    const json = stored(anchors);
    for (const p of PERSONAL) expect(json, `"${p}" must not be kept`).not.toContain(p);
    // Dropped, not masked: no redaction marker stands in for a text.
    expect(json).not.toMatch(/\[(TÊN|SĐT|CCCD|EMAIL|STK|DÃY SỐ|BÍ MẬT)\]/);
    // The gate drops data, not the page's words.
    for (const [sel, words] of Object.entries(PAGE_WORDS)) expect(anchors[controls.indexOf(sel)]!.name).toBe(words);
    const note = anchors[controls.indexOf('#note')]!;
    expect(note).toMatchObject({ kind: 'field', label: 'Ghi chú cho cán bộ' });
    expect(note.name).toBeUndefined();
    expect(note.text).toBeUndefined();
    // A script-drawn text box is named by its label, never by what is in it.
    expect(anchors[controls.indexOf('#box')]!.name).toBe('Nội dung chuyển khoản');
  });

  it('15.1 text typed into an editable region is never read as a neighbour: the page’s words around it are', () => {
    page(`<p>Tờ khai</p><div contenteditable="true"><h3>Lê Văn Tám 0912345678</h3><p>ghi chú riêng</p></div><button>Tiếp tục</button><div role="textbox">so 0 9 1 2</div>`);
    const a = captureAnchor($('button'));
    expect(a.near).toEqual(['Tờ khai']);
    expect(stored(a)).not.toMatch(/Tám|0912345678|ghi chú riêng|0 9 1 2/);
  });

  it('15.1 ids, link paths, classes and data-* values that carry a record’s data are dropped', () => {
    page(`<a id="hs-G22.99-251124-0001" class="row-001234567890 link" data-code="G22.99-251124-0001" href="/ho-so/G22.99-251124-0001">Xem chi tiết</a>`);
    const a = captureAnchor($('a'));
    expect(a.name).toBe('Xem chi tiết');
    expect(a.classes).toEqual(['link']);
    expect(stored(a)).not.toMatch(/G22|251124|001234567890/);
  });
});
