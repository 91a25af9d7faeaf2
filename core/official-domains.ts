// The official hosts the scam guard (core/scam.ts) trusts and the brands whose imitation it warns about: one file,
// easy for a ward to extend (add a registrable domain and, if its name is a brand people imitate, the brand).
//
// Source: each organisation's own site and the State Bank of Vietnam's list of credit institutions and licensed
// intermediary payment providers (e-wallets), as known on 2026-12-02. A domain here is a *registrable* domain
// (the Public Suffix List's eTLD+1, tldts): its subdomains are official too. Every host under gov.vn is official
// without being listed.

export interface OfficialEntry {
  /** Registrable domains (eTLD+1) of the organisation. */
  domains: readonly string[];
  /** The organisation, as residents know it. */
  name: string;
  /** Words a lookalike borrows (lower case, ASCII): the brand, the service's name. Distinctive enough to be
   *  matched as a label, a hyphen word, inside a longer label, and (7 letters or more) within a typo. */
  brands: readonly string[];
  /** Brands that are also ordinary words or other companies' names (acb → acbs securities, evn → evnfinance,
   *  momo → momofuku, vib → vibe, ipay → ipay.com): matched only as a whole label or hyphen word *beside a
   *  banking / login cue word* (core/scam.ts CUE_WORDS), never inside a word, never by edit distance. */
  shortBrands?: readonly string[];
  /** The host to send a resident to (the login or service page people look for); else domains[0]. */
  home?: string;
  kind: 'government' | 'bank' | 'wallet' | 'payment' | 'electricity';
}

export const OFFICIAL_SOURCE = 'Own sites of each organisation; State Bank of Vietnam lists of credit institutions and payment intermediaries';
export const OFFICIAL_AS_OF = '2026-12-02';

/** Government services people are sent fakes of (all on gov.vn: listed for their brand words and real host). */
export const GOVERNMENT: readonly OfficialEntry[] = [
  { domains: ['dichvucong.gov.vn'], name: 'Cổng Dịch vụ công Quốc gia', brands: ['dichvucong', 'dvcqg', 'dichvucongquocgia'], shortBrands: ['dvc'], kind: 'government' },
  { domains: ['vneid.gov.vn'], name: 'VNeID', brands: ['vneid', 'dinhdanh', 'dinhdanhdientu', 'cancuoccongdan'], shortBrands: ['cccd'], kind: 'government' },
  { domains: ['dancuquocgia.gov.vn'], name: 'Cổng dịch vụ công quản lý cư trú', brands: ['dancuquocgia'], shortBrands: ['dancu', 'cutru'], home: 'dichvucong.dancuquocgia.gov.vn', kind: 'government' },
  // "congan" is also the name of the police's own newspapers (congan.com.vn, cand.com.vn): a cue word is needed.
  { domains: ['bocongan.gov.vn', 'mps.gov.vn', 'csgt.vn'], name: 'Bộ Công an', brands: ['bocongan'], shortBrands: ['congan', 'csgt'], kind: 'government' },
  { domains: ['baohiemxahoi.gov.vn', 'vss.gov.vn'], name: 'Bảo hiểm xã hội Việt Nam', brands: ['baohiemxahoi', 'vssid'], shortBrands: ['bhxh'], kind: 'government' },
  { domains: ['gdt.gov.vn'], name: 'Tổng cục Thuế', brands: ['thuedientu', 'tongcucthue'], shortBrands: ['etax'], home: 'thuedientu.gdt.gov.vn', kind: 'government' },
  { domains: ['chinhphu.vn', 'baochinhphu.vn'], name: 'Chính phủ', brands: ['chinhphu'], kind: 'government' },
  { domains: ['vnpost.vn'], name: 'Bưu điện Việt Nam (VNPost)', brands: ['vnpost'], kind: 'government' },
  { domains: ['quochoi.vn'], name: 'Quốc hội', brands: ['quochoi'], kind: 'government' },
];

