// Issue 17.3, heal on the spot: a step keeps its earlier anchors beside the new one (validated like any
// anchor, path-named errors), and resolution weighs them all (a match of any; disagreement is not found).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { agreeOn, captureAnchor, resolveAnyAnchor, waitForAnchor, type Anchor } from '../../core/anchors/index';
import { parseExport, toJson } from '../../core/log-export';
import { recordFromSession } from '../../core/log-record';
import { createLogStore } from '../../core/log-store';
import { summarizeRecords } from '../../core/log-summary';
import { parsePack, type Walkthrough } from '../../core/pack';
import { finish, markRepaired, startSession, type Session } from '../../core/session';
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

describe('17.3 the anonymous log counts repairs per step', () => {
  const HOUR = 3_600_000;
  const start = Date.UTC(2026, 4, 4, 9);
  const session = (): Session => ({
    ...startSession({ id: 'sess-0001-heal', packId: 'dichvucong', packVersion: '1.0.0', walkthrough: dichvucong.walkthroughs[0] as unknown as Walkthrough, tabId: 3, now: start }),
    stepIndex: 1,
    reached: 1,
    notFound: [1],
  });

  it('17.3 a repair moves the session to the copy at the same step, and the record keeps only step indexes', () => {
    const s = session();
    const repaired = markRepaired(s, 1, { id: 'dichvucong-ban-sua', version: '1.0.1' });
    expect(repaired).toMatchObject({ packId: 'dichvucong-ban-sua', walkthroughVersion: '1.0.1', stepIndex: 1, repairs: [1], notFound: [] });
    // Not the current step, or not running: nothing changes.
    expect(markRepaired(s, 0, { id: 'x', version: '1.0.1' })).toBe(s);
    const record = recordFromSession(finish(repaired, 'completed', start + 60_000), start + 60_000);
    expect(record.repairs).toEqual([1]);
    expect(record.notFound).toEqual([1]);
    expect(record.packId).toBe('dichvucong-ban-sua');
    expect(recordFromSession(finish(s, 'completed', start + 60_000), start + 60_000)).not.toHaveProperty('repairs');
  });

  it('17.3 an imported record with repairs validates; a bad repairs list is refused with its path', () => {
    const r = recordFromSession(finish(markRepaired(session(), 1, { id: 'dichvucong-ban-sua', version: '1.0.1' }), 'completed', start + HOUR), start + HOUR);
    const ok = parseExport(toJson([r], start + HOUR));
    expect(ok.ok && ok.records[0]!.repairs).toEqual([1]);
    const bad = JSON.parse(toJson([r], start + HOUR)) as { records: Record<string, unknown>[] };
    bad.records[0]!.repairs = [1, 'Đăng nhập'];
    const refused = parseExport(JSON.stringify(bad));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]).toMatchObject({ path: '/records/0/repairs/1', code: 'log.int' });
  });

  it('17.3 the store and its rollups count repairs per step, and records without them still read', async () => {
    const store = await createLogStore({ name: `heal-${Math.random().toString(36).slice(2)}` });
    const base = recordFromSession(finish(session(), 'completed', start + 60_000), start + 60_000);
    const fixed = recordFromSession(finish(markRepaired({ ...session(), id: 'sess-0002-heal' }, 1, { id: 'dichvucong', version: '1.0.0' }), 'completed', start + 60_000), start + 60_000);
    await store.add(base);
    await store.add(fixed);
    const summary = await store.summary();
    const key = `dichvucong/${dichvucong.walkthroughs[0]!.id}`;
    expect(summary.funnels[key]!.repairs[1]).toBe(1);
    expect(summary.funnels[key]!.repairs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(summary).toEqual(summarizeRecords([base, fixed]));
    expect((await store.all()).find((r) => r.id === 'sess-0002-heal')?.repairs).toEqual([1]);
    // Sealed into day and month rollups (a new day began), the count stays.
    await store.maintain(0);
    expect((await store.summary()).funnels[key]!.repairs[1]).toBe(1);
    store.close();
  });
});
