// Nothing a resident typed ends up in the extension: walk the Phiếu lý lịch tư pháp application typing
// synthetic identifiers, end with a note full of them, paste an SMS full of them into the console's link checker
// (issue 19), then dump every IndexedDB database, every extension storage area and the console's web storage, and
// look for each value (and in what the console logged).
import { describe, expect, it } from 'vitest';
import { LLTP_APPLY } from '../support/flows';
import { clickWhenReady, dumpStores, typeWhenReady, useEnv, walkFlow } from './fixture';

const SMS = 'Chao ba Trần Thị Mai (0987654321), tai khoan VNeID cua ba bi khoa. Xac minh tai https://vneid-xacminh.top/xac-minh-ho-so?otp=7D3K9Q ngay.';

describe('privacy of the logs', () => {
  const ctx = useEnv();

  it('stores none of the identifiers typed into the sites, the outcome note or the link checker', async () => {
    const { panel } = await walkFlow(ctx.env, LLTP_APPLY, { privateTargets: ['password', 'otp-1'] });
    await panel.page.bringToFront();
    await panel.page.waitForSelector('[data-testid="outcome-form"]');
    await clickWhenReady(panel.page, '[data-testid="outcome-age-60-plus"]');
    const preview = await panel.writeNote('Bà Nguyễn Thị Hoa, CCCD 001 234 567 890, sđt 0912345678, email nguoi.thu@vidu.vn, mật khẩu: matkhau-thu');
    expect(preview).not.toMatch(/Nguyễn|001 234|0912345678|vidu\.vn|matkhau-thu/);
    expect(await panel.recordOutcome()).toMatch(/Hoàn thành/);

    // The resident's SMS, checked in the console: its words, its link's path and query are kept nowhere, nor logged.
    const logged: string[] = [];
    panel.page.on('console', (m) => logged.push(m.text()));
    // The console has taken in that the session ended (which closes the checker): then open it.
    await panel.page.waitForFunction(() => !document.querySelector('[data-testid="running"]'), { timeout: 10_000 });
    await clickWhenReady(panel.page, '[data-testid="links-open"]');
    await typeWhenReady(panel.page, '[data-testid="links-text"]', SMS);
    await clickWhenReady(panel.page, '[data-testid="links-check"]');
    await panel.page.waitForSelector('[data-testid="links-item"][data-verdict="lookalike"]');

    const dump = await dumpStores(panel.page);
    const web = await panel.page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));
    const text = JSON.stringify({ dump, web, logged });
    // The dump is real: the record of this session is in it, with the redacted note and the age band.
    expect(text).toContain('"walkthroughId":"ly-lich-tu-phap"');
    expect(text).toContain('[TÊN]');
    expect(text).toContain('"ageBand":"60-plus"');
    const typed = [
      '001234567890', '001 234 567 890', '0912345678', 'nguoi.thu@vidu.vn', 'matkhau-thu', 'So 12 ngo 34', 'bo sung ho so',
      'ly lich tu phap', 'Nguyễn Thị Hoa', 'giay-to.pdf', '1960', 'G22.99', 'dichvucong.gov.vn/nop-ho-so', '?code=',
      // The SMS pasted into the link checker: its host too (nothing about a link checked is kept).
      'Trần Thị Mai', '0987654321', 'xac-minh-ho-so', 'otp=7D3K9Q', '7D3K9Q', 'vneid-xacminh.top', 'tai khoan',
    ];
    for (const value of typed) expect(text, `"${value}" must not be stored`).not.toContain(value);
  });
});
