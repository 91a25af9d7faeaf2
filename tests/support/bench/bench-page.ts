// In-page helpers for the anchor benchmark (bundled and injected into Chromium pages).
import { mulberry32 } from '../random';

/** The one element an XPath names, or null. */
export function byXPath(doc: Document, xpath: string): Element | null {
  const r = doc.evaluate(xpath, doc, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  return r.snapshotLength === 1 ? (r.snapshotItem(0) as Element) : null;
}

/**
 * The single CSS selector a tour-library user would paste: `#id` when the element has one, else the
 * DevTools "Copy selector" shape — `tag:nth-child(n)` steps up to the nearest ancestor with an id.
 */
export function baselineSelector(el: Element): string {
  const esc = (s: string): string => CSS.escape(s);
  if (el.id) return `#${esc(el.id)}`;
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node.parentElement) {
    if (node.id) {
      steps.unshift(`#${esc(node.id)}`);
      return steps.join(' > ');
    }
    const parent: Element = node.parentElement;
    const index = Array.prototype.indexOf.call(parent.children, node) + 1;
    steps.unshift(`${node.tagName.toLowerCase()}:nth-child(${index})`);
    node = parent;
  }
  steps.unshift('html');
  return steps.join(' > ');
}

export function safeQuery(doc: Document, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}

export function judge(found: Element | null, truth: Element): 'correct' | 'wrong' | 'notFound' {
  if (!found) return 'notFound';
  return found === truth ? 'correct' : 'wrong';
}

export function visible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && (el as HTMLElement).checkVisibility?.({ visibilityProperty: true }) !== false;
}

const WORDS = ['Đăng ký', 'Đăng nhập', 'Tra cứu', 'Hồ sơ', 'Thanh toán', 'Lệ phí', 'Khai sinh', 'Thường trú', 'Giấy phép', 'Lái xe', 'Kết hôn', 'Trích lục', 'Hộ tịch', 'Căn cước', 'Bảo hiểm', 'Thuế', 'Điện', 'Nước', 'Tài khoản', 'Chuyển tiền', 'Xác nhận', 'Tiếp tục', 'Quay lại', 'Hủy', 'Lưu nháp', 'Gửi', 'Tải lên', 'Xem thêm', 'Chi tiết', 'Hướng dẫn'];

/**
 * Fill the document with about `n` elements of a portal-like page (sections, headings, forms with labelled
 * fields, buttons, links, tables) and return ~40 controls to use as targets.
 */
export function generatePage(doc: Document, n: number, seed: number): Element[] {
  const rng = mulberry32(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const phrase = (): string => `${pick(WORDS)} ${pick(WORDS).toLowerCase()}${rng() < 0.5 ? ` ${Math.floor(rng() * 90 + 10)}` : ''}`;
  doc.body.replaceChildren();
  const controls: Element[] = [];
  let count = 0;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, parent: Element, text?: string): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    if (text) e.textContent = text;
    parent.append(e);
    count++;
    return e;
  };
  let sectionNo = 0;
  while (count < n) {
    const section = el('section', doc.body);
    section.className = `khoi-${sectionNo++ % 7}`;
    el('h2', section, `${phrase()} — mục ${sectionNo}`);
    const form = el('form', section);
    for (let i = 0; i < 4; i++) {
      const row = el('div', form);
      const id = `f${sectionNo}-${i}`;
      const label = el('label', row, phrase());
      label.htmlFor = id;
      const input = el('input', row);
      input.id = id;
      input.name = `truong_${sectionNo}_${i}`;
      controls.push(input);
    }
    const actions = el('div', form);
    for (let i = 0; i < 3; i++) controls.push(el('button', actions, phrase()));
    const list = el('ul', section);
    for (let i = 0; i < 6; i++) {
      const li = el('li', list);
      const link = el('a', li, phrase());
      link.href = `/trang/${sectionNo}/${i}.html`;
      controls.push(link);
      el('span', li, `${Math.floor(rng() * 1000)} lượt xem`);
    }
    const table = el('table', section);
    for (let r = 0; r < 3; r++) {
      const tr = el('tr', table);
      for (let c = 0; c < 3; c++) el('td', tr, `${phrase()}`);
    }
  }
  const step = Math.max(1, Math.floor(controls.length / 40));
  return controls.filter((_, i) => i % step === 0).slice(0, 40);
}
