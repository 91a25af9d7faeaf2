// @vitest-environment node
// Issue 19 item 1: the scam guard's checkHost (core/scam.ts) on hosts of each kind — official portals, banks,
// wallets and EVN companies; lookalikes of every rule, each rule's reason asserted; unrelated sites and the hard
// negatives (short brands inside ordinary names, real banks a letter from another, Vietnamese words a letter from
// a brand) — plus hostOf, the word tools, the data file and the tune list (bench/scam-hosts/tune.json).
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import { FREE_HOSTS, NAMESAKES, OFFICIAL, OFFICIAL_AS_OF, OFFICIAL_SOURCE } from '../../core/official-domains';
import { checkHost, hostOf, isOfficialHost, SCAM_REASONS, type ScamReason } from '../../core/scam';
import { digitReadings, editDistance, isVietnameseSyllable, singleEdit, splitsIntoKnown, splitsIntoWords } from '../../core/scam-words';
import { listProblems, readHostList } from '../support/scam-hosts';

/** A host the way the browser hands it over (Unicode to punycode), as checkHost sees it after hostOf. */
const ascii = (host: string): string => new URL(`https://${host}`).hostname;

describe('19 checkHost: official hosts', () => {
  const OFFICIAL_HOSTS = [
    // National, ministry and provincial portals; ward pages under a province
    'dichvucong.gov.vn', 'vneid.gov.vn', 'dichvucong.dancuquocgia.gov.vn', 'bocongan.gov.vn', 'dichvucong.bocongan.gov.vn',
    'baohiemxahoi.gov.vn', 'thuedientu.gdt.gov.vn', 'mof.gov.vn', 'moh.gov.vn', 'sbv.gov.vn', 'hanoi.gov.vn',
    'dichvucong.hanoi.gov.vn', 'dichvucong.hochiminhcity.gov.vn', 'danang.gov.vn', 'cantho.gov.vn', 'quangninh.gov.vn',
    'nghean.gov.vn', 'phuongbenthanh.quan1.hochiminhcity.gov.vn', 'gov.vn', 'chinhphu.vn', 'vanban.chinhphu.vn',
    // Banks (a real bank a letter from another's brand is official, full stop)
    'vietcombank.com.vn', 'vcbdigibank.vietcombank.com.vn', 'bidv.com.vn', 'smartbanking.bidv.com.vn', 'agribank.com.vn',
    'vietinbank.vn', 'ipay.vietinbank.vn', 'techcombank.com', 'mbbank.com.vn', 'online.mbbank.com.vn', 'acb.com.vn',
    'tpb.vn', 'vietbank.com.vn', 'vietabank.com.vn', 'namabank.com.vn', 'baca-bank.vn', 'cbbank.vn', 'gpbank.com.vn',
    'pgbank.com.vn', 'isacombank.com.vn', 'shb.com.vn', 'vib.com.vn', 'msb.com.vn',
    // Wallets, payment, electricity
    'momo.vn', 'zalopay.vn', 'vnpay.vn', 'sandbox.vnpayment.vn', 'shopeepay.vn', 'viettelmoney.vn', 'napas.com.vn',
    'evn.com.vn', 'evnhanoi.vn', 'cskh.evnhanoi.vn', 'evnhcmc.vn', 'evnspc.vn', 'cskh.evnspc.vn', 'evncpc.vn', 'evnnpc.vn',
    'cskh.npc.com.vn',
  ];
  it.each(OFFICIAL_HOSTS)('19 %s is official', (host) => {
    expect(checkHost(host)).toEqual({ verdict: 'official', reasons: [] });
    expect(isOfficialHost(`https://${host}/path?q=1`)).toBe(true);
  });

  it('19 a URL, upper case, a port, a trailing dot: still the official host', () => {
    for (const input of ['https://VIETCOMBANK.com.vn/', 'vietcombank.com.vn.', 'https://dichvucong.gov.vn:443/p/home?x=1#y', 'http://user:pw@evnhanoi.vn/']) {
      expect(checkHost(input).verdict, input).toBe('official');
    }
  });
});

