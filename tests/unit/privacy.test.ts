// Redaction of personal data in volunteers' notes: every kind, ordinary text left alone, offsets.
import { describe, expect, it } from 'vitest';
import { isClean, MARKERS, redact, redactNote } from '../../core/privacy';

type Case = [input: string, output: string, matches: Array<[kind: string, original: string]>];

/** Checks the output text, the kinds found and that each offset pair slices out the original. */
function expectRedaction([input, output, matches]: Case): void {
  const { text, found } = redact(input);
  expect(text, input).toBe(output);
  expect(found.map((f) => [f.kind, input.slice(f.start, f.end)]), input).toEqual(matches);
}

const POSITIVE: Record<string, Case[]> = {
  cccd: [
    ['CCCD số 001234567890 cấp ngày 1/1/2021', 'CCCD số [CCCD] cấp ngày 1/1/2021', [['cccd', '001234567890']]],
    ['Số định danh: 001 234 567 890', 'Số định danh: [CCCD]', [['cccd', '001 234 567 890']]],
    ['CCCD 001-234-567-890.', 'CCCD [CCCD].', [['cccd', '001-234-567-890']]],
  ],
  cmnd: [
    ['CMND cũ 123456789', 'CMND cũ [CMND]', [['cmnd', '123456789']]],
    ['CMND: 025 123 456, cấp năm 2010', 'CMND: [CMND], cấp năm 2010', [['cmnd', '025 123 456']]],
  ],
  phone: [
    ['Gọi 0912345678 nhé', 'Gọi [SĐT] nhé', [['phone', '0912345678']]],
    ['SĐT 0912 345 678 hoặc 0912.345.678', 'SĐT [SĐT] hoặc [SĐT]', [['phone', '0912 345 678'], ['phone', '0912.345.678']]],
    ['Zalo +84 912 345 678, cũ 84912345678', 'Zalo [SĐT], cũ [SĐT]', [['phone', '+84 912 345 678'], ['phone', '84912345678']]],
    ['Máy bàn 024 3825 1234', 'Máy bàn [SĐT]', [['phone', '024 3825 1234']]],
    ['028.3829.1234 hoặc 0243 825 1234', '[SĐT] hoặc [SĐT]', [['phone', '028.3829.1234'], ['phone', '0243 825 1234']]],
  ],
  email: [
    ['Email: hoa.nguyen@gmail.com.', 'Email: [EMAIL].', [['email', 'hoa.nguyen@gmail.com']]],
    ['gửi về tran_b+hs@ubnd.hanoi.gov.vn giúp', 'gửi về [EMAIL] giúp', [['email', 'tran_b+hs@ubnd.hanoi.gov.vn']]],
  ],
  bank: [
    ['STK: 0071000123456', 'STK: [STK]', [['bank', '0071000123456']]],
    ['số tài khoản Vietcombank 0071 0001 23456', 'số tài khoản Vietcombank [STK]', [['bank', '0071 0001 23456']]],
    ['tk ACB 123456789', 'tk ACB [STK]', [['bank', '123456789']]],
    ['STK 0912345678 (số điện thoại)', 'STK [STK] (số điện thoại)', [['bank', '0912345678']]],
    ['thẻ 4111 1111 1111 1111 và 4111-1111-1111-1111', 'thẻ [STK] và [STK]', [['bank', '4111 1111 1111 1111'], ['bank', '4111-1111-1111-1111']]],
  ],
  bhxh: [
    ['Mã số BHXH: 7912345678', 'Mã số BHXH: [BHXH]', [['bhxh', '7912345678']]],
    ['sổ bảo hiểm xã hội số 0123456789', 'sổ bảo hiểm xã hội số [BHXH]', [['bhxh', '0123456789']]],
  ],
  mst: [
    ['MST 0101234567-001', 'MST [MST]', [['mst', '0101234567-001']]],
    ['mã số thuế: 0312345678', 'mã số thuế: [MST]', [['mst', '0312345678']]],
  ],
  bhyt: [
    ['thẻ BHYT DN4010123456789', 'thẻ BHYT [BHYT]', [['bhyt', 'DN4010123456789']]],
    ['BHYT: HT 3 79 7912345678', 'BHYT: [BHYT]', [['bhyt', 'HT 3 79 7912345678']]],
  ],
  evn: [
    ['mã khách hàng PE01000123456', 'mã khách hàng [MÃ KH]', [['evn', 'PE01000123456']]],
    ['Mã KH: PA12345678901 hoặc pd12345678901', 'Mã KH: [MÃ KH] hoặc [MÃ KH]', [['evn', 'PA12345678901'], ['evn', 'pd12345678901']]],
  ],
  plate: [
    ['xe 29A-123.45', 'xe [BIỂN SỐ]', [['plate', '29A-123.45']]],
    ['biển 30F-12345', 'biển [BIỂN SỐ]', [['plate', '30F-12345']]],
    ['51G1-234.56 và 29-B1 123.45', '[BIỂN SỐ] và [BIỂN SỐ]', [['plate', '51G1-234.56'], ['plate', '29-B1 123.45']]],
  ],
  secret: [
    ['mã OTP là 123456', 'mã OTP là [BÍ MẬT]', [['secret', '123456']]],
    ['mật khẩu: Abc@123', 'mật khẩu: [BÍ MẬT]', [['secret', 'Abc@123']]],
    ['mật khẩu của tôi là Hoa@1990, nhớ đổi', 'mật khẩu của tôi là [BÍ MẬT], nhớ đổi', [['secret', 'Hoa@1990']]],
    ['Password=Secret123', 'Password=[BÍ MẬT]', [['secret', 'Secret123']]],
    ['mã PIN 1234.', 'mã PIN [BÍ MẬT].', [['secret', '1234']]],
    ['mk 12345678 và mã 482913', 'mk [BÍ MẬT] và mã [BÍ MẬT]', [['secret', '12345678'], ['secret', '482913']]],
    ['Gửi mã xác thực 654321 tới số 0987654321', 'Gửi mã xác thực [BÍ MẬT] tới số [SĐT]', [['secret', '654321'], ['phone', '0987654321']]],
  ],
  name: [
    ['bà Nguyễn Thị Hoa', 'bà [TÊN]', [['name', 'Nguyễn Thị Hoa']]],
    ['ông nam', 'ông [TÊN]', [['name', 'nam']]],
    ['cụ TRẦN VĂN BÌNH', 'cụ [TÊN]', [['name', 'TRẦN VĂN BÌNH']]],
    ['Cảm ơn cô Hoa ơi', 'Cảm ơn cô [TÊN] ơi', [['name', 'Hoa']]],
    ['chị Lan Anh đến nộp', 'chị [TÊN] đến nộp', [['name', 'Lan Anh']]],
    ['dì hoa và cháu lan', 'dì [TÊN] và cháu [TÊN]', [['name', 'hoa'], ['name', 'lan']]],
    ['Người nộp: Nguyễn Văn An', 'Người nộp: [TÊN]', [['name', 'Nguyễn Văn An']]],
    ['NGUYỄN VĂN AN, trần thị hoa', '[TÊN], [TÊN]', [['name', 'NGUYỄN VĂN AN'], ['name', 'trần thị hoa']]],
    ['Chủ thẻ: NGUYEN VAN AN', 'Chủ thẻ: [TÊN]', [['name', 'NGUYEN VAN AN']]],
    ['Lê Minh và Hoàng Gia Bảo', '[TÊN] và [TÊN]', [['name', 'Lê Minh'], ['name', 'Hoàng Gia Bảo']]],
  ],
};

