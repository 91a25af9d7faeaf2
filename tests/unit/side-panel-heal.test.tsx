// Issue 17.3 in the console: when the guide did not find the step's control, "Chỉ cho Dẫn Bước" lets the
// volunteer pick it on the resident's page; the console says what happens in a live region, and the dashboard
// lists the steps repaired at the desk.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { repairedSteps } from '../../components/dashboard-data';
import { SidePanel } from '../../components/side-panel';
import { createTranslator } from '../../core/i18n';
import type { StepView } from '../../extension/protocol';
import { DEFAULT_SETTINGS } from '../../extension/settings';
import { evnStepView, fakePanelApi, settle, shippedCatalog, useRenderRoot } from './dom-helpers';

const rootOf = useRenderRoot();
const q = (id: string): HTMLElement | null => rootOf().querySelector(`[data-testid="${id}"]`);

describe('17.3 the console offers a repair when the guide is lost', () => {
  it('17.3 the button shows only for a step not found, picks with the step hint, and says the new version', async () => {
    const session = { current: evnStepView() as StepView | null, notify: (): void => undefined };
    let finishPick: (r: { ok: true; packId: string; version: string } | null) => void = () => undefined;
    const picks: [number, string][] = [];
    const api = fakePanelApi(session, {
      heal: {
        pick: (index, hint) => {
          picks.push([index, hint]);
          return new Promise((resolve) => (finishPick = resolve));
        },
        cancel: async () => finishPick(null),
      },
    });
    act(() => render(<SidePanel t={createTranslator('vi')} search={shippedCatalog.search} api={api} settings={DEFAULT_SETTINGS} onSettings={() => undefined} />, rootOf()));
    await settle();
    expect(q('heal-pick')).toBeNull();
    expect(q('heal')!.querySelector('[role="status"]')!.textContent).toBe('');
    session.current = { ...evnStepView(), notFound: true, guide: 'not-found' };
    session.notify();
    await settle();
    // The guide's state line says it is lost (17.1); the repair sits beside it.
    expect(document.querySelector('[data-testid="guide-state"]')!.getAttribute('data-state')).toBe('not-found');
    expect(q('heal-pick')!.textContent).toBe('Chỉ cho Dẫn Bước');
    act(() => q('heal-pick')!.click());
    await settle();
    expect(picks).toEqual([[0, session.current.step.text.vi]]);
    expect(q('heal-picking')).not.toBeNull();
    expect(q('heal-pick')).toBeNull();
    // The volunteer cancels: the offer comes back.
    act(() => q('heal-cancel')!.click());
    await settle();
    expect(q('heal-pick')).not.toBeNull();
    act(() => q('heal-pick')!.click());
    await settle();
    session.current = { ...evnStepView(), packId: 'evn-ban-sua' };
    await act(async () => finishPick({ ok: true, packId: 'evn-ban-sua', version: '1.0.1' }));
    session.notify();
    await settle();
    expect(q('heal-saved')!.textContent).toBe('Đã sửa bước 1: lưu trong «evn-ban-sua», phiên bản 1.0.1. Hướng dẫn tiếp tục.');
    expect(q('heal-saved')!.closest('[role="status"]')).not.toBeNull();
    expect(q('heal-pick')).toBeNull();
  });

  it('17.3 a refused repair names the bad field', async () => {
    const session = { current: { ...evnStepView(), notFound: true } as StepView | null, notify: (): void => undefined };
    const api = fakePanelApi(session, {
      heal: { pick: async () => ({ ok: false, errors: [{ path: '/walkthroughs/0/steps/0/anchor/tag', code: 'pack.anchorTag' }] }), cancel: async () => undefined },
    });
    act(() => render(<SidePanel t={createTranslator('en')} search={shippedCatalog.search} api={api} settings={{ ...DEFAULT_SETTINGS, lang: 'en' }} onSettings={() => undefined} />, rootOf()));
    await settle();
    act(() => q('heal-pick')!.click());
    await settle();
    expect(q('heal-error')!.textContent).toMatch(/^The step was not repaired: \/walkthroughs\/0\/steps\/0\/anchor\/tag: /);
  });
});

describe('17.3 the dashboard lists steps repaired at the desk', () => {
  it('17.3 one row per walkthrough and step with its count', () => {
    const funnel = (repairs: number[]) => ({ total: repairs.length, reachedAtLeast: [], notFound: [], repeats: [], repairs });
    expect(repairedSteps({ funnels: { 'evn-ban-sua/thanh-toan': funnel([0, 2, 0]), 'dichvucong/x': funnel([0, 0]), 'a-ban-sua/y': funnel([1]) } })).toEqual([
      { key: 'a-ban-sua/y', packId: 'a-ban-sua', walkthroughId: 'y', step: 1, repairs: 1 },
      { key: 'evn-ban-sua/thanh-toan', packId: 'evn-ban-sua', walkthroughId: 'thanh-toan', step: 2, repairs: 2 },
    ]);
  });
});
