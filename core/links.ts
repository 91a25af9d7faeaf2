// The links in a piece of text a resident received (an SMS, a chat message, a line an OCR read), for the console's
// link checker (issue 19): "https://…", "www.…" and bare hosts ("dichvucong-gov.vn.xyz/abc") among Vietnamese
// words, with the sentence's punctuation left out. Framework-free, no network.
//
// 1. Candidates: a run after http(s):// up to the next space; or a dotted run of letters, digits and hyphens
//    (any script: a homoglyph host is a candidate too) not glued to an e-mail's "@" nor to the word before it.
// 2. Trailing punctuation (". , ; : ! ? ) ] ' " …") is the sentence's, not the link's: dropped.
// 3. Each becomes its host (core/scam.ts hostOf: lower case, an IDN as punycode). A bare run counts only when its
//    last label is a real top-level domain (the Public Suffix List, tldts): "TP.HCM", "v.v.", "1.000.000" and
//    "ngay.Sau" are no links. A run with a scheme counts whatever its host (an IP address too).
// 4. One entry per host, in the order they first appear; at most LINKS_MAX.
// Limits: a host split by spaces ("dichvucong . gov . vn") or written with words ("chấm vn") is not found.
import { parse } from 'tldts';
import { OFFICIAL, type OfficialEntry } from './official-domains';
import { hostOf } from './scam';

export interface FoundLink {
  /** The link as written, the sentence's punctuation left out (may hold a path and a query: keep it in memory only). */
  text: string;
  /** Its host: lower case, an internationalised host in punycode (xn--…), as a browser would go to it. */
  host: string;
}

/** At most this many links are taken from one text. @default 20 */
export const LINKS_MAX = 20;

// Dots a phone keyboard or a scammer may use between labels; the URL parser reads them all as ".".
const DOT = '[.\\u3002\\uff0e\\uff61]';
const LABEL = '[\\p{L}\\p{N}\\p{M}_-]+';
const WITH_SCHEME = String.raw`https?:\/\/[^\s<>"“”‘’]+`;
// Not after a word character, a dot or "@" (the middle of a word, an e-mail's domain); not before "@" (an e-mail's
// local part), nor before another label.
const BARE = `(?<![\\p{L}\\p{N}\\p{M}_@.\\u3002\\uff0e\\uff61-])${LABEL}(?:${DOT}${LABEL})+(?![\\p{L}\\p{N}\\p{M}_@-]|${DOT}[\\p{L}\\p{N}\\p{M}])(?::\\d{1,5})?(?:[/?#][^\\s<>"“”‘’]*)?`;
const CANDIDATE = new RegExp(`${WITH_SCHEME}|${BARE}`, 'giu');
const TRAILING = /[.,;:!?)\]}>'"”’…»\u3002\uff0e\uff61]+$/u;

/** The links and hosts in `text`, one per host, in order (see the module header). */
export function linksIn(text: string): FoundLink[] {
  const out: FoundLink[] = [];
  const seen = new Set<string>();
  for (const m of text.normalize('NFC').matchAll(CANDIDATE)) {
    const written = m[0].replace(TRAILING, '');
    const scheme = /^https?:\/\//i.test(written);
    const host = hostOf(written);
    if (!host || seen.has(host)) continue;
    if (!scheme) {
      const info = parse(host);
      if (info.isIp || info.isIcann !== true || !info.domain) continue;
    }
    seen.add(host);
    out.push({ text: written, host });
    if (out.length >= LINKS_MAX) break;
  }
  return out;
}

/**
 * The organisation in core/official-domains.ts a host (or a registrable domain, as checkHost's `imitates`) belongs
 * to, for its name; undefined for a host not listed there (a ward's *.gov.vn portal, any other site).
 */
export function officialEntryOf(host: string): OfficialEntry | undefined {
  const domain = parse(host).domain ?? host;
  return OFFICIAL.find((e) => e.domains.includes(domain) || e.domains.includes(host));
}