describe('redact: each kind', () => {
  for (const [kind, cases] of Object.entries(POSITIVE)) {
    it.each(cases)(`${kind}: %s`, (...c) => expectRedaction(c));
  }

  it('reports exact offsets into the original text', () => {
    const input = 'Bà Hoa, SĐT 0912345678.';
    expect(redact(input).found).toEqual([
      { kind: 'name', start: 3, end: 6 },
      { kind: 'phone', start: 12, end: 22 },
    ]);
    const secret = redact('mật khẩu: Abc@123');
    expect(secret.found).toEqual([{ kind: 'secret', start: 10, end: 17 }]);
  });

  it('has a marker for every kind it reports', () => {
    expect(Object.keys(MARKERS).sort()).toEqual(
    ['bank', 'bhxh', 'bhyt', 'cccd', 'cmnd', 'email', 'evn', 'mst', 'name', 'number', 'phone', 'plate', 'secret'],
    );
    expect(MARKERS['phone']).toBe('[SĐT]');
    expect(MARKERS['name']).toBe('[TÊN]');
  });
});

const ORDINARY = [
  // procedures
  'Cấp Phiếu lý lịch tư pháp',
  'Cấp Phiếu Lý Lịch Tư Pháp',
  'CẤP PHIẾU LÝ LỊCH TƯ PHÁP',
  'Đăng ký khai sinh',
  'Hồ sơ gồm tờ khai và bản sao',
  'Quản lý hồ sơ và xử lý yêu cầu',
  'Trợ cấp mai táng phí, lương hưu',
  'Thủ tục cho người cao tuổi',
  'Đăng nhập bằng tài khoản VNeID mức 2',
  'Nhập mã OTP được gửi về điện thoại',
  'Mã OTP gồm 6 số',
  'mật khẩu phải có 8 ký tự',
  'Em không biết mật khẩu',
  'điện thoại hết pin, sạc pin 100%',
  // amounts
  'Phí 200.000 đồng, nộp 1.500.000đ hoặc 50000 VND',
  'Lệ phí 200000000 đồng',
  'Số tiền 100.000.000.000 đồng',
  'tài khoản 500.000 đồng',
  'Đơn giá 12.500 đ/kWh',
  // dates and times
  'Hẹn trả ngày 24/11/2026, tức ngày 1 tháng 12 năm 2026 (2026-11-24) lúc 14:30',
  'ngày 09.12.2026 10 giờ',
  // hotlines
  'Gọi tổng đài 1900 1234 hoặc 18001096 hoặc 1900.1234',
  'Người dân quên mật khẩu VNeID, gọi tổng đài 18001096',
  'Đổi mật khẩu mới cho tài khoản ngân hàng',
  'Hotline 1900 9095 và 1800 599 920',
  // places and organisations
  'Phường Bến Nghé, Thành phố Hà Nội',
  'UBND phường, Công an xã, Sở Tư pháp Hà Nội',
  'Thanh toán qua Vietcombank, tra cứu tiền điện EVN',
  'Tỉnh Cao Bằng, Hà Giang, Hà Tĩnh',
  'Thành phố Hồ Chí Minh, TP. Hồ Chí Minh',
  'Quận Hoàng Mai, đường Lê Lợi, phố Trần Hưng Đạo',
  'Bệnh viện Bạch Mai',
  'Bà Rịa - Vũng Tàu',
  'Trung tâm Phục vụ hành chính công',
  'Bảo hiểm xã hội Việt Nam',
  // step numbers, counts, codes
  'Làm đến bước 3, thử 2 lần',
  'tk 2 lần',
  'Mã hồ sơ G22.99-261124-0001',
  'Quyết định số 1234/QĐ-UBND',
  'Tầng 12A, phòng 1234',
  // pronouns and kinship words
  'Anh ấy đã nộp hồ sơ',
  'Chị đã điền tờ khai chưa?',
  'Em không biết làm',
  'Anh chị vui lòng mang theo CCCD gắn chip',
  'Anh Chị Em cần hỗ trợ',
  'anh trai tôi, chị gái, ông ngoại, bà nội',
  'Bà con mang theo sổ hộ khẩu',
  'bác sĩ khám cho cháu',
  'Em cảm ơn cô ạ',
  'Cô ấy học tiếng Anh',
  'chị yên tâm, anh thanh toán qua app',
  'anh thông cảm, chị hiền lắm',
  'Ghi chú: cụ thể là nộp ở Bộ phận một cửa',
  'chú ý đọc kỹ hướng dẫn',
  // family names inside ordinary words
  'Ngày mai chị quay lại nhé',
  'Mai em đến sớm',
  'lý do từ chối',
  'vi phạm hành chính',
  'Xét nghiệm dương tính',
];

