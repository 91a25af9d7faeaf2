// Vietnamese text folding and page patterns.
import { describe, expect, it } from 'vitest';
import { foldText, matchesQuery, textSimilarity } from '../../core/text';
import { matchesPage, pageKey, stripUrl } from '../../core/url-pattern';
import { isOfficialOrigin } from '../../core/origins';

describe('text', () => {
  it('folds case, diacritics in NFC and NFD, đ, whitespace and icons', () => {
    expect(foldText('  Đăng   NHẬP ›')).toBe('dang nhap');
    expect(foldText('Lý lịch'.normalize('NFD'))).toBe(foldText('Lý lịch'.normalize('NFC')));
    expect(textSimilarity('★ Đăng nhập', 'dang nhap')).toBe(1);
  });

  it('scores reworded labels between 0 and 1', () => {
    const s = textSimilarity('Số định danh cá nhân', 'Số định danh');
    expect(s).toBeGreaterThan(0.5);
    expect(s).toBeLessThan(1);
    expect(textSimilarity('Đăng nhập', 'Thanh toán')).toBeLessThan(0.3);
  });

  it('searches without diacritics by word prefixes', () => {
    expect(matchesQuery('Cấp Phiếu lý lịch tư pháp', 'ly lich')).toBe(true);
    expect(matchesQuery('Đăng nhập bằng VNeID', 'dang nh')).toBe(true);
    expect(matchesQuery('Đăng nhập', 'thanh toan')).toBe(false);
  });
});

describe('page patterns', () => {
  it('ignores query and fragment and treats index.html as the folder', () => {
    expect(pageKey('https://a.gov.vn/index.html?x=1#y')).toBe('https://a.gov.vn/');
    expect(matchesPage('https://a.gov.vn/', 'https://a.gov.vn/index.html')).toBe(true);
    expect(matchesPage('https://a.gov.vn/dang-nhap.html', 'https://a.gov.vn/dang-nhap.html?code=abc')).toBe(true);
    expect(matchesPage('https://a.gov.vn/dang-nhap.html', 'https://a.gov.vn/otp.html')).toBe(false);
  });

  it('supports * in the path but never another host', () => {
    expect(matchesPage('https://a.gov.vn/thu-tuc/*', 'https://a.gov.vn/thu-tuc/ly-lich.html')).toBe(true);
    expect(matchesPage('https://a.gov.vn/*', 'https://a.gov.vn.evil.example/')).toBe(false);
    expect(matchesPage('https://a.gov.vn/*', 'https://evil.example/?https://a.gov.vn/')).toBe(false);
  });

  it('strips URLs to origin and path', () => {
    expect(stripUrl('https://a.gov.vn/x?id=001234567890#f')).toBe('https://a.gov.vn/x');
    expect(stripUrl('not a url')).toBe('');
  });
});

describe('official origins', () => {
  it('accepts https *.gov.vn and the listed non-government hosts only', () => {
    expect(isOfficialOrigin('https://dichvucong.gov.vn')).toBe(true);
    expect(isOfficialOrigin('https://dichvucong.hanoi.gov.vn')).toBe(true);
    expect(isOfficialOrigin('https://ebank.example')).toBe(true);
    expect(isOfficialOrigin('http://dichvucong.gov.vn')).toBe(false);
    expect(isOfficialOrigin('https://dichvucong.gov.vn.lua-dao.com')).toBe(false);
    expect(isOfficialOrigin('https://govvn.com')).toBe(false);
  });
});

describe('hand-off links', () => {
  it('reads #dan-buoc=<pack>/<walkthrough> and nothing else', async () => {
    const { parseHandOff, handOffFragment } = await import('../../core/handoff');
    expect(parseHandOff('#dan-buoc=dichvucong/dang-nhap-vneid')).toEqual({ packId: 'dichvucong', walkthroughId: 'dang-nhap-vneid' });
    expect(handOffFragment({ packId: 'evn', walkthroughId: 'x' })).toBe('#dan-buoc=evn/x');
    for (const bad of ['', '#dan-buoc=', '#dan-buoc=a', '#dan-buoc=A/b', '#dan-buoc=a/b/c', '#dan-buoc=a/<script>', '#other=a/b']) {
      expect(parseHandOff(bad)).toBeNull();
    }
  });
});
