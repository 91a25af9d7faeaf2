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
  /** Words a lookalike borrows (lower case, ASCII): the brand, the service's name. */
  brands: readonly string[];
  kind: 'government' | 'bank' | 'wallet' | 'payment' | 'electricity';
}

export const OFFICIAL_SOURCE = 'Own sites of each organisation; State Bank of Vietnam lists of credit institutions and payment intermediaries';
export const OFFICIAL_AS_OF = '2026-12-02';

/** Government services people are sent fakes of (all on gov.vn: listed for their brand words and real host). */
export const GOVERNMENT: readonly OfficialEntry[] = [
  { domains: ['dichvucong.gov.vn'], name: 'Cổng Dịch vụ công Quốc gia', brands: ['dichvucong', 'dvcqg', 'dichvucongquocgia'], kind: 'government' },
  { domains: ['dancuquocgia.gov.vn', 'vneid.gov.vn'], name: 'VNeID', brands: ['vneid', 'dancuquocgia', 'dinhdanh', 'dinhdanhdientu'], kind: 'government' },
  { domains: ['bocongan.gov.vn', 'mps.gov.vn'], name: 'Bộ Công an', brands: ['bocongan', 'congan', 'csgt'], kind: 'government' },
  { domains: ['baohiemxahoi.gov.vn', 'vss.gov.vn'], name: 'Bảo hiểm xã hội Việt Nam', brands: ['baohiemxahoi', 'bhxh', 'vssid'], kind: 'government' },
  { domains: ['gdt.gov.vn'], name: 'Tổng cục Thuế', brands: ['thuedientu', 'tongcucthue', 'etax'], kind: 'government' },
  { domains: ['chinhphu.vn', 'baochinhphu.vn'], name: 'Chính phủ', brands: ['chinhphu'], kind: 'government' },
];

export const BANKS: readonly OfficialEntry[] = [
  { domains: ['vietcombank.com.vn', 'vcbdigibank.com.vn'], name: 'Vietcombank', brands: ['vietcombank', 'vcb', 'vcbdigibank'], kind: 'bank' },
  { domains: ['bidv.com.vn', 'bidv.vn'], name: 'BIDV', brands: ['bidv'], kind: 'bank' },
  { domains: ['agribank.com.vn'], name: 'Agribank', brands: ['agribank'], kind: 'bank' },
  { domains: ['vietinbank.vn', 'vietinbank.com.vn'], name: 'VietinBank', brands: ['vietinbank', 'ipay'], kind: 'bank' },
  { domains: ['techcombank.com', 'techcombank.com.vn'], name: 'Techcombank', brands: ['techcombank', 'tcb'], kind: 'bank' },
  { domains: ['mbbank.com.vn', 'mbbank.vn'], name: 'MB', brands: ['mbbank'], kind: 'bank' },
  { domains: ['vpbank.com.vn', 'vpbankonline.com.vn'], name: 'VPBank', brands: ['vpbank'], kind: 'bank' },
  { domains: ['acb.com.vn'], name: 'ACB', brands: ['acb'], kind: 'bank' },
  { domains: ['sacombank.com.vn', 'sacombank.com'], name: 'Sacombank', brands: ['sacombank'], kind: 'bank' },
  { domains: ['tpb.vn', 'tpbank.vn', 'tpbank.com.vn'], name: 'TPBank', brands: ['tpbank'], kind: 'bank' },
  { domains: ['hdbank.com.vn'], name: 'HDBank', brands: ['hdbank'], kind: 'bank' },
  { domains: ['shb.com.vn'], name: 'SHB', brands: ['shb'], kind: 'bank' },
  { domains: ['vib.com.vn'], name: 'VIB', brands: ['vib'], kind: 'bank' },
  { domains: ['ocb.com.vn'], name: 'OCB', brands: ['ocb'], kind: 'bank' },
  { domains: ['msb.com.vn'], name: 'MSB', brands: ['msb', 'maritimebank'], kind: 'bank' },
  { domains: ['seabank.com.vn'], name: 'SeABank', brands: ['seabank'], kind: 'bank' },
  { domains: ['lpbank.com.vn'], name: 'LPBank', brands: ['lpbank', 'lienvietpostbank'], kind: 'bank' },
  { domains: ['eximbank.com.vn'], name: 'Eximbank', brands: ['eximbank'], kind: 'bank' },
  { domains: ['namabank.com.vn'], name: 'Nam A Bank', brands: ['namabank'], kind: 'bank' },
  { domains: ['baca-bank.vn', 'bacabank.com.vn'], name: 'Bac A Bank', brands: ['bacabank'], kind: 'bank' },
  { domains: ['pvcombank.com.vn'], name: 'PVcomBank', brands: ['pvcombank'], kind: 'bank' },
  { domains: ['kienlongbank.com', 'kienlongbank.com.vn'], name: 'KienlongBank', brands: ['kienlongbank'], kind: 'bank' },
  { domains: ['vietbank.com.vn'], name: 'Vietbank', brands: ['vietbank'], kind: 'bank' },
  { domains: ['baovietbank.vn'], name: 'BaoViet Bank', brands: ['baovietbank'], kind: 'bank' },
  { domains: ['abbank.vn'], name: 'ABBANK', brands: ['abbank'], kind: 'bank' },
  { domains: ['scb.com.vn'], name: 'SCB', brands: ['scb'], kind: 'bank' },
  { domains: ['ncb-bank.vn'], name: 'NCB', brands: ['ncbbank'], kind: 'bank' },
  { domains: ['saigonbank.com.vn'], name: 'Saigonbank', brands: ['saigonbank'], kind: 'bank' },
  { domains: ['vietabank.com.vn'], name: 'VietABank', brands: ['vietabank'], kind: 'bank' },
  { domains: ['pgbank.com.vn'], name: 'PGBank', brands: ['pgbank'], kind: 'bank' },
  { domains: ['bvbank.net.vn'], name: 'BVBank', brands: ['bvbank'], kind: 'bank' },
  { domains: ['cake.vn'], name: 'Cake by VPBank', brands: [], kind: 'bank' },
  { domains: ['timo.vn'], name: 'Timo', brands: [], kind: 'bank' },
];

