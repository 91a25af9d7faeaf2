// Schemas for the data of every message in the protocol, one per ProtocolMap key (a new message does not
// compile without one); the message gate (message-gate.ts) checks each message against its schema before
// any handler runs. Kept apart so pages and the content script do not bundle the validator.
import * as v from 'valibot';
import { AGE_BANDS, REASONS } from '../core/log-record';
import { CATEGORIES } from '../core/pack';
import { GUIDE_STATES, OUTCOMES } from '../core/session';
import type { ProtocolMap } from './protocol';

const id = v.pipe(v.string('must be a string'), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be an id (a-z, 0-9, -)'));
const index = v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must be ≥ 0'), v.maxValue(1000, 'must be ≤ 1000'));
const tabId = v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must be ≥ 0'));
/** A message that carries no data. */
const none = v.undefined('takes no data');
/** A message the background never receives (background → content script, editor → content script). */
const notForBackground = v.never('is not sent to the background');

/**
 * What the background receives for each message once its schema passed: the protocol's own data type,
 * except a step to record and a repaired step's anchor, whose shapes parsePack checks afterwards
 * (extension/recording.ts addStep, core/pack-library.ts editWalkthrough in extension/repair.ts).
 */
export type Received = {
  [K in keyof ProtocolMap]: K extends 'recordStep'
    ? { step: Record<string, unknown> }
    : K extends 'repairStep'
      ? { index: number; anchor: Record<string, unknown> }
      : Parameters<ProtocolMap[K]>[0];
};

export const schemas = {
  start: v.strictObject({ packId: id, walkthroughId: id, tabId, fromStep: v.optional(index), residentMode: v.optional(v.boolean('must be true or false')) }),
  startChoice: v.strictObject({ packId: id, walkthroughId: id, tabId }),
  current: none,
  pageReady: v.strictObject({ page: v.pipe(v.string('must be a string'), v.maxLength(2048, 'is too long'), v.regex(/^https?:\/\/[^?#]*$/, 'must be an http(s) address without query or fragment')) }),
  advance: v.strictObject({ fromIndex: index }),
  next: none,
  back: none,
  openStepPage: none,
  repeat: none,
  skip: none,
  pause: v.strictObject({ paused: v.boolean('must be true or false') }),
  guideState: v.strictObject({ index, state: v.picklist(GUIDE_STATES, 'is not a guide state') }),
  finish: v.strictObject({
    outcome: v.picklist(OUTCOMES, 'is not an outcome'),
    reason: v.optional(v.picklist(REASONS, 'is not a reason')),
    ageBand: v.optional(v.picklist(AGE_BANDS, 'is not an age band')),
    note: v.optional(v.pipe(v.string('must be a string'), v.maxLength(2000, 'is too long'))),
  }),
  undoFinish: v.strictObject({ sessionId: v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a session id')) }),
  setResidentMode: v.strictObject({ on: v.boolean('must be true or false') }),
  offer: v.strictObject({ packId: id, walkthroughId: id }),
  startHere: v.strictObject({ packId: id, walkthroughId: id }),
  showStep: notForBackground,
  startRecording: v.strictObject({ tabId }),
  recording: none,
  // The step itself is checked by parsePack in extension/recording.ts.
  recordStep: v.strictObject({ step: v.record(v.string(), v.unknown(), 'must be an object') }),
  undoStep: none,
  stopRecording: v.strictObject({
    title: v.pipe(v.string('must be a string'), v.trim(), v.minLength(1, 'needs a title'), v.maxLength(200, 'is too long')),
    category: v.picklist(CATEGORIES, 'is not a category'),
  }),
  cancelRecording: none,
  showRecording: notForBackground,
  pickTarget: notForBackground,
  cancelPick: notForBackground,
  showTarget: notForBackground,
  startTrial: v.strictObject({ packId: id, walkthroughId: id, tabId }),
  // The anchor is checked by parsePack with the repaired pack (its errors name the anchor's fields).
  repairStep: v.strictObject({ index, anchor: v.record(v.string(), v.unknown(), 'must be an object') }),
  // A host name only (the guard checks again that it calls it a lookalike).
  scamContinue: v.strictObject({ host: v.pipe(v.string('must be a string'), v.maxLength(253, 'is too long'), v.regex(/^[a-z0-9.-]+$/, 'must be a host name')) }),
  scamLeave: none,
} satisfies { [K in keyof ProtocolMap]: v.GenericSchema<unknown, Received[K]> };

/** Validate a message's data; throws a short error naming the bad field's path (as a JSON pointer). */
export function check<K extends keyof ProtocolMap>(type: K, data: unknown): Received[K] {
  const r = v.safeParse(schemas[type] as v.GenericSchema<unknown, Received[K]>, data);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const path = '/' + (issue?.path ?? []).map((p) => String(p.key)).join('/');
  throw new Error(`invalid ${type}: ${path} ${issue?.message ?? 'bad data'}`);
}
