// Anchors: capture on one page, resolve on a changed one; null rather than a wrong control.
import { beforeEach, describe, expect, it } from 'vitest';
import { captureAnchor, isStableToken, resolveAnchor, waitForAnchor } from '../../core/anchors';

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
    expect(link).toMatchObject({ kind: 'action', name: 'Đăng nhập', href: expect.stringContaining('/dang-nhap.html') });
    expect(link.href).not.toContain('?');
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
});