describe('19 checkHost: other hosts are never a false alarm', () => {
  const OTHER_HOSTS = [
    // Unrelated Vietnamese and international sites
    'vnexpress.net', 'tuoitre.vn', 'dantri.com.vn', 'zingnews.vn', 'cafef.vn', 'shopee.vn', 'tiki.vn', 'lazada.vn',
    'thegioididong.com', 'zalo.me', 'google.com', 'youtube.com', 'facebook.com', 'wikipedia.org', 'github.com',
    'viettel.com.vn', 'vnpt.com.vn', 'vietnamairlines.com', 'hust.edu.vn', 'www.gov.uk', 'usa.gov', 'data.gov.sg',
    // A ward's own non-gov domain
    'phuongbennghe.vn', 'ubndphuong26734.vn',
    // Short brands inside other names: securities, finance, restaurants, gateways abroad
    'vibe.com', 'mbs.com.vn', 'acbs.com.vn', 'evnfinance.vn', 'evnfc.vn', 'momofuku.com', 'ipay.com', 'ipay88.com',
    'shbfinance.com.vn', 'tcbs.com.vn', 'vcbs.com.vn', 'vpbanks.com.vn', 'scbeasy.com', 'ocbc.com', 'bidvest.com',
    'bidvmetlife.com.vn', 'acb.com', 'evn.com', 'vib.com', 'momo.com',
    // The police's own newspapers; Vietnamese words a letter from a brand
    'congan.com.vn', 'cand.com.vn', 'chinhphuc.vn', 'chinhphuong.com', 'payos.vn', 'dinhdang.vn', 'dichvucung.vn', 'baohiemxehoi.vn', 'dichvuchung.vn',
    // Namesakes abroad
    'agribank.com', 'seabank.co.id',
    // One letter from a brand under another country's domain: too little to call it a fake (a Polish bank)
    'mbank.pl',
  ];
  it.each(OTHER_HOSTS)('19 %s is other', (host) => {
    expect(checkHost(host)).toEqual({ verdict: 'other', reasons: [] });
  });

  it('19 IP addresses, localhost, empty or invalid input: other', () => {
    for (const input of ['127.0.0.1', '192.168.1.1', 'http://[::1]/', 'localhost', 'http://localhost:3000/', '', '   ', 'http://', 'not a url at all', 'vietcombank']) {
      expect(checkHost(input), JSON.stringify(input)).toEqual({ verdict: 'other', reasons: [] });
    }
  });
});

