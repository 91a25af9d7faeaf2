// The "Đọc giấy tờ" component with a fake OCR API: a file read shows progress then the fields with
// Vietnamese labels, grouped values and copy buttons; no field, bad input and a refused webcam or tab
// capture get clear messages (English when the UI is English); "Xóa", close and pagehide forget it all.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OcrHelper, type OcrApi } from '../../components/ocr-helper';
import { createTranslator } from '../../core/i18n';
import { OcrError, type OcrProgress, type OcrReadResult } from '../../extension/ocr-engine';

const BILL = 'HOÁ ĐƠN TIỀN ĐIỆN\nMã khách hàng: PE01000123456\nĐiện thoại: 0912 345 678\nTổng tiền thanh toán: 694.400 đ';

let root: HTMLElement;
let writeText: ReturnType<typeof vi.fn>;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  writeText = vi.fn(() => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

/** An API whose read resolves when the test says so, reporting progress first. */
type FakeApi = Omit<OcrApi, 'read'> & { read: ReturnType<typeof vi.fn<OcrApi['read']>>; finish(r: OcrReadResult | Error): Promise<void> };

function fakeApi(extra: Omit<Partial<OcrApi>, 'read'> = {}): FakeApi {
  let settle: ((r: OcrReadResult | Error) => void) | null = null;
  const read = vi.fn<OcrApi['read']>((_image: Blob, onProgress: (p: OcrProgress) => void) => {
    onProgress({ phase: 'recognizing', progress: 0.5 });
    return new Promise<OcrReadResult>((resolve, reject) => {
      settle = (r) => (r instanceof Error ? reject(r) : resolve(r));
    });
  });
  return {
    read,
    ...extra,
    async finish(r) {
      await act(async () => {
        settle?.(r);
        await new Promise((x) => setTimeout(x, 0));
      });
    },
  };
}

function mount(api: OcrApi, lang: 'vi' | 'en' = 'vi', onClose?: () => void): void {
  act(() => render(<OcrHelper t={createTranslator(lang)} lang={lang} api={api} onClose={onClose} />, root));
}

const $ = <T extends Element = HTMLElement>(sel: string): T | null => root.querySelector<T>(sel);
const text = (): string => root.textContent ?? '';

async function pickFile(file: File): Promise<void> {
  const input = $<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((x) => setTimeout(x, 0));
  });
}

const image = (): File => new File([new Uint8Array([1, 2, 3])], 'bill.jpg', { type: 'image/jpeg' });

