// Issue 20, the dashboard: "Cần kiểm tra gói" links a step to the editor (a built-in pack through the desk's
// copy, made on the first click: extension/editor-link.ts), the editor scrolls to, focuses and marks that step
// (components/editor-step-link.ts), and the period's dates are typed as dd/mm/yyyy with a clear refusal
// (components/dashboard-date-field.tsx).
import { useRenderRoot } from './dom-helpers';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateField } from '../../components/dashboard-date-field';
import { focusLinkedStep, keepInView, KEEP_IN_VIEW_MS, linkedStep } from '../../components/editor-step-link';
import { createCatalog } from '../../core/catalog';
import { createTranslator } from '../../core/i18n';
import { emptyLibrary, type Library } from '../../core/pack-library';
import { createEditorLinks } from '../../extension/editor-link';
import { BUILT_IN_IDS } from '../../extension/library';
import { SHIPPED_PACKS } from '../../walkthroughs';

const shipped = createCatalog(SHIPPED_PACKS).packs;

function memoryLibrary(initial: Library = emptyLibrary()) {
  let value = initial;
  return { getValue: async () => value, setValue: vi.fn(async (v: Library) => void (value = v)) };
}

function links(library = memoryLibrary()) {
  const opened: string[] = [];
  const api = createEditorLinks({ library, builtInIds: BUILT_IN_IDS, shipped, url: (p) => `chrome-extension://id${p}`, openTab: async (u) => void opened.push(u) });
  return { api, opened, library };
}

describe('links from the dashboard to a step in the editor', () => {
  it('a built-in pack links to the desk copy at the step; the first click installs the copy, later ones keep it', async () => {
    const { api, opened, library } = links();
    const href = api.href('dichvucong', 'dang-nhap-vneid', 3);
    expect(href).toBe('chrome-extension://id/editor.html?pack=dichvucong-ban-sua&w=dang-nhap-vneid&step=3');
    await api.open('dichvucong', 'dang-nhap-vneid', 3);
    expect(opened).toEqual([href]);
    const lib = await library.getValue();
    expect(Object.keys(lib.packs)).toEqual(['dichvucong-ban-sua']);
    expect(lib.packs['dichvucong-ban-sua']![0]!.version).toBe('1.0.0');
    await api.open('dichvucong', 'dang-nhap-vneid', 5);
    expect(library.setValue).toHaveBeenCalledTimes(1);
    expect(opened[1]).toBe('chrome-extension://id/editor.html?pack=dichvucong-ban-sua&w=dang-nhap-vneid&step=5');
  });

  it("the desk's own pack links to itself and opening it writes nothing", async () => {
    const { api, opened, library } = links();
    await api.open('phuong-26734', 'cap-ban-sao', 2);
    expect(opened).toEqual(['chrome-extension://id/editor.html?pack=phuong-26734&w=cap-ban-sao&step=2']);
    expect(library.setValue).not.toHaveBeenCalled();
  });
});

describe('the editor at the linked step', () => {
  afterEach(() => document.body.replaceChildren());

  it('reads step=N (from 1) and nothing else', () => {
    expect(linkedStep('?pack=a&w=b&step=3')).toBe(3);
    for (const s of ['?pack=a', '?step=0', '?step=-1', '?step=2x', '?step=', '?step=99999']) expect(linkedStep(s), s).toBeNull();
  });

  it('once the list is rendered, scrolls to, focuses and marks that step only', async () => {
    const scrolled: string[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this.dataset.step ?? '');
    });
    const stop = focusLinkedStep(document, '?pack=a&w=b&step=2');
    // The editor renders after its settings and library load.
    const list = document.createElement('ol');
    list.className = 'editor-steps';
    for (let i = 0; i < 4; i++) {
      const li = document.createElement('li');
      li.dataset.step = String(i);
      li.textContent = `step ${i + 1}`;
      list.append(li);
    }
    document.body.append(list);
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('step 2'));
    expect(scrolled).toEqual(['1']);
    expect([...list.children].map((li) => (li as HTMLElement).dataset.linked ?? '')).toEqual(['', 'true', '', '']);
    expect((document.activeElement as HTMLElement).tabIndex).toBe(-1);
    stop();
    vi.restoreAllMocks();
  });

  it('a step past the end is left alone, and the watch ends with the list', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'disconnect');
    focusLinkedStep(document, '?step=9');
    const list = document.createElement('ol');
    list.className = 'editor-steps';
    const only = document.createElement('li');
    only.dataset.step = '0';
    only.textContent = 'one';
    list.append(only);
    document.body.append(list);
    await vi.waitFor(() => expect(observe).toHaveBeenCalled());
    expect(document.activeElement).toBe(document.body);
    expect(list.querySelector('[data-linked]')).toBeNull();
    vi.restoreAllMocks();
  });
});