export const BANKS: readonly OfficialEntry[] = [
  { domains: ['vietcombank.com.vn', 'vcbdigibank.com.vn'], name: 'Vietcombank', brands: ['vietcombank', 'vcbdigibank'], shortBrands: ['vcb'], kind: 'bank' },
  { domains: ['bidv.com.vn', 'bidv.vn'], name: 'BIDV', brands: ['bidv'], kind: 'bank' },
  { domains: ['agribank.com.vn'], name: 'Agribank', brands: ['agribank'], kind: 'bank' },
  { domains: ['vietinbank.vn', 'vietinbank.com.vn'], name: 'VietinBank', brands: ['vietinbank'], shortBrands: ['ipay'], kind: 'bank' },
  { domains: ['techcombank.com', 'techcombank.com.vn'], name: 'Techcombank', brands: ['techcombank'], shortBrands: ['tcb'], kind: 'bank' },
  { domains: ['mbbank.com.vn', 'mbbank.vn'], name: 'MB', brands: ['mbbank'], kind: 'bank' },
  { domains: ['vpbank.com.vn', 'vpbankonline.com.vn'], name: 'VPBank', brands: ['vpbank'], kind: 'bank' },
  { domains: ['acb.com.vn'], name: 'ACB', brands: [], shortBrands: ['acb'], kind: 'bank' },
  { domains: ['sacombank.com.vn', 'sacombank.com', 'isacombank.com.vn'], name: 'Sacombank', brands: ['sacombank'], kind: 'bank' },
  { domains: ['tpb.vn', 'tpbank.vn', 'tpbank.com.vn'], name: 'TPBank', brands: ['tpbank'], kind: 'bank' },
  { domains: ['hdbank.com.vn'], name: 'HDBank', brands: ['hdbank'], kind: 'bank' },
  { domains: ['shb.com.vn'], name: 'SHB', brands: [], shortBrands: ['shb'], kind: 'bank' },
  { domains: ['vib.com.vn'], name: 'VIB', brands: [], shortBrands: ['vib'], kind: 'bank' },
  { domains: ['ocb.com.vn'], name: 'OCB', brands: [], shortBrands: ['ocb'], kind: 'bank' },
  { domains: ['msb.com.vn', 'maritimebank.com.vn'], name: 'MSB', brands: ['maritimebank'], shortBrands: ['msb'], kind: 'bank' },
  { domains: ['seabank.com.vn'], name: 'SeABank', brands: ['seabank'], kind: 'bank' },
  { domains: ['lpbank.com.vn', 'lienvietpostbank.com.vn'], name: 'LPBank', brands: ['lpbank', 'lienvietpostbank'], kind: 'bank' },
  { domains: ['eximbank.com.vn'], name: 'Eximbank', brands: ['eximbank'], kind: 'bank' },
  { domains: ['namabank.com.vn'], name: 'Nam A Bank', brands: ['namabank'], kind: 'bank' },
  { domains: ['baca-bank.vn', 'bacabank.com.vn'], name: 'Bac A Bank', brands: ['bacabank'], kind: 'bank' },
  { domains: ['pvcombank.com.vn'], name: 'PVcomBank', brands: ['pvcombank'], kind: 'bank' },
  { domains: ['kienlongbank.com', 'kienlongbank.com.vn'], name: 'KienlongBank', brands: ['kienlongbank'], kind: 'bank' },
  { domains: ['vietbank.com.vn'], name: 'Vietbank', brands: ['vietbank'], kind: 'bank' },
  { domains: ['baovietbank.vn'], name: 'BaoViet Bank', brands: ['baovietbank'], kind: 'bank' },
  { domains: ['abbank.vn'], name: 'ABBANK', brands: ['abbank'], kind: 'bank' },
  { domains: ['scb.com.vn'], name: 'SCB', brands: [], shortBrands: ['scb'], kind: 'bank' },
  { domains: ['ncb-bank.vn'], name: 'NCB', brands: ['ncbbank'], kind: 'bank' },
  { domains: ['saigonbank.com.vn'], name: 'Saigonbank', brands: ['saigonbank'], kind: 'bank' },
  { domains: ['vietabank.com.vn'], name: 'VietABank', brands: ['vietabank'], kind: 'bank' },
  { domains: ['pgbank.com.vn'], name: 'PGBank', brands: ['pgbank'], kind: 'bank' },
  { domains: ['bvbank.net.vn'], name: 'BVBank', brands: ['bvbank'], kind: 'bank' },
  // Real banks whose names sit one letter from a listed brand (cbbank ~ mbbank, gpbank ~ pgbank): listed so the
  // typo rule never flags them; an official registrable domain is official, full stop.
  { domains: ['cbbank.vn'], name: 'CBBank', brands: [], kind: 'bank' },
  { domains: ['gpbank.com.vn'], name: 'GPBank', brands: [], kind: 'bank' },
  { domains: ['oceanbank.vn'], name: 'OceanBank', brands: [], kind: 'bank' },
  { domains: ['dongabank.com.vn'], name: 'DongA Bank', brands: [], kind: 'bank' },
  { domains: ['vbsp.org.vn'], name: 'Ngân hàng Chính sách xã hội', brands: [], shortBrands: ['vbsp'], kind: 'bank' },
  { domains: ['co-opbank.vn'], name: 'Co-opBank', brands: [], kind: 'bank' },
  { domains: ['shinhan.com.vn'], name: 'Shinhan Bank Việt Nam', brands: [], kind: 'bank' },
  { domains: ['hsbc.com.vn'], name: 'HSBC Việt Nam', brands: [], kind: 'bank' },
  { domains: ['uob.com.vn'], name: 'UOB Việt Nam', brands: [], kind: 'bank' },
  { domains: ['wooribank.com.vn'], name: 'Woori Bank Việt Nam', brands: [], kind: 'bank' },
  { domains: ['publicbank.com.vn'], name: 'Public Bank Việt Nam', brands: [], kind: 'bank' },
  { domains: ['cake.vn'], name: 'Cake by VPBank', brands: [], kind: 'bank' },
  { domains: ['timo.vn'], name: 'Timo', brands: [], kind: 'bank' },
];

