// The background's message gate (issue 15.5): every message checked by sender and by schema, per message
// and per kind of sender.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCESS, createMessageGate, GateError, type Sender } from '../../extension/message-gate';
import type { ProtocolMap } from '../../extension/protocol';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const SESSION_TAB = 7;
const RECORDING_TAB = 8;

const SENDERS: Record<string, Sender> = {
  /** The side panel: an extension page without a tab. */
  panel: { id: ID, url: `${ORIGIN}sidepanel.html` },
  /** The dashboard or editor opened in a tab. */
  pageInTab: { id: ID, url: `${ORIGIN}editor.html?pack=evn`, tab: { id: 3 } },
  /** Our content script on the tab the guided session runs on. */
  sessionTab: { id: ID, url: 'https://dichvucong.gov.vn/', tab: { id: SESSION_TAB } },
  /** Our content script on the tab being recorded. */
  recordingTab: { id: ID, url: 'https://evn.example/', tab: { id: RECORDING_TAB } },
  /** Our content script on any other tab. */
  otherTab: { id: ID, url: 'https://ebank.example/', tab: { id: 9 } },
  /** A web page whose URL merely contains the extension's address. */
  lookalike: { id: ID, url: `https://evil.example/${ORIGIN}sidepanel.html`, tab: { id: 9 } },
  /** Another extension (a different id), even with our URL. */
  foreign: { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `${ORIGIN}sidepanel.html` },
  /** Our id, a web URL, no tab. */
  noTab: { id: ID, url: 'https://dichvucong.gov.vn/' },
  /** 19: the scam warning page, shown in the tab it replaced a lookalike in. */
  warningPage: { id: ID, url: `${ORIGIN}warning.html?host=dichvucong-gov.vn.xyz`, tab: { id: 4 } },
  /** The warning page's address outside a tab (it is never shown so). */
  warningNoTab: { id: ID, url: `${ORIGIN}warning.html` },
  /** A web page on a host whose path merely names the warning page. */
  warningLookalike: { id: ID, url: `https://evil.example/warning.html`, tab: { id: 4 } },
};
type SenderName = keyof typeof SENDERS;

const PAGES: SenderName[] = ['panel', 'pageInTab', 'warningPage', 'warningNoTab'];
const TABS: SenderName[] = ['sessionTab', 'recordingTab', 'otherTab', 'lookalike', 'warningLookalike'];

/** For every message: valid data, and who may send it (written out, not derived from ACCESS). */
const CASES: { [K in keyof ProtocolMap]: { data: unknown; allowed: SenderName[] } } = {
  start: { data: { packId: 'dichvucong', walkthroughId: 'dang-nhap-vneid', tabId: 7 }, allowed: PAGES },
  startChoice: { data: { packId: 'dichvucong', walkthroughId: 'dang-nhap-vneid', tabId: 7 }, allowed: PAGES },
  current: { data: undefined, allowed: PAGES },
  pageReady: { data: { page: 'https://dichvucong.gov.vn/' }, allowed: TABS },
  advance: { data: { fromIndex: 0 }, allowed: TABS },
  next: { data: undefined, allowed: [...PAGES, 'sessionTab'] },
  back: { data: undefined, allowed: [...PAGES, 'sessionTab'] },
  openStepPage: { data: undefined, allowed: [...PAGES, 'sessionTab'] },
  repeat: { data: undefined, allowed: [...PAGES, 'sessionTab'] },
  skip: { data: undefined, allowed: [...PAGES, 'sessionTab'] },
  pause: { data: { paused: true }, allowed: [...PAGES, 'sessionTab'] },
  guideState: { data: { index: 1, state: 'not-found' }, allowed: TABS },
  finish: { data: { outcome: 'completed' }, allowed: PAGES },
  undoFinish: { data: { sessionId: '0b6f2c1e-5d1a-4c3e-9f7a-2b8c4d6e8f00' }, allowed: PAGES },
  setResidentMode: { data: { on: true }, allowed: PAGES },
  offer: { data: { packId: 'dichvucong', walkthroughId: 'dang-nhap-vneid' }, allowed: [...PAGES, ...TABS] },
  startHere: { data: { packId: 'dichvucong', walkthroughId: 'dang-nhap-vneid' }, allowed: TABS },
  showStep: { data: null, allowed: [] },
  startRecording: { data: { tabId: 8 }, allowed: PAGES },
  recording: { data: undefined, allowed: [...PAGES, ...TABS] },
  recordStep: { data: { step: { id: 'x' } }, allowed: TABS },
  undoStep: { data: undefined, allowed: [...PAGES, 'recordingTab'] },
  stopRecording: { data: { title: 'Trả tiền điện', category: 'utility' }, allowed: [...PAGES, 'recordingTab'] },
  cancelRecording: { data: undefined, allowed: PAGES },
  showRecording: { data: null, allowed: [] },
  pickTarget: { data: { hint: 'x' }, allowed: [] },
  cancelPick: { data: undefined, allowed: [] },
  showTarget: { data: { anchor: {}, n: 1 }, allowed: [] },
  startTrial: { data: { packId: 'dichvucong', walkthroughId: 'dang-nhap-vneid', tabId: 7 }, allowed: PAGES },
  repairStep: { data: { index: 1, anchor: { v: 2, kind: 'action', tag: 'button' } }, allowed: PAGES },
  scamContinue: { data: { host: 'dichvucong-gov.vn.xyz' }, allowed: ['warningPage'] },
  scamLeave: { data: undefined, allowed: ['warningPage'] },
};

