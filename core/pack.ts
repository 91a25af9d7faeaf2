// Walkthrough packs: the content format, and the validator every pack passes before it is used.
// parsePack never throws; its errors name the bad field with a JSON-pointer path and a code (core/errors.ts).

import * as v from 'valibot';
import { code, issuesToErrors, type DataError } from './errors';
import { isOfficialOrigin } from './origins';
import { MAX_WILDCARDS, wildcardCount } from './url-pattern';
import type { Anchor } from './anchors/index';

const MAX_PACK_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 12;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Markup in pack text: never rendered as HTML anywhere, and a sign the pack was not written by a ward. */
const MARKUP = /<\/?[a-z!][^>]*>/i;

const text = (max: number) =>
  v.pipe(
    v.string(code('pack.text')),
    v.trim(),
    v.minLength(1, code('pack.empty')),
    v.maxLength(max, code('pack.tooLong')),
    v.check((s) => !MARKUP.test(s), code('pack.markup')),
  );
const optionalText = (max: number) => v.optional(v.pipe(v.string(code('pack.text')), v.maxLength(max, code('pack.tooLong'))));

const LocalText = v.strictObject(
  { vi: text(600), en: v.optional(text(600)) },
  code('pack.localText'),
);

const httpsUrl = v.pipe(
  v.string(code('pack.url')),
  v.maxLength(2048, code('pack.urlTooLong')),
  v.check((s) => {
    try {
      return new URL(s.replace(/\*/g, 'x')).protocol === 'https:';
    } catch {
      return false;
    }
  }, code('pack.https')),
);

const Origin = v.pipe(
  httpsUrl,
  v.check((s) => {
    try {
      const u = new URL(s);
      return u.pathname === '/' && !u.search && !u.hash && s === u.origin;
    } catch {
      return false;
    }
  }, code('pack.origin')),
);

const AnchorSchema = v.strictObject(
  {
    v: v.picklist([1, 2], code('pack.anchorVersion')),
    kind: v.picklist(['action', 'field', 'toggle', 'select', 'other'], code('pack.anchorKind')),
    tag: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*$/, code('pack.anchorTag')), v.maxLength(40)),
    role: v.pipe(v.string(), v.maxLength(40)),
    type: optionalText(40),
    name: optionalText(200),
    text: optionalText(200),
    label: optionalText(200),
    placeholder: optionalText(200),
    title: optionalText(200),
    attrName: optionalText(100),
    href: optionalText(500),
    heading: optionalText(200),
    path: v.pipe(v.string(), v.maxLength(600)),
    index: v.pipe(v.number(), v.integer(), v.minValue(0)),
    count: v.pipe(v.number(), v.integer(), v.minValue(0)),
    id: optionalText(100),
    classes: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(60))), v.maxLength(12))),
    twins: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
    twinIndex: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
    unique: v.optional(v.literal(true)),
    rival: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
    xpath: optionalText(600),
    form: optionalText(200),
    attrs: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(12))),
    near: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(120))), v.maxLength(6))),
    box: v.optional(v.pipe(v.tuple([v.number(), v.number(), v.number(), v.number(), v.number()]), v.check((b) => b.every((n) => Number.isFinite(n) && Math.abs(n) < 1e6), code('pack.anchorBox')))),
  },
  code('pack.anchor'),
);

/** A page pattern: an https address whose `*` match any run of characters, at most MAX_WILDCARDS of them. */
const PagePattern = v.pipe(
  httpsUrl,
  v.check((s) => wildcardCount(s) <= MAX_WILDCARDS, code('pack.wildcards')),
);

const Advance = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('click') }),
    v.strictObject({ kind: v.literal('input') }),
    v.strictObject({ kind: v.literal('url'), page: PagePattern }),
    v.strictObject({ kind: v.literal('appear'), anchor: AnchorSchema }),
    v.strictObject({ kind: v.literal('manual') }),
  ],
  code('pack.advance'),
);

/**
 * A picture beside a step (the widget shows it; the live guide points at the page itself): a path relative to
 * the pack file, or an https address on one of the pack's own origins (checked with the origins below).
 * Never any other host: on a ward's page an image from elsewhere would tell that host who reads the page.
 */
