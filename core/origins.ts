// The official origins Dẫn Bước may guide on, kept in one place: the manifest, the pack validator and a
// later lookalike-domain guard all read this list.

/** Hosts of banks, e-wallets and electricity companies packs may target (besides every *.gov.vn host). */
export const OFFICIAL_NON_GOV_HOSTS: readonly string[] = [
  // Stand-ins used by the shipped packs and tests.
  'ebank.example',
  'evn.example',
];

/** Hosts the shipped walkthroughs run on; the content script and host permissions cover exactly these. */
export const SHIPPED_HOSTS: readonly string[] = [
  'dichvucong.gov.vn',
  'sso.dancuquocgia.gov.vn',
  'ebank.example',
  'evn.example',
];

/** Match patterns for the manifest (content script matches and host permissions). */
export const OFFICIAL_MATCH_PATTERNS: readonly string[] = SHIPPED_HOSTS.map((h) => `https://${h}/*`);

/** True for an https origin whose host is a *.gov.vn host or in the official list. */
export function isOfficialOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return host === 'gov.vn' || host.endsWith('.gov.vn') || OFFICIAL_NON_GOV_HOSTS.includes(host);
}