export const WALLETS: readonly OfficialEntry[] = [
  { domains: ['momo.vn'], name: 'MoMo', brands: [], shortBrands: ['momo'], kind: 'wallet' },
  { domains: ['zalopay.vn'], name: 'ZaloPay', brands: ['zalopay'], kind: 'wallet' },
  { domains: ['vnpay.vn', 'vnpayment.vn', 'vnpayqr.vn'], name: 'VNPAY', brands: ['vnpay'], kind: 'payment' },
  { domains: ['shopeepay.vn'], name: 'ShopeePay', brands: ['shopeepay'], kind: 'wallet' },
  { domains: ['viettelmoney.vn', 'viettelpay.vn'], name: 'Viettel Money', brands: ['viettelmoney', 'viettelpay'], kind: 'wallet' },
  { domains: ['vnptmoney.vn', 'vnptpay.vn'], name: 'VNPT Money', brands: ['vnptmoney', 'vnptpay'], kind: 'wallet' },
  { domains: ['napas.com.vn'], name: 'NAPAS', brands: ['napas'], kind: 'payment' },
  { domains: ['payoo.vn'], name: 'Payoo', brands: ['payoo'], kind: 'payment' },
  { domains: ['onepay.vn'], name: 'OnePay', brands: ['onepay'], kind: 'payment' },
  { domains: ['nganluong.vn'], name: 'Ngân Lượng', brands: ['nganluong'], kind: 'wallet' },
];

export const ELECTRICITY: readonly OfficialEntry[] = [
  { domains: ['evn.com.vn'], name: 'EVN', brands: [], shortBrands: ['evn'], kind: 'electricity' },
  { domains: ['evnhanoi.vn', 'evnhanoi.com.vn'], name: 'EVNHANOI', brands: ['evnhanoi'], kind: 'electricity' },
  { domains: ['evnhcmc.vn'], name: 'EVNHCMC', brands: ['evnhcmc'], kind: 'electricity' },
  { domains: ['evnspc.vn'], name: 'EVNSPC', brands: ['evnspc'], kind: 'electricity' },
  { domains: ['evncpc.vn', 'cpc.vn'], name: 'EVNCPC', brands: ['evncpc'], kind: 'electricity' },
  { domains: ['evnnpc.vn', 'npc.com.vn'], name: 'EVNNPC', brands: ['evnnpc'], kind: 'electricity' },
];

/** Hosts where anyone can publish a page under a subdomain for free (beside the Public Suffix List's private
 *  section, which tldts reads with allowPrivateDomains: github.io, vercel.app, netlify.app, web.app, firebaseapp.com,
 *  blogspot.com, wixsite.com, pages.dev, herokuapp.com…): those the list does not name. */
export const FREE_HOSTS: readonly string[] = ['weebly.com', '000webhostapp.com', 'wordpress.com', 'glitch.me', 'mystrikingly.com', 'business.site', 'site123.me'];

/** Other organisations' sites that bear an official brand's name abroad (AgriBank FCB in the United States, Sea
 *  Bank in Indonesia and the Philippines): never a lookalike. Registrable domains. */
export const NAMESAKES: readonly string[] = ['agribank.com', 'seabank.co.id', 'seabank.ph'];

export const OFFICIAL: readonly OfficialEntry[] = [...GOVERNMENT, ...BANKS, ...WALLETS, ...ELECTRICITY];
