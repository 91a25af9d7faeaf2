// Issue 17.3, heal on the spot: a step keeps its earlier anchors beside the new one (validated like any
// anchor, path-named errors), and resolution weighs them all (a match of any; disagreement is not found).
import { beforeEach, describe, expect, it } from 'vitest';
import { agreeOn, captureAnchor, resolveAnyAnchor, waitForAnchor, type Anchor } from '../../core/anchors/index';
import { parsePack } from '../../core/pack';
import dichvucong from '../../walkthroughs/dichvucong.json';

function page(html: string): void {
  document.body.replaceChildren();
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  document.body.append(...Array.from(doc.body.childNodes, (n) => document.importNode(n, true)));
}

const anchorOf = (html: string, selector: string): Anchor => {
  page(html);
  return captureAnchor(document.querySelector(selector)!);
};

describe('17.3 a step keeps its earlier anchors', () => {
  const withAlso = (also: unknown): ReturnType<typeof parsePack> => {
    const pack = structuredClone(dichvucong) as unknown as { walkthroughs: { steps: Record<string, unknown>[] }[] };
    const step = pack.walkthroughs[0]!.steps.find((s) => s.anchor)!;
    step.alsoAnchors = also === 'same' ? [step.anchor] : also;
    return parsePack(pack);
  };

  it('17.3 alsoAnchors pass the same anchor schema, at most four, errors named by path', () => {
    const ok = withAlso('same');
    expect(ok.ok).toBe(true);
    const bad = withAlso([{ v: 2, kind: 'action', tag: 'BUTTON!', role: 'button', path: 'x', index: 0, count: 1 }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ path: expect.stringMatching(/^\/walkthroughs\/0\/steps\/\d+\/alsoAnchors\/0\/tag$/), code: 'pack.anchorTag' });
    const many = withAlso(Array.from({ length: 5 }, () => ({ v: 2, kind: 'action', tag: 'button', role: 'button', path: 'x', index: 0, count: 1 })));
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.errors[0]).toMatchObject({ path: expect.stringMatching(/\/alsoAnchors$/), code: 'pack.alsoAnchorsMax', params: { max: 4 } });
    const notList = withAlso({ tag: 'a' });
    expect(notList.ok).toBe(false);
    if (!notList.ok) expect(notList.errors[0]).toMatchObject({ path: expect.stringMatching(/\/alsoAnchors$/), code: 'pack.alsoAnchors' });
  });
});

describe('17.3 resolution weighs a step anchor and its alternates', () => {
  beforeEach(() => page(''));
  const OLD = '<form><h2>Đăng nhập</h2><button type="button" id="btnLogin">Đăng nhập</button><button type="button">Quên mật khẩu</button></form>';
  const NEW = '<form><h2>Đăng nhập</h2><button type="button" id="go">Vào hệ thống</button><button type="button">Quên mật khẩu</button></form>';

  it('17.3 the current anchor or an earlier one finds the control; both agreeing gives one answer', () => {
    const older = anchorOf(OLD, '#btnLogin');
    const newer = anchorOf(NEW, '#go');
    // The site rolled back to its old button: the new anchor alone misses, the earlier one finds it.
    page(OLD);
    expect(resolveAnyAnchor(newer, [], document)).toBeNull();
    expect(resolveAnyAnchor(newer, [older], document)?.element.id).toBe('btnLogin');
    // The new design: the new anchor finds it, the earlier one does not, and that is no disagreement.
    page(NEW);
    expect(resolveAnyAnchor(newer, [older], document)?.element.id).toBe('go');
  });

  it('17.3 two anchors that decide on different controls are not sure: not found', () => {
    const login = anchorOf('<button type="button" id="a">Đăng nhập</button><button type="button" id="b">Đăng ký tài khoản</button>', '#a');
    const register = captureAnchor(document.querySelector('#b')!);
    expect(resolveAnyAnchor(login, [], document)?.element.id).toBe('a');
    expect(resolveAnyAnchor(register, [], document)?.element.id).toBe('b');
    expect(resolveAnyAnchor(login, [register], document)).toBeNull();
    const el = document.createElement('i');
    const pick = (element: Element, confidence: number) => ({ element, confidence, identity: 1, context: 1, twinKey: '', exact: true });
    expect(agreeOn([null, pick(el, 0.7), pick(el, 0.9)])?.confidence).toBe(0.9);
    expect(agreeOn([null, null])).toBeNull();
  });

  it('17.3 waitForAnchor takes a late control matched by an earlier anchor, and refuses a disagreement', async () => {
    const older = anchorOf(OLD, '#btnLogin');
    const newer = anchorOf(NEW, '#go');
    page('<p>Đang tải…</p>');
    const pending = waitForAnchor(newer, { timeoutMs: 3000, alternates: [older] });
    setTimeout(() => page(OLD), 30);
    expect((await pending)?.element.id).toBe('btnLogin');
    page('<button type="button" id="a">Đăng nhập</button><button type="button" id="b">Đăng ký tài khoản</button>');
    const login = captureAnchor(document.querySelector('#a')!);
    const register = captureAnchor(document.querySelector('#b')!);
    expect(await waitForAnchor(login, { timeoutMs: 400, alternates: [register] })).toBeNull();
    expect((await waitForAnchor(login, { timeoutMs: 400 }))?.element.id).toBe('a');
  });
});