describe('redact: ordinary text is left alone', () => {
  it.each(ORDINARY)('%s', (input) => {
    expect(redact(input)).toEqual({ text: input, found: [] });
    expect(isClean(input)).toBe(true);
  });
});

describe('redact: digit runs', () => {
  it('does not match 12 or 9 digits inside a longer run', () => {
    expect(redact('12345678901234').found).toEqual([]);
    expect(redact('1234567890123').found).toEqual([]);
    expect(redact('so 1234567890123456').found).toEqual([{ kind: 'bank', start: 3, end: 19 }]);
  });

  it('keeps a dossier code whole and a tax code after its keyword', () => {
    expect(redact('Mã hồ sơ G22.99-261124-0001, MST 0101234567').text).toBe('Mã hồ sơ G22.99-261124-0001, MST [MST]');
  });
});

describe('redact: mixed text, edge cases', () => {
  const MIXED =
    'Bà Nguyễn Thị Hoa, CCCD 001234567890, SĐT 0912 345 678, email hoa.nguyen@gmail.com, ' +
    'STK Vietcombank 0071000123456, xe 29A-123.45, mã OTP là 123456, nộp phí 200.000 đồng ngày 24/11/2026.';

  it('redacts several kinds in one sentence', () => {
    const { text, found } = redact(MIXED);
    expect(text).toBe(
      'Bà [TÊN], CCCD [CCCD], SĐT [SĐT], email [EMAIL], STK Vietcombank [STK], xe [BIỂN SỐ], ' +
        'mã OTP là [BÍ MẬT], nộp phí 200.000 đồng ngày 24/11/2026.',
    );
    expect(found.map((f) => f.kind)).toEqual(['name', 'cccd', 'phone', 'email', 'bank', 'plate', 'secret']);
    expect(found.map((f) => MIXED.slice(f.start, f.end))).toEqual([
      'Nguyễn Thị Hoa',
      '001234567890',
      '0912 345 678',
      'hoa.nguyen@gmail.com',
      '0071000123456',
      '29A-123.45',
      '123456',
    ]);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    expect(isClean(MIXED)).toBe(false);
  });

  it('handles the empty string', () => {
    expect(redact('')).toEqual({ text: '', found: [] });
    expect(isClean('')).toBe(true);
  });

  it('is idempotent', () => {
    const inputs = [MIXED, ...Object.values(POSITIVE).flatMap((cases) => cases.map(([input]) => input))];
    for (const input of inputs) {
      const once = redact(input).text;
      expect(redact(once).text).toBe(once);
      expect(redact(once).found).toEqual([]);
    }
  });

  it('normalises to NFC: decomposed input gives the same result, offsets into the NFC text', () => {
    const nfc = 'bà Nguyễn Thị Hoa, SĐT 0912345678';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const result = redact(nfd);
    expect(result).toEqual(redact(nfc));
    expect(result.found.map((f) => nfc.slice(f.start, f.end))).toEqual(['Nguyễn Thị Hoa', '0912345678']);
  });
});

