// "Kiểm tra đường link" (issue 19): each link in a pasted SMS gets its verdict in plain words (the real site a
// lookalike imitates, what to do, why), the host only is shown back, a reason without its own sentence falls back
// to a generic one, typing does not alarm before "Kiểm tra", nothing is stored, logged or sent; the console opens it,
// the OCR helper hands it a link it read, and the end of the resident's session closes it.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LinkCheck, reasonText } from '../../components/link-check';
import { SidePanel } from '../../components/side-panel';
import { createTranslator, fillTemplate, type Translate } from '../../core/i18n';
import { checkHost } from '../../core/scam';
import type { StepView } from '../../extension/protocol';
import { DEFAULT_SETTINGS } from '../../extension/settings';
import { evnStepView, fakePanelApi, settle, shippedCatalog, useRenderRoot } from './dom-helpers';

const rootOf = useRenderRoot();
const $ = <T extends Element = HTMLElement>(sel: string): T | null => rootOf().querySelector<T>(sel);
const $$ = (sel: string): HTMLElement[] => Array.from(rootOf().querySelectorAll<HTMLElement>(sel));

const SMS =
  '[BCA] Thông báo: tài khoản định danh của ông/bà sắp bị khoá. Vui lòng cập nhật tại dichvucong-gov.vn.xyz/xac-thuc?ma=84912&sdt=0912345678 trước 17h hôm nay.';

/**
 * A Vietnamese translator whose scam.reason.* sentences are exactly `reasons` (whatever the locale files hold),
 * so the tests do not depend on which reason texts exist yet.
 */
function withReasons(reasons: Record<string, string>, lang: 'vi' | 'en' = 'vi'): Translate {
  const base = createTranslator(lang);
  return (key, params) => (key.startsWith('scam.reason.') ? fillTemplate(reasons[key] ?? key, params) : base(key, params));
}

function mount(t: Translate = withReasons({}), initial?: string): void {
  act(() => render(<LinkCheck t={t} initial={initial} />, rootOf()));
}

/** Put `text` into the field as a paste does (checked at once) or as typing does. */
async function enter(text: string, inputType: 'insertFromPaste' | 'insertText'): Promise<void> {
  const field = $<HTMLTextAreaElement>('[data-testid="links-text"]')!;
  await act(async () => {
    field.value = text;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data: inputType === 'insertText' ? text : null }));
  });
}

async function pressCheck(): Promise<void> {
  await act(async () => $<HTMLButtonElement>('[data-testid="links-check"]')!.click());
}

const results = (): string => $('[data-testid="links-results"]')!.textContent ?? '';
const items = (): { verdict: string; host: string; text: string }[] =>
  $$('[data-testid="links-item"]').map((li) => ({ verdict: li.dataset.verdict!, host: li.dataset.host!, text: li.textContent ?? '' }));

