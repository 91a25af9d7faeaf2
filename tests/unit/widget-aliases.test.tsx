// The widget's search knows the words people use too (issue 20): a resident at home typing "LLTP" or "lltp"
// finds the lý lịch tư pháp walkthrough on the ward's page (the widget searches the same catalogue).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { PrintView } from '../../components/print-view';
import { Widget } from '../../components/widget';
import { createCatalog } from '../../core/catalog';
import { createTranslator } from '../../core/i18n';
import dichvucong from '../../walkthroughs/dichvucong.json';
import { useRenderRoot } from './dom-helpers';

const rootOf = useRenderRoot();

describe("the widget's search", () => {
  it('finds the lý lịch tư pháp walkthrough by "LLTP" and "lltp", and the VNeID sign-in by "CCCD"', async () => {
    const catalog = createCatalog([dichvucong]);
    act(() =>
      render(
        <Widget t={createTranslator('vi')} lang="vi" source={{ kind: 'ready', catalog, base: 'https://phuong-a.example/goi/dvc.json' }} pageUrl="https://phuong-a.example/" loadPrint={async () => PrintView} print={() => undefined} />,
        rootOf(),
      ),
    );
    const listed = (): string[] => [...rootOf().querySelectorAll('[data-walkthrough]')].map((b) => b.getAttribute('data-walkthrough') ?? '');
    expect(listed()).toEqual(['dang-nhap-vneid', 'ly-lich-tu-phap']);
    const search = async (q: string): Promise<string[]> => {
      const input = rootOf().querySelector<HTMLInputElement>('[data-dan-buoc="widget-search"]')!;
      await act(async () => {
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      return listed();
    };
    expect(await search('LLTP')).toEqual(['ly-lich-tu-phap']);
    expect(await search('lltp')).toEqual(['ly-lich-tu-phap']);
    expect(await search('CCCD')).toEqual(['dang-nhap-vneid']);
    expect(await search('khong co')).toEqual([]);
  });
});
