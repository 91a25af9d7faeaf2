// core/links.ts linksIn: the links and hosts in an SMS or a chat message, as a volunteer pastes it.
import { describe, expect, it } from 'vitest';
import { LINKS_MAX, linksIn, officialEntryOf } from '../../core/links';

const hosts = (text: string): string[] => linksIn(text).map((l) => l.host);

describe('19 linksIn', () => {
  it('19 finds https://, www. and bare hosts in a whole Vietnamese SMS, the sentence punctuation left out', () => {
    const sms =
      '[BCA] Thông báo: tài khoản định danh của ông/bà sắp bị khoá. Vui lòng cập nhật tại https://dichvucong-gov.vn.xyz/xac-thuc?ma=84912. ' +
      'Hoặc truy cập www.vneid-capnhat.com, hay dichvucong.cvgov.com/abc trước 17h ngày 05/12!';
    expect(linksIn(sms)).toEqual([
      { text: 'https://dichvucong-gov.vn.xyz/xac-thuc?ma=84912', host: 'dichvucong-gov.vn.xyz' },
      { text: 'www.vneid-capnhat.com', host: 'www.vneid-capnhat.com' },
      { text: 'dichvucong.cvgov.com/abc', host: 'dichvucong.cvgov.com' },
    ]);
  });

  it('19 a bare host with a path, a port, upper case, and punctuation around it', () => {
    expect(linksIn('Vào dichvucong-gov.vn.xyz/abc để nhận hỗ trợ')).toEqual([{ text: 'dichvucong-gov.vn.xyz/abc', host: 'dichvucong-gov.vn.xyz' }]);
    expect(hosts('(xem DichVuCong.gov.vn).')).toEqual(['dichvucong.gov.vn']);
    expect(hosts('Link: "vietcombank-hotro.com"…')).toEqual(['vietcombank-hotro.com']);
    expect(hosts('«evn-thanhtoan.net:8443/tra-cuu»')).toEqual(['evn-thanhtoan.net']);
    expect(hosts('Trang thật là dichvucong.gov.vn; trang giả là dichvucong.gov.vn.abc.com?')).toEqual(['dichvucong.gov.vn', 'dichvucong.gov.vn.abc.com']);
    expect(hosts('truy cập:bidv.com.vn')).toEqual(['bidv.com.vn']);
  });

  it('19 one entry per host, in the order they appear', () => {
    expect(hosts('https://vcb-hotro.top/a https://vcb-hotro.top/b vcb-hotro.top bidv.vn')).toEqual(['vcb-hotro.top', 'bidv.vn']);
    const many = Array.from({ length: LINKS_MAX + 5 }, (_, i) => `trang${i}.com`).join(' ');
    expect(linksIn(many)).toHaveLength(LINKS_MAX);
  });

  it('19 the host behind a user name ("https://dichvucong.gov.vn@…") is the one a browser would open', () => {
    expect(hosts('Bấm https://dichvucong.gov.vn@lua-dao.example.com/dang-nhap')).toEqual(['lua-dao.example.com']);
  });

  it('19 homoglyph and punycode hosts are found, as punycode; full-width dots count as dots', () => {
    // A Cyrillic "а" in vietcombаnk.
    expect(linksIn('Xác nhận giao dịch tại vietcomb\u0430nk.com ngay')).toEqual([{ text: 'vietcomb\u0430nk.com', host: 'xn--vietcombnk-6qi.com' }]);
    expect(hosts('https://xn--vietcombnk-6qi.com/login')).toEqual(['xn--vietcombnk-6qi.com']);
    expect(hosts('vào dichvucong\u3002gov\u3002vn\u3002abc\u3002com')).toEqual(['dichvucong.gov.vn.abc.com']);
  });

  it('19 a scheme makes any host a link, an IP address too', () => {
    expect(hosts('Nhập OTP tại http://103.77.1.20/vneid')).toEqual(['103.77.1.20']);
  });

  it('19 e-mails, amounts, dates, abbreviations and file names are no links', () => {
    for (const text of [
      'Liên hệ nguoi.thu@vidu.vn để được hỗ trợ',
      'Số tiền 1.000.000 đồng, phí 2.500đ',
      'Ngày 05.12.2026, lúc 9.30',
      'UBND TP.HCM, Q.1, P.Bến Nghé, v.v.',
      'Đã nhận.Sau đó gọi lại',
      'Gửi ảnh giay-to.pdf và hoso.docx',
      'Ông Nguyễn Văn A, CCCD 001234567890, sđt 0912.345.678',
      '',
    ])
      expect(linksIn(text), text).toEqual([]);
  });
});

describe('19 officialEntryOf', () => {
  it('19 names the organisation of an official host or registrable domain, and none for others', () => {
    expect(officialEntryOf('dichvucong.gov.vn')?.name).toBe('Cổng Dịch vụ công Quốc gia');
    expect(officialEntryOf('abc.dichvucong.gov.vn')?.name).toBe('Cổng Dịch vụ công Quốc gia');
    expect(officialEntryOf('vneid.gov.vn')?.name).toBe('VNeID');
    expect(officialEntryOf('portal.vietcombank.com.vn')?.name).toBe('Vietcombank');
    expect(officialEntryOf('hanoi.gov.vn')).toBeUndefined();
    expect(officialEntryOf('vietcombank-hotro.com')).toBeUndefined();
    expect(officialEntryOf('vnexpress.net')).toBeUndefined();
  });
});