export const WALLETS: readonly OfficialEntry[] = [
  { domains: ['momo.vn'], name: 'MoMo', brands: ['momo'], kind: 'wallet' },
  { domains: ['zalopay.vn'], name: 'ZaloPay', brands: ['zalopay'], kind: 'wallet' },
  { domains: ['vnpay.vn'], name: 'VNPAY', brands: ['vnpay'], kind: 'payment' },
  { domains: ['shopeepay.vn'], name: 'ShopeePay', brands: ['shopeepay'], kind: 'wallet' },
  { domains: ['viettelmoney.vn', 'viettelpay.vn'], name: 'Viettel Money', brands: ['viettelmoney', 'viettelpay'], kind: 'wallet' },
  { domains: ['vnptmoney.vn', 'vnptpay.vn'], name: 'VNPT Money', brands: ['vnptmoney', 'vnptpay'], kind: 'wallet' },
  { domains: ['napas.com.vn'], name: 'NAPAS', brands: ['napas'], kind: 'payment' },
  { domains: ['payoo.vn'], name: 'Payoo', brands: ['payoo'], kind: 'payment' },
];

export const ELECTRICITY: readonly OfficialEntry[] = [
  { domains: ['evn.com.vn'], name: 'EVN', brands: ['evn'], kind: 'electricity' },
  { domains: ['evnhanoi.vn', 'evnhanoi.com.vn'], name: 'EVNHANOI', brands: ['evnhanoi'], kind: 'electricity' },
  { domains: ['evnhcmc.vn'], name: 'EVNHCMC', brands: ['evnhcmc'], kind: 'electricity' },
  { domains: ['evnspc.vn'], name: 'EVNSPC', brands: ['evnspc'], kind: 'electricity' },
  { domains: ['evncpc.vn', 'cpc.vn'], name: 'EVNCPC', brands: ['evncpc'], kind: 'electricity' },
  { domains: ['evnnpc.vn', 'npc.com.vn'], name: 'EVNNPC', brands: ['evnnpc'], kind: 'electricity' },
];

export const OFFICIAL: readonly OfficialEntry[] = [...GOVERNMENT, ...BANKS, ...WALLETS, ...ELECTRICITY];
