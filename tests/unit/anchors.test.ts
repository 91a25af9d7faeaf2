// Anchors: capture on one page, resolve on a changed one; null rather than a wrong control.
import { beforeEach, describe, expect, it } from 'vitest';
import { captureAnchor, isStableToken, resolveAnchor, waitForAnchor } from '../../core/anchors/index';

function page(html: string): Document {
  document.body.replaceChildren();
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  document.body.append(...Array.from(doc.body.childNodes, (n) => document.importNode(n, true)));
  return document;
}

const OLD = `
  <header><div id="authArea"><a class="btn btn-register" href="/dang-nhap.html?action=dang-ky">Đăng ký</a>
  <a class="btn btn-login" href="/dang-nhap.html">Đăng nhập</a></div></header>
  <main><form id="loginForm"><h2>Đăng nhập</h2>
    <label for="username">Số định danh cá nhân</label><input id="username" name="username" placeholder="Nhập số định danh">
    <label for="password">Mật khẩu</label><input id="password" name="password" type="password">
    <button type="submit" id="btnLogin">Đăng nhập</button></form></main>`;

describe('anchors', () => {
  beforeEach(() => page(''));

  it('captures what identifies a control, never a field value', () => {
    page(OLD);
    const input = document.querySelector('#username') as HTMLInputElement;
    input.value = '001234567890';
    const a = captureAnchor(input);
    expect(a).toMatchObject({ kind: 'field', tag: 'input', label: 'Số định danh cá nhân', attrName: 'username', placeholder: 'Nhập số định danh' });
    expect(JSON.stringify(a)).not.toContain('001234567890');
    const link = captureAnchor(document.querySelector('.btn-login')!);
    expect(link).toMatchObject({ kind: 'action', name: 'Đăng nhập' });
    // The register link goes to the same page (only its query differs): the href identifies neither.
    expect(link.href).toBeUndefined();
    page('<a href="/thu-tuc/ly-lich.html?id=001234567890">Lý lịch tư pháp</a><a href="/khac.html">Khác</a>');
    const unique = captureAnchor(document.querySelector('a')!);
    expect(unique.href).toMatch(/\/thu-tuc\/ly-lich\.html$/);
    expect(JSON.stringify(unique)).not.toContain('001234567890');
  });

  it('knows a shown code by its caption, and never keeps the code', () => {
    page(`<p>Mã hồ sơ: <span class="code">G22.99-261124-0001</span></p>
      <table><tr><th>Người nộp</th><td>Nguyễn Văn A</td></tr><tr><th>Mã giao dịch</th><td>GD1234567890</td></tr></table>`);
    const code = captureAnchor(document.querySelector('.code')!);
    expect(code).toMatchObject({ kind: 'other', label: 'Mã hồ sơ' });
    const cell = captureAnchor(document.querySelectorAll('td')[1]!);
    expect(cell).toMatchObject({ kind: 'other', label: 'Mã giao dịch' });
    const stored = JSON.stringify([code, cell]);
    for (const value of ['G22.99', 'GD1234567890']) expect(stored).not.toContain(value);
    // Another resident's page: other values, same captions, rows in another order.
    page(`<table><tr><th>Mã giao dịch</th><td>GD9999999999</td></tr><tr><th>Người nộp</th><td>Trần Thị B</td></tr></table>
      <div><p>Mã hồ sơ: <span>G22.99-261125-4321</span></p></div>`);
    expect(resolveAnchor(code)?.element.textContent).toBe('G22.99-261125-4321');
    expect(resolveAnchor(cell)?.element.textContent).toBe('GD9999999999');
  });

  it('keeps only hand-written ids and classes', () => {
    expect(isStableToken('btn-login')).toBe(true);
    expect(isStableToken('username')).toBe(true);
    expect(isStableToken('z1q4r')).toBe(false);
    expect(isStableToken('css-1x2y3z')).toBe(false);
    expect(isStableToken('a83')).toBe(false);
    expect(isStableToken('ng-tns-c12-3')).toBe(false);
  });

  it('finds controls again after ids and classes are renamed and the markup restructured', () => {
    page(OLD);
    const anchors = ['.btn-login', '#username', '#password', '#btnLogin'].map((s) => captureAnchor(document.querySelector(s)!));
    page(`
      <div class="x9f2"><nav><a class="k3j" href="/dang-nhap.html?action=dang-ky">Đăng ký</a>
      <a class="p0q" href="/dang-nhap.html"><span>★</span> ĐĂNG NHẬP</a></nav></div>
      <section><div><h3>Đăng nhập</h3>
        <div><label>Số định danh cá nhân <input name="username" class="q12"></label></div>
        <div><label>Mật khẩu <input name="password" type="password"></label></div>
        <div><button class="b77">Đăng nhập</button></div></div></section>`);
    const found = anchors.map((a) => resolveAnchor(a)?.element);
    expect(found[0]?.textContent).toContain('ĐĂNG NHẬP');
    expect(found[1]?.getAttribute('name')).toBe('username');
    expect(found[2]?.getAttribute('name')).toBe('password');
    expect(found[3]?.tagName).toBe('BUTTON');
  });

  it('answers null instead of guessing between look-alikes', () => {
    page('<button>Xác nhận</button>');
    const a = captureAnchor(document.querySelector('button')!);
    page('<div><button>Xác nhận</button></div><div><button>Xác nhận</button></div>');
    expect(resolveAnchor(a)).toBeNull();
  });

  it('answers null when the control is gone and only unrelated ones remain', () => {
    page(OLD);
    const a = captureAnchor(document.querySelector('#btnLogin')!);
    page('<form><button>Thanh toán</button><button>Hủy giao dịch</button></form>');
    expect(resolveAnchor(a)).toBeNull();
  });

  it('looks inside open shadow roots', () => {
    page('<button>Tra cứu</button>');
    const a = captureAnchor(document.querySelector('button')!);
    page('<div id="host"></div>');
    const root = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    const b = document.createElement('button');
    b.textContent = 'Tra cứu';
    root.append(b);
    expect(resolveAnchor(a)?.element).toBe(b);
  });

  it('waits for a control that renders late, and stops on abort', async () => {
    page('<button>Tiếp tục</button>');
    const a = captureAnchor(document.querySelector('button')!);
    page('<p>Đang tải…</p>');
    const pending = waitForAnchor(a, { timeoutMs: 2000 });
    setTimeout(() => {
      const b = document.createElement('button');
      b.textContent = 'Tiếp tục';
      document.body.append(b);
    }, 30);
    expect((await pending)?.element.textContent).toBe('Tiếp tục');
    const ctrl = new AbortController();
    const aborted = waitForAnchor({ ...a, name: 'Không có', text: 'Không có' }, { timeoutMs: 5000, signal: ctrl.signal });
    ctrl.abort();
    expect(await aborted).toBeNull();
  });
  it('16.6 settles in the same task when the control is already on the page (the guide then draws no "searching" card)', async () => {
    page('<button>Tiếp tục</button>');
    const a = captureAnchor(document.querySelector('button')!);
    // Promise.race takes the first of two settled promises in order: the found control beats "still looking".
    const first = await Promise.race([waitForAnchor(a, { timeoutMs: 2000 }), Promise.resolve('looking' as const)]);
    expect(first).not.toBe('looking');
    expect(first && first !== 'looking' ? first.element : null).toBe(document.querySelector('button'));
    page('<p>Đang tải…</p>');
    const ctrl = new AbortController();
    const late = await Promise.race([waitForAnchor(a, { timeoutMs: 2000, signal: ctrl.signal }), Promise.resolve('looking' as const)]);
    expect(late).toBe('looking');
    ctrl.abort();
  });
});

