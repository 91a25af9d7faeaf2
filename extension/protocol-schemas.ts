// Schemas for the data of every message the background receives (kept apart so pages and the content
// script do not bundle the validator).
import * as v from 'valibot';
import { AGE_BANDS, REASONS } from '../core/log-record';
import { OUTCOMES } from '../core/session';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));
const index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000));

export const schemas = {
  start: v.strictObject({ packId: id, walkthroughId: id, tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  offer: v.strictObject({ packId: id, walkthroughId: id }),
  pageReady: v.strictObject({ page: v.pipe(v.string(), v.maxLength(2048), v.regex(/^https?:\/\/[^?#]*$/)) }),
  advance: v.strictObject({ fromIndex: index }),
  notFound: v.strictObject({ index }),
  finish: v.strictObject({
    outcome: v.picklist(OUTCOMES),
    reason: v.optional(v.picklist(REASONS)),
    ageBand: v.optional(v.picklist(AGE_BANDS)),
    note: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  }),
  pause: v.strictObject({ paused: v.boolean() }),
  startTrial: v.strictObject({ packId: id, walkthroughId: id, tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  startRecording: v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  // The step itself is checked by parsePack in extension/recording.ts.
  recordStep: v.strictObject({ step: v.record(v.string(), v.unknown()) }),
  stopRecording: v.strictObject({
    title: v.pipe(v.string(), v.trim(), v.minLength(1, 'cần tên hướng dẫn'), v.maxLength(200)),
    category: v.picklist(['public-service', 'bank', 'e-wallet', 'utility']),
  }),
};

/** Validate a message's data; throws a short error the sender sees as a rejected promise. */
export function check<T extends v.GenericSchema>(schema: T, data: unknown): v.InferOutput<T> {
  const r = v.safeParse(schema, data);
  if (!r.success) throw new Error(`invalid message: ${r.issues[0]?.message ?? 'bad data'}`);
  return r.output;
}
