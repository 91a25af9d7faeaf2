// The scam guard's verdict on a host (issue 19): official, lookalike (not official, but imitates an official
// site) or other. Framework-free, no network; the data is core/official-domains.ts, registrable domains come from
// the Public Suffix List (tldts). The steps, for a host that is not official:
//   1. read each label the way a resident sees it (readingsOf): punycode decoded, homoglyphs and accents to
//      plain Latin (confusables' remove), digits read as letters, "rn" read as "m";
//   2. look for "gov.vn" / "gov-vn" / "govvn" in the host (and in its readings);
//   3. look for an official brand in each reading (matchBrand): the whole label, a hyphen word, inside a
//      label between other words, or a typo of it; short brands only beside a cue word;
//   4. keep the strongest brand match, and name every rule that fired, in SCAM_REASONS order.
// "other" must never be a false alarm: the guards are in matchBrand, isTypo and the data's shortBrands.
import { remove as skeletonOf } from 'confusables';
import { toUnicode } from 'punycode/punycode.es6.js';
import { parse } from 'tldts';
import { FREE_HOSTS, NAMESAKES, OFFICIAL, type OfficialEntry } from './official-domains';
import { digitReadings, editDistance, isVietnameseSyllable, singleEdit, splitsIntoKnown, splitsIntoWords } from './scam-words';

export type Verdict = 'official' | 'lookalike' | 'other';

/** Every reason a host is called a lookalike, in the order they are reported. Each has a text scam.reason.<code>. */
export const SCAM_REASONS = [
  'gov-vn-inside', // "gov.vn", "gov-vn" or "govvn" inside a host that is not under gov.vn
  'brand-elsewhere', // an official brand or service word under another registrable domain
  'extra-words', // the brand with extra hyphens or words: vietcombank-hotro, dichvucongquocgia
  'typo', // a letter or two away from a brand: transposed, doubled, dropped, changed; rn for m
  'digit-swap', // digits for letters: v1etcombank, m0m0
  'homoglyph', // letters of another alphabet, or accents, that look like the brand's letters
  'mixed-script', // one label mixes Latin letters with another alphabet's
  'punycode', // an xn-- label that decodes to one of the above
  'free-host', // the brand as a page of a free hosting service (weebly, github.io, vercel.app…)
] as const;
export type ScamReason = (typeof SCAM_REASONS)[number];

export interface HostCheck {
  verdict: Verdict;
  /** The real site a lookalike imitates (its main host, e.g. "dichvucong.gov.vn", "vietcombank.com.vn"). */
  imitates?: string;
  /** The organisation imitated, as residents know it (e.g. "Vietcombank"); absent when only gov.vn is borrowed. */
  name?: string;
  /** Why, as codes the UI translates (scam.reason.*); empty unless a lookalike. */
  reasons: ScamReason[];
}

/** Words that make a short brand's use a banking or login page ("acb-online", "evn-hoantien", "vcb.xacthuc"):
 *  without one, "acb", "evn" or "momo" in a host is another company's or an ordinary word. */
export const CUE_WORDS: ReadonlySet<string> = new Set([
  'login', 'signin', 'dangnhap', 'xacthuc', 'xacminh', 'otp', 'hotro', 'cskh', 'khachhang', 'taikhoan', 'online',
  'ebank', 'ebanking', 'ibank', 'ibanking', 'banking', 'bank', 'nganhang', 'secure', 'security', 'verify', 'update',
  'capnhat', 'account', 'vay', 'vaytien', 'card', 'mokhoa', 'hoantien', 'nhantien', 'chuyentien', 'thanhtoan',
  'phatnguoi', 'dichvu', 'hoadon', 'tiendien', 'tracuu', 'dientu', 'support', 'auth', 'vn', 'app', 'ekyc', 'kyc',
  'quocgia', 'khuyenmai', 'quatang', 'trungthuong', 'uudai', 'nhanqua', 'lixi', 'digital', 'digibank', 'smart',
  'smartbanking', 'mobile', 'mobilebanking', 'internetbanking', 'my', 'epay',
]);
/** Top-level domains sold cheaply and favoured by the fakes reported: under one, a short brand needs no other cue
 *  ("acb.online", "momo.top"). */
