// What a step points at, named for the editor (issue 20): the kind from role / tag / type, and its words.
import { describe, expect, it } from 'vitest';
import { captureAnchor } from '../../core/capture';
import { controlKind, controlOf, CONTROL_KINDS } from '../../core/control-kind';

function anchorOf(html: string) {
  document.body.replaceChildren();
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  document.body.append(...Array.from(doc.body.childNodes, (n) => document.importNode(n, true)));
  return captureAnchor(document.querySelector('[data-me]')!);
}

describe('20 control-kind', () => {
  it('names the kind of control from the anchor captured on a page', () => {
    const cases: [string, string][] = [
      ['<button data-me>Tra cứu</button>', 'button'],
      ['<input data-me type="submit" value="Gửi">', 'button'],
      ['<a data-me href="/x">Hướng dẫn</a>', 'link'],
      ['<a data-me href="#" role="button">Đăng nhập</a>', 'button'],
      ['<label for="m">Mã khách hàng</label><input data-me id="m">', 'field'],
      ['<textarea data-me aria-label="Ghi chú"></textarea>', 'field'],
      ['<input data-me type="search" aria-label="Tìm">', 'field'],
      ['<select data-me aria-label="Tỉnh"><option>Hà Nội</option></select>', 'list'],
      ['<label><input data-me type="checkbox"> Đồng ý</label>', 'checkbox'],
      ['<label><input data-me type="radio" name="r"> Nam</label>', 'radio'],
      ['<input data-me type="file" aria-label="Ảnh">', 'file'],
      ['<div data-me role="tab">Cá nhân</div>', 'tab'],
      ['<div data-me role="switch" aria-label="Bật">x</div>', 'checkbox'],
    ];
    for (const [html, kind] of cases) expect(controlKind(anchorOf(html)), html).toBe(kind);
  });

  it('falls back to the coarse kind, and every kind is one the editor names', () => {
    expect(controlKind({ kind: 'action', tag: 'div', role: 'generic' })).toBe('button');
    expect(controlKind({ kind: 'select', tag: 'div', role: 'generic' })).toBe('list');
    expect(controlKind({ kind: 'other', tag: 'span', role: 'generic' })).toBe('other');
    expect(controlKind({ kind: 'action', tag: 'a', role: 'generic' })).toBe('button');
    for (const k of ['action', 'field', 'select', 'toggle', 'other'] as const) expect(CONTROL_KINDS).toContain(controlKind({ kind: k, tag: 'x-y', role: 'generic' }));
  });

  it('names the control by its own words, its label for a field', () => {
    expect(controlOf(anchorOf('<button data-me>  Tra   cứu </button>'))).toEqual({ kind: 'button', label: 'Tra cứu' });
    expect(controlOf(anchorOf('<label for="m">Mã khách hàng</label><input data-me id="m">'))).toEqual({ kind: 'field', label: 'Mã khách hàng' });
    expect(controlOf({ v: 1, kind: 'action', tag: 'button', role: 'button', path: 'button', index: 0, count: 1 })).toEqual({ kind: 'button', label: '' });
  });
});
