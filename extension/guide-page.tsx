// The content script's work on a page: ask the background for the step of this page, find its control,
// show the overlay, and report when the resident has done what the step asks. Does nothing at all
// while no walkthrough runs on the tab.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { describeAnchor, waitForAnchor } from '../core/anchors/index';
import { localText, type Translate } from '../core/i18n';
import { fillTemplate, type Words } from '../core/page-words';
import { matchesPage, stripUrl } from '../core/url-pattern';
import { OfferCard } from '../components/offer-card';
import { Overlay } from '../components/overlay';
import { parseHandOff, type HandOff } from '../core/handoff';
import { plainHint } from '../components/hint-text';
import { messaging, type GuideState, type StepView } from './protocol';
import { onLocationChange, type PageContext } from './page-context';
import { mountPageUi, type PageUi } from './page-ui';
import { DEFAULT_DISPLAY, guideCopyOf, readGuideCopy, saveCardLayout, watchGuideCopy, type DisplaySettings, type GuideCopy } from './page-display';
import type { GuideBoot } from './guide-boot';
import type { CardLayout } from '../core/geometry';
import { createSpeaker, type Speaker, type UtteranceLike } from '../core/voices';

/**
 * How long to look for the control before saying it is not found (on the card: the hint as text only; in the
 * console: "not found", so the volunteer knows at once). The guide keeps looking afterwards. @default 3000
 */
const FIND_TIMEOUT_MS = 3000;

/**
 * The page's own load is never held up by the guide: nothing heavy (finding the control, drawing) starts
 * before it, but at most this long after the script starts (a page whose last image never arrives). @default 1000
 */
const LOAD_WAIT_MS = 1000;

/** Stands for "not found yet" while the guide races a control that may already be on the page. */
const LOOKING = Promise.resolve('looking' as const);

/** When to look whether a reported navigation changed this document's URL, each after the one before (ms). */
const ROUTE_LOOKS_MS = [0, 10, 40];

/** found: outlined; waiting: outlined, but the control is disabled for now (a list still loading). */
type Phase = 'searching' | 'found' | 'waiting' | 'not-found' | 'no-target' | 'other-page' | 'done';

