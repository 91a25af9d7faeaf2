// Nothing a resident typed ends up in the extension: walk the Phiếu lý lịch tư pháp application typing
// synthetic identifiers, end with a note full of them, then dump every IndexedDB database and every
// extension storage area and look for each value.
import { describe, expect, it } from 'vitest';
import { LLTP_APPLY } from '../support/flows';
import { dumpStores, selectWhenReady, useEnv, walkFlow } from './fixture';

describe('privacy of the logs', () => {
  const ctx = useEnv();

  it('stores none of the identifiers typed into the sites or into the outcome note', async () => {
    const { panel } = await walkFlow(ctx.env, LLTP_APPLY, { privateTargets: ['password', 'otp-1'] });
    await panel.page.bringToFront();
    await panel.page.waitForSelector('[data-testid="outcome-form"]');
    await selectWhenReady(panel.page, '[data-testid="outcome-age"]', '60-plus');
    const preview = await panel.writeNote('Bà Nguyễn Thị Hoa, CCCD 001 234 567 890, sđt 0912345678, email nguoi.thu@vidu.vn, mật khẩu: matkhau-thu');
    expect(preview).not.toMatch(/Nguyễn|001 234|0912345678|vidu\.vn|matkhau-thu/);
    expect(await panel.recordOutcome()).toMatch(/Hoàn thành/);

    const dump = await dumpStores(panel.page);
    const text = JSON.stringify(dump);
    // The dump is real: the record of this session is in it, with the redacted note and the age band.
    expect(text).toContain('"walkthroughId":"ly-lich-tu-phap"');
    expect(text).toContain('[TÊN]');
    expect(text).toContain('"ageBand":"60-plus"');
    const typed = [
      '001234567890', '001 234 567 890', '0912345678', 'nguoi.thu@vidu.vn', 'matkhau-thu', 'So 12 ngo 34', 'bo sung ho so',
      'ly lich tu phap', 'Nguyễn Thị Hoa', 'giay-to.pdf', '1960', 'G22.99', 'dichvucong.gov.vn/nop-ho-so', '?code=',
    ];
    for (const value of typed) expect(text, `"${value}" must not be stored`).not.toContain(value);
  });
});
