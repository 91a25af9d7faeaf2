// The ward-site widget's two leaks to other hosts: a step image from another host (a tracking pixel on the
// ward's page) is never loaded, and the print view's QR code never carries the ward page's query string.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Widget, type QrPath } from '../../components/widget';
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
        <Widget t={createTranslator('vi')} lang="vi" source={{ kind: 'ready', catalog, base: PACK_URL }} open={walk.id} pageUrl="https://phuong-a.example/" loadQr={async () => ({ size: 1, d: '' })} print={() => undefined} />,
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
    const loadQr = vi.fn(async (): Promise<QrPath> => ({ size: 1, d: 'M0 0h1v1h-1z' }));
    const pageUrl = 'https://phuong-a.example/dich-vu/tra-cuu.html?ho-ten=Nguyen+Thi+Hoa&sdt=0912345678#ket-qua';
    act(() =>
      render(<Widget t={createTranslator('vi')} lang="vi" source={{ kind: 'ready', catalog, base: PACK_URL }} open={walk.id} pageUrl={pageUrl} loadQr={loadQr} print={() => undefined} />, rootOf()),
    );
    await settle();
    act(() => rootOf().querySelector<HTMLButtonElement>('[data-dan-buoc="widget-print-view"]')!.click());
    await settle();
    const want = `https://phuong-a.example/dich-vu/tra-cuu.html#huong-dan=evn/${walk.id}`;
    expect(loadQr).toHaveBeenCalledWith(want);
    expect(rootOf().querySelector('.dbw-url')!.textContent).toBe(want);
    expect(rootOf().textContent).not.toContain('0912345678');
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
    for (const file of ['widget/widget.css', 'components/step-card.css']) {
      const css = readFileSync(path.join(__dirname, '../..', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(css, file).not.toMatch(/\d\s*rem\b/);
    }
    // Every inherited property the page passes down stops at the widget's root.
    expect(readFileSync(path.join(__dirname, '../../widget/widget.css'), 'utf8')).toMatch(/\.dbw \{ all: initial;/);
  });
});
