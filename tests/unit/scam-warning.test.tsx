// Issue 19: the console's "Cảnh báo trang giả mạo" toggle asks for the permission from the click and stays off
// when refused; the warning page shows a reason's own text when the locale files have it, else a generic one.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { ScamWarning, reasonTexts } from '../../components/scam-warning';
import { ScamWarningSetting } from '../../components/scam-warning-setting';
import { createTranslator } from '../../core/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { settle, useRenderRoot } from './dom-helpers';

const rootOf = useRenderRoot();
const vi = createTranslator('vi');

function mount(granted: boolean | Error) {
  const saved: Settings[] = [];
  let asked = 0;
  let released = 0;
  const api = {
    request: async () => {
      asked++;
      if (granted instanceof Error) throw granted;
      return granted;
    },
    release: async () => void released++,
  };
  const draw = (settings: Settings): void =>
    void act(() => render(<ScamWarningSetting t={vi} settings={settings} onSettings={(s) => (saved.push(s), draw(s))} api={api} />, rootOf()));
  draw(DEFAULT_SETTINGS);
  const box = (): HTMLInputElement => rootOf().querySelector<HTMLInputElement>('[data-testid="scam-warning"]')!;
  return { saved, box, asked: () => asked, released: () => released };
}

describe('19 the scam warning setting', () => {
  it('19 refused by the browser: the toggle stays off and says so calmly; nothing is saved', async () => {
    for (const answer of [false, new Error('prompt closed')]) {
      const m = mount(answer);
      act(() => m.box().click());
      await settle();
      expect(m.asked()).toBe(1);
      expect(m.saved).toEqual([]);
      expect(m.box().checked).toBe(false);
      expect(rootOf().querySelector('[data-testid="scam-warning-refused"]')!.textContent).toBe('Trình duyệt chưa cho phép nên cảnh báo vẫn tắt. Có thể bật lại bất cứ lúc nào.');
    }
  });

  it('19 granted: saved on; turned off: saved off and the permission given back', async () => {
    const m = mount(true);
    expect(rootOf().textContent).toContain('Cảnh báo trang giả mạo');
    act(() => m.box().click());
    await settle();
    expect(m.saved.at(-1)).toMatchObject({ scamWarning: true });
    expect(m.box().checked).toBe(true);
    act(() => m.box().click());
    await settle();
    expect(m.saved.at(-1)).toMatchObject({ scamWarning: false });
    expect(m.released()).toBe(1);
    expect(rootOf().querySelector('[data-testid="scam-warning-refused"]')).toBeNull();
  });
});

describe('19 the warning page', () => {
  it('19 reasons without their own text read as one generic sentence; the page says what to do and hides "Vẫn tiếp tục" behind "Tôi hiểu rủi ro"', () => {
    expect(reasonTexts(['no-such-reason', 'another-unknown'], vi)).toEqual([vi('warning.reasonGeneric')]);
    expect(reasonTexts([], vi)).toEqual([vi('warning.reasonGeneric')]);
    act(() =>
      render(<ScamWarning t={vi} host="dichvucong-gov.vn.xyz" imitates="dichvucong.gov.vn" reasons={['gov-vn-inside']} api={{ back: () => undefined, proceed: async () => undefined }} />, rootOf()),
    );
    expect(rootOf().querySelector('[data-testid="warning-do"]')!.textContent).toBe('Không nhập gì vào trang này. Trang thật là dichvucong.gov.vn.');
    expect(rootOf().querySelector('[data-testid="warning-back"]')!.textContent).toBe('Quay lại an toàn');
    const details = rootOf().querySelector<HTMLDetailsElement>('[data-testid="warning-understand"]')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('Tôi hiểu rủi ro');
    expect(details.contains(rootOf().querySelector('[data-testid="warning-continue"]'))).toBe(true);
    const en = createTranslator('en');
    act(() => render(<ScamWarning t={en} host="vietcombank-hotro.com" reasons={[]} api={{ back: () => undefined, proceed: async () => undefined }} />, rootOf()));
    expect(rootOf().querySelector('[data-testid="warning-back"]')!.textContent).toBe('Go back to safety');
    expect(rootOf().querySelector('[data-testid="warning-real"]')).toBeNull();
  });
});
