// The anchor engine where layout matters: real Chromium, open shadow roots, same-origin iframes,
// hidden look-alikes, late rendering.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorsBundle, launch, startSites, type Launched, type SitesServer } from '../support/harness';
import { typeWhenReady } from './fixture';

type AnchorsModule = typeof import('../../core/capture');
declare global {
  interface Window {
    __danBuocAnchors: AnchorsModule;
  }
}

describe('anchors in Chromium', () => {
  let server: SitesServer;
  let chrome: Launched;
  let bundle: string;
  beforeAll(async () => {
    server = await startSites();
    chrome = await launch({ server, extension: false });
    bundle = await anchorsBundle();
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });

  async function pageWith(html: string): Promise<Page> {
    const p = await chrome.browser.newPage();
    await p.setContent(`<!doctype html><html lang="vi"><body>${html}</body></html>`);
    await p.addScriptTag({ content: bundle });
    return p;
  }

  it('finds controls moved into an open shadow root and a same-origin iframe', async () => {
    const p = await pageWith('<form><label for="ma">Mã khách hàng</label><input id="ma" name="ma"><button type="submit">Tra cứu</button></form>');
    const result = await p.evaluate(() => {
      const A = window.__danBuocAnchors;
      const field = A.captureAnchor(document.querySelector('input')!);
      const button = A.captureAnchor(document.querySelector('button')!);
      document.body.replaceChildren();
      const host = document.createElement('div');
      document.body.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      const input = document.createElement('input');
      input.setAttribute('aria-label', 'Mã khách hàng');
      shadow.append(input);
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const doc = frame.contentDocument!;
      const b = doc.createElement('button');
      b.textContent = 'TRA CỨU ›';
      doc.body.append(b);
      return {
        field: A.resolveAnchor(field)?.element === input,
        button: A.resolveAnchor(button)?.element === b,
      };
    });
    expect(result).toEqual({ field: true, button: true });
    await p.close();
  });

  it('ignores hidden look-alikes: display none, visibility hidden, the hidden attribute', async () => {
    const p = await pageWith('<main><button id="ok">Xác nhận</button><button>Hủy</button></main>');
    const found = await p.evaluate(() => {
      const A = window.__danBuocAnchors;
      const a = A.captureAnchor(document.querySelector('#ok')!);
      document.body.replaceChildren();
      const mk = (style: string, hidden = false): HTMLButtonElement => {
        const b = document.createElement('button');
        b.textContent = 'Xác nhận';
        b.setAttribute('style', style);
        b.hidden = hidden;
        document.body.append(b);
        return b;
      };
      mk('display:none');
      mk('visibility:hidden');
      mk('', true);
      const visible = mk('');
      const cancel = document.createElement('button');
      cancel.textContent = 'Hủy';
      document.body.append(cancel);
      return A.resolveAnchor(a)?.element === visible;
    });
    expect(found).toBe(true);
    await p.close();
  });

  it('waits for a control that renders late inside an iframe', async () => {
    const p = await pageWith('<button>Tiếp tục</button>');
    const outcome = await p.evaluate(async () => {
      const A = window.__danBuocAnchors;
      const a = A.captureAnchor(document.querySelector('button')!);
      document.body.replaceChildren();
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const doc = frame.contentDocument!;
      const t0 = performance.now();
      setTimeout(() => {
        const b = doc.createElement('button');
        b.textContent = 'Tiếp tục';
        doc.body.append(b);
      }, 400);
      const r = await A.waitForAnchor(a, { timeoutMs: 3000 });
      return { found: r?.element.ownerDocument === doc, ms: performance.now() - t0 };
    });
    expect(outcome.found).toBe(true);
    expect(outcome.ms).toBeGreaterThanOrEqual(390);
    expect(outcome.ms).toBeLessThan(1500);
    await p.close();
  });

  it('never puts what a resident typed into an anchor', async () => {
    const p = await pageWith('<label>Số điện thoại <input name="phone"></label><label>Ghi chú <textarea name="note"></textarea></label>');
    await typeWhenReady(p, 'input', '0912345678');
    await typeWhenReady(p, 'textarea', 'Nguyen Van A 001234567890');
    const json = await p.evaluate(() =>
      JSON.stringify([...document.querySelectorAll('input, textarea')].map((el) => window.__danBuocAnchors.captureAnchor(el))),
    );
    expect(json).toContain('Số điện thoại');
    expect(json).not.toContain('0912345678');
    expect(json).not.toContain('001234567890');
    await p.close();
  });
});
