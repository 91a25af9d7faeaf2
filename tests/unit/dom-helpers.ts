// Shared by the unit tests that render Preact components: a fresh root per test, and a step view of the
// shipped EVN walkthrough's first step.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import { createCatalog } from '../../core/catalog';
import type { PanelApi } from '../../components/side-panel';
import type { StepView } from '../../extension/protocol';
import { SHIPPED_PACKS } from '../../walkthroughs';

/** A root element appended before each test and emptied and removed after it; call in a file's top level. */
export function useRenderRoot(): () => HTMLElement {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    act(() => render(null, root));
    root.remove();
  });
  return () => root;
}

export const shippedCatalog = createCatalog(SHIPPED_PACKS);

/** The shipped EVN walkthrough at step 1, running. */
export function evnStepView(sessionId = 's-1'): StepView {
  const entry = shippedCatalog.find('evn', 'thanh-toan-hoa-don-dien')!;
  return {
    sessionId,
    packId: 'evn',
    walkthroughId: entry.walkthrough.id,
    title: entry.walkthrough.title,
    index: 0,
    total: entry.walkthrough.steps.length,
    status: 'running',
    paused: false,
    step: entry.walkthrough.steps[0]!,
  };
}

/**
 * A side panel API over a session the test holds (`session.current`): every button does nothing unless
 * `extra` says otherwise; `session.notify()` tells the panel the session changed, as the extension would.
 */
export function fakePanelApi(session: { current: StepView | null; notify: () => void }, extra: Partial<PanelApi> = {}): PanelApi {
  const noop = async (): Promise<void> => undefined;
  return {
    start: async () => session.current!,
    current: async () => session.current,
    next: noop,
    back: noop,
    repeat: noop,
    skip: noop,
    pause: noop,
    finish: noop,
    subscribe: (onChange) => {
      session.notify = onChange;
      return () => undefined;
    },
    ...extra,
  };
}

/** Let Preact's effects and the promises they started run. */
export const settle = (): Promise<void> => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
