// The walkthrough flows as a resident does them, for the e2e tests and `npm run demo`: per step, the
// targetId (from the sites' *.targets.json) the overlay must outline, and what the resident does there.
// The action always goes to the control the overlay outlines, never to a selector of the page.
import type { Page } from 'puppeteer-core';

export interface FlowStep {
  /** targetId in the page's targets.json, or null for a step without a control. */
  target: string | null;
  act: 'click' | 'type' | 'done';
  /** What to type (synthetic test data only). */
  text?: (page: Page) => Promise<string> | string;
  /** Key pressed after typing. */
  key?: 'Tab' | 'Enter';
  /** Wait for the page to settle (e.g. a redirect chain) before looking at the step. */
  settle?: (page: Page) => Promise<unknown>;
}

export interface Flow {
  /** "<packId>/<walkthroughId>" */
  key: string;
  startUrl: string;
  steps: FlowStep[];
}

export const VNEID_LOGIN: Flow = {
  key: 'dichvucong/dang-nhap-vneid',
  startUrl: 'https://dichvucong.gov.vn/',
  steps: [
    { target: 'login-button', act: 'click' },
    { target: 'login-option-citizen', act: 'click' },
    { target: 'id-number', act: 'type', text: () => '001234567890', key: 'Tab' },
    { target: 'password', act: 'type', text: () => 'matkhau-thu', key: 'Tab' },
    {
      target: 'captcha-input',
      act: 'type',
      // The stand-in exposes its captcha to tests.
      text: (page) => page.evaluate(() => (window as unknown as { __fixture: { captcha: string } }).__fixture.captcha),
      key: 'Tab',
    },
    { target: 'login-button', act: 'click' },
    { target: 'otp-1', act: 'type', text: () => '123456', key: 'Enter' },
    {
      target: null,
      act: 'done',
      // The portal passes through its login page (?code=…) and then redirects home.
      settle: (page) =>
        page.waitForFunction(
          () => location.hostname === 'dichvucong.gov.vn' && !/[?&]code=/.test(location.search) && document.readyState === 'complete',
          { timeout: 15_000 },
        ),
    },
  ],
};

export const EVN_BILL: Flow = {
  key: 'evn/thanh-toan-hoa-don-dien',
  startUrl: 'https://evn.example/',
  steps: [
    { target: 'customer-code', act: 'type', text: () => 'PE01000123456', key: 'Tab' },
    { target: 'lookup-button', act: 'click' },
    { target: 'pay-button', act: 'click' },
    { target: 'channel-momo', act: 'click' },
    { target: 'confirm-button', act: 'click' },
    { target: null, act: 'done' },
  ],
};

export const EBANK_TRANSFER: Flow = {
  key: 'ebank/chuyen-tien',
  startUrl: 'https://ebank.example/dang-nhap',
  steps: [
    { target: 'username', act: 'type', text: () => 'nguoithu', key: 'Tab' },
    { target: 'password', act: 'type', text: () => 'matkhau-thu', key: 'Tab' },
    { target: 'login-button', act: 'click' },
    { target: 'menu-transfer', act: 'click' },
    { target: 'bank-option-vietcombank', act: 'click' },
    { target: 'account-number', act: 'type', text: () => '0011223344', key: 'Tab' },
    { target: 'amount', act: 'type', text: () => '50000', key: 'Tab' },
    { target: 'message', act: 'type', text: () => 'tra tien dien', key: 'Tab' },
    { target: 'continue-button', act: 'click' },
    { target: 'otp', act: 'type', text: () => '123456', key: 'Enter' },
    { target: null, act: 'done' },
  ],
};

/** Every flow, for tests that walk them all. */
export const FLOWS: Flow[] = [VNEID_LOGIN, EVN_BILL, EBANK_TRANSFER];

/** Do what the step asks, at the middle of the outlined box. */
export async function actOnOutlined(page: Page, step: FlowStep, outline: { x: number; y: number; width: number; height: number }): Promise<void> {
  const x = outline.x + outline.width / 2;
  const y = outline.y + outline.height / 2;
  await page.mouse.click(x, y);
  if (step.act === 'type') {
    await page.keyboard.type(await step.text!(page), { delay: 15 });
    if (step.key) await page.keyboard.press(step.key);
  }
}