describe('OcrHelper', () => {
  it('reads a picked image: progress bar, then each field with its label, grouped value and a copy button', async () => {
    const api = fakeApi();
    mount(api);
    expect($('input[type="file"]')!.getAttribute('accept')).toBe('image/*');
    await pickFile(image());
    expect(api.read).toHaveBeenCalledTimes(1);
    const bar = $<HTMLProgressElement>('progress')!;
    expect(bar.getAttribute('aria-label')).toBe('Tiến độ đọc ảnh');
    expect(bar.getAttribute('aria-valuetext')).toBe('Đang đọc chữ… 50%');
    expect($('[role="status"]')!.textContent).toBe('Đang đọc chữ… 50%');

    await api.finish({ text: BILL, skew: 0, ms: 1234 });
    expect($('progress')).toBeNull();
    const rows = Array.from(root.querySelectorAll('.ocr-field')).map((li) => [li.querySelector('.ocr-kind')!.textContent, li.querySelector('.ocr-value')!.textContent]);
    expect(rows).toEqual([
      ['Mã khách hàng EVN', 'PE01 000 123 456'],
      ['Số điện thoại', '0912 345 678'],
      ['Số tiền', '694.400'],
    ]);
    expect(text()).toContain('Đọc trong 1,2 giây.');

    const copy = root.querySelectorAll<HTMLButtonElement>('[data-testid="ocr-copy"]')[0]!;
    expect(copy.getAttribute('aria-label')).toBe('Chép Mã khách hàng EVN');
    await act(async () => {
      copy.click();
      await new Promise((x) => setTimeout(x, 0));
    });
    expect(writeText).toHaveBeenCalledWith('PE01000123456');
    expect(copy.textContent).toBe('Đã chép');
    // The raw text is there, collapsed.
    expect($('details.ocr-raw pre')!.textContent).toBe(BILL);
    expect($<HTMLDetailsElement>('details.ocr-raw')!.open).toBe(false);
  });

  it('18.3 18.4 a value from a QR code is labelled "từ mã QR"; one that failed a check says "cần kiểm tra" and offers no copy; a card\'s holder is shown', async () => {
    const api = fakeApi();
    mount(api);
    await pickFile(image());
    await api.finish({
      text: 'Số định danh: 001090012346',
      skew: 0,
      ms: 900,
      fields: [
        { kind: 'cccd', value: '001090012345', sure: true, from: 'qr' },
        { kind: 'cccd', value: '001090012346', sure: false, from: 'text', why: 'differs-from-qr' },
      ],
      card: { name: 'Nguyễn Văn An', birthDate: '1990-03-15', sex: 'Nam', address: 'Hà Nội' },
    });
    const [fromQr, unsure] = Array.from(root.querySelectorAll<HTMLElement>('.ocr-field'));
    expect(fromQr!.querySelector('[data-testid="ocr-from-qr"]')!.textContent).toBe('từ mã QR');
    expect(fromQr!.querySelector('[data-testid="ocr-copy"]')).not.toBeNull();
    expect(fromQr!.querySelector('[data-testid="ocr-unsure"]')).toBeNull();
    expect(unsure!.querySelector('[data-testid="ocr-unsure"]')!.textContent).toBe('cần kiểm tra');
    expect(unsure!.querySelector('[data-testid="ocr-copy"]')).toBeNull();
    expect(unsure!.textContent).toContain('đừng sao chép');
    expect($('[data-testid="ocr-card"]')!.textContent).toBe('Trên thẻ (chỉ để xem, không lưu): Nguyễn Văn An, sinh ngày 15/03/1990, Nam');
    // "Xóa" forgets the holder with the rest.
    await act(async () => $<HTMLButtonElement>('[data-testid="ocr-clear"]')?.click());
    expect($('[data-testid="ocr-card"]')).toBeNull();
  });

  it('18.4 each text value shows its line large (a canvas of the crop\'s pixels) beside the digits; unsure digits are underlined and named, with no copy', async () => {
    // happy-dom has no 2d context: a stand-in that keeps what is painted.
    const painted: { data: Uint8ClampedArray; width: number; height: number }[] = [];
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () =>
        ({
          createImageData: (width: number, height: number) => ({ data: new Uint8ClampedArray(width * height * 4), width, height }),
          putImageData: (img: { data: Uint8ClampedArray; width: number; height: number }) => painted.push(img),
        }) as unknown as CanvasRenderingContext2D,
    );
    try {
      const api = fakeApi();
      mount(api);
      await pickFile(image());
      const crop = { data: new Uint8ClampedArray([0, 128, 255, 30, 60, 90]), width: 3, height: 2 };
      await api.finish({
        text: 'Mã khách hàng: PE01000123456\nĐiện thoại: 0912 345 678',
        skew: 0,
        ms: 900,
        fields: [
          { kind: 'evn-customer', value: 'PE01000123456', sure: false, from: 'text', why: 'unsure-digits', unsureAt: [6, 10], line: { x: 4, y: 4, width: 120, height: 16 }, crop, confidences: [] },
          { kind: 'phone', value: '0912345678', sure: true, from: 'text', line: { x: 4, y: 24, width: 90, height: 16 }, crop: { data: new Uint8ClampedArray(4), width: 2, height: 2 } },
        ],
      });
      const [code, phone] = Array.from(root.querySelectorAll<HTMLElement>('.ocr-field'));
      const canvas = code!.querySelector<HTMLCanvasElement>('canvas[data-testid="ocr-line-crop"]')!;
      expect(canvas.getAttribute('role')).toBe('img');
      expect(canvas.getAttribute('aria-label')).toBe('Dòng trên giấy có Mã khách hàng EVN: so với các chữ số đọc được');
      expect([canvas.width, canvas.height]).toEqual([3, 2]);
      // Each grey level painted as an opaque pixel.
      expect(Array.from(painted[0]!.data.slice(0, 12))).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
      // "PE01 000 123 456": the value's 7th and 11th characters are marked, in the grouped display.
      expect(code!.querySelector('.ocr-value')!.textContent).toBe('PE01 000 123 456');
      expect(Array.from(code!.querySelectorAll('mark[data-testid="ocr-digit-unsure"]')).map((m) => m.textContent)).toEqual(['0', '4']);
      expect(code!.querySelector('[data-testid="ocr-unsure-digits"]')!.textContent).toBe('Chữ số cần kiểm tra (đếm từ trái): 7, 11');
      expect(code!.querySelector('[data-testid="ocr-unsure"]')!.textContent).toBe('cần kiểm tra');
      expect(code!.querySelector('[data-testid="ocr-copy"]')).toBeNull();
      // The sure value: its crop too, no marks, a copy button.
      expect(phone!.querySelector('canvas[data-testid="ocr-line-crop"]')).not.toBeNull();
      expect(phone!.querySelector('mark')).toBeNull();
      expect(phone!.querySelector('[data-testid="ocr-copy"]')).not.toBeNull();
      // "Xóa": the crops go with the results, their canvases emptied.
      await act(async () => $<HTMLButtonElement>('[data-testid="ocr-clear"]')?.click());
      expect(root.querySelector('canvas')).toBeNull();
      expect([canvas.width, canvas.height]).toEqual([0, 0]);
    } finally {
      getContext.mockRestore();
    }
  });

  it('18.4 an account too long or short for its bank says so', async () => {
    const api = fakeApi();
    mount(api, 'en');
    await pickFile(image());
    await api.finish({ text: '', skew: 0, ms: 900, fields: [{ kind: 'bank-account', value: '150020550123', sure: false, from: 'text', why: 'bank-account-length' }] });
    expect(text()).toContain('This account number is not as long as the bank named on the paper uses.');
    expect($('[data-testid="ocr-copy"]')).toBeNull();
  });

  it('says so when no code is found', async () => {
    const api = fakeApi();
    mount(api);
    await pickFile(image());
    await api.finish({ text: 'Kính gửi quý khách, cảm ơn đã sử dụng dịch vụ.', skew: 0, ms: 500 });
    expect($('[data-testid="ocr-none"]')!.textContent).toBe('Không tìm thấy mã nào — thử chụp gần hơn, đủ sáng.');
  });

  it.each([
    ['not-image', 'vi', 'Tệp này không phải ảnh. Hãy chọn ảnh chụp (JPG, PNG…).'],
    ['too-large', 'vi', 'Ảnh quá lớn (tối đa 25 MB, 50 triệu điểm ảnh). Hãy chụp lại với độ phân giải thấp hơn.'],
    ['unreadable', 'vi', 'Không đọc được ảnh này. Hãy chụp lại rõ hơn hoặc chọn ảnh khác.'],
    ['not-image', 'en', 'This file is not an image. Pick a photo (JPG, PNG…).'],
    ['timeout', 'en', 'The text reader did not answer in time. Try again; if it keeps happening, close and reopen the panel.'],
  ] as const)('explains a %s error (%s)', async (code, lang, message) => {
    const api = fakeApi();
    mount(api, lang);
    await pickFile(image());
    await api.finish(new OcrError(code));
    expect($('[role="alert"]')!.textContent).toBe(message);
    expect($('[data-testid="ocr-result"]')).toBeNull();
  });

  it('"Xóa", close and pagehide forget the results and the text', async () => {
    const api = fakeApi();
    const onClose = vi.fn();
    mount(api, 'vi', onClose);
    await pickFile(image());
    await api.finish({ text: BILL, skew: 0, ms: 1 });
    expect(text()).toContain('PE01 000 123 456');
    act(() => $<HTMLButtonElement>('[data-testid="ocr-clear"]')!.click());
    expect(text()).not.toContain('PE01');
    expect(root.querySelector('pre')).toBeNull();

    await pickFile(image());
    await api.finish({ text: BILL, skew: 0, ms: 1 });
    expect(text()).toContain('PE01 000 123 456');
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(text()).not.toContain('PE01');

    // A read that finishes after "Xóa" is dropped, not shown.
    await pickFile(image());
    act(() => $<HTMLButtonElement>('[data-testid="ocr-clear"]')!.click());
    await api.finish({ text: BILL, skew: 0, ms: 1 });
    expect(text()).not.toContain('PE01');

    act(() => $<HTMLButtonElement>('[data-testid="ocr-close"]')!.click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('reads an image pasted with Ctrl+V, and refuses a pasted file that is not one', async () => {
    const api = fakeApi();
    mount(api);
    const paste = (files: File[]): Event => {
      const e = new Event('paste', { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'clipboardData', { value: { files } });
      return e;
    };
    await act(async () => {
      document.dispatchEvent(paste([new File(['x'], 'notes.txt', { type: 'text/plain' })]));
    });
    expect(api.read).not.toHaveBeenCalled();
    expect($('[role="alert"]')!.textContent).toContain('không phải ảnh');
    const pasted = image();
    await act(async () => {
      document.dispatchEvent(paste([pasted]));
    });
    expect(api.read).toHaveBeenCalledWith(pasted, expect.any(Function));
  });

  it('offers the helper in a tab when the side panel cannot ask for the webcam', async () => {
    const openInTab = vi.fn();
    const api = fakeApi({ camera: () => Promise.reject(Object.assign(new Error('Permission dismissed'), { name: 'NotAllowedError' })), openInTab });
    mount(api);
    await act(async () => {
      $<HTMLButtonElement>('[data-testid="ocr-camera"]')!.click();
      await new Promise((x) => setTimeout(x, 0));
    });
    expect($('[role="alert"]')!.textContent).toContain('Không mở được webcam ở đây');
    act(() => $<HTMLButtonElement>('[data-testid="ocr-open-tab"]')!.click());
    expect(openInTab).toHaveBeenCalledTimes(1);
  });

  it('turns the webcam off on close', async () => {
    const stop = vi.fn();
    const stream = { getTracks: () => [{ stop }] } as unknown as MediaStream;
    const api = fakeApi({ camera: () => Promise.resolve(stream) });
    mount(api, 'vi', () => undefined);
    await act(async () => {
      $<HTMLButtonElement>('[data-testid="ocr-camera"]')!.click();
      await new Promise((x) => setTimeout(x, 0));
    });
    expect($('video')).not.toBeNull();
    expect($('[data-testid="ocr-capture"]')!.textContent).toBe('Chụp');
    act(() => $<HTMLButtonElement>('[data-testid="ocr-close"]')!.click());
    expect(stop).toHaveBeenCalled();
    expect($('video')).toBeNull();
  });

  it('shows the tab screenshot to crop, and reads the whole of it on request', async () => {
    const screenshot = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    const api = fakeApi({ captureTab: () => Promise.resolve(screenshot) });
    mount(api);
    await act(async () => {
      $<HTMLButtonElement>('[data-testid="ocr-tab"]')!.click();
      await new Promise((x) => setTimeout(x, 0));
    });
    expect($('[data-testid="ocr-crop-area"] img')!.getAttribute('src')).toMatch(/^blob:/);
    // Nothing selected yet: only the whole picture can be read.
    expect($<HTMLButtonElement>('[data-testid="ocr-read-crop"]')!.disabled).toBe(true);
    await act(async () => {
      $<HTMLButtonElement>('[data-testid="ocr-read-whole"]')!.click();
      await new Promise((x) => setTimeout(x, 0));
    });
    expect(api.read).toHaveBeenCalledWith(screenshot, expect.any(Function));
    // The screenshot is dropped as soon as it is handed to the reader.
    expect($('[data-testid="ocr-crop-area"]')).toBeNull();
  });

  it('says clearly when the tab cannot be captured, and has no such button without the API', async () => {
    const api = fakeApi({ captureTab: () => Promise.reject(new Error("Either the '<all_urls>' or 'activeTab' permission is required.")) });
    mount(api);
    await act(async () => {
      $<HTMLButtonElement>('[data-testid="ocr-tab"]')!.click();
      await new Promise((x) => setTimeout(x, 0));
    });
    expect($('[role="alert"]')!.textContent).toContain('Trình duyệt không cho chụp trang này');
    act(() => render(null, root));
    mount(fakeApi());
    expect($('[data-testid="ocr-tab"]')).toBeNull();
    expect($('[data-testid="ocr-camera"]')).toBeNull();
  });
});