describe('19 checkHost: lookalikes, each rule', () => {
  const cases: [host: string, reasons: ScamReason[], imitates: string][] = [
    // A brand or service word under another registrable domain
    ['dichvucong.cvgov.com', ['brand-elsewhere'], 'dichvucong.gov.vn'],
    ['vietcombank.top', ['brand-elsewhere'], 'vietcombank.com.vn'],
    ['vneid.vn', ['brand-elsewhere'], 'vneid.gov.vn'],
    ['sacombank.com.vn.login.xyz', ['brand-elsewhere'], 'sacombank.com.vn'],
    ['momo.vn.com', ['brand-elsewhere'], 'momo.vn'],
    // gov.vn, gov-vn, govvn inside a longer host
    ['dichvucong-gov.vn.xyz', ['gov-vn-inside', 'brand-elsewhere', 'extra-words'], 'dichvucong.gov.vn'],
    ['dichvucong.gov.vn.abc.com', ['gov-vn-inside', 'brand-elsewhere'], 'dichvucong.gov.vn'],
    ['hanoi.gov.vn.info', ['gov-vn-inside'], 'hanoi.gov.vn'],
    ['xacthuc.govvn.net', ['gov-vn-inside'], 'dichvucong.gov.vn'],
    ['tphcm-gov-vn.online', ['gov-vn-inside'], 'tphcm.gov.vn'],
    // Extra hyphens or words
    ['vietcombank-hotro.com', ['brand-elsewhere', 'extra-words'], 'vietcombank.com.vn'],
    ['hotro-vneid.com', ['brand-elsewhere', 'extra-words'], 'vneid.gov.vn'],
    ['dichvucong-online.com', ['brand-elsewhere', 'extra-words'], 'dichvucong.gov.vn'],
    ['dichvucongtructuyen.com', ['brand-elsewhere', 'extra-words'], 'dichvucong.gov.vn'],
    ['vietcom-bank.net', ['brand-elsewhere', 'extra-words'], 'vietcombank.com.vn'],
    ['mbbanking.net', ['brand-elsewhere', 'extra-words'], 'mbbank.com.vn'],
    // Short brands: only beside a cue word
    ['acb-online.com', ['brand-elsewhere', 'extra-words'], 'acb.com.vn'],
    ['acbonline.top', ['brand-elsewhere', 'extra-words'], 'acb.com.vn'],
    ['evn-hoantien.com', ['brand-elsewhere', 'extra-words'], 'evn.com.vn'],
    ['vcb.xacthuc-taikhoan.com', ['brand-elsewhere'], 'vietcombank.com.vn'],
    ['acb.online', ['brand-elsewhere'], 'acb.com.vn'], // a cheap top-level domain is a cue
    ['myvib.com', ['brand-elsewhere', 'extra-words'], 'vib.com.vn'],
    ['congan-tphcm.com', ['brand-elsewhere', 'extra-words'], 'bocongan.gov.vn'], // a state abbreviation with any word
    // Typos: swapped, doubled, dropped, changed letters, rn for m
    ['vietcmobank.com', ['typo'], 'vietcombank.com.vn'],
    ['viettcombank.com', ['typo'], 'vietcombank.com.vn'],
    ['sacombnk.com', ['typo'], 'sacombank.com.vn'],
    ['vietcombamk.com', ['typo'], 'vietcombank.com.vn'],
    ['dichvucomg.com', ['typo'], 'dichvucong.gov.vn'],
    ['dichvuccong.com', ['typo'], 'dichvucong.gov.vn'],
    ['vietcornbank.com', ['brand-elsewhere', 'typo'], 'vietcombank.com.vn'],
    ['vnied.com', ['typo'], 'vneid.gov.vn'],
    ['vietcmobank-hotro.com', ['extra-words', 'typo'], 'vietcombank.com.vn'],
    // Digits for letters
    ['v1etcombank.com', ['brand-elsewhere', 'digit-swap'], 'vietcombank.com.vn'],
    ['4gribank.com', ['brand-elsewhere', 'digit-swap'], 'agribank.com.vn'],
    ['m0m0-vn.com', ['brand-elsewhere', 'extra-words', 'digit-swap'], 'momo.vn'],
    ['dichvucong.g0v.vn', ['digit-swap'], 'dichvucong.gov.vn'],
    // A whole official address as the eye reads it, whatever the brand's length: digits, a doubled letter, a
    // Cyrillic letter (its punycode is the same host)
    ['b1dv.com.vn', ['digit-swap'], 'bidv.com.vn'],
    ['bidvv.com.vn', ['typo'], 'bidv.com.vn'],
    ['mоmo.vn', ['homoglyph', 'mixed-script', 'punycode'], 'momo.vn'],
    // Homoglyphs (Cyrillic letters, accents), mixed scripts, punycode
    ['dịchvụcông.vn', ['brand-elsewhere', 'homoglyph', 'punycode'], 'dichvucong.gov.vn'],
    ['vietcombаnk.com', ['brand-elsewhere', 'homoglyph', 'mixed-script', 'punycode'], 'vietcombank.com.vn'],
    ['ѕасомвамк.com', ['typo', 'homoglyph', 'punycode'], 'sacombank.com.vn'], // all Cyrillic: м for n is a typo too
    ['bidv.gоv.vn', ['gov-vn-inside', 'brand-elsewhere', 'homoglyph', 'mixed-script', 'punycode'], 'bidv.com.vn'],
    // A brand as a page of a free host
    ['vietcombank.weebly.com', ['brand-elsewhere', 'free-host'], 'vietcombank.com.vn'],
    ['vneid.github.io', ['brand-elsewhere', 'free-host'], 'vneid.gov.vn'],
    ['mbbank-hotro.netlify.app', ['brand-elsewhere', 'extra-words', 'free-host'], 'mbbank.com.vn'],
    ['agribank.000webhostapp.com', ['brand-elsewhere', 'free-host'], 'agribank.com.vn'],
  ];
  it.each(cases)('19 %s: %j', (host, reasons, imitates) => {
    const check = checkHost(host);
    expect(check.verdict).toBe('lookalike');
    expect(check.reasons).toEqual(reasons);
    expect(check.imitates).toBe(imitates);
  });

  it('19 the same host typed as a URL, in punycode, or upper case gives the same verdict', () => {
    const unicode = checkHost('vietcombаnk.com');
    expect(checkHost(`https://${ascii('vietcombаnk.com')}/dang-nhap?next=1`)).toEqual(unicode);
    expect(ascii('vietcombаnk.com')).toMatch(/^xn--/);
    expect(checkHost('HTTPS://VIETCOMBANK-HOTRO.COM./')).toEqual(checkHost('vietcombank-hotro.com'));
  });

  it('19 reasons come in SCAM_REASONS order and name the organisation', () => {
    const check = checkHost('m0m0-vn.com');
    expect(check.reasons).toEqual(SCAM_REASONS.filter((r) => check.reasons.includes(r)));
    expect(check.name).toBe('MoMo');
    expect(checkHost('hanoi.gov.vn.info').name).toBeUndefined();
  });

  it('19 userinfo is not the host: vietcombank.com.vn@evil.com is evil.com', () => {
    expect(checkHost('https://vietcombank.com.vn@evil.com/').verdict).toBe('other');
    expect(checkHost('https://evil.com@vietcombank-hotro.com/').verdict).toBe('lookalike');
  });
});

