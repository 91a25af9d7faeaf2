// Field extraction from OCR'd paper documents: each kind clean and noisy, whole documents, and text
// that must give nothing (dates, hotlines, wrong lengths, invalid prefixes, prose).
import { describe, expect, it } from 'vitest';
import { extractFields, FIELD_KINDS, formatField } from '../../core/fields';

type Field = [kind: string, value: string];
type Case = [input: string, fields: Field[]];

function expectFields(input: string, fields: Field[]): void {
  expect(extractFields(input)).toEqual(fields.map(([kind, value]) => ({ kind, value })));
}

const POSITIVE: Record<string, Case[]> = {
  cccd: [
    ['Số định danh: 001058012345', [['cccd', '001058012345']]],
    ['Số định danh cá nhân: 001 058 012 345', [['cccd', '001058012345']]],
    ['CCCD 079.203.012.345, cấp ngày 10/10/2021', [['cccd', '079203012345']]],
    ['So dinh danh 0O1O58Ol2345', [['cccd', '001058012345']]],
    ['CCCD: 0O1 058 O12 34S', [['cccd', '001058012345']]],
    ['Số định danh cá nhân/Personal identification number:\n001058012345', [['cccd', '001058012345']]],
    ['SỐ ĐỊNH DANH: 0010 5801 2345', [['cccd', '001058012345']]],
    // Decomposed input and a mangled accent (spacing acute) fold the same.
    ['Số định danh: 038301001234'.normalize('NFD'), [['cccd', '038301001234']]],
    ['Sô´ đinh danh 038301001234', [['cccd', '038301001234']]],
    // Without a label: a real province code and a 0–3 century digit are required.
    ['001058012345', [['cccd', '001058012345']]],
    // A century digit of 4–9 only after a label.
    ['Số định danh: 001458012345', [['cccd', '001458012345']]],
    ['Tài khoản định danh điện tử: 001058012345', [['cccd', '001058012345']]],
  ],
  'evn-customer': [
    ['Mã khách hàng: PE01000123456', [['evn-customer', 'PE01000123456']]],
    ['Ma khach hang: pc0S000l23456', [['evn-customer', 'PC05000123456']]],
    ['Mã KH\nPE 01000 123456', [['evn-customer', 'PE01000123456']]],
    ['Mã khách hàng\n(Customer code)\nPA22041234567', [['evn-customer', 'PA22041234567']]],
    ['thanh toán cho PD0100O123456.', [['evn-customer', 'PD01000123456']]],
    // A second letter outside PA … PQ only after the label.
    ['Mã KH: PX12345678901, PX12345678901', [['evn-customer', 'PX12345678901']]],
  ],
  phone: [
    ['0912345678', [['phone', '0912345678']]],
    ['Liên hệ 0866.123.456 hoặc 0356 789 012', [['phone', '0866123456'], ['phone', '0356789012']]],
    ['SĐT 091 234 5678, 0912-345-678', [['phone', '0912345678']]],
    ['S0 ĐT: O9l2 345 678', [['phone', '0912345678']]],
    ['Zalo +84 912 345 678', [['phone', '0912345678']]],
    ['(+84) 987.654.321 hoặc 84987654321', [['phone', '0987654321']]],
    ['ĐT: 0912345678/0987654321', [['phone', '0912345678'], ['phone', '0987654321']]],
    ['Ngày 24.11.2025 0912 345 678', [['phone', '0912345678']]],
    // Landlines only after a phone label.
    ['Điện thoại: (024) 3825 1234', [['phone', '02438251234']]],
    ['Ðiện thoại 028.3829.1234, Tel: +84 24 3825 1234', [['phone', '02838291234'], ['phone', '02438251234']]],
  ],
  amount: [
    ['Tổng tiền: 1.234.567 đ', [['amount', '1234567']]],
    ['Phí 200.000 đồng, nộp 1.500.000đ hoặc 50000 VND', [['amount', '200000'], ['amount', '1500000'], ['amount', '50000']]],
    ['Số tiền (VND): 1,500,000.00', [['amount', '1500000']]],
    ['Số tiền: VND 2,750,000', [['amount', '2750000']]],
    ['S6 tiền: 1.500.000', [['amount', '1500000']]],
    ['Tong cong\n1.250.000', [['amount', '1250000']]],
    ['Cần thanh toán: 99.000đ, thành tiền 1 234 567 VNĐ', [['amount', '99000'], ['amount', '1234567']]],
    ['Giá 1.234.567,00 ₫', [['amount', '1234567']]],
    // A rate per unit is not an amount; the total is.
    ['Đơn giá 1.984 đ/kWh, tiền điện 694.400 đ', [['amount', '694400']]],
  ],
  'dossier-code': [
    ['Mã hồ sơ: G22.99-251124-0001', [['dossier-code', 'G22.99-251124-0001']]],
    ['Mã hồ sơ: 000.00.12.H29 - 251124 - 0005', [['dossier-code', '000.00.12.H29-251124-0005']]],
    ['Số hồ sơ\nh29 . 12-24O3l5-0123', [['dossier-code', 'H29.12-240315-0123']]],
    ['Tra cứu G22.99–251124–0001 trên Cổng DVC', [['dossier-code', 'G22.99-251124-0001']]],
    // Another shape is taken only after a dossier label.
    ['Mã biên nhận: HS-2025-00l234', [['dossier-code', 'HS-2025-001234']]],
  ],
  'bank-account': [
    ['Số tài khoản: 0071000123456', [['bank-account', '0071000123456']]],
    ['STK Vietcombank 0071 0001 23456', [['bank-account', '0071000123456']]],
    ['S0 TK: OO71OOO123456', [['bank-account', '0071000123456']]],
    ['Tài khoản nhận / To account:\n1903 5678 9012 34', [['bank-account', '19035678901234']]],
    // A phone number or a CCCD after an account label is an account number.
    ['STK 0912345678', [['bank-account', '0912345678']]],
    ['Số tài khoản: 001058012345', [['bank-account', '001058012345']]],
    ['Số TK: 0912 345 678, ĐT: 0912 345 678', [['bank-account', '0912345678'], ['phone', '0912345678']]],
  ],
};