const CHEAP_TLDS: ReadonlySet<string> = new Set([
  'top', 'xyz', 'vip', 'online', 'site', 'info', 'club', 'shop', 'icu', 'cc', 'tk', 'ml', 'ga', 'cf', 'gq', 'buzz', 'live',
  'link', 'click', 'work', 'store', 'website', 'space', 'fun', 'cyou', 'sbs', 'cfd', 'lol', 'bond', 'asia',
]);
/** Abbreviations of state services (police, traffic police, social insurance, ID card, public services, residence):
 *  no business pairs them with another word, so as a hyphen word beside any other word they are a lookalike
 *  ("congan-tphcm", "bhxh-hanoi"); alone ("congan.com.vn", the police's newspaper) they still need a cue. */
const STATE_ABBREVIATIONS: ReadonlySet<string> = new Set(['congan', 'csgt', 'bhxh', 'cccd', 'dvc', 'cutru', 'dancu']);
/** Words that may stand beside a brand inside one label ("vietcombankvn", "myvneid", "dichvucong247") besides
 *  cue words, Vietnamese syllables and digits. */
const EXTRA_WORDS: ReadonlySet<string> = new Set([
  ...CUE_WORDS, 'com', 'www', 'web', 'site', 'portal', 'page', 'official', 'mobile', 'digital', 'pay', 'plus', 'id',
  'service', 'services', 'help', 'care', 'info', 'gov', 'govvn', 'vietnam', 'group', 'qr', 'sms', 'my', 'e', 'i', 'm', 'h',
]);

const GOV_VN = /(^|[.-])gov[.-]?vn([.-]|$)|govvn/;
const OTHER: HostCheck = { verdict: 'other', reasons: [] };

interface Brand {
  word: string;
  entry: OfficialEntry;
  /** Matched only as a whole word beside a cue word (OfficialEntry.shortBrands). */
  short: boolean;
}

const BRANDS: readonly Brand[] = OFFICIAL.flatMap((entry) => [
  ...entry.brands.map((word) => ({ word, entry, short: false })),
  ...(entry.shortBrands ?? []).map((word) => ({ word, entry, short: true })),
]);
const OFFICIAL_DOMAINS = new Map<string, OfficialEntry>(OFFICIAL.flatMap((e) => e.domains.map((d) => [d, e] as const)));
/** Brand words and the first labels of official domains: a label that is one of them is never another's typo
 *  (vietbank is not a typo of vietinbank, cbbank not of mbbank). */
const KNOWN_NAMES: ReadonlySet<string> = new Set([
  ...BRANDS.map((b) => b.word),
  ...OFFICIAL.flatMap((e) => e.domains.map((d) => d.split('.')[0]!.replace(/-/g, ''))),
]);

/** The host of a URL or a bare host, lower case, without a trailing dot; '' when there is none. Userinfo is not
 *  the host ("https://vietcombank.com.vn@evil.com/" is evil.com); Unicode hosts come back as punycode. */
export function hostOf(input: string): string {
  const text = input.trim();
  if (!text) return '';
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname.replace(/\.$/, '').toLowerCase();
  } catch {
    return '';
  }
}

export function checkHost(input: string): HostCheck {
  const host = hostOf(input);
  if (host === 'gov.vn' || host.endsWith('.gov.vn')) return { verdict: 'official', reasons: [] };
  if (!host.includes('.') || host.startsWith('[')) return OTHER;
  const icann = parse(host);
  if (icann.isIp || !icann.domain || !icann.publicSuffix) return OTHER;
  if (isOfficial(host, icann.domain)) return { verdict: 'official', reasons: [] };
  if (NAMESAKES.includes(icann.domain)) return OTHER;
  const suffixLabels = icann.publicSuffix.split('.').length;
  const labels = host.split('.');
  const readings = labels.slice(0, labels.length - suffixLabels).map(readingsOf);
  const suffix = labels.slice(labels.length - suffixLabels).join('.');
  // The whole host as the eye reads it is an official one ("mоmo.vn" with a Cyrillic о, "xn--…", "bidvv.com.vn"):
  // a lookalike whatever the brand's length.
  const seen = officialLookalike(readings, suffix);
  if (seen) return seen;
  const gov = govInside(host, readings, suffix);
  let brand = bestBrand(readings, hasCue(readings) || CHEAP_TLDS.has(suffix));
  // A typo alone, under another country's domain ("mbank.pl", a Polish bank, one letter from mbbank): the fakes sent
  // to residents use .vn and the generic or cheap domains, and one letter is too little to call another country's
  // site a fake.
  if (brand && !gov && brand.strength === 1 && foreignCountry(suffix)) brand = undefined;
  if (!gov && !brand) return OTHER;
  const reasons = new Set<ScamReason>([...(gov?.reasons ?? []), ...(brand?.reasons ?? [])]);
  if (brand && onFreeHost(host, icann.domain)) reasons.add('free-host');
  const imitates = brand ? homeOf(brand.brand.entry) : (gov?.imitates ?? 'dichvucong.gov.vn');
  return {
    verdict: 'lookalike',
    imitates,
    ...(brand ? { name: brand.brand.entry.name } : {}),
    reasons: SCAM_REASONS.filter((r) => reasons.has(r)),
  };
}