describe('anchors: look-alikes, rivals and wrappers', () => {
  it('tells identical controls apart by order only while their number is unchanged', () => {
    page('<ul><li>Hóa đơn tháng 10 <button>Thanh toán</button></li><li>Hóa đơn tháng 11 <button>Thanh toán</button></li></ul>');
    const second = captureAnchor(document.querySelectorAll('button')[1]!);
    expect(second).toMatchObject({ twins: 1, twinIndex: 1 });
    page('<div><p>Tháng 10 <span><button>Thanh toán</button></span></p><p>Tháng 11 <span><button>Thanh toán</button></span></p></div>');
    expect(resolveAnchor(second)?.element).toBe(document.querySelectorAll('button')[1]);
    page('<p><button>Thanh toán</button></p><p><button>Thanh toán</button></p><p><button>Thanh toán</button></p>');
    expect(resolveAnchor(second)).toBeNull();
  });

  it('does not accept a control no more like the target than another control on the original page was', () => {
    page('<nav><a href="/trang-chu">Trang chủ</a></nav><main><a href="/trang-chu">Về trang chủ</a></main>');
    const back = captureAnchor(document.querySelector('main a')!);
    expect(back.rival).toBeGreaterThan(0.5);
    // The "Về trang chủ" link is gone; the nav link is only as alike as it always was.
    page('<nav><a href="/trang-chu">Trang chủ</a></nav><main><p>Giao dịch thành công</p></main>');
    expect(resolveAnchor(back)).toBeNull();
    page('<nav><a href="/home">Trang chủ</a></nav><main><button>VỀ TRANG CHỦ</button></main>');
    expect(resolveAnchor(back)?.element.tagName).toBe('BUTTON');
  });

  it('prefers the exact label over a reworded look-alike', () => {
    page('<div><button>Đăng xuất</button><a href="/">Trang chủ</a></div>');
    const a = captureAnchor(document.querySelector('button')!);
    page('<div><button>Đăng xuất</button><button>Đăng xuất (phiên cũ)</button><a href="/">Trang chủ</a></div>');
    expect(resolveAnchor(a)?.element.textContent).toBe('Đăng xuất');
  });

  it('names an empty message slot by the field before it, and finds it again', () => {
    page('<form><label for="u">Tên đăng nhập</label><input id="u"><span class="err" id="uErr"></span><label for="p">Mật khẩu</label><input id="p" type="password"><span class="err" id="pErr"></span></form>');
    const err = captureAnchor(document.querySelector('#pErr')!);
    expect(err.label).toBe('Mật khẩu');
    page('<form><div><input aria-label="Tên đăng nhập"><span class="k1"></span></div><div><input aria-label="Mật khẩu" type="password"><span class="k1"></span></div></form>');
    expect(resolveAnchor(err)?.element).toBe(document.querySelectorAll('span')[1]);
  });

  it('picks the control itself rather than a wrapper with the same text', () => {
    page('<p>Số tiền: <b>504.017 đ</b></p><p>Mã: <b>PE01000123456</b></p>');
    const amount = captureAnchor(document.querySelector('b')!);
    page('<p>Số tiền: <b><b>504.017 đ</b></b></p><p>Mã: <b>PE01000123456</b></p>');
    expect(resolveAnchor(amount)?.element).toBe(document.querySelector('b b'));
  });

  it('does not take one procedure for another that shares most words', () => {
    page('<a href="/a">Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam</a><a href="/b">Đăng ký khai sinh</a>');
    const a = captureAnchor(document.querySelector('a')!);
    page('<a href="/x">Cấp Phiếu lý lịch tư pháp cho người nước ngoài đã cư trú tại Việt Nam</a><a href="/y">Đăng ký khai sinh</a>');
    expect(resolveAnchor(a)).toBeNull();
  });
});

