// The ward-site widget's two leaks to other hosts: a step image from another host (a tracking pixel on the
// ward's page) is never loaded, and the print view's QR code never carries the ward page's query string.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { PrintView, qrPath } from '../../components/print-view';
import { Widget } from '../../components/widget';
import { createCatalog } from '../../core/catalog';
import { createTranslator } from '../../core/i18n';
import evn from '../../walkthroughs/evn.json';
import { useRenderRoot } from './dom-helpers';

const PACK_URL = 'https://phuong-a.example/goi/evn.json';

/** The EVN pack with images on its first three steps. */
function packWithImages(srcs: string[]): unknown {
  const p = structuredClone(evn) as unknown as { walkthroughs: { steps: Record<string, unknown>[] }[] };
  srcs.forEach((src, i) => (p.walkthroughs[0]!.steps[i]!.image = { src, alt: { vi: `Ảnh bước ${i + 1}` } }));
  return p;
}

const rootOf = useRenderRoot();

const settle = (): Promise<void> => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

describe('15.8 the widget sends nothing to other hosts', () => {
  it('15.8 a step image is shown only from the pack file’s own origin', async () => {
    // Valid for the pack (relative, or on one of its origins), but only the relative ones are the pack's own.
    const catalog = createCatalog([packWithImages(['anh/buoc-1.png', 'https://evn.example/anh/buoc-2.png', '/anh/buoc-3.png'])]);
    expect(catalog.rejected).toEqual([]);
    const walk = catalog.packs[0]!.walkthroughs[0]!;
    act(() =>
      render(
        <Widget t={createTranslator('vi')} lang="vi" source={{ kind: 'ready', catalog, base: PACK_URL }} open={walk.id} pageUrl="https://phuong-a.example/" loadPrint={async () => PrintView} print={() => undefined} />,
        rootOf(),
      ),
    );
    await settle();
    act(() => rootOf().querySelector<HTMLButtonElement>('[data-dan-buoc="widget-start"]')!.click());
    const shown: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      shown.push(rootOf().querySelector('img')?.getAttribute('src') ?? null);
      act(() => rootOf().querySelector<HTMLButtonElement>('[data-dan-buoc="next"]')!.click());
    }
    expect(shown).toEqual(['https://phuong-a.example/goi/anh/buoc-1.png', null, 'https://phuong-a.example/anh/buoc-3.png']);
  });

  it('15.8 the print view’s QR code leads to the ward page without its query string', async () => {
    const catalog = createCatalog([evn]);
    const walk = catalog.packs[0]!.walkthroughs[0]!;
    const loadPrint = vi.fn(async () => PrintView);
    const pageUrl = 'https://phuong-a.example/dich-vu/tra-cuu.html?ho-ten=Nguyen+Thi+Hoa&sdt=0912345678#ket-qua';
    act(() =>
      render(<Widget t={createTranslator('vi')} lang="vi" source={{ kind: 'ready', catalog, base: PACK_URL }} open={walk.id} pageUrl={pageUrl} loadPrint={loadPrint} print={() => undefined} />, rootOf()),
    );
    await settle();
    expect(loadPrint).not.toHaveBeenCalled();
    act(() => rootOf().querySelector<HTMLButtonElement>('[data-dan-buoc="widget-print-view"]')!.click());
    await settle();
    expect(loadPrint).toHaveBeenCalledTimes(1);
    const want = `https://phuong-a.example/dich-vu/tra-cuu.html#huong-dan=evn/${walk.id}`;
    // The QR code drawn is the one of that address.
    expect(rootOf().querySelector('[data-dan-buoc="widget-qr"] path')!.getAttribute('d')).toBe(qrPath(want)!.d);
    expect(rootOf().querySelector('.dbw-url')!.textContent).toBe(want);
    expect(rootOf().textContent).not.toContain('0912345678');
  });
});

