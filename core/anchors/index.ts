// Anchors: find a control again after a redesign, or say it cannot. The public API.
//   types.ts     the anchor and what is compared      controls.ts  what counts as a control, its name
//   features.ts  DOM → properties, where to look      lexicon.ts   words of the same meaning
//   similarity.ts one property at a time               score.ts     weights, combined score
//   decide.ts    take the best or answer null          resolve.ts   capture, rank, resolve
//   wait.ts      wait for late rendering               records.ts   the same rule on property records
export type { Anchor, AnchorKind, Props, ResolvedAnchor, Scored } from './types';
export { controlAt, isCodeLike, isRendered, isStableToken, kindOf } from './controls';
export { features, searchRoots } from './features';
export { RULE, type Rule } from './decide';
export { WEIGHTS, type Weights } from './score';
export { agreeOn, captureAnchor, documentOrder, rankCandidates, resolveAnchor, resolveAnyAnchor, type CaptureOptions, type ResolveOptions } from './resolve';
export { describeAnchor, waitForAnchor, type WaitOptions } from './wait';
export { matchRecords, propsOfRecord, rankRecords, type ElementRecord } from './records';
