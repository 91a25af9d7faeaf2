// The scam guard's verdict on a host (issue 19): official (gov.vn, or a domain in core/official-domains.ts),
// lookalike (not official, but borrows an official brand or "gov.vn"), or other. Framework-free, no network:
// registrable domains come from the Public Suffix List (tldts).
// First version: brand words and gov.vn inside another domain. (Typos, homoglyphs, punycode: to come.)
import { parse } from 'tldts';
import { OFFICIAL, type OfficialEntry } from './official-domains';

export type Verdict = 'official' | 'lookalike' | 'other';

export interface HostCheck {
  verdict: Verdict;
  /** The real site a lookalike imitates (a registrable domain, e.g. "dichvucong.gov.vn"). */
  imitates?: string;
  /** Why, as codes the UI translates (scam.reason.*). */
  reasons: ScamReason[];
}

export type ScamReason = 'brand-elsewhere' | 'gov-vn-inside' | 'typo' | 'homoglyph' | 'punycode' | 'digit-swap' | 'extra-words';

const OFFICIAL_DOMAINS = new Map<string, OfficialEntry>(OFFICIAL.flatMap((e) => e.domains.map((d) => [d, e] as const)));

/** The host of a URL or a bare host, lower case, without a trailing dot; '' when there is none. */
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
  if (!host) return { verdict: 'other', reasons: [] };
  if (host === 'gov.vn' || host.endsWith('.gov.vn')) return { verdict: 'official', reasons: [] };
  const info = parse(host);
  const domain = info.domain ?? host;
  if (OFFICIAL_DOMAINS.has(domain)) return { verdict: 'official', reasons: [] };
  const reasons: ScamReason[] = [];
  let imitates: string | undefined;
  if (/(^|[.-])gov[.-]?vn([.-]|$)/.test(host)) {
    reasons.push('gov-vn-inside');
    imitates = 'dichvucong.gov.vn';
  }
  const labels = host.split(/[.-]/);
  for (const entry of OFFICIAL) {
    if (entry.brands.some((b) => labels.includes(b))) {
      reasons.push('brand-elsewhere');
      imitates = entry.domains[0];
      break;
    }
  }
  return reasons.length ? { verdict: 'lookalike', imitates, reasons } : { verdict: 'other', reasons: [] };
}