describe('19 the link checker', () => {
  it('19 a pasted SMS with a lookalike: "Trang giả mạo", what it imitates, what to do (the real site named), why', async () => {
    mount();
    const live = $('[data-testid="links-results"]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    await enter(SMS, 'insertFromPaste');
    const [item, ...rest] = items();
    expect(rest).toEqual([]);
    expect(item!.verdict).toBe('lookalike');
    expect(item!.host).toBe('dichvucong-gov.vn.xyz');
    expect(item!.text).toContain('⚠ Trang giả mạo');
    expect($('[data-testid="links-imitates"]')!.textContent).toBe('Trang này giả dạng Cổng Dịch vụ công Quốc gia (dichvucong.gov.vn).');
    expect($('[data-testid="links-todo"]')!.textContent).toBe('Không nhập gì vào trang này. Trang thật là dichvucong.gov.vn');
    expect(item!.text).toMatch(/không bao giờ hỏi mật khẩu hay mã OTP qua điện thoại/);
    // Why: with no sentence for its codes yet, the generic one, said once.
    expect($$('[data-testid="links-reasons"] li').map((li) => li.textContent)).toEqual(['Tên trang bắt chước tên của một trang chính thức.']);
    // The host only: nothing of the path or the query string is shown back.
    expect($('[data-testid="links-host"]')!.textContent).toBe('dichvucong-gov.vn.xyz');
    for (const part of ['xac-thuc', '84912', '0912345678', '?ma=', 'sdt=']) expect(results(), part).not.toContain(part);
  });

  it('19 each reason in its own sentence where the locale files have one, the generic sentence where not', async () => {
    const t = withReasons({ 'scam.reason.gov-vn-inside': '"gov.vn" nằm giữa một địa chỉ khác ({host}).' });
    mount(t);
    await enter('https://dichvucong-gov.vn.xyz/a', 'insertFromPaste');
    // gov-vn-inside has its sentence (with the host filled in); brand-elsewhere falls back.
    expect($$('[data-testid="links-reasons"] li').map((li) => li.textContent)).toEqual([
      '"gov.vn" nằm giữa một địa chỉ khác (dichvucong-gov.vn.xyz).',
      'Tên trang bắt chước tên của một trang chính thức.',
    ]);
    expect(reasonText(t, 'typo')).toBe('Tên trang bắt chước tên của một trang chính thức.');
    expect(reasonText(withReasons({}, 'en'), 'homoglyph')).toBe("The site's name copies the name of an official site.");
    expect(reasonText(withReasons({ 'scam.reason.typo': 'Sai một chữ' }), 'typo')).toBe('Sai một chữ');
  });

  it('19 an official site: said to be official, whose it is, and still never to give an OTP on the phone', async () => {
    mount();
    await enter('Mời bà vào https://dichvucong.gov.vn/p/home/dvc-trang-chu.html?lang=vi để nộp hồ sơ', 'insertFromPaste');
    expect(items()).toMatchObject([{ verdict: 'official', host: 'dichvucong.gov.vn' }]);
    expect(results()).toContain('✓ Trang chính thức');
    expect(results()).toContain('Đây là trang chính thức của Cổng Dịch vụ công Quốc gia.');
    expect($('[data-testid="links-todo"]')!.textContent).toMatch(/không bao giờ đọc mã OTP hay mật khẩu cho ai qua điện thoại/);
    expect(results()).not.toMatch(/lang=vi|dvc-trang-chu/);
    // A ward's or province's portal under gov.vn, and a bank.
    await enter('dichvucong.hanoi.gov.vn và www.vietcombank.com.vn', 'insertFromPaste');
    expect(items().map((i) => [i.verdict, i.host])).toEqual([
      ['official', 'dichvucong.hanoi.gov.vn'],
      ['official', 'www.vietcombank.com.vn'],
    ]);
    expect(items()[0]!.text).toContain('Đây là trang của cơ quan nhà nước (tên miền gov.vn).');
    expect(items()[1]!.text).toContain('Đây là trang chính thức của Vietcombank.');
  });

  it('19 any other site: calmly not an official site Dẫn Bước knows, with no alarm', async () => {
    mount();
    await enter('Xem tin ở https://vnexpress.net/thoi-su và mua ở shopee.vn', 'insertFromPaste');
    expect(items().map((i) => [i.verdict, i.host])).toEqual([
      ['other', 'vnexpress.net'],
      ['other', 'shopee.vn'],
    ]);
    expect(results()).toContain('ℹ Không phải trang chính thức mà Dẫn Bước biết');
    expect(results()).toContain('Có thể đó là một trang bình thường');
    expect(results()).not.toMatch(/giả mạo|⚠|Không nhập gì/);
  });

  it('19 several links in one message, each with its verdict, in order', async () => {
    mount();
    await enter('Trang thật: dichvucong.gov.vn. Trang giả: dichvucong.gov.vn.abc-hotro.com, vietcombank-hotro.com. Báo: tuoitre.vn', 'insertFromPaste');
    expect(items().map((i) => [i.host, i.verdict])).toEqual([
      ['dichvucong.gov.vn', 'official'],
      ['dichvucong.gov.vn.abc-hotro.com', 'lookalike'],
      ['vietcombank-hotro.com', 'lookalike'],
      ['tuoitre.vn', 'other'],
    ]);
  });

  it('19 typing checks nothing until "Kiểm tra" (a half-typed host does not alarm); a text with no link says so', async () => {
    mount();
    await enter('dichvucong.gov', 'insertText');
    expect(items()).toEqual([]);
    expect(results()).toBe('');
    await enter('dichvucong.gov.vn', 'insertText');
    await pressCheck();
    expect(items()).toMatchObject([{ verdict: 'official', host: 'dichvucong.gov.vn' }]);
    // Editing again takes the verdict away until the next check.
    await enter('dichvucong.gov.vn.x', 'insertText');
    expect(items()).toEqual([]);
    await enter('Ông gọi lại số 0912 345 678 nhé, cảm ơn.', 'insertText');
    await pressCheck();
    expect($('[data-testid="links-none"]')!.textContent).toMatch(/Không thấy đường link nào/);
    // "Xóa" empties the field and the verdicts.
    await act(async () => $<HTMLButtonElement>('[data-testid="links-clear"]')!.click());
    expect($<HTMLTextAreaElement>('[data-testid="links-text"]')!.value).toBe('');
    expect(results()).toBe('');
  });

  it('19 a link handed over (the OCR helper) is checked at once', async () => {
    mount(withReasons({}), 'https://vneid-capnhat.com/login?id=001234567890');
    await settle();
    expect(items()).toMatchObject([{ verdict: 'lookalike', host: 'vneid-capnhat.com' }]);
    // The real site is the one checkHost names (VNeID's home: the scam guard's data chooses which of its hosts).
    const real = checkHost('vneid-capnhat.com').imitates!;
    expect(real).toMatch(/^(vneid|dancuquocgia)\.gov\.vn$/);
    expect($('[data-testid="links-todo"]')!.textContent).toBe(`Không nhập gì vào trang này. Trang thật là ${real}`);
    expect($('[data-testid="links-imitates"]')!.textContent).toBe(`Trang này giả dạng VNeID (${real}).`);
    expect(results()).not.toContain('001234567890');
  });

  it('19 in English when the console is in English', async () => {
    mount(withReasons({}, 'en'));
    await enter(SMS, 'insertFromPaste');
    expect($('#links-title')!.textContent).toBe('Check a link');
    expect(results()).toContain('⚠ Fake site');
    expect($('[data-testid="links-todo"]')!.textContent).toBe('Do not type anything into this site. The real site is dichvucong.gov.vn');
    await enter('vnexpress.net', 'insertFromPaste');
    expect(results()).toContain('Not an official site Dẫn Bước knows');
  });

  it('19 nothing of the text is stored, logged or sent', async () => {
    const local = vi.spyOn(fakeBrowser.storage.local, 'set');
    const session = vi.spyOn(fakeBrowser.storage.session, 'set');
    const sync = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const open = vi.spyOn(indexedDB, 'open');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    try {
      mount();
      await enter(SMS, 'insertFromPaste');
      await enter('https://dichvucong.gov.vn/?q=1 https://vnexpress.net', 'insertText');
      await pressCheck();
      expect(items()).toHaveLength(2);
      for (const spy of [local, session, sync, setItem, open, fetchSpy, ...logs]) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of [local, session, sync, setItem, open, fetchSpy, ...logs]) spy.mockRestore();
    }
  });
});

