// Every message the background takes, each to its controller: the session (controller.ts) or the recording
// (recording-controller.ts). Registered through the message gate's `on` (message-gate.ts), never directly.
import type { Catalog } from '../core/catalog';
import type { Controller } from './controller';
import { tabOf, warningTabOf, type On } from './message-gate';
import type { ScamGuard } from './scam-guard';
import type { RecordingController } from './recording-controller';
import type { Repair } from './repair';
import type { Anchor } from '../core/anchors/index';

export function registerHandlers(on: On, deps: { controller: Controller; recording: RecordingController; catalog: Catalog; repair: Repair }): void {
  const { controller, recording, catalog, repair } = deps;
  on('start', (d) => controller.start(d.packId, d.walkthroughId, d.tabId, { fromStep: d.fromStep, residentMode: d.residentMode }));
  on('startChoice', (d) => controller.startChoice(d.packId, d.walkthroughId, d.tabId));
  on('current', () => controller.current());
  on('offer', (d) => {
    const entry = catalog.find(d.packId, d.walkthroughId);
    return entry ? { title: entry.walkthrough.title.vi } : null;
  });
  on('startHere', (d, caller) => controller.start(d.packId, d.walkthroughId, tabOf(caller)));
  on('pageReady', (d, caller) => controller.pageReady(tabOf(caller), d.page));
  on('advance', (d, caller) => controller.advance(tabOf(caller), d.fromIndex));
  on('next', () => controller.next());
  on('back', () => controller.back());
  on('openStepPage', () => controller.openStepPage());
  on('repeat', () => controller.repeat());
  on('skip', () => controller.skip());
  on('pause', (d) => controller.pause(d.paused));
  on('guideState', (d, caller) => controller.guideState(tabOf(caller), d.index, d.state));
  on('startTrial', (d) => controller.start(d.packId, d.walkthroughId, d.tabId, { trial: true }));
  on('finish', ({ outcome, ...details }) => controller.finish(outcome, details));
  on('undoFinish', (d) => controller.undoFinish(d.sessionId));
  on('setResidentMode', (d) => controller.setResidentMode(d.on));
  // The anchor's shape is checked by parsePack with the repaired pack before anything is saved.
  on('repairStep', (d) => repair.repair(d.index, d.anchor as unknown as Anchor));

  on('startRecording', ({ tabId }) => recording.start(tabId));
  on('recording', (_, caller) => recording.current(caller));
  on('recordStep', ({ step }, caller) => recording.recordStep(step, caller));
  on('undoStep', (_, caller) => recording.undo(caller));
  on('stopRecording', (details, caller) => recording.stop(details, caller));
  on('cancelRecording', () => recording.cancel());
}

/** The scam warning page's two ways out (issue 19): each about the page's own tab only. */
export function registerScamHandlers(on: On, guard: ScamGuard): void {
  on('scamContinue', (d, caller) => guard.continueTo(warningTabOf(caller), d.host));
  on('scamLeave', (_, caller) => guard.leave(warningTabOf(caller)));
}