/** The guide on a page; `boot`: what the background handed over for it (extension/guide-boot.ts), if anything. */
export function startGuidePage(ctx: PageContext, boot: GuideBoot | null = null): void {
  let settings: DisplaySettings = DEFAULT_DISPLAY;
  // The words come from the background's copy in storage.local: the script carries none (core/page-words.ts).
  let words: Words = {};
  const t: Translate = (key, params) => fillTemplate(words[key] ?? key, params);
  let lastView: StepView | null = null;
  let spokenKey = '';
  let ui: PageUi | null = null;
  let step: AbortController | null = null;
  let shownKey = '';
  /** Where the volunteer put the card in this session, and whether it is shrunk (kept across pages). */
  let cardLayout: CardLayout | null = null;
  let redraw = (): void => undefined;
  /** Made with the first card (not on every page the script loads): voices come late, and the card is drawn again. */
  let speaker: Speaker | null = null;
  const reader = (): Speaker => {
    if (speaker) return speaker;
    const synth = typeof speechSynthesis === 'object' && typeof SpeechSynthesisUtterance === 'function' ? speechSynthesis : null;
    speaker = createSpeaker(synth, (text) => new SpeechSynthesisUtterance(text) as UtteranceLike, { setTimeout: (fn, ms) => ctx.setTimeout(fn, ms) });
    speaker.subscribe(() => {
      if (ui) redraw();
    });
    return speaker;
  };
  // Resolves once the page's load event has run (or LOAD_WAIT_MS have passed): a listener the page could stop
  // (stopImmediatePropagation on window) only makes the guide wait for the timer, never stops it.
  const pageLoaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') return resolve();
    // After the load event's own handlers: the next task once it has fired.
    window.addEventListener('load', () => setTimeout(resolve, 0), { once: true, signal: ctx.signal });
    ctx.setTimeout(resolve, LOAD_WAIT_MS);
  });

  const send = {
    advance: (fromIndex: number) => void messaging.sendMessage('advance', { fromIndex }).catch(() => undefined),
    next: () => void messaging.sendMessage('next').catch(() => undefined),
    back: () => void messaging.sendMessage('back').catch(() => undefined),
    skip: () => void messaging.sendMessage('skip').catch(() => undefined),
    openPage: () => void messaging.sendMessage('openStepPage').catch(() => undefined),
    // The console mirrors it; a not-found step is logged from it (and un-logged when the control comes late).
    state: (index: number, state: GuideState) => void messaging.sendMessage('guideState', { index, state }).catch(() => undefined),
  };

  function ensureUi(): PageUi {
    // Not dan-buoc-guide: that is the widget's custom element, which a page of an official site may define.
    ui ??= mountPageUi(ctx, 'dan-buoc-overlay');
    return ui;
  }

  function removeUi(): void {
    speaker?.stop();
    step?.abort();
    step = null;
    shownKey = '';
    ui?.remove();
    ui = null;
  }

  /**
   * Show the step in the on-page UI, mounting it when it is not there yet: not before, so the page's layout is
   * still clean while the control is looked for (the UI's host at the end of the body would make the first
   * measurement of the page lay it out again).
   */
  function draw(view: StepView, phase: Phase, target: Element | null, tr: Translate): void {
    const ui = ensureUi();
    redraw = () => draw(view, phase, target, tr);
    const s = view.step;
    const hint = localText(s.text, settings.lang);
    // Resident mode reads each step aloud once, when it is shown where it belongs.
    const key = `${view.sessionId}:${view.index}:${phase === 'done'}`;
    const voice = reader();
    const said = phase === 'done' ? tr('overlay.done') : plainHint(hint);
    // (With no voice yet, read once one comes: the redraw then finds the key not spoken.)
    if (settings.residentMode && phase !== 'searching' && phase !== 'other-page' && key !== spokenKey && voice.state(settings.lang) === 'ready') {
      spokenKey = key;
      voice.speak(said, settings.lang);
    }
    const what = s.anchor ? describeAnchor(s.anchor) : null;
    const whatText =
      (what?.label ? tr(`kind.${what.kind}`, { label: what.label }) : tr('kind.unknown')) +
      (what?.heading ? tr('overlay.where', { heading: what.heading }) : '');
    const notice =
      phase === 'not-found'
        ? tr('overlay.notFound', { what: whatText })
        : phase === 'waiting'
          ? tr('overlay.waiting', { what: whatText })
        : phase === 'searching'
          ? tr('overlay.searching')
          : phase === 'other-page'
            ? tr('panel.otherPage')
            : undefined;
    render(
      <Overlay
        key={view.sessionId}
        layout={cardLayout?.session === view.sessionId ? cardLayout : undefined}
        onLayout={(next) => {
          saveCardLayout((cardLayout = { session: view.sessionId, ...next }));
          redraw();
        }}
        target={phase === 'found' || phase === 'waiting' ? target : null}
        resident={settings.residentMode}
        card={{
          t: tr,
          index: view.index,
          total: view.total,
          title: localText(view.title, settings.lang),
          text: hint,
          privateKind: s.private,
          notice,
          done: phase === 'done',
          onBack: send.back,
          onNext: send.next,
          // Ways out when the guide is lost: the background navigates, never this page.
          onOpenPage: phase === 'other-page' ? send.openPage : undefined,
          onSkip: phase === 'other-page' || phase === 'not-found' ? send.skip : undefined,
          onListen: () => voice.speak(said, settings.lang),
          listenState: voice.state(settings.lang),
          onStopListen: () => voice.stop(),
        }}
      />,
      ui.uiContainer,
    );
  }

  /** Wire the step's own way of advancing; everything is undone when `signal` aborts. */
  function watchAdvance(view: StepView, target: Element | null, signal: AbortSignal): void {
    const rule = view.step.advance;
    const from = view.index;
    if (rule.kind === 'click' && target) {
      // Capture phase on the document: the page cannot stop it, and a click that navigates still counts.
      document.addEventListener(
        'click',
        (e) => {
          if (e.isTrusted && e.composedPath().includes(target)) send.advance(from);
        },
        { capture: true, signal },
      );
    } else if (rule.kind === 'input' && target) {
      let idle: ReturnType<typeof setTimeout> | undefined;
      const left = (e: Event): void => {
        if (!e.isTrusted) return;
        target.removeEventListener('focusout', left);
        send.advance(from);
      };
      // 'change' fires once the resident has changed the field and moved on; the value is never read.
      target.addEventListener(
        'change',
        (e) => {
          if (!e.isTrusted) return;
          // A date or time field reports a change at every complete value while it is still being typed
          // (day, month, then each digit of the year): move on once the resident leaves it, or stops typing.
          if (changesWhileTyping(target) && target.contains(document.activeElement)) {
            clearTimeout(idle);
            idle = setTimeout(() => send.advance(from), TYPING_IDLE_MS);
            signal.addEventListener('abort', () => clearTimeout(idle), { once: true });
            target.addEventListener('focusout', left, { signal });
          } else send.advance(from);
        },
        { signal },
      );
    } else if (rule.kind === 'appear') {
      void waitForAnchor(rule.anchor, { timeoutMs: 30 * 60_000, signal }).then((found) => {
        if (found && !signal.aborted) send.advance(from);
      });
    }
  }

  async function show(view: StepView | null): Promise<void> {
    lastView = view;
    if (!view || view.paused || !ctx.isValid) return removeUi();
    // No words yet (the background writes them when it starts, which asking for the step has just done): drawn
    // when they come.
    if (!words['overlay.next']) return;
    // The anchor too: a step repaired at the desk is shown again at once, on the same page and index.
    const key = `${view.sessionId}:${view.index}:${view.status}:${location.pathname}:${JSON.stringify(view.step.anchor ?? 0)}`;
    if (key === shownKey && ui) return;
    shownKey = key;
    step?.abort();
    const controller = new AbortController();
    step = controller;
    const { signal } = controller;
    await pageLoaded;
    if (signal.aborted) return;
    if (view.status === 'done') return draw(view, 'done', null, t);
    if (!matchesPage(view.step.page, location.href)) return draw(view, 'other-page', null, t);
    const anchor = view.step.anchor;
    if (!anchor) {
      draw(view, 'no-target', null, t);
      watchAdvance(view, null, signal);
      return;
    }
    // "Looking" and "another page" the background tells the console itself (it knows the tab's page).
    const finding = waitForAnchor(anchor, { timeoutMs: FIND_TIMEOUT_MS, signal, peers: view.peers, alternates: view.step.alsoAnchors });
    // A control already on the page is found in the same task (waitForAnchor settles at once): draw it
    // outlined straight away, without a "searching" card first (one render less before the hint).
    let found = await Promise.race([finding, LOOKING]);
    if (found === 'looking') {
      if (signal.aborted) return;
      draw(view, 'searching', null, t);
      found = await finding;
    }
    if (signal.aborted) return;
    if (!found) {
      draw(view, 'not-found', null, t);
      send.state(view.index, 'not-found');
      // Keep looking: a control that comes late is outlined then. Meanwhile the step's own advance is watched
      // (an "appear" rule may then be watched twice: the background takes one advance from a step only).
      watchAdvance(view, null, signal);
      found = await waitForAnchor(anchor, { timeoutMs: 30 * 60_000, signal, peers: view.peers, alternates: view.step.alsoAnchors });
      if (!found || signal.aborted) return;
    }
    const el = found.element;
    const shown = visibleStandIn(el);
    if (!isInViewport(shown)) shown.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    send.state(view.index, isDisabled(el) ? 'disabled' : 'found');
    draw(view, isDisabled(el) ? 'waiting' : 'found', shown, t);
    watchAdvance(view, el, signal);
    watchTarget(view, el, signal);
    watchDisabled(view, el, shown, signal);
  }

  /** A control disabled for now (a list that loads late): say so, and say it no more once it can be used. */
  function watchDisabled(view: StepView, el: Element, shown: Element, signal: AbortSignal): void {
    let was = isDisabled(el);
    const observer = new MutationObserver(() => {
      const now = isDisabled(el);
      if (now === was || signal.aborted) return;
      was = now;
      send.state(view.index, now ? 'disabled' : 'found');
      draw(view, now ? 'waiting' : 'found', shown, t);
    });
    observer.observe(el, { attributes: true, attributeFilter: ['disabled', 'aria-disabled'] });
    // A fieldset can disable everything in it.
    const fieldset = el.closest('fieldset');
    if (fieldset) observer.observe(fieldset, { attributes: true, attributeFilter: ['disabled'] });
    signal.addEventListener('abort', () => observer.disconnect());
  }

  /** A single-page app may replace the control: look for it again when it leaves the document. */
  function watchTarget(view: StepView, el: Element, signal: AbortSignal): void {
    const observer = new MutationObserver(() => {
      if (!el.isConnected && !signal.aborted) {
        observer.disconnect();
        shownKey = '';
        void show(view);
      }
    });
    observer.observe(document, { childList: true, subtree: true });
    signal.addEventListener('abort', () => observer.disconnect());
  }

  const askStep = (): Promise<StepView | null> => messaging.sendMessage('pageReady', { page: stripUrl(location.href) }).catch(() => null);

  async function refresh(): Promise<void> {
    await show(await askStep());
  }

  ctx.onInvalidated(
    messaging.onMessage('showStep', ({ data, sender }) => {
      if (sender.id !== browser.runtime.id) return;
      void show(data);
    }),
  );
  // Every navigation is reported, also one that is about to leave the page: act only once the URL of this
  // document has changed (a single-page app's route), never for the page being left.
  onLocationChange(ctx, (newUrl, oldUrl) => {
    const target = newUrl.href;
    // Steps belong to origin + path; a change of query or fragment alone cannot change the step.
    if (stripUrl(target) === stripUrl(oldUrl.href)) return;
    // A route of the page's own (pushState) has its URL by the next task; a traversal a moment later. Look
    // again for up to 50 ms; a navigation that leaves the page never changes this document's URL.
    const look = (i: number): void =>
      ctx.setTimeout(() => {
        if (location.href === target) {
          shownKey = '';
          void refresh();
        } else if (i + 1 < ROUTE_LOOKS_MS.length) look(i + 1);
      }, ROUTE_LOOKS_MS[i]!);
    look(0);
  });
  /** A hand-off link offers its walkthrough (if installed and nothing runs here); the fragment goes either way. */
  async function offer(handOff: HandOff): Promise<void> {
    const found = await messaging.sendMessage('offer', handOff).catch(() => null);
    if (!found || shownKey || !ctx.isValid) return;
    const created = ensureUi();
    render(
      <OfferCard
        t={t}
        title={found.title}
        onStart={() => {
          render(null, created.uiContainer);
          void messaging.sendMessage('startHere', handOff).then(show, () => removeUi());
        }}
        onDismiss={removeUi}
      />,
      created.uiContainer,
    );
  }

  // Language or resident mode changed in the console (the background then writes the words again): draw the
  // current step again.
  const again = (): void => {
    shownKey = '';
    void show(lastView);
  };
  const unwatch = watchGuideCopy((next) => {
    settings = next.display ?? settings;
    words = next.words ?? words;
    again();
  });
  ctx.onInvalidated(() => {
    unwatch();
    removeUi();
    speaker?.destroy();
  });
  const handOff = parseHandOff(location.hash);
  if (handOff) history.replaceState(history.state, '', location.pathname + location.search);
  // Injected after a page load of the session's tab, the guide is handed its step and copy (extension/guide-boot.ts)
  // and draws at once; otherwise (a hand-off link, a page whose load never ended) it asks for both at once.
  const first: Promise<[GuideCopy, StepView | null]> = boot ? Promise.resolve([guideCopyOf(boot.stored), boot.view]) : Promise.all([readGuideCopy(), askStep()]);
  void first
    .then(([copy, view]) => {
      cardLayout = copy.card;
      settings = copy.display;
      words = copy.words;
      return show(view);
    })
    .then(() => {
      if (handOff) void offer(handOff);
    });
}