describe('the linked step kept in view while the editor draws', () => {
  /** A ResizeObserver the test fires, the page's layout being what the test says. */
  function fakeResize(): { fire: () => void; disconnected: () => boolean } {
    let callback: (() => void) | null = null;
    let off = false;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: () => void) {
          callback = cb;
        }
        observe(): void {}
        disconnect(): void {
          off = true;
        }
      },
    );
    return { fire: () => void (off ? undefined : callback?.()), disconnected: () => off };
  }

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('a pass that pushes the step away seconds later (a slow desk computer) still brings it back; the author\'s first key ends the watch', () => {
    vi.useFakeTimers();
    const resize = fakeResize();
    const item = document.body.appendChild(document.createElement('li'));
    let top = 300;
    vi.spyOn(item, 'getBoundingClientRect').mockImplementation(() => ({ top, bottom: top + 40 }) as DOMRect);
    const scrolled = vi.spyOn(item, 'scrollIntoView').mockImplementation(() => void (top = 300));
    keepInView(document, item);
    // In view: left alone.
    resize.fire();
    expect(scrolled).not.toHaveBeenCalled();
    // Eight seconds on, the previews above it come and push it down out of the window: back to the middle.
    vi.advanceTimersByTime(8000);
    top = 2400;
    resize.fire();
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(scrolled).toHaveBeenLastCalledWith({ block: 'center' });
    // The author presses a key: from then on the page is theirs.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    expect(resize.disconnected()).toBe(true);
    top = -500;
    resize.fire();
    expect(scrolled).toHaveBeenCalledTimes(1);
  });

  it('a watch nobody ends stops after KEEP_IN_VIEW_MS', () => {
    vi.useFakeTimers();
    const resize = fakeResize();
    const item = document.body.appendChild(document.createElement('li'));
    keepInView(document, item);
    vi.advanceTimersByTime(KEEP_IN_VIEW_MS - 1);
    expect(resize.disconnected()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(resize.disconnected()).toBe(true);
  });
});

describe('the period typed as dd/mm/yyyy', () => {
  const rootOf = useRenderRoot();

  function mount(value: string, onChange: (iso: string) => void, lang: 'vi' | 'en' = 'vi'): HTMLInputElement {
    act(() => render(<DateField t={createTranslator(lang)} lang={lang} id="period-from" label="Từ ngày" value={value} example="2026-12-02" onChange={onChange} />, rootOf()));
    return rootOf().querySelector<HTMLInputElement>('[data-testid="period-from"]')!;
  }
  const type = (input: HTMLInputElement, text: string): void => {
    act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('change'));
    });
  };

  it('shows the date held as dd/mm/yyyy, with the form and an example as its description', () => {
    const input = mount('2026-01-01', () => undefined);
    expect(input.value).toBe('01/01/2026');
    expect(input.type).toBe('text');
    expect(input.placeholder).toBe('dd/mm/yyyy');
    expect(rootOf().querySelector('#period-from-help')!.textContent).toBe('Dạng dd/mm/yyyy, ví dụ 02/12/2026');
    expect(input.getAttribute('aria-describedby')).toBe('period-from-help');
    expect(rootOf().querySelector('label')!.htmlFor).toBe('period-from');
  });

  it('takes a typed date, written back in the one form', () => {
    const onChange = vi.fn();
    const input = mount('2026-01-01', onChange);
    type(input, '2/11/2026');
    expect(onChange).toHaveBeenCalledWith('2026-11-02');
    expect(input.value).toBe('02/11/2026');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    type(input, '');
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('refuses a wrong shape, a day not on the calendar and a far year, in Vietnamese, and keeps the period', () => {
    const onChange = vi.fn();
    const input = mount('2026-01-01', onChange);
    const error = (): string | null | undefined => rootOf().querySelector('[data-testid="period-from-error"]')?.textContent;
    type(input, '2026-11-02');
    expect(error()).toBe('Chưa đúng dạng ngày/tháng/năm (dd/mm/yyyy). Ví dụ: 02/12/2026.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('period-from-error period-from-help');
    type(input, '31/02/2026');
    expect(error()).toBe('Không có ngày 31/02/2026 trên lịch. Xem lại ngày và tháng.');
    type(input, '01/01/1990');
    expect(error()).toBe('Năm phải từ 2000 đến 2099.');
    expect(onChange).not.toHaveBeenCalled();
    expect(input.value).toBe('01/01/1990');
    type(input, '01/02/2026');
    expect(error()).toBeUndefined();
    expect(onChange).toHaveBeenCalledWith('2026-02-01');
  });
});