describe('extractFields: each kind', () => {
  for (const [kind, cases] of Object.entries(POSITIVE)) {
    it.each(cases)(`${kind}: %j`, (input, fields) => expectFields(input, fields));
  }

  it('reports only the six kinds', () => {
    expect([...FIELD_KINDS].sort()).toEqual(['amount', 'bank-account', 'cccd', 'dossier-code', 'evn-customer', 'phone']);
  });
});

const EVN_BILL = `TỔNG CÔNG TY ĐIỆN LỰC MIỀN NAM
CÔNG TY ĐIỆN LỰC ĐỒNG NAI
HÓA ĐƠN GIÁ TRỊ GIA TĂNG (TIỀN ĐIỆN)
Kỳ: 1 Tháng 11/2025 (từ ngày 15/10/2025 đến ngày 14/11/2025)
Mã số thuế: 0300942001-019
Điện thoại CSKH: 1900 1006
Tên khách hàng: NGUYỄN VĂN AN
Địa chỉ: 12 Nguyễn Ái Quốc, P. Tân Phong
Mã khách hàng: PB0l000123456
Số công tơ: 22123456
Điện năng tiêu thụ: 350 kWh
Đơn giá bậc 3: 2.167 đ/kWh
Tiền điện: 702.350 đ
Thuế GTGT (8%): 56.188 đ
Tổng cộng tiền thanh toán: 758.538 đ
Số tiền bằng chữ: Bảy trăm năm mươi tám nghìn năm trăm ba mươi tám đồng
ĐT khách hàng: 0912 345 678`;