const Illustration = v.strictObject(
  {
    src: v.pipe(
      v.string(code('pack.imageSrc')),
      v.maxLength(500, code('pack.imageSrcTooLong')),
      v.check((s) => /^https:\/\/[^\s"'<>]+$/i.test(s) || /^(?![a-z][a-z0-9+.-]*:)(?!\/\/)[^\s"'<>\\]+$/i.test(s), code('pack.imageSrcForm')),
    ),
    alt: LocalText,
  },
  code('pack.image'),
);

/** Earlier anchors a step keeps beside its current one (a site may A/B-test or roll back a redesign). */
export const MAX_ALSO_ANCHORS = 4;

const Step = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, code('pack.stepId'))),
  page: PagePattern,
  anchor: v.optional(AnchorSchema),
  /** The step's earlier anchors (repaired at the desk): the guide weighs them beside `anchor`. */
  alsoAnchors: v.optional(v.pipe(v.array(AnchorSchema, code('pack.alsoAnchors')), v.maxLength(MAX_ALSO_ANCHORS, code('pack.alsoAnchorsMax')))),
  text: LocalText,
  image: v.optional(Illustration),
  advance: Advance,
  private: v.optional(v.picklist(['password', 'otp', 'pin'], code('pack.private'))),
  /** A step the resident may not need (e.g. signing in when already signed in): resuming may pass it over. */
  optional: v.optional(v.boolean(code('pack.optional'))),
});

export const CATEGORIES = ['public-service', 'bank', 'e-wallet', 'utility'] as const;

/** At most this many search words per walkthrough, each at most MAX_ALIAS_LENGTH characters. */
export const MAX_ALIASES = 20;
export const MAX_ALIAS_LENGTH = 40;

/**
 * Words people use for a walkthrough besides its title (LLTP, CCCD, VNeID, tiền điện, CK…): searched like the
 * title, without diacritics (core/catalog.ts). Short plain strings; never shown as the title.
 */
const Aliases = v.pipe(
  v.array(text(MAX_ALIAS_LENGTH), code('pack.aliases')),
  v.maxLength(MAX_ALIASES, code('pack.aliasesMax')),
);

const Walkthrough = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, code('pack.walkthroughId'))),
  title: LocalText,
  category: v.picklist(CATEGORIES, code('pack.category')),
  aliases: v.optional(Aliases),
  bring: v.pipe(v.array(LocalText), v.maxLength(20)),
  minutes: v.pipe(v.number(code('pack.number')), v.integer(code('pack.integer')), v.minValue(1), v.maxValue(240)),
  startUrl: httpsUrl,
  steps: v.pipe(v.array(Step), v.minLength(1, code('pack.minSteps')), v.maxLength(100, code('pack.maxSteps'))),
});

const PackSchema = v.strictObject({
  schema: v.literal(1, code('pack.schema')),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, code('pack.packId'))),
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, code('pack.version'))),
  title: LocalText,
  origins: v.pipe(v.array(Origin), v.minLength(1, code('pack.minOrigins'))),
  walkthroughs: v.pipe(v.array(Walkthrough), v.minLength(1, code('pack.minWalkthroughs')), v.maxLength(50)),
});

export type LocalText = v.InferOutput<typeof LocalText>;
export type Step = Omit<v.InferOutput<typeof Step>, 'anchor' | 'alsoAnchors' | 'advance'> & {
  anchor?: Anchor;
  alsoAnchors?: Anchor[];
  advance: AdvanceRule;
};
export type AdvanceRule =
  | { kind: 'click' }
  | { kind: 'input' }
  | { kind: 'url'; page: string }
  | { kind: 'appear'; anchor: Anchor }
  | { kind: 'manual' };
export type Walkthrough = Omit<v.InferOutput<typeof Walkthrough>, 'steps'> & { steps: Step[] };
export type Pack = Omit<v.InferOutput<typeof PackSchema>, 'walkthroughs'> & { walkthroughs: Walkthrough[] };
export type Category = (typeof CATEGORIES)[number];

/** A problem in a pack: the bad field's path and a code translated by the pages (core/errors.ts). */
export type PackError = DataError;
export type ParseResult = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

export interface ParseOptions {
  /** Origins outside the official list that the ward admin chose to trust. @default [] */
  trustedOrigins?: string[];
}

function pointer(path: (string | number)[]): string {
  return path.length === 0 ? '/' : '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** Checks that no object key is dangerous and nesting stays shallow; returns the first problem. */
function scanStructure(value: unknown, path: (string | number)[], depth: number): PackError | null {
  if (depth > MAX_DEPTH) return { path: pointer(path), code: 'pack.tooDeep', params: { max: MAX_DEPTH } };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const e = scanStructure(value[i], [...path, i], depth + 1);
      if (e) return e;
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { path: pointer([...path, key]), code: 'pack.forbiddenKey', params: { key } };
      const e = scanStructure((value as Record<string, unknown>)[key], [...path, key], depth + 1);
      if (e) return e;
    }
  }
  return null;
}