describe('15.9 redaction covers spaced and spelled-out numbers, spelled e-mails and passwords; leaves brands alone', () => {
  const SPACED: Case[] = [
    ['0 9 0 3 1 2 3 4 5 6', '[SĐT]', [['phone', '0 9 0 3 1 2 3 4 5 6']]],
    ['Số bà: 09 03 12 34 56.', 'Số bà: [SĐT].', [['phone', '09 03 12 34 56']]],
    ['gọi 0903 123 456 nhé', 'gọi [SĐT] nhé', [['phone', '0903 123 456']]],
    ['Zalo +84 9 0 3 1 2 3 4 5 6', 'Zalo [SĐT]', [['phone', '+84 9 0 3 1 2 3 4 5 6']]],
    ['sđt 0.9.1.2.3.4.5.6.7.8', 'sđt [SĐT]', [['phone', '0.9.1.2.3.4.5.6.7.8']]],
    ['CCCD 0 0 1 2 3 4 5 6 7 8 9 0 cấp 2021', 'CCCD [CCCD] cấp 2021', [['cccd', '0 0 1 2 3 4 5 6 7 8 9 0']]],
    ['CCCD 00 12 34 56 78 90', 'CCCD [CCCD]', [['cccd', '00 12 34 56 78 90']]],
    ['CMND 0 2 5 1 2 3 4 5 6', 'CMND [CMND]', [['cmnd', '0 2 5 1 2 3 4 5 6']]],
    ['tài khoản 1 2 3 4 5 6 7 8 9 0 1 2 3', 'tài khoản [DÃY SỐ]', [['number', '1 2 3 4 5 6 7 8 9 0 1 2 3']]],
  ];
  const SPELLED: Case[] = [
    ['không chín không ba một hai ba bốn năm sáu', '[SĐT]', [['phone', 'không chín không ba một hai ba bốn năm sáu']]],
    ['Số bà là không chín, không ba, một hai ba, bốn năm sáu nhé', 'Số bà là [SĐT] nhé', [['phone', 'không chín, không ba, một hai ba, bốn năm sáu']]],
    ['sdt khong chin mot hai ba bon nam sau bay tam', 'sdt [SĐT]', [['phone', 'khong chin mot hai ba bon nam sau bay tam']]],
    ['Không Chín Một Hai Ba Bốn Năm Sáu Bảy Tám', '[SĐT]', [['phone', 'Không Chín Một Hai Ba Bốn Năm Sáu Bảy Tám']]],
    ['CCCD không không một hai ba bốn năm sáu bảy tám chín không', 'CCCD [CCCD]', [['cccd', 'không không một hai ba bốn năm sáu bảy tám chín không']]],
    ['số 09 không 3 một hai ba bốn năm sáu', 'số [SĐT]', [['phone', '09 không 3 một hai ba bốn năm sáu']]],
  ];
  const SPELLED_EMAIL: Case[] = [
    ['Email: hoa.nguyen(at)gmail.com', 'Email: [EMAIL]', [['email', 'hoa.nguyen(at)gmail.com']]],
    ['gửi hoa.nguyen [at] gmail [dot] com giúp', 'gửi [EMAIL] giúp', [['email', 'hoa.nguyen [at] gmail [dot] com']]],
    ['thư hoanguyen a còng gmail chấm com', 'thư [EMAIL]', [['email', 'hoanguyen a còng gmail chấm com']]],
    ['mail hoanguyen at yahoo dot com dot vn', 'mail [EMAIL]', [['email', 'hoanguyen at yahoo dot com dot vn']]],
    ['hoa_1960 @ gmail . com', '[EMAIL]', [['email', 'hoa_1960 @ gmail . com']]],
    ['tran.b{at}ubnd.hanoi.gov.vn', '[EMAIL]', [['email', 'tran.b{at}ubnd.hanoi.gov.vn']]],
  ];
  const PASSWORDS: Case[] = [
    ['mk: Abc@1234', 'mk: [BÍ MẬT]', [['secret', 'Abc@1234']]],
    ['mật khẩu là xyz123!', 'mật khẩu là [BÍ MẬT]!', [['secret', 'xyz123']]],
    ['Bà ghi Abc@1234 vào sổ', 'Bà ghi [BÍ MẬT] vào sổ', [['secret', 'Abc@1234']]],
    ['P@ssw0rd', '[BÍ MẬT]', [['secret', 'P@ssw0rd']]],
    ['quên mật khẩu VssID, mật khẩu mới là Hoa#1990', 'quên mật khẩu VssID, mật khẩu mới là [BÍ MẬT]', [['secret', 'Hoa#1990']]],
    ['mật khẩu VssID là abc12345', 'mật khẩu VssID là [BÍ MẬT]', [['secret', 'abc12345']]],
    ['pass zalo: hoa_1960!', 'pass zalo: [BÍ MẬT]', [['secret', 'hoa_1960!']]],
    ['wifi nhà: TenWifi=Nha123$', 'wifi nhà: TenWifi=[BÍ MẬT]', [['secret', 'Nha123$']]],
  ];

  it('15.9 digits separated by spaces, dots or in pairs are a phone, an ID or a long number', () => SPACED.forEach(expectRedaction));
  it('15.9 numbers spelled out in Vietnamese, with or without diacritics, are redacted', () => SPELLED.forEach(expectRedaction));
  it('15.9 e-mails written with (at), [at], a còng, at and (dot), chấm are redacted', () => SPELLED_EMAIL.forEach(expectRedaction));
  it('15.9 password-like tokens are redacted, after a keyword or alone', () => PASSWORDS.forEach(expectRedaction));

  const CLEAN = [
    // brands and products: never a secret, never a name
    'Cài VNeID mức 2 cho bà, đăng nhập VssID bằng mã số BHXH',
    'Bà quên mật khẩu VssID',
    'mã OTP ViettelPay gửi về máy bà',
    'đổi mật khẩu TPBank giúp bà',
    'Nhập mã PIN SmartOTP',
    'mật khẩu Agribank E-Mobile Banking phải có 8 ký tự',
    'pass iHanoi bị khóa',
    'Chuyển tiền qua MoMo, ZaloPay, Vietcombank',
    'Tra cứu tiền điện EVN, EVNHCMC',
    'Ông dùng iPhone, cháu cài Zalo',
    // ordinary capitalised words at a sentence start, Title Case labels
    'Mai em quay lại. Lương hưu tháng này chưa về.',
    'Hồ sơ đã nộp. Đào tạo xong rồi.',
    'Bấm Lưu Thay Đổi rồi Tăng Cỡ Chữ',
    'Chu Kỳ Thanh Toán',
    'Hoàng hôn rồi, Hà Tây xa lắm',
    // numbers that are not a person's
    'Hotline 1800 599 920, 1900 9095',
    'ngày 09.12.2026 10 giờ, hạn 24 11 2026',
    'Số tiền 1.500.000.000 đồng, phí 1.500.000 đ',
    'Làm bước 1 2 3 rồi bước 4',
    'Bà ba ngày nữa quay lại, năm hai không hai sáu',
    'Hẹn 9h30!',
    'Quyết định 1234/QĐ-UBND, mã hồ sơ G22.99-261124-0001',
    'Giảm 50%, còn 200.000đ/tháng',
    'màu #1c2430',
    // "at" and "chấm" in ordinary words
    'gặp at the office, chấm điểm xong',
    'bà a còng lưng đi chợ',
  ];

  it('15.9 brand and product names, capitalised ordinary words and numbers that are not a person’s stay identical', () => {
    for (const note of CLEAN) {
      expect(redact(note), note).toEqual({ text: note, found: [] });
      expect(redactNote(note), note).toBe(note);
    }
  });

  it('15.9 a mixed note loses every personal piece and keeps the rest word for word', () => {
    const note =
      'Cụ Trần Văn Bình, sđt không chín một hai ba bốn năm sáu bảy tám, CCCD 0 0 1 2 3 4 5 6 7 8 9 0, ' +
      'email binh.tran (at) gmail (dot) com, mk VNeID: Binh@1950. Đã cài VNeID và Zalo, hẹn 9h30.';
    const out = redactNote(note);
    expect(out).toBe('Cụ [TÊN], sđt [SĐT], CCCD [CCCD], email [EMAIL], mk VNeID: [BÍ MẬT]. Đã cài VNeID và Zalo, hẹn 9h30.');
    for (const piece of ['Trần', 'không chín', '0 0 1', 'binh.tran', 'gmail', 'Binh@1950']) expect(out).not.toContain(piece);
    expect(redact(out).text).toBe(out);
  });
});