const CCCD_CARD = `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
SOCIALIST REPUBLIC OF VIET NAM
CĂN CƯỚC CÔNG DÂN
Citizen Identity Card
Số / No.: 0O1O58 0l2345
Họ và tên / Full name:
NGUYỄN VĂN AN
Ngày sinh / Date of birth: 12/03/1958
Giới tính / Sex: Nam  Quốc tịch / Nationality: Việt Nam
Quê quán / Place of origin: Hoàn Kiếm, Hà Nội
Nơi thường trú / Place of residence: 12 Hàng Bạc, Hoàn Kiếm, Hà Nội
Có giá trị đến: 12/03/2033`;

const BANK_SLIP = `Vietcombank
GIAO DỊCH THÀNH CÔNG
Thời gian: 24/11/2025 10:15:30
Tài khoản nguồn: 0071000123456
Tài khoản nhận: 1903 5678 9012 34
Tên người nhận: NGUYEN VAN AN
Ngân hàng nhận: Techcombank
Số tiền: 1,500,000 VND
Nội dung: NGUYEN VAN AN chuyen tien
Mã giao dịch: FT25328912345678
Số tham chiếu: 079123456789`;

const DOSSIER_RECEIPT = `UBND PHƯỜNG HOÀN KIẾM
BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ
GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ
Mã hồ sơ: 000.00.12.H29 - 25ll24 - 0005
Tiếp nhận hồ sơ của: Ông NGUYỄN VĂN AN
Số định danh cá nhân: 001058012345
Số điện thoại: 0912.345.678
Nội dung yêu cầu: Cấp phiếu lý lịch tư pháp số 1
Lệ phí: 200.000 đồng
Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 24/11/2025
Ngày hẹn trả kết quả: 27/11/2025`;

const SHOP_RECEIPT = `CỬA HÀNG TẠP HÓA MINH AN
ĐC: 45 Lê Lợi, Q.1 - ĐT: 028 3829 1234
HÓA ĐƠN BÁN LẺ  Số: 000123
Ngày: 24/11/2025 18:02
Gạo ST25 5kg   1   185.000
Dầu ăn 1L      2    90.000
Thành tiền:         275.000
Tổng cộng:          275.000đ
Cảm ơn quý khách! Hotline 1900 1909`;

describe('extractFields: whole documents', () => {
  it('reads an electricity bill: customer code, amounts, the customer phone — not the 1900 hotline', () => {
    expectFields(EVN_BILL, [
      ['evn-customer', 'PB01000123456'],
      ['amount', '702350'],
      ['amount', '56188'],
      ['amount', '758538'],
      ['phone', '0912345678'],
    ]);
  });

  it('reads a CCCD card: the number only, not the dates', () => {
    expectFields(CCCD_CARD, [['cccd', '001058012345']]);
  });

  it('reads a bank transfer slip: accounts and amount, not the transaction references', () => {
    expectFields(BANK_SLIP, [
      ['bank-account', '0071000123456'],
      ['bank-account', '19035678901234'],
      ['amount', '1500000'],
    ]);
  });

  it('reads a dossier receipt: dossier code, CCCD, phone, fee', () => {
    expectFields(DOSSIER_RECEIPT, [
      ['dossier-code', '000.00.12.H29-251124-0005'],
      ['cccd', '001058012345'],
      ['phone', '0912345678'],
      ['amount', '200000'],
    ]);
  });

  it('reads a shop receipt: labelled landline and the total once; unlabelled line prices are left out', () => {
    expectFields(SHOP_RECEIPT, [
      ['phone', '02838291234'],
      ['amount', '275000'],
    ]);
  });

  it('gives the same result for decomposed (NFD) text', () => {
    expect(extractFields(DOSSIER_RECEIPT.normalize('NFD'))).toEqual(extractFields(DOSSIER_RECEIPT));
  });
});