describe('19 the link checker in the console', () => {
  it('19 opens from the console, takes a link the OCR helper read, and closes (forgetting it) when the session ends', async () => {
    const session = { current: evnStepView('s-1') as StepView | null, notify: (): void => undefined };
    const read = vi.fn(async () => ({ text: 'Tin nhắn: Cập nhật VNeID tại https://vneid-gov.vn.top/xac-minh?cccd=001234567890 ngay.\nXem thêm dichvucong.gov.vn', skew: 0, ms: 10 }));
    const api = fakePanelApi(session, { ocr: { read } });
    act(() => render(<SidePanel t={createTranslator('vi')} search={shippedCatalog.search} api={api} settings={DEFAULT_SETTINGS} onSettings={() => undefined} />, rootOf()));
    await settle();
    expect($('[data-testid="link-check"]')).toBeNull();
    expect($('[data-testid="links-open"]')!.textContent).toBe('Kiểm tra đường link');

    // The OCR helper reads the photo of a phone's screen: each link it read has "Kiểm tra".
    act(() => $<HTMLButtonElement>('[data-testid="ocr-open"]')!.click());
    const input = $<HTMLInputElement>('input[data-testid="ocr-file"]')!;
    Object.defineProperty(input, 'files', { value: [new File([new Uint8Array([1])], 'sms.png', { type: 'image/png' })], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    await settle();
    const checks = $$('[data-testid="ocr-check-link"]');
    expect(checks.map((b) => b.getAttribute('aria-label'))).toEqual(['Kiểm tra đường link vneid-gov.vn.top', 'Kiểm tra đường link dichvucong.gov.vn']);
    expect($('[data-testid="ocr-links"]')!.textContent).not.toContain('001234567890');
    await act(async () => checks[0]!.click());
    await settle();
    expect(items()).toMatchObject([{ verdict: 'lookalike', host: 'vneid-gov.vn.top' }]);
    // The second link replaces the first in the checker.
    await act(async () => checks[1]!.click());
    await settle();
    expect(items()).toMatchObject([{ verdict: 'official', host: 'dichvucong.gov.vn' }]);
    expect($$('[data-testid="link-check"]')).toHaveLength(1);

    // The resident's session ends: the checker closes, and opens empty again.
    session.current = null;
    session.notify();
    await settle();
    expect($('[data-testid="link-check"]')).toBeNull();
    act(() => $<HTMLButtonElement>('[data-testid="links-open"]')!.click());
    expect($<HTMLTextAreaElement>('[data-testid="links-text"]')!.value).toBe('');
    expect(results()).toBe('');
    // "Đóng" closes it.
    act(() => $<HTMLButtonElement>('[data-testid="links-close"]')!.click());
    expect($('[data-testid="link-check"]')).toBeNull();
  });

  it('19 without an OCR helper the checker still opens (it needs nothing from the extension)', async () => {
    const session = { current: null as StepView | null, notify: (): void => undefined };
    act(() => render(<SidePanel t={createTranslator('vi')} search={shippedCatalog.search} api={fakePanelApi(session)} settings={DEFAULT_SETTINGS} onSettings={() => undefined} />, rootOf()));
    await settle();
    expect($('[data-testid="ocr-open"]')).toBeNull();
    act(() => $<HTMLButtonElement>('[data-testid="links-open"]')!.click());
    await enter('vietcombank-hotro.com', 'insertFromPaste');
    expect(items()).toMatchObject([{ verdict: 'lookalike', host: 'vietcombank-hotro.com' }]);
    expect($('[data-testid="links-todo"]')!.textContent).toBe('Không nhập gì vào trang này. Trang thật là vietcombank.com.vn');
  });
});