/** gov.vn and every host under it (only the state registers there); any host whose registrable domain is in the
 *  official list. */
function isOfficial(host: string, domain: string | null): boolean {
  return host === 'gov.vn' || host.endsWith('.gov.vn') || (domain !== null && OFFICIAL_DOMAINS.has(domain));
}

/** Whether checkHost would call the host (or URL) official, without looking for lookalikes. */
export function isOfficialHost(input: string): boolean {
  const host = hostOf(input);
  return host !== '' && isOfficial(host, parse(host).domain);
}

/** Country-code domains used worldwide as generic ones (and by the fakes): not "another country's". */
const GENERIC_CCTLDS: ReadonlySet<string> = new Set(['io', 'co', 'me', 'cc', 'tv', 'ws', 'to', 'la', 'ai', 'gg', 'ly', 'tk', 'ml', 'ga', 'cf', 'gq', 'app', 'vn']);

/** A public suffix of another country ("pl", "co.th", "com.au"): its last label is a country code in no wide use. */
function foreignCountry(suffix: string): boolean {
  const tld = suffix.split('.').at(-1)!;
  return tld.length === 2 && !GENERIC_CCTLDS.has(tld);
}

/**
 * The host read as the eye reads it — punycode decoded, homoglyphs, digits for letters, rn for m — is an official
 * host, or its registrable label is an official one's with a letter doubled under the same suffix ("bidvv.com.vn").
 * Whatever the brand's length: a whole official address copied letter for letter is no coincidence.
 */
function officialLookalike(readings: readonly Reading[][], suffix: string): HostCheck | undefined {
  for (const forms of combinations(readings)) {
    const via = [...new Set(forms.flatMap((f) => f.via))];
    const seenHost = [...forms.map((f) => f.text), suffix].join('.');
    const domain = parse(seenHost).domain;
    const entry = domain ? OFFICIAL_DOMAINS.get(domain) : undefined;
    if (entry && via.length > 0) {
      return { verdict: 'lookalike', imitates: homeOf(entry), name: entry.name, reasons: SCAM_REASONS.filter((r) => via.includes(r)) };
    }
    const label = forms.at(-1)?.text ?? '';
    for (const [official, e] of OFFICIAL_DOMAINS) {
      const [first, ...rest] = official.split('.');
      if (rest.join('.') !== suffix || label.length !== first!.length + 1) continue;
      const edit = singleEdit(label, first!);
      if (edit?.kind === 'double') return { verdict: 'lookalike', imitates: homeOf(e), name: e.name, reasons: SCAM_REASONS.filter((r) => r === 'typo' || via.includes(r)) };
    }
  }
  return undefined;
}

/** Every way of reading the host's labels together (each label's readings are few: at most a handful). */
function combinations(readings: readonly Reading[][]): Reading[][] {
  let out: Reading[][] = [[]];
  for (const forms of readings) out = out.flatMap((prefix) => forms.map((f) => [...prefix, f])).slice(0, 64);
  return out;
}

function homeOf(entry: OfficialEntry): string {
  return entry.home ?? entry.domains[0]!;
}

// ---------------------------------------------------------------- 1. readings of a label

interface Reading {
  /** Lower-case Latin letters, digits and hyphens (a letter of another alphabet with no lookalike stays). */
  text: string;
  /** The rules it took to read it so: punycode, homoglyph, mixed-script, digit-swap, typo (rn → m). */
  via: readonly ScamReason[];
}

/** The ways a resident may read one label: as written (decoded, homoglyphs to Latin), digits as letters,
 *  "rn" as "m" and "vv" as "w". The first reading is the plain one. */
function readingsOf(label: string): Reading[] {
  const via: ScamReason[] = [];
  let unicode = label;
  if (label.startsWith('xn--')) {
    try {
      unicode = toUnicode(label);
      via.push('punycode');
    } catch {
      return [{ text: label, via }];
    }
  }
  if (mixesScripts(unicode)) via.push('mixed-script');
  const text = latinSkeleton(unicode);
  if (text !== unicode) via.push('homoglyph');
  const readings: Reading[] = [{ text, via }];
  for (const digits of digitReadings(text)) readings.push({ text: digits, via: [...via, 'digit-swap'] });
  const visual = text.replace(/rn/g, 'm').replace(/vv/g, 'w');
  if (visual !== text) readings.push({ text: visual, via: [...via, 'typo'] });
  return readings;
}

