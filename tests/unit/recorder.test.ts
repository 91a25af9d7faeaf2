// The recorder's step making: page patterns, privacy marks, advance rules, suggested hints, and that a
// recorded pack step passes parsePack and never carries what was typed.
import { describe, expect, it } from 'vitest';
import { controlAt } from '../../core/anchors/controls';
import { parsePack, type Step } from '../../core/pack';
import { actionOf, nextStepId, pagePattern, privateKindOf, recordStep, repeatsLast, suggestHint } from '../../core/recorder';
import { addStep, startDraft } from '../../extension/recording';
import { PERSONAL, PERSONAL_PAGE, TYPED_ID } from '../fixtures/personal-page';

function page(html: string): void {
  document.body.replaceChildren();
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  document.body.append(...Array.from(doc.body.childNodes, (n) => document.importNode(n, true)));
}
const $ = (sel: string): Element => document.querySelector(sel)!;

describe('pagePattern', () => {
  it('keeps origin and path, drops query and fragment, generalises ids in the path', () => {
    expect(pagePattern('https://evn.example/tra-cuu/hoa-don?ma=PE0100012345#top')).toBe('https://evn.example/tra-cuu/hoa-don');
    expect(pagePattern('https://dichvucong.gov.vn/ho-so/G22.99-251124-0001/thanh-toan')).toBe('https://dichvucong.gov.vn/ho-so/*/thanh-toan');
    expect(pagePattern('https://ebank.example/accounts/0123456789/transfer')).toBe('https://ebank.example/accounts/*/transfer');
    expect(pagePattern('https://x.example/d/3f2b9c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f')).toBe('https://x.example/d/*');
    expect(pagePattern('https://x.example/p/home/dvc-trang-chu.html')).toBe('https://x.example/p/home/dvc-trang-chu.html');
    expect(pagePattern('https://x.example/thu-tuc/cap-phieu-ly-lich-tu-phap')).toBe('https://x.example/thu-tuc/cap-phieu-ly-lich-tu-phap');
    expect(pagePattern('https://x.example/')).toBe('https://x.example/');
    expect(pagePattern('javascript:alert(1)')).toBeNull();
    expect(pagePattern('not a url')).toBeNull();
  });
});

describe('privateKindOf and actionOf', () => {
  it('marks password, OTP and PIN fields from the field itself, never its value', () => {
    page(`
      <label for="p">Mật khẩu</label><input id="p" type="password" value="hunter22">
      <input id="o" name="otp" inputmode="numeric">
      <label>Mã xác thực <input id="o2"></label>
      <input id="o3" autocomplete="one-time-code">
      <input id="pin" type="password" aria-label="Mã PIN">
      <label for="t">Số điện thoại</label><input id="t" type="tel" value="0912345678">
      <select id="s"><option>Hà Nội</option></select>
      <button id="b">Nộp hồ sơ</button><a id="a" href="/x">Tra cứu</a>
      <input id="r" type="radio"><input id="c" type="checkbox"><input id="f" type="file"><textarea id="ta"></textarea>`);
    expect(privateKindOf($('#p'))).toBe('password');
    expect(privateKindOf($('#o'))).toBe('otp');
    expect(privateKindOf($('#o2'))).toBe('otp');
    expect(privateKindOf($('#o3'))).toBe('otp');
    expect(privateKindOf($('#pin'))).toBe('pin');
    expect(privateKindOf($('#t'))).toBeUndefined();
    expect(privateKindOf($('#b'))).toBeUndefined();
    expect(['#t', '#p', '#ta'].map((s) => actionOf($(s)))).toEqual(['field', 'field', 'field']);
    expect(['#s', '#r', '#c'].map((s) => actionOf($(s)))).toEqual(['choose', 'choose', 'choose']);
    expect(['#b', '#a', '#f'].map((s) => actionOf($(s)))).toEqual(['click', 'click', 'click']);
  });
});