describe('19 hostOf', () => {
  it.each([
    ['https://dichvucong.gov.vn/p/home/dvc-trang-chu.html?x=1#top', 'dichvucong.gov.vn'],
    ['dichvucong.gov.vn/p/home', 'dichvucong.gov.vn'],
    ['HTTPS://VietcomBank.com.vn:8443/x', 'vietcombank.com.vn'],
    ['https://vietcombank.com.vn@evil.com/', 'evil.com'],
    ['http://user:pass@Evil.COM:80/?q=vietcombank.com.vn', 'evil.com'],
    ['vietcombank.com.vn.', 'vietcombank.com.vn'],
    ['  https://momo.vn/  ', 'momo.vn'],
    ['https://dịchvụcông.vn/', 'xn--dchvcng-x0a0689dsha.vn'],
    ['', ''],
    ['http://', ''],
    ['a b.com', ''],
  ])('19 %j → %j', (input, host) => {
    expect(hostOf(input)).toBe(host);
  });
});

describe('19 the word tools', () => {
  it('19 edit distance counts a swapped pair as one edit', () => {
    expect(editDistance('vietcombank', 'vietcombank')).toBe(0);
    expect(editDistance('vietcmobank', 'vietcombank')).toBe(1);
    expect(editDistance('vietinbank', 'vietbank')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('19 singleEdit names the kind of edit and where', () => {
    expect(singleEdit('vietcmobank', 'vietcombank')).toEqual({ kind: 'transpose', at: 5 });
    expect(singleEdit('vietcombbank', 'vietcombank')).toEqual({ kind: 'double', at: 8 });
    expect(singleEdit('vietcomank', 'vietcombank')).toEqual({ kind: 'drop', at: 7 });
    expect(singleEdit('chinhphuc', 'chinhphu')).toEqual({ kind: 'insert', at: 8 });
    expect(singleEdit('dinhdang', 'dinhdanh')).toEqual({ kind: 'substitute', at: 7 });
    expect(singleEdit('abcd', 'wxyz')).toBeUndefined();
  });

  it('19 Vietnamese syllables without diacritics, and labels split into them', () => {
    for (const s of ['dich', 'vu', 'cong', 'nghieng', 'quoc', 'gia', 'hotro'.slice(0, 2), 'tro', 'uy']) expect(isVietnameseSyllable(s), s).toBe(true);
    for (const s of ['bank', 'vn', 'comg', 'k', 'xyzw']) expect(isVietnameseSyllable(s), s).toBe(false);
    expect(splitsIntoWords('chinhphuc')).toBe(true);
    expect(splitsIntoWords('dichvucomg')).toBe(false);
    expect(splitsIntoWords('hotro247vn', new Set(['vn']))).toBe(true);
    expect(splitsIntoWords('')).toBe(true);
    expect(splitsIntoKnown('onlinelogin', new Set(['online', 'login']))).toBe(true);
    expect(splitsIntoKnown('onlinefinance', new Set(['online', 'login']))).toBe(false);
    expect(splitsIntoKnown('', new Set(['online']))).toBe(false);
  });

  it('19 digits read as letters only in words with letters', () => {
    expect(digitReadings('v1etcombank')).toEqual(['vietcombank', 'vletcombank']);
    expect(digitReadings('m0m0-vn')).toEqual(['momo-vn']);
    expect(digitReadings('hotro-247')).toEqual([]);
    expect(digitReadings('vietcombank')).toEqual([]);
  });
});

describe('19 the official data', () => {
  it('19 every listed domain is a registrable domain, listed once, never under gov.vn twice over nor a namesake', () => {
    const domains = OFFICIAL.flatMap((e) => e.domains);
    expect(domains.length).toBeGreaterThan(60);
    expect(new Set(domains).size).toBe(domains.length);
    for (const d of domains) expect(parse(d).domain, d).toBe(d);
    for (const d of [...NAMESAKES, ...FREE_HOSTS]) expect(domains, d).not.toContain(d);
    expect(OFFICIAL_SOURCE).toMatch(/State Bank/);
    expect(OFFICIAL_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('19 brands are lower-case ASCII, not shared between organisations, and every kind is present', () => {
    const words = OFFICIAL.flatMap((e) => [...e.brands, ...(e.shortBrands ?? [])]);
    expect(words.filter((w) => !/^[a-z0-9]+$/.test(w))).toEqual([]);
    expect(new Set(words).size).toBe(words.length);
    expect(new Set(OFFICIAL.map((e) => e.kind))).toEqual(new Set(['government', 'bank', 'wallet', 'payment', 'electricity']));
    // Every organisation's own domains are official, whatever its brands.
    for (const e of OFFICIAL) for (const d of e.domains) expect(checkHost(d).verdict, d).toBe('official');
  });
});

describe('19 reason and verdict texts', () => {
  it('19 every reason code and verdict has a text in vi and en; English has no Vietnamese letters', () => {
    const viTexts = vi as Record<string, string>;
    const enTexts = en as Record<string, string>;
    const keys = [...SCAM_REASONS.map((r) => `scam.reason.${r}`), ...['official', 'lookalike', 'other'].map((v) => `scam.verdict.${v}`)];
    for (const key of keys) {
      expect(viTexts[key], key).toBeTruthy();
      expect(enTexts[key], key).toBeTruthy();
      expect(enTexts[key], key).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    }
    expect(viTexts['scam.reason.gov-vn-inside']).toContain('gov.vn');
    expect(Object.keys(viTexts).filter((k) => k.startsWith('scam.'))).toHaveLength(keys.length);
  });
});

it('19 the detector author\'s tune list tests every rule', () => {
  const rules = new Set(readHostList('tune')!.hosts.map((h) => h.rule).filter(Boolean));
  for (const r of SCAM_REASONS) expect(rules, r).toContain(r);
});

describe.each(['tune', 'tune-2'] as const)('19 the tune list bench/scam-hosts/%s.json', (name) => {
  const list = readHostList(name)!;

  it('19 is well formed, over 200 hosts, with every kind', () => {
    expect(listProblems(list)).toEqual([]);
    expect(list.hosts.length).toBeGreaterThanOrEqual(200);
    for (const label of ['official', 'lookalike', 'other'] as const) expect(list.hosts.filter((h) => h.label === label).length, label).toBeGreaterThan(50);
  });

  it('19 the format check catches a lookalike without its site, a host twice and an unknown label', () => {
    const bad = { about: 'x', written: '2026-12-02', hosts: [{ host: 'a.com', label: 'lookalike' }, { host: 'a.com', label: 'other' }, { host: 'b.com', label: 'fake' }] };
    expect(listProblems(bad)).toEqual(['a.com: a lookalike without imitates and rule', 'a.com twice', 'b.com: label fake']);
  });

  it('19 checkHost meets the goals on it: ≥ 90 % of lookalikes flagged, no false alarm', () => {
    const lookalikes = list.hosts.filter((h) => h.label === 'lookalike');
    const flagged = lookalikes.filter((h) => checkHost(h.host).verdict === 'lookalike');
    expect(flagged.length / lookalikes.length).toBeGreaterThanOrEqual(0.9);
    const falseAlarms = list.hosts.filter((h) => h.label !== 'lookalike' && checkHost(h.host).verdict === 'lookalike').map((h) => h.host);
    expect(falseAlarms).toEqual([]);
    const official = list.hosts.filter((h) => h.label === 'official');
    expect(official.filter((h) => checkHost(h.host).verdict !== 'official').map((h) => h.host)).toEqual([]);
  });
});