/** Letters of another alphabet to their Latin lookalikes, accents dropped, đ → d, lower case. */
function latinSkeleton(text: string): string {
  if (!/[^a-z0-9-]/.test(text)) return text;
  return skeletonOf(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Armenian}/u, /\p{Script=Cherokee}/u];
function mixesScripts(text: string): boolean {
  return SCRIPTS.filter((script) => script.test(text)).length > 1;
}

// ---------------------------------------------------------------- 2. gov.vn inside

function govInside(host: string, readings: readonly Reading[][], suffix: string): { reasons: ScamReason[]; imitates: string } | undefined {
  const candidates: Reading[] = [{ text: host, via: [] }];
  // Each label's other readings, one label at a time ("dichvucong.g0v.vn.com", "gоv" in Cyrillic).
  readings.forEach((forms, i) => {
    for (const form of forms) {
      if (form.text === readings[i]![0]!.text && form.via.length === 0) continue;
      const texts = readings.map((f, j) => (j === i ? form.text : f[0]!.text));
      candidates.push({ text: [...texts, suffix].join('.'), via: form.via.filter((r) => r !== 'typo') });
    }
  });
  const found = candidates.find((c) => GOV_VN.test(c.text));
  if (!found) return undefined;
  return { reasons: ['gov-vn-inside', ...found.via], imitates: govHostIn(found.text) };
}

/** The gov.vn host a "….gov.vn.…" name spells ("hanoi.gov.vn.abc.com" → hanoi.gov.vn), else the national portal. */
function govHostIn(text: string): string {
  const before = text.slice(0, text.search(/gov[.-]?vn/)).replace(/[.-]+$/, '');
  const last = before.split(/[.-]/).pop() ?? '';
  return /^[a-z]{3,}$/.test(last) && last !== 'www' && !CUE_WORDS.has(last) ? `${last}.gov.vn` : 'dichvucong.gov.vn';
}

// ---------------------------------------------------------------- 3. brands

interface BrandMatch {
  brand: Brand;
  /** 3 the brand itself, 2 the brand among other words, 1 a typo. */
  strength: number;
  reasons: ScamReason[];
}

/** Whether a plain reading of any label has a cue word, as a hyphen word or inside a label ("xacthuctaikhoan"). */
function hasCue(readings: readonly Reading[][]): boolean {
  return readings.some((forms) =>
    forms[0]!.text.split('-').some((word) => CUE_WORDS.has(word) || [...CUE_WORDS].some((cue) => cue.length >= 5 && word.includes(cue))),
  );
}

function bestBrand(readings: readonly Reading[][], cue: boolean): BrandMatch | undefined {
  let best: BrandMatch | undefined;
  for (const reading of readings.flat()) {
    for (const brand of BRANDS) {
      const found = matchBrand(reading.text, brand, cue);
      if (!found) continue;
      const match: BrandMatch = { brand, strength: found.strength, reasons: [...found.reasons, ...reading.via] };
      if (!best || better(match, best)) best = match;
    }
  }
  return best;
}

/** Stronger match first; then the longer brand (dichvucongquocgia before dichvucong); then fewer rules. */
function better(a: BrandMatch, b: BrandMatch): boolean {
  if (a.strength !== b.strength) return a.strength > b.strength;
  if (a.brand.word.length !== b.brand.word.length) return a.brand.word.length > b.brand.word.length;
  return a.reasons.length < b.reasons.length;
}

function matchBrand(text: string, brand: Brand, cue: boolean): { strength: number; reasons: ScamReason[] } | undefined {
  const words = text.split('-').filter(Boolean);
  const joined = words.join('');
  const extra: ScamReason[] = words.length > 1 ? ['extra-words'] : [];
  const b = brand.word;
  if (brand.short) {
    // Short brands collide with words and companies (acbs, vibe, evnfinance, momofuku): the whole label or a
    // hyphen word, beside a cue word somewhere in the host; or the label is the brand glued to cue words only.
    const loose = STATE_ABBREVIATIONS.has(b) && words.length > 1;
    if ((joined === b || words.includes(b)) && (cue || loose)) return { strength: 3, reasons: ['brand-elsewhere', ...extra] };
    if (gluedToCues(joined, b)) return { strength: 2, reasons: ['brand-elsewhere', 'extra-words'] };
    return undefined;
  }
  if (joined === b) return { strength: 3, reasons: ['brand-elsewhere', ...extra] };
  if (words.includes(b)) return { strength: 2, reasons: ['brand-elsewhere', 'extra-words'] };
  if (b.length >= 5 && insideBetweenWords(joined, b)) return { strength: 2, reasons: ['brand-elsewhere', 'extra-words'] };
  const typed = [...words, ...(words.length > 1 ? [joined] : [])];
  if (typed.some((word) => isTypo(word, b))) return { strength: 1, reasons: ['typo', ...extra] };
  return undefined;
}