describe('recordStep', () => {
  it('makes a valid step per action with an anchor, a fitting advance rule and a suggested hint; no typed value', () => {
    page(`
      <h2>Tra cứu hóa đơn</h2>
      <label for="ma">Mã khách hàng</label><input id="ma" value="PE0100098765">
      <label for="tinh">Tỉnh/Thành phố</label><select id="tinh"><option>Hà Nội</option></select>
      <label for="pw">Mật khẩu</label><input id="pw" type="password" value="bi-mat-123">
      <button id="go">Tra cứu</button>
      <a id="link" href="/thanh-toan?x=1">Thanh toán</a>`);
    const url = 'https://evn.example/tra-cuu?ma=PE0100098765';
    const steps: Step[] = [];
    for (const sel of ['#ma', '#tinh', '#pw', '#go', '#link']) steps.push(recordStep($(sel), url, steps.map((s) => s.id))!);
    expect(steps.map((s) => s.id)).toEqual(['buoc-1', 'buoc-2', 'buoc-3', 'buoc-4', 'buoc-5']);
    expect(steps.map((s) => s.page)).toEqual(Array(5).fill('https://evn.example/tra-cuu'));
    expect(steps.map((s) => s.advance.kind)).toEqual(['input', 'input', 'input', 'click', 'click']);
    expect(steps.map((s) => s.text.vi)).toEqual(['Nhập «Mã khách hàng».', 'Chọn «Tỉnh/Thành phố».', 'Tự nhập mật khẩu (ô «Mật khẩu»), không đọc to.', 'Bấm nút «Tra cứu».', 'Bấm vào «Thanh toán».']);
    expect(steps[1]!.text.en).toBe('Choose “Tỉnh/Thành phố”.');
    expect(steps.map((s) => s.private)).toEqual([undefined, undefined, 'password', undefined, undefined]);
    const json = JSON.stringify(steps);
    for (const typed of ['PE0100098765', 'bi-mat-123', 'x=1']) expect(json).not.toContain(typed);
    const pack = {
      schema: 1,
      id: 'ghi-thu',
      version: '1.0.0',
      title: { vi: 'Ghi thử' },
      origins: ['https://evn.example'],
      walkthroughs: [{ id: 'tra-cuu', title: { vi: 'Tra cứu' }, category: 'utility', bring: [], minutes: 5, startUrl: 'https://evn.example/tra-cuu', steps }],
    };
    expect(parsePack(pack, { trustedOrigins: ['https://evn.example'] })).toMatchObject({ ok: true });
  });

  it('skips a repeat of the last step, numbers ids past those taken, and says something useful without a label', () => {
    page(`<button id="b">Tiếp tục</button><button id="x"></button>`);
    const a = recordStep($('#b'), 'https://evn.example/')!;
    const b = recordStep($('#b'), 'https://evn.example/')!;
    expect(repeatsLast([a], b)).toBe(true);
    expect(repeatsLast([a], recordStep($('#x'), 'https://evn.example/')!)).toBe(false);
    expect(repeatsLast([a], recordStep($('#b'), 'https://evn.example/khac')!)).toBe(false);
    expect(nextStepId(['buoc-1', 'buoc-3'])).toBe('buoc-2');
    expect(recordStep($('#x'), 'https://evn.example/')!.text.vi).toBe('Bấm vào chỗ được khoanh.');
    expect(suggestHint({ v: 1, kind: 'field', tag: 'input', role: 'textbox', path: 'body>input', index: 0, count: 1 }, 'field').vi).toBe('Nhập vào ô này.');
    expect(recordStep($('#b'), 'javascript:void(0)')).toBeNull();
  });
});