function gate(sessionTab: number | null = SESSION_TAB, recordingTab: number | null = RECORDING_TAB) {
  return createMessageGate({ extensionId: ID, extensionOrigin: ORIGIN, sessionTab: async () => sessionTab, recordingTab: async () => recordingTab });
}

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'admitted';
  } catch (err) {
    return err instanceof GateError ? 'refused' : `error: ${String(err)}`;
  }
}

describe('15.5 one message gate: the background trusts a content script with its own tab only', () => {
  it('15.5 admits each message from exactly the senders allowed to send it, and refuses every other sender', async () => {
    const g = gate();
    const wrong: string[] = [];
    for (const [type, c] of Object.entries(CASES) as [keyof ProtocolMap, (typeof CASES)[keyof ProtocolMap]][]) {
      for (const name of Object.keys(SENDERS) as SenderName[]) {
        const expected = c.allowed.includes(name) ? 'admitted' : 'refused';
        const got = await outcome(g.admit(type, c.data, SENDERS[name]!));
        if (got !== expected) wrong.push(`${type} from ${name}: ${got}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('15.5 a content script cannot read the session (current), finish it, start one on another tab or install a recording', async () => {
    const g = gate();
    for (const name of TABS) {
      await expect(g.admit('current', undefined, SENDERS[name]!)).rejects.toThrow(/refused current: only the extension's own pages/);
      await expect(g.admit('finish', { outcome: 'completed' }, SENDERS[name]!)).rejects.toThrow(/refused finish/);
      await expect(g.admit('start', CASES.start.data, SENDERS[name]!)).rejects.toThrow(/refused start/);
      await expect(g.admit('startTrial', CASES.startTrial.data, SENDERS[name]!)).rejects.toThrow(/refused startTrial/);
      await expect(g.admit('startRecording', { tabId: 9 }, SENDERS[name]!)).rejects.toThrow(/refused startRecording/);
      await expect(g.admit('cancelRecording', undefined, SENDERS[name]!)).rejects.toThrow(/refused cancelRecording/);
    }
  });

  it("15.5 overlay and recording-bar buttons work from their own tab only, and not at all when nothing runs", async () => {
    await expect(gate().admit('next', undefined, SENDERS.sessionTab!)).resolves.toMatchObject({ caller: { kind: 'tab', tabId: SESSION_TAB } });
    await expect(gate().admit('back', undefined, SENDERS.otherTab!)).rejects.toThrow(/the guided session is not on the sender's tab/);
    await expect(gate(null).admit('next', undefined, SENDERS.sessionTab!)).rejects.toThrow(/refused next/);
    await expect(gate().admit('undoStep', undefined, SENDERS.recordingTab!)).resolves.toMatchObject({ caller: { kind: 'tab', tabId: RECORDING_TAB } });
    await expect(gate().admit('stopRecording', CASES.stopRecording.data, SENDERS.sessionTab!)).rejects.toThrow(/the recording is not on the sender's tab/);
    await expect(gate(SESSION_TAB, null).admit('undoStep', undefined, SENDERS.recordingTab!)).rejects.toThrow(/refused undoStep/);
    // Extension pages drive both whatever tab they are on.
    await expect(gate().admit('pause', { paused: true }, SENDERS.pageInTab!)).resolves.toMatchObject({ caller: { kind: 'page' } });
  });

  it('19 only the warning page, in its own tab, may let that tab open a lookalike once: not the console, a content script or a web page', async () => {
    await expect(gate().admit('scamContinue', { host: 'dichvucong-gov.vn.xyz' }, SENDERS.warningPage!)).resolves.toEqual({
      data: { host: 'dichvucong-gov.vn.xyz' },
      caller: { kind: 'page', page: 'warning.html', tabId: 4 },
    });
    for (const name of ['panel', 'pageInTab', 'sessionTab', 'otherTab', 'warningNoTab', 'warningLookalike', 'foreign'] as const) {
      await expect(gate().admit('scamContinue', { host: 'dichvucong-gov.vn.xyz' }, SENDERS[name]!), name).rejects.toThrow(/refused scamContinue/);
    }
    // A host only: no URL, path or query can ride along.
    for (const host of ['https://dichvucong-gov.vn.xyz/', 'dichvucong-gov.vn.xyz/?cccd=001', 'x'.repeat(254)]) {
      await expect(gate().admit('scamContinue', { host }, SENDERS.warningPage!)).rejects.toThrow(/invalid scamContinue: \/host /);
    }
  });

  it('15.5 hands the handler the sender tab the browser reported, never one named in the data', async () => {
    const r = await gate().admit('pageReady', { page: 'https://dichvucong.gov.vn/' }, SENDERS.otherTab!);
    expect(r).toEqual({ data: { page: 'https://dichvucong.gov.vn/' }, caller: { kind: 'tab', tabId: 9 } });
    // A tab id smuggled into a content script's data is refused by the schema.
    await expect(gate().admit('startHere', { packId: 'evn', walkthroughId: 'x', tabId: 7 }, SENDERS.otherTab!)).rejects.toThrow(/invalid startHere/);
  });

  it('15.5 checks every message by its own schema, naming the bad field path', async () => {
    const g = gate();
    const bad: [keyof ProtocolMap, unknown, RegExp][] = [
      ['start', { packId: 'dichvucong', walkthroughId: 'x', tabId: 'seven' }, /^invalid start: \/tabId must be a number$/],
      ['start', { packId: 'Dich Vu', walkthroughId: 'x', tabId: 7 }, /^invalid start: \/packId /],
      ['finish', { outcome: 'completed', note: 'x'.repeat(2001) }, /^invalid finish: \/note is too long$/],
      ['finish', { outcome: 'won' }, /^invalid finish: \/outcome /],
      ['finish', { outcome: 'completed', extra: 1 }, /^invalid finish: \/extra /],
      ['stopRecording', { title: '  ', category: 'utility' }, /^invalid stopRecording: \/title needs a title$/],
      ['pause', { paused: 'yes' }, /^invalid pause: \/paused /],
      ['next', { skipTo: 5 }, /^invalid next: \/ takes no data$/],
    ];
    for (const [type, data, message] of bad) await expect(g.admit(type, data, SENDERS.panel!), type).rejects.toThrow(message);
    const fromTab: [keyof ProtocolMap, unknown, RegExp][] = [
      ['pageReady', { page: 'https://dichvucong.gov.vn/?id=001' }, /^invalid pageReady: \/page /],
      ['advance', { fromIndex: -1 }, /^invalid advance: \/fromIndex must be ≥ 0$/],
      ['guideState', { index: 1.5, state: 'found' }, /^invalid guideState: \/index must be an integer$/],
      ['recordStep', { step: 'x' }, /^invalid recordStep: \/step must be an object$/],
    ];
    for (const [type, data, message] of fromTab) await expect(g.admit(type, data, SENDERS.sessionTab!), type).rejects.toThrow(message);
  });

  it('15.5 checks each message by its own schema (guideState by its own, not advance\'s)', async () => {
    await expect(gate().admit('guideState', { index: 2, state: 'found' }, SENDERS.sessionTab!)).resolves.toMatchObject({ data: { index: 2, state: 'found' } });
    await expect(gate().admit('guideState', { fromIndex: 2, state: 'found' }, SENDERS.sessionTab!)).rejects.toThrow(/^invalid guideState: \/index /);
  });

  it('15.5 16 the background registers every handler through the gate, and one for each message it takes', () => {
    const read = (file: string): string => readFileSync(path.resolve(__dirname, '../..', file), 'utf8');
    const background = read('entrypoints/background.ts');
    // One listener registration, handed to the gated `on` (message-gate.ts createOn), which admits first.
    expect(background.match(/messaging\.onMessage\(/g)).toHaveLength(1);
    expect(background).toMatch(/createOn\(gate, \(type, receive\) => messaging\.onMessage\(type, receive as never\), ready\)/);
    expect(read('extension/message-gate.ts')).toMatch(/const admitted = await gate\.admit\(type, data, sender\);\s+await ready;\s+return handler\(admitted\.data, admitted\.caller\);/);
    const handlers = read('extension/background-handlers.ts');
    expect(handlers).not.toMatch(/onMessage/);
    const handled = new Set([...handlers.matchAll(/\bon\('([a-zA-Z]+)'/g)].map((m) => m[1]));
    for (const [type, access] of Object.entries(ACCESS)) expect(handled.has(type), `${type} (${access})`).toBe(access !== 'none');
  });
});