describe('waitForAnchor on a page that renders in parts', () => {
  it('holds a weaker match until the page settles, and takes the control when it arrives', async () => {
    page('<main><h2>Hồ sơ</h2><button>Thanh toán trực tuyến</button></main>');
    const a = captureAnchor(document.querySelector('button')!);
    // First a reworded look-alike renders: alone it would be taken (the site may have relabelled the button).
    page('<main><h2>Hồ sơ</h2><p>Đang tải…</p><a href="/huong-dan">Thanh toán trực tuyến ngay</a></main>');
    expect(resolveAnchor(a)?.element.tagName).toBe('A');
    const pending = waitForAnchor(a, { timeoutMs: 3000 });
    setTimeout(() => {
      const b = document.createElement('button');
      b.textContent = 'Thanh toán trực tuyến';
      document.querySelector('main')!.append(b);
    }, 120);
    expect((await pending)?.element.tagName).toBe('BUTTON');
    // With nothing better arriving, the look-alike is taken once the page is quiet.
    page('<main><h2>Hồ sơ</h2><a href="/huong-dan">Thanh toán trực tuyến ngay</a></main>');
    const t0 = Date.now();
    expect((await waitForAnchor(a, { timeoutMs: 3000 }))?.element.tagName).toBe('A');
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('capturing for packs (core/capture.ts)', () => {
  it('keeps a captioned value that names or numbers a resident by its caption only; the page’s own words stay', async () => {
    const { captureAnchor: captureForPack } = await import('../../core/capture');
    page(`<table><tr><th>Người nộp</th><td>Nguyễn Văn An</td></tr><tr><th>Lệ phí</th><td>200.000 đồng/lần/người</td></tr>
      <tr><th>Điện thoại</th><td>0912 345 678</td></tr></table>`);
    const [name, fee, phone] = Array.from(document.querySelectorAll('td'), (td) => captureForPack(td));
    expect(name).toMatchObject({ label: 'Người nộp' });
    expect(phone).toMatchObject({ label: 'Điện thoại' });
    expect(JSON.stringify([name, phone])).not.toMatch(/Nguyễn|An"|0912/);
    // A fee is the page's words: kept as text (and found by it), as any other text.
    expect(fee).toMatchObject({ text: '200.000 đồng/lần/người' });
    expect(fee!.label).toBeUndefined();
    // The plain engine has no personal-data rules: a name under a caption is not a code, so it is kept.
    expect(captureAnchor(document.querySelector('td')!)).toMatchObject({ text: 'Nguyễn Văn An' });
  });
});
