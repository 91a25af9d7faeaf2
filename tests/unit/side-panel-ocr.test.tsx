// The OCR helper in the console belongs to the resident being helped: when the guided session ends, it
// closes, and what it read is gone (the helper clears itself when it closes).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../../core/i18n';
import { SidePanel } from '../../components/side-panel';
import type { StepView } from '../../extension/protocol';
import { DEFAULT_SETTINGS } from '../../extension/settings';
import { evnStepView, fakePanelApi, settle, shippedCatalog, useRenderRoot } from './dom-helpers';

const catalog = shippedCatalog;
const viewOf = (sessionId: string): StepView => evnStepView(sessionId);
const rootOf = useRenderRoot();

describe('the console and the OCR helper', () => {
  it('closes the helper (forgetting what it read) when the session ends, and not while it runs', async () => {
    const session = { current: viewOf('s-1') as StepView | null, notify: (): void => undefined };
    const read = vi.fn(async () => ({ text: 'Mã khách hàng: PE01000123456', skew: 0, ms: 10 }));
    const api = fakePanelApi(session, { ocr: { read } });
    act(() => render(<SidePanel t={createTranslator('vi')} search={catalog.search} api={api} settings={DEFAULT_SETTINGS} onSettings={() => undefined} />, rootOf()));
    await settle();
    act(() => rootOf().querySelector<HTMLButtonElement>('[data-testid="ocr-open"]')!.click());
    expect(rootOf().querySelector('[data-testid="ocr-open"]')).toBeNull();
    // A step change of the same session keeps it open.
    session.current = { ...viewOf('s-1'), index: 1, step: shippedCatalog.find('evn', 'thanh-toan-hoa-don-dien')!.walkthrough.steps[1]! };
    session.notify();
    await settle();
    expect(rootOf().querySelector('[data-testid="ocr-open"]')).toBeNull();
    // The session ends: the helper is gone.
    session.current = null;
    session.notify();
    await settle();
    expect(rootOf().querySelector('[data-testid="ocr-open"]')).not.toBeNull();
    // Opened between residents, it stays open when the next session starts.
    act(() => rootOf().querySelector<HTMLButtonElement>('[data-testid="ocr-open"]')!.click());
    session.current = viewOf('s-2');
    session.notify();
    await settle();
    expect(rootOf().querySelector('[data-testid="ocr-open"]')).toBeNull();
    // Another session replacing this one also closes it.
    session.current = viewOf('s-3');
    session.notify();
    await settle();
    expect(rootOf().querySelector('[data-testid="ocr-open"]')).not.toBeNull();
  });
});