describe('15.1 the recorder, the picker and re-capture keep no personal data', () => {
  const URL_ = 'https://dichvucong.gov.vn/ho-so/G22.99-251124-0001?cccd=001234567890';

  it('15.1 records every control of a page full of personal data without keeping any of it', () => {
    page(PERSONAL_PAGE);
    const steps: Step[] = [];
    for (const sel of ['#who', '#nick', '#logout', '#dossier', '#cccd', '#acct', '#mail', '#note', '#box', '#send']) {
      steps.push(recordStep($(sel), URL_, steps.map((s) => s.id))!);
    }
    const json = JSON.stringify(steps);
    for (const p of PERSONAL) expect(json, `"${p}" must not be kept`).not.toContain(p);
    expect(steps.every((s) => s.page === 'https://dichvucong.gov.vn/ho-so/*')).toBe(true);
    // A control known only by a person's name, number or code gets the neutral hint; the page's words stay.
    expect(steps.map((s) => s.text.vi)).toEqual([
      'Bấm vào chỗ được khoanh.',
      'Bấm vào chỗ được khoanh.',
      'Bấm vào «Đăng xuất».',
      'Bấm vào chỗ được khoanh.',
      'Bấm vào chỗ được khoanh.',
      'Bấm vào chỗ được khoanh.',
      'Bấm vào chỗ được khoanh.',
      'Nhập «Ghi chú cho cán bộ».',
      'Nhập «Nội dung chuyển khoản».',
      'Bấm nút «Gửi hồ sơ».',
    ]);
    expect(steps.map((s) => s.advance.kind)).toEqual(['click', 'click', 'click', 'click', 'click', 'click', 'click', 'input', 'input', 'click']);
  });

  it('15.1 text typed into a contenteditable field never becomes a step’s name or a second step', () => {
    page(PERSONAL_PAGE);
    const note = $('#note');
    const first = recordStep(note, URL_)!;
    // The resident types an ID number into it; the author focuses it again.
    note.textContent = TYPED_ID;
    const again = recordStep(note, URL_)!;
    expect(repeatsLast([first], again)).toBe(true);
    expect(JSON.stringify([first, again])).not.toContain(TYPED_ID);
    // A link the resident pasted into it is part of what was typed: the step is the note itself.
    const link = document.createElement('a');
    link.href = 'https://vidu.vn/an-nguyen';
    link.textContent = `Hồ sơ ${TYPED_ID}`;
    note.append(link);
    const inside = recordStep(link, URL_)!;
    expect(actionOf(link)).toBe('field');
    expect(inside.advance.kind).toBe('input');
    expect(repeatsLast([first], inside)).toBe(true);
    expect(JSON.stringify(inside)).not.toMatch(new RegExp(`${TYPED_ID}|vidu|an-nguyen`));
  });

  it('15.1 re-capture (a click picked on the page) keeps none of it either, nor does a hint made from an old anchor', () => {
    page(PERSONAL_PAGE);
    // The picker takes the control around the clicked element, as extension/pick-page.tsx does.
    $('#who').append(document.createElement('small'));
    for (const sel of ['#who small', '#nick', '#dossier', '#acct']) {
      const el = controlAt($(sel))!;
      const step = recordStep(el, URL_)!;
      const picked = { anchor: step.anchor, page: step.page, label: step.text.vi };
      const json = JSON.stringify(picked);
      for (const p of PERSONAL) expect(json, `${sel}: "${p}" must not be kept`).not.toContain(p);
    }
    // An anchor made before the gate (an old pack) does not put its name into a new hint.
    const old = { v: 1 as const, kind: 'action' as const, tag: 'button', role: 'button', path: 'body>button', index: 0, count: 1, name: 'NGUYỄN VĂN AN · 0912 345 678' };
    expect(suggestHint(old, 'click').vi).toBe('Bấm vào chỗ được khoanh.');
    expect(suggestHint({ ...old, kind: 'field', name: undefined, label: 'Mã hồ sơ G22.99-251124-0001' }, 'field').vi).toBe('Nhập vào ô này.');
  });
});

describe('15.1 the background looks again at every recorded step', () => {
  it('15.1 a step carrying a name, a phone number or an ID past the page\'s gate is refused, naming the field; a clean one is added', () => {
    page(`<h2>Tra cứu hóa đơn</h2><label for="ma">Mã khách hàng</label><input id="ma"><button id="go">Tra cứu</button>`);
    const url = 'https://evn.example/tra-cuu';
    const clean = recordStep($('#go'), url)!;
    const draft = startDraft(7, url);
    expect(addStep(draft, clean, []).steps).toHaveLength(1);
    const bad: [string, Step][] = [
      ['/text/vi', { ...clean, text: { vi: 'Bấm nút «NGUYỄN VĂN AN · 0912 345 678»' } }],
      ['/anchor/name', { ...clean, anchor: { ...clean.anchor!, name: 'Xin chào, Nguyễn Văn An' } }],
      ['/anchor/near/0', { ...clean, anchor: { ...clean.anchor!, near: ['079123456789'] } }],
    ];
    for (const [path, step] of bad) expect(() => addStep(draft, step, []), path).toThrow(`invalid step: ${path} holds personal data`);
  });
});

