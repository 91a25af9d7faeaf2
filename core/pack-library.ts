// The desk's own packs (issue 7): installed from a file or URL, recorded, or edited copies of built-in ones.
// Pure data operations over a library document (the extension keeps it in its private store): install with
// validation (origins outside the official list need the ward admin's trust), keep the previous versions for
// roll-back, remove, export; and the editor's operations on a walkthrough's steps (move, delete, merge, edit
// texts), each giving a new pack that must pass parsePack before it is saved. Built-in packs are never
// changed: editing one makes a local copy under an id of its own.

import { isOfficialOrigin } from './origins';
import type { Anchor } from './anchors/index';
import { MAX_ALSO_ANCHORS, parsePack, type LocalText, type Pack, type PackError, type Step, type Walkthrough } from './pack';

/** An https address whose host is written plainly: no wildcard, no user info. */
const PLAIN_HOST = /^https:\/\/[a-z0-9.-]+(?::\d{1,5})?(?:[/?#]|$)/i;

/** Versions kept per pack (the newest last); older ones are dropped. */
export const KEPT_VERSIONS = 5;

export interface Library {
  /** pack id → its installed versions, oldest first (each a pack that passed parsePack). */
  packs: Record<string, Pack[]>;
  /** Origins the ward admin chose to trust for packs (beyond the official list). */
  trusted: string[];
  /** pack id → the https address it was installed from (checked for updates). */
  sources?: Record<string, string>;
}

export const emptyLibrary = (): Library => ({ packs: {}, trusted: [] });

export type LibraryResult = { ok: true; library: Library; pack: Pack } | { ok: false; errors: PackError[] };

/** Compare "1.2.10" with "1.10.0" numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * Install (or update) a pack from untrusted data: validated with the library's trusted origins; a pack with
 * a built-in pack's id is refused (edits of built-in packs are copies); an older or equal version than the
 * installed one is refused unless `allowSameOrOlder` (re-installing a file on purpose).
 */
export function install(lib: Library, raw: unknown, options: InstallOptions = {}): LibraryResult {
  const parsed = parsePack(raw, { trustedOrigins: lib.trusted });
  if (!parsed.ok) return parsed;
  const pack = parsed.pack;
  if (options.builtInIds?.includes(pack.id)) {
    return { ok: false, errors: [{ path: '/id', code: 'library.builtIn', params: { id: pack.id } }] };
  }
  const versions = lib.packs[pack.id] ?? [];
  const current = versions.at(-1);
  if (current && !options.allowSameOrOlder && compareVersions(pack.version, current.version) <= 0) {
    return { ok: false, errors: [{ path: '/version', code: 'library.version', params: { current: current.version } }] };
  }
  const kept = [...versions, pack].slice(-KEPT_VERSIONS);
  const next: Library = { ...lib, packs: { ...lib.packs, [pack.id]: kept } };
  if (options.source) next.sources = { ...lib.sources, [pack.id]: options.source };
  return { ok: true, library: next, pack };
}

/**
 * Origins a pack file names that are neither official nor trusted yet: what the ward admin is asked to
 * trust. Read from the raw data (the pack is refused until then); only well-formed https origins.
 */
export function untrustedOrigins(lib: Library, raw: unknown): string[] {
  const origins = (raw as { origins?: unknown } | null)?.origins;
  if (!Array.isArray(origins)) return [];
  const out: string[] = [];
  for (const o of origins) {
    if (typeof o !== 'string') continue;
    let u: URL;
    try {
      u = new URL(o);
    } catch {
      continue;
    }
    if (u.protocol !== 'https:' || u.origin !== o.replace(/\/$/, '')) continue;
    if (!isOfficialOrigin(u.origin) && !lib.trusted.includes(u.origin) && !out.includes(u.origin)) out.push(u.origin);
  }
  return out;
}

type InstallOptions = { builtInIds?: readonly string[]; allowSameOrOlder?: boolean; source?: string };

function readJson(text: string): { ok: true; raw: unknown } | { ok: false; errors: PackError[] } {
  try {
    return { ok: true, raw: JSON.parse(text) };
  } catch {
    return { ok: false, errors: [{ path: '/', code: 'pack.json' }] };
  }
}

/**
 * Install a pack file's text. `trustOrigins`: the ward admin trusts these origins first (the caller has
 * obtained access to them). A refusal names the origins still to trust, when that is what stops it.
 */
export function installFile(
  lib: Library,
  text: string,
  options: InstallOptions & { trustOrigins?: readonly string[] } = {},
): LibraryResult | { ok: false; errors: PackError[]; untrusted: string[] } {
  const json = readJson(text);
  if (!json.ok) return json;
  const base = (options.trustOrigins ?? []).reduce(trust, lib);
  const r = install(base, json.raw, options);
  return r.ok ? r : { ...r, untrusted: untrustedOrigins(base, json.raw) };
}

/**
 * An update of an installed pack from the text its address serves now: installed when it is the same pack
 * in a higher version; `latest` when it is not newer; refused (with messages) otherwise.
 */
export function updateFile(lib: Library, packId: string, text: string, options: { builtInIds?: readonly string[] } = {}): LibraryResult | { ok: false; latest: true } {
  const source = lib.sources?.[packId];
  if (!source) return { ok: false, errors: [{ path: '/', code: 'library.noSource' }] };
  const json = readJson(text);
  if (!json.ok) return json;
  const current = lib.packs[packId]?.at(-1);
  const version = (json.raw as { version?: unknown } | null)?.version;
  if (current && typeof version === 'string' && compareVersions(version, current.version) <= 0) return { ok: false, latest: true };
  const r = install(lib, json.raw, { ...options, source });
  if (r.ok && r.pack.id !== packId) return { ok: false, errors: [{ path: '/id', code: 'library.otherPack', params: { got: r.pack.id, want: packId } }] };
  return r;
}

/** Go back to the previous version of a pack (the current one is dropped). */
export function rollBack(lib: Library, packId: string): LibraryResult {
  const versions = lib.packs[packId] ?? [];
  if (versions.length < 2) return { ok: false, errors: [{ path: `/${packId}`, code: 'library.noPrevious' }] };
  const kept = versions.slice(0, -1);
  return { ok: true, library: { ...lib, packs: { ...lib.packs, [packId]: kept } }, pack: kept.at(-1)! };
}

export function remove(lib: Library, packId: string): Library {
  const packs = { ...lib.packs };
  delete packs[packId];
  const next: Library = { ...lib, packs };
  if (lib.sources?.[packId]) {
    const sources = { ...lib.sources };
    delete sources[packId];
    next.sources = sources;
  }
  return next;
}

/** Trust an origin (the ward admin's explicit choice); https origins only. */
export function trust(lib: Library, origin: string): Library {
  const o = new URL(origin).origin;
  if (!o.startsWith('https://')) throw new Error('only https origins can be trusted');
  return lib.trusted.includes(o) ? lib : { ...lib, trusted: [...lib.trusted, o] };
}

/** The newest version of every pack in the library. */
export function currentPacks(lib: Library): Pack[] {
  return Object.values(lib.packs)
    .map((v) => v.at(-1))
    .filter((p): p is Pack => !!p);
}

/**
 * The origins the walkthroughs of these packs run on: their start addresses, step pages and "go on at"
 * addresses (parsePack keeps every one of them on a declared origin, with a plain host). The content script
 * is registered on these only — not on every origin the browser granted (a pack's download address, say).
 */
export function originsInUse(packs: readonly Pack[]): string[] {
  const out = new Set<string>();
  const add = (url: string): void => {
    // A host with a wildcard or user info names no one origin (and parsePack refuses it).
    if (PLAIN_HOST.test(url)) out.add(new URL(url).origin);
  };
  for (const p of packs) {
    for (const w of p.walkthroughs) {
      add(w.startUrl);
      for (const s of w.steps) {
        add(s.page);
        if (s.advance.kind === 'url') add(s.advance.page);
      }
    }
  }
  return [...out];
}

/** A pack as a file for other desks and for the widget: stable JSON, two-space indented. */
export function exportPack(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** The end of an edited copy's id: `dichvucong` → `dichvucong-ban-sua`. */
export const COPY_SUFFIX = '-ban-sua';

/**
 * Whether a pack is an edited copy of a built-in one ("bản sửa của phường"), made by localCopy at this desk or
 * at another desk and installed from its exported file: its id says so (the pack format has no other mark).
 * Lists label it, with its version, since its walkthroughs carry the original's titles.
 */
export const isEditedCopy = (pack: Pick<Pack, 'id'>): boolean => pack.id.endsWith(COPY_SUFFIX);

/** A local copy of a built-in pack to edit: its own id (…-ban-sua), version 1.0.0 ahead of nothing. */
export function localCopy(pack: Pack): Pack {
  const copy = structuredClone(pack);
  copy.id = `${pack.id.slice(0, 55)}${COPY_SUFFIX}`;
  copy.title = { ...pack.title, vi: `${pack.title.vi} (bản sửa)` };
  copy.version = '1.0.0';
  return copy;
}

/** The next patch version: "1.2.3" → "1.2.4". */
export function bumpVersion(version: string): string {
  const [a = 1, b = 0, c = 0] = version.split('.').map(Number);
  return `${a}.${b}.${c + 1}`;
}

// ---------------------------------------------------------------- the editor's step operations

type Edit = (steps: Step[]) => Step[];

export const moveStep =
  (from: number, to: number): Edit =>
  (steps) => {
    const out = [...steps];
    const [s] = out.splice(from, 1);
    if (s) out.splice(Math.max(0, Math.min(to, out.length)), 0, s);
    return out;
  };

export const deleteStep =
  (index: number): Edit =>
  (steps) =>
    steps.filter((_, i) => i !== index);

/**
 * Merge step `index` with the next one: the next step's target and advance rule (the action that ends
 * both), both hints joined. For "type here, then press that" pairs an author wants as one instruction.
 */
export const mergeWithNext =
  (index: number): Edit =>
  (steps) => {
    const a = steps[index];
    const b = steps[index + 1];
    if (!a || !b) return steps;
    const join = (x?: string, y?: string): string | undefined => (x && y ? `${x.replace(/[.\s]+$/, '')}, rồi ${y.charAt(0).toLowerCase()}${y.slice(1)}` : (x ?? y));
    const text: LocalText = { vi: join(a.text.vi, b.text.vi)! };
    const en = a.text.en && b.text.en ? `${a.text.en.replace(/[.\s]+$/, '')}, then ${b.text.en.charAt(0).toLowerCase()}${b.text.en.slice(1)}` : (b.text.en ?? a.text.en);
    if (en) text.en = en;
    const merged: Step = { ...b, id: a.id, text };
    if (a.private || b.private) merged.private = b.private ?? a.private;
    return [...steps.slice(0, index), merged, ...steps.slice(index + 2)];
  };

export const setStepText =
  (index: number, text: LocalText): Edit =>
  (steps) =>
    steps.map((s, i) => (i === index ? { ...s, text } : s));

/**
 * Insert a new step after step `after` (-1: first; past the end: last), e.g. one the author picked on the page
 * ("Thêm bước"). Its id must be free in the walkthrough (core/recorder.ts nextStepId).
 */
export const insertStep =
  (after: number, step: Step): Edit =>
  (steps) => {
    const at = Math.max(0, Math.min(steps.length, after + 1));
    return [...steps.slice(0, at), step, ...steps.slice(at)];
  };

/** Replace one step's target (re-capture): its anchor and page, keeping its text and rule. */
export const recaptureStep =
  (index: number, fresh: Pick<Step, 'anchor' | 'page'>): Edit =>
  (steps) =>
    steps.map((s, i) => (i === index ? { ...s, anchor: fresh.anchor, page: fresh.page } : s));

/**
 * Repair one step at the desk (issue 17): the picked control's anchor becomes the step's anchor, and the one
 * it replaces goes first into its earlier anchors (alsoAnchors: a site may roll its redesign back), without
 * duplicates, the oldest dropped past MAX_ALSO_ANCHORS. Text, page and rule stay as they are.
 */
export const repairStepAnchor =
  (index: number, anchor: Anchor): Edit =>
  (steps) =>
    steps.map((s, i) => {
      if (i !== index) return s;
      const same = (a: Anchor, b: Anchor): boolean => JSON.stringify(a) === JSON.stringify(b);
      const earlier: Anchor[] = [];
      for (const a of [...(s.anchor ? [s.anchor] : []), ...(s.alsoAnchors ?? [])]) {
        if (!same(a, anchor) && !earlier.some((e) => same(e, a))) earlier.push(a);
      }
      const next: Step = { ...s, anchor };
      delete next.alsoAnchors;
      const kept = earlier.slice(0, MAX_ALSO_ANCHORS);
      return kept.length ? { ...next, alsoAnchors: kept } : next;
    });

/** A step edit as an edit of the walkthrough. */
export const onSteps =
  (edit: Edit) =>
  (w: Walkthrough): Walkthrough => ({ ...w, steps: edit(w.steps) });

/**
 * Apply an edit to one walkthrough of a pack and validate the result (a new patch version): the pack to
 * save, or parsePack's messages to show beside the fields.
 */
export function editWalkthrough(lib: Library, pack: Pack, walkthroughId: string, edit: (w: Walkthrough) => Walkthrough): { ok: true; pack: Pack } | { ok: false; errors: PackError[] } {
  const next = structuredClone(pack);
  next.version = bumpVersion(pack.version);
  const i = next.walkthroughs.findIndex((w) => w.id === walkthroughId);
  if (i < 0) return { ok: false, errors: [{ path: '/walkthroughs', code: 'library.noWalkthrough', params: { id: walkthroughId } }] };
  next.walkthroughs[i] = edit(next.walkthroughs[i]!);
  const r = parsePack(next, { trustedOrigins: lib.trusted });
  return r.ok ? { ok: true, pack: r.pack } : r;
}