describe('the print view comes in a file of its own', () => {
  it('loaded when first opened, marking the element; a file that does not come is said, and opening again tries again', async () => {
    const catalog = createCatalog([evn]);
    const walk = catalog.packs[0]!.walkthroughs[0]!;
    let fail = true;
    const loadPrint = vi.fn(async () => (fail ? Promise.reject(new Error('dan-buoc-print.js did not load')) : PrintView));
    const marks: boolean[] = [];
    act(() =>
      render(
        <Widget t={createTranslator('vi')} lang="vi" source={{ kind: 'ready', catalog, base: PACK_URL }} open={walk.id} pageUrl="https://phuong-a.example/" loadPrint={loadPrint} print={() => undefined} onPrintView={(on) => marks.push(on)} />,
        rootOf(),
      ),
    );
    await settle();
    const click = (what: string): void => {
      act(() => rootOf().querySelector<HTMLButtonElement>(`[data-dan-buoc="${what}"]`)!.click());
    };
    click('widget-print-view');
    await settle();
    expect(rootOf().querySelector('[data-dan-buoc="widget-print-failed"]')!.textContent).toBe(createTranslator('vi')('widget.printFailed'));
    expect(rootOf().querySelector('[data-dan-buoc="widget-print"]')).toBeNull();
    click('widget-close-print');
    expect(rootOf().querySelector('[data-dan-buoc="widget-start"]')).not.toBeNull();
    fail = false;
    click('widget-print-view');
    await settle();
    expect(loadPrint).toHaveBeenCalledTimes(2);
    expect(rootOf().querySelectorAll('.dbw-steps > li')).toHaveLength(walk.steps.length);
    expect(rootOf().querySelector('h2')!.textContent).toBe(walk.title.vi);
    // Keyboard and screen-reader users land on the print view's heading once it is there.
    expect(document.activeElement).toBe(rootOf().querySelector('.dbw-print h2'));
    expect(marks).toEqual([true, false, true]);
    // Once here, it stays: closing and opening again loads nothing more.
    click('widget-close-print');
    click('widget-print-view');
    await settle();
    expect(loadPrint).toHaveBeenCalledTimes(2);
    expect(rootOf().querySelector('[data-dan-buoc="widget-qr"]')).not.toBeNull();
  });
});

describe('20 the widget speaks to a resident at home and keeps to its own sizes', () => {
  const locale = (lang: string): Record<string, string> => JSON.parse(readFileSync(path.join(__dirname, `../../locales/${lang}.json`), 'utf8')) as Record<string, string>;

  it('20 its words never send the resident to a helper or a volunteer', () => {
    const vi = locale('vi');
    const en = locale('en');
    // What the widget shows: its own keys and the step card's (the overlay's private notes and "done" are not used).
    const shown = (l: Record<string, string>): [string, string][] =>
      Object.entries(l).filter(([k]) => k.startsWith('widget.') || ['overlay.step', 'overlay.back', 'overlay.next', 'overlay.finish', 'overlay.listen', 'overlay.speaking', 'overlay.noVoice', 'overlay.label'].includes(k));
    for (const [k, v] of shown(vi)) expect(v, k).not.toMatch(/người hỗ trợ|tình nguyện|quay mặt|người dân/i);
    for (const [k, v] of shown(en)) expect(v, k).not.toMatch(/volunteer|helper|look away|the resident/i);
    for (const kind of ['password', 'otp', 'pin']) expect(vi[`widget.private.${kind}`]).toMatch(/^Tự nhập .*không đọc to, không đưa cho ai — kể cả người xưng là cán bộ\.$/);
  });

  it('20 its style sheets size nothing in rem: a page’s `html { font-size: 10px }` cannot shrink it', () => {
    for (const file of ['widget/widget.css', 'widget/print.css', 'components/step-card.css']) {
      const css = readFileSync(path.join(__dirname, '../..', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(css, file).not.toMatch(/\d\s*rem\b/);
    }
    // Every inherited property the page passes down stops at the widget's root.
    expect(readFileSync(path.join(__dirname, '../../widget/widget.css'), 'utf8')).toMatch(/\.dbw \{ all: initial;/);
  });
});