const NOTHING: string[] = [
  // plain prose
  '',
  'Người dân mang theo CCCD gắn chip và sổ hộ khẩu đến Bộ phận một cửa.',
  'Làm đến bước 3, thử 2 lần. Năm 2025 có 12 tháng, phòng 203.',
  'Ông Nguyễn Văn An, sinh năm 1958, nộp hồ sơ ngày 15 đến ngày 20.',
  'Quyết định số 1234/QĐ-UBND ngày 12/03/2025',
  'Giảm 50% cho 2 người, nhà 123 Đ. Lê Lợi',
  'Phòng 1000g bột, people 12345678901 pe',
  // dates and times
  'Ngày sinh: 12/03/1958',
  '2025-11-24, 24.11.2025, 24-11-2025 lúc 10:15:30',
  'Số tiền: 24/11/2025',
  // hotlines
  'Tổng đài 1900 1909 hoặc 1800 1091',
  'Điện thoại: 19006769, hotline 1900.1234, 18001096',
  // wrong lengths for a CCCD
  '00105801234',
  '0010580123456',
  '001 234 567 890 12',
  // invalid mobile prefixes, landlines without a label
  '0123456789',
  'Điện thoại: 0123456789',
  '0951234567 0111222333 0201234567',
  '024 3825 1234',
  // a bad province code or a 4–9 century digit without a label
  '100058012345',
  '001458012345',
  // numbers after the label of something else
  'Mã giao dịch: 079123456789',
  'Mã số thuế: 0901234567',
  'Mã số BHXH: 0912345678',
  // an account label needs 8–19 digits, not a date or an amount
  'STK: 1234567, tk 2 lần',
  'Số tài khoản: 24.11.2025',
  // amounts: a rate, a count, units, a label without a number
  'Đơn giá 1.806 đồng/kWh',
  'Tổng cộng: 350 kWh, tổng cộng: 12 hồ sơ',
  'Số tiền bằng chữ: Một triệu năm trăm nghìn đồng',
  'Tôi đồng ý 12 điều khoản',
  // a dossier code with an impossible date
  'Mã hồ sơ: G22.99-251324-0001',
  // an EVN-like code of the wrong length
  'PE0100012345 và PE010001234567',
];

describe('extractFields: nothing to report', () => {
  it.each(NOTHING)('%j', (input) => {
    expect(extractFields(input)).toEqual([]);
  });
});

describe('extractFields: output', () => {
  it('keeps the order of appearance and reports each (kind, value) once', () => {
    expectFields('Gọi 0987654321 hoặc 0912 345 678; lại 0987.654.321. Tổng tiền 150.000 đ, số tiền 150.000đ', [
      ['phone', '0987654321'],
      ['phone', '0912345678'],
      ['amount', '150000'],
    ]);
  });

  it('never reads a phone inside a CCCD number, nor the CCCD digits as anything else', () => {
    expectFields('CCCD 093201234567 và 0932012345', [
      ['cccd', '093201234567'],
      ['phone', '0932012345'],
    ]);
  });

  it('keeps a letter inside a code and digits inside the CCCD of the same line apart', () => {
    expectFields('Mã KH PE01000123456, CCCD 001058012345, Mã hồ sơ G22.99-251124-0001', [
      ['evn-customer', 'PE01000123456'],
      ['cccd', '001058012345'],
      ['dossier-code', 'G22.99-251124-0001'],
    ]);
  });

  it('repairs look-alike letters only inside numbers, never in words', () => {
    expectFields('Gọi 0912 345 lol', []);
    expectFields('Số lô: SO BIZ, 0912 345 6BZ', [['phone', '0912345682']]);
    expectFields('lo so bi 0O1O58Ol2345', [['cccd', '001058012345']]);
  });
});

describe('formatField', () => {
  it.each([
    ['cccd', '001058012345', '001 058 012 345'],
    ['phone', '0912345678', '0912 345 678'],
    ['phone', '02438251234', '0243 8251 234'],
    ['amount', '1234567', '1.234.567'],
    ['amount', '999', '999'],
    ['bank-account', '0071000123456', '0071 0001 2345 6'],
    ['evn-customer', 'PE01000123456', 'PE01 000 123 456'],
    ['evn-customer', 'PX1234', 'PX1234'],
    ['dossier-code', 'G22.99-251124-0001', 'G22.99-251124-0001'],
  ])('groups a %s value for reading aloud: %s → %s', (kind, value, shown) => {
    expect(formatField(kind, value)).toBe(shown);
  });
});