/** "acbonline", "loginvcb": the short brand at one end of the label and only cue words beside it. */
function gluedToCues(joined: string, brand: string): boolean {
  if (joined.length <= brand.length) return false;
  if (joined.startsWith(brand) && splitsIntoKnown(joined.slice(brand.length), CUE_WORDS)) return true;
  return joined.endsWith(brand) && splitsIntoKnown(joined.slice(0, -brand.length), CUE_WORDS);
}

/** The brand inside a longer label with words on either side ("dichvucongquocgia", "vietcombankhotro"), not
 *  the start of another word ("chinhphucdinhcao": chinhphu + c… is "chinh phuc", to conquer; "chinhphuong", a
 *  name: the brand's last syllable runs on into the next letters). */
function insideBetweenWords(joined: string, brand: string): boolean {
  for (let at = joined.indexOf(brand); at >= 0; at = joined.indexOf(brand, at + 1)) {
    const before = joined.slice(0, at);
    const after = joined.slice(at + brand.length);
    if (!splitsIntoWords(before, EXTRA_WORDS) || !splitsIntoWords(after, EXTRA_WORDS)) continue;
    if (!runsOn(brand, after) && !runsOn(before, brand, true)) return true;
  }
  return false;
}

/** Whether a syllable at the end of `left` continues into the first letters of `right` ("chinhphu|ong" →
 *  "phuo…"); with `rightIsBrand`, whether the end of `left` runs into the brand's first syllable. */
function runsOn(left: string, right: string, rightIsBrand = false): boolean {
  if (!left || !right) return false;
  const tail = lastSyllable(left);
  if (!tail) return false;
  for (let k = 1; k <= Math.min(3, right.length); k++) {
    if (isVietnameseSyllable(tail + right.slice(0, k))) return rightIsBrand ? !isVietnameseSyllable(tail) : true;
  }
  return false;
}

/** The longest end of `text` that is a Vietnamese syllable ('' when none). */
function lastSyllable(text: string): string {
  for (let n = Math.min(7, text.length); n > 0; n--) if (isVietnameseSyllable(text.slice(-n))) return text.slice(-n);
  return '';
}

/** A typo of a brand: one edit for brands of 7 to 9 letters, two for 10 or more; for 6-letter brands ("mbbank",
 *  "tpbank", one letter from other banks' names) only a swapped, doubled or dropped letter after the second; for
 *  5-letter ones ("vneid", "napas") only a swapped or doubled letter after the second.
 *  Never a known name (another bank's brand or domain), and never a change that spells Vietnamese words
 *  ("chinhphuc", "dinhdang", "dichvucung"): a letter changed or added that makes words is another phrase, while
 *  a swapped, doubled or dropped letter is a slip whatever it spells. Brands under 5 letters have no typos. */
function isTypo(word: string, brand: string): boolean {
  if (word === brand || brand.length < 5 || KNOWN_NAMES.has(word) || Math.abs(word.length - brand.length) > 2) return false;
  const distance = editDistance(word, brand);
  if (distance === 1) {
    const edit = singleEdit(word, brand);
    if (!edit) return false;
    const slip = edit.kind === 'transpose' || edit.kind === 'double' || edit.kind === 'drop';
    if (brand.length === 5) return (edit.kind === 'transpose' || edit.kind === 'double') && edit.at >= 2;
    if (brand.length === 6) return slip && edit.at >= 2;
    return slip || !splitsIntoWords(word);
  }
  return distance === 2 && brand.length >= 10 && !splitsIntoWords(word);
}

// ---------------------------------------------------------------- 4. where it is hosted

function onFreeHost(host: string, icannDomain: string): boolean {
  return parse(host, { allowPrivateDomains: true }).isPrivate === true || FREE_HOSTS.includes(icannDomain);
}