/**
 * A page pattern's (or address's) host part: a plain host and port. A `*` there would let a step match other
 * sites (`https://*@a.gov.vn/*` matches `https://evil.example/@a.gov.vn/`), and so would user info.
 */
const PLAIN_HOST = /^https:\/\/[a-z0-9.-]+(?::\d{1,5})?(?:[/?#]|$)/i;

function originOf(url: string): string | null {
  try {
    return new URL(url.replace(/\*/g, 'x')).origin;
  } catch {
    return null;
  }
}

/** Validate untrusted pack data (already parsed JSON, or a JSON string). Never throws. */
export function parsePack(input: unknown, options: ParseOptions = {}): ParseResult {
  try {
    return parsePackUnsafe(input, options);
  } catch {
    return { ok: false, errors: [{ path: '/', code: 'pack.unreadable' }] };
  }
}

function parsePackUnsafe(input: unknown, options: ParseOptions): ParseResult {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_PACK_BYTES) return { ok: false, errors: [{ path: '/', code: 'pack.tooBig' }] };
    try {
      data = JSON.parse(input);
    } catch {
      return { ok: false, errors: [{ path: '/', code: 'pack.json' }] };
    }
  } else {
    // A cyclic object makes stringify throw; parsePack turns that into an error entry.
    const size = JSON.stringify(input)?.length ?? 0;
    if (size > MAX_PACK_BYTES) return { ok: false, errors: [{ path: '/', code: 'pack.tooBig' }] };
  }
  const structural = scanStructure(data, [], 0);
  if (structural) return { ok: false, errors: [structural] };

  const result = v.safeParse(PackSchema, data, { abortPipeEarly: true });
  if (!result.success) {
    const errors = issuesToErrors(result.issues.slice(0, 50), pointer, { 'pack.wildcards': { max: MAX_WILDCARDS } });
    return { ok: false, errors };
  }
  const pack = result.output as Pack;
  const trusted = new Set((options.trustedOrigins ?? []).map((o) => originOf(o)).filter(Boolean));
  const errors: PackError[] = [];
  pack.origins.forEach((o, i) => {
    if (!isOfficialOrigin(o) && !trusted.has(o)) {
      errors.push({ path: `/origins/${i}`, code: 'pack.notOfficial', params: { origin: o } });
    }
  });
  const declared = new Set(pack.origins);
  pack.walkthroughs.forEach((w, wi) => {
    const check = (url: string, path: string): void => {
      if (!PLAIN_HOST.test(url)) {
        errors.push({ path, code: 'pack.host' });
        return;
      }
      const o = originOf(url);
      if (!o || !declared.has(o)) errors.push({ path, code: 'pack.notInOrigins', params: { url } });
    };
    check(w.startUrl, `/walkthroughs/${wi}/startUrl`);
    const ids = new Set<string>();
    w.steps.forEach((s, si) => {
      check(s.page, `/walkthroughs/${wi}/steps/${si}/page`);
      if (s.advance.kind === 'url') check(s.advance.page, `/walkthroughs/${wi}/steps/${si}/advance/page`);
      const image = s.image?.src;
      if (image && /^https:/i.test(image) && !declared.has(originOf(image) ?? '')) {
        errors.push({ path: `/walkthroughs/${wi}/steps/${si}/image/src`, code: 'pack.imageOrigin' });
      }
      if (ids.has(s.id)) errors.push({ path: `/walkthroughs/${wi}/steps/${si}/id`, code: 'pack.duplicateStep', params: { id: s.id } });
      ids.add(s.id);
      if (s.advance.kind === 'click' && !s.anchor) {
        errors.push({ path: `/walkthroughs/${wi}/steps/${si}/anchor`, code: 'pack.clickAnchor' });
      }
      if (s.alsoAnchors?.length && !s.anchor) errors.push({ path: `/walkthroughs/${wi}/steps/${si}/alsoAnchors`, code: 'pack.alsoWithoutAnchor' });
    });
  });
  const wids = new Set<string>();
  pack.walkthroughs.forEach((w, wi) => {
    if (wids.has(w.id)) errors.push({ path: `/walkthroughs/${wi}/id`, code: 'pack.duplicateWalkthrough', params: { id: w.id } });
    wids.add(w.id);
  });
  return errors.length ? { ok: false, errors } : { ok: true, pack };
}