/**
 * What to outline for a control: itself, or — when it is drawn invisibly, as custom radios and checkboxes
 * are (a 1-pixel or transparent input under a styled label) — the label the resident actually sees.
 */
function visibleStandIn(el: Element): Element {
  const r = el.getBoundingClientRect();
  const tiny = r.width < 4 || r.height < 4;
  const transparent = Number(getComputedStyle(el).opacity) < 0.05;
  if (!tiny && !transparent) return el;
  const label = (el as HTMLInputElement).labels?.[0] ?? el.closest('label');
  if (label) {
    const lr = label.getBoundingClientRect();
    if (lr.width >= 4 && lr.height >= 4) return label;
  }
  return el;
}

/** Disabled now: by the attribute, an enclosing disabled fieldset, or aria-disabled. Reads no value. */
function isDisabled(el: Element): boolean {
  return el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true';
}

/** A date field still being typed in counts as filled after this long without a change. @default 4000 */
const TYPING_IDLE_MS = 4000;

const TYPED_DATE_TYPES = new Set(['date', 'datetime-local', 'month', 'week', 'time']);

/** Fields that fire 'change' while the resident is still typing in them (by their type, not their value). */
function changesWhileTyping(el: Element): boolean {
  return el.tagName === 'INPUT' && TYPED_DATE_TYPES.has((el as HTMLInputElement).type);
}

function isInViewport(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const win = el.ownerDocument.defaultView ?? window;
  return r.top >= 0 && r.left >= 0 && r.bottom <= win.innerHeight && r.right <= win.innerWidth;
}
