// Small builders shared by unit tests.
import type { Walkthrough } from '../../core/pack';
import type { Anchor } from '../../core/anchors/index';

const anchor = (name: string): Anchor => ({ v: 1, kind: 'action', tag: 'button', role: 'button', name, path: 'html>body>button', index: 0, count: 1 });

/** A walkthrough over three pages of one site and one of another. */
export function sampleWalkthrough(): Walkthrough {
  return {
    id: 'mau',
    title: { vi: 'Mẫu' },
    category: 'public-service',
    bring: [],
    minutes: 3,
    startUrl: 'https://a.gov.vn/',
    steps: [
      { id: 's0', page: 'https://a.gov.vn/', anchor: anchor('Đăng nhập'), text: { vi: 'Bấm Đăng nhập' }, advance: { kind: 'click' } },
      { id: 's1', page: 'https://a.gov.vn/dang-nhap.html', anchor: anchor('VNeID'), text: { vi: 'Chọn VNeID' }, advance: { kind: 'click' } },
      { id: 's2', page: 'https://sso.b.gov.vn/', anchor: anchor('Số'), text: { vi: 'Nhập số' }, advance: { kind: 'input' } },
      { id: 's3', page: 'https://sso.b.gov.vn/', anchor: anchor('Mật khẩu'), text: { vi: 'Mật khẩu' }, advance: { kind: 'input' }, private: 'password' },
      { id: 's4', page: 'https://sso.b.gov.vn/otp.html', anchor: anchor('OTP'), text: { vi: 'OTP' }, advance: { kind: 'url', page: 'https://a.gov.vn/*' }, private: 'otp' },
      { id: 's5', page: 'https://a.gov.vn/*', text: { vi: 'Xong' }, advance: { kind: 'manual' } },
    ],
  };
}
