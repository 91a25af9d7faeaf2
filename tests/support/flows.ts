// The walkthrough flows as a resident does them, for the e2e tests and `npm run demo`: per step, the
// targetId (from the sites' *.targets.json) the overlay must outline, and what the resident does there.
// The action always goes to the control the overlay outlines, never to a selector of the page.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KeyInput, Page } from 'puppeteer-core';

export interface FlowStep {
  /** targetId in the page's targets.json, or null for a step without a control. */
  target: string | null;
  /**
   * click: click the outlined control; type: click it, press `keysBefore`, type `text`, press `key`;
   * choose: click it (a list opens) and press `keysBefore` (arrows, Enter); upload: click it and pick a file;
   * next: look at it and press the card's "Tiếp"; done: the last step, press "Hoàn thành".
   */
  act: 'click' | 'type' | 'choose' | 'upload' | 'next' | 'done';
  /** What to type (synthetic test data only). */
  text?: (page: Page) => Promise<string> | string;
  /** Keys pressed after clicking, before typing. */
  keysBefore?: KeyInput[];
  /** Key(s) pressed after typing. */
  key?: KeyInput | KeyInput[];
  /** The file to pick, for `upload`. */
  file?: () => string;
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

/** A small synthetic PDF to attach (a scan of a paper, as far as the form can tell). */
function samplePdf(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dan-buoc-')), 'giay-to.pdf');
  writeFileSync(file, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  return file;
}

/** Cấp Phiếu lý lịch tư pháp, from a signed-out portal: search, procedure, VNeID sign-in, form, fee. */
export const LLTP_APPLY: Flow = {
  key: 'dichvucong/ly-lich-tu-phap',
  startUrl: 'https://dichvucong.gov.vn/',
  steps: [
    { target: 'search-input', act: 'type', text: () => 'ly lich tu phap', key: 'Tab' },
    { target: 'search-button', act: 'click' },
    { target: 'result-ly-lich-tu-phap', act: 'click' },
    { target: 'submit-online-button', act: 'click' },
    // Signed out: the portal asks for VNeID first (the optional steps of the walkthrough).
    ...VNEID_LOGIN.steps.slice(1, 7),
    { target: 'full-name', act: 'next' },
    // A date field: go to its first part, then day/month and year (either order gives a valid date); the
    // first Tab goes to its calendar button, the second leaves it.
    { target: 'dob', act: 'type', keysBefore: ['ArrowLeft', 'ArrowLeft', 'ArrowLeft'], text: () => '01021960', key: ['Tab', 'Tab'] },
    { target: 'gender', act: 'choose', keysBefore: ['ArrowDown', 'Enter'] },
    { target: 'id-number', act: 'type', text: () => '001234567890', key: 'Tab' },
    { target: 'phone', act: 'type', text: () => '0912345678', key: 'Tab' },
    { target: 'email', act: 'type', text: () => 'nguoi.thu@vidu.vn', key: 'Tab' },
    { target: 'province', act: 'choose', keysBefore: ['ArrowDown', 'Enter'] },
    // The ward list loads late: the guide waits (and says so) until it can be used.
    { target: 'ward', act: 'choose', keysBefore: ['ArrowDown', 'Enter'] },
    { target: 'address-detail', act: 'type', text: () => 'So 12 ngo 34 pho Thu', key: 'Tab' },
    { target: 'purpose', act: 'type', text: () => 'bo sung ho so xin viec', key: 'Tab' },
    { target: 'quantity', act: 'next' },
    { target: 'attachment', act: 'upload', file: samplePdf },
    { target: 'commitment-checkbox', act: 'click' },
    { target: 'submit-button', act: 'click' },
    { target: 'ma-ho-so', act: 'next' },
    { target: 'pay-online-button', act: 'click' },
    { target: 'method-momo', act: 'click' },
    { target: 'pay-button', act: 'click' },
    { target: 'transaction-code', act: 'done' },
  ],
};

/** Every flow, for tests that walk them all. */
export const FLOWS: Flow[] = [VNEID_LOGIN, LLTP_APPLY, EVN_BILL, EBANK_TRANSFER];

/** Do what the step asks, at the middle of the outlined box. */
export async function actOnOutlined(page: Page, step: FlowStep, outline: { x: number; y: number; width: number; height: number }): Promise<void> {
  const x = outline.x + outline.width / 2;
  const y = outline.y + outline.height / 2;
  if (step.act === 'upload') {
    // A file field opens its chooser from its button, at its start (the rest only names the chosen file),
    // and only in the focused tab. Puppeteer turns on chooser interception without waiting: a round trip
    // to the page first makes sure it is on before the click.
    await page.bringToFront();
    const chooser = page.waitForFileChooser({ timeout: 10_000 });
    await page.evaluate(() => document.readyState);
    await page.mouse.click(outline.x + Math.min(40, outline.width / 4), y);
    await (await chooser).accept([step.file!()]);
    return;
  }
  await page.mouse.click(x, y);
  for (const key of step.keysBefore ?? []) await page.keyboard.press(key);
  if (step.act === 'type') {
    await page.keyboard.type(await step.text!(page), { delay: 15 });
    for (const key of [step.key ?? []].flat()) await page.keyboard.press(key);
  }
}
