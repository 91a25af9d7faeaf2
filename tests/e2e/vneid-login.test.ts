// The VNeID sign-in walkthrough, end to end in Chromium with the built extension, across both domains.
import { describe, expect, it } from 'vitest';
import { VNEID_LOGIN } from '../support/flows';
import { useEnv, walkFlow } from './fixture';

describe('VNeID sign-in walkthrough', () => {
  const ctx = useEnv();

  it('guides a resident from the portal through VNeID and back, outlining exactly the intended control at every step', async () => {
    const { site, panel, hosts } = await walkFlow(ctx.env, VNEID_LOGIN, { privateTargets: ['password', 'otp-1'] });
    expect(new Set(hosts)).toEqual(new Set(['dichvucong.gov.vn', 'sso.dancuquocgia.gov.vn']));
    expect(hosts[0]).toBe('dichvucong.gov.vn');
    expect(hosts.at(-1)).toBe('dichvucong.gov.vn');

    // The resident really is signed in on the stand-in portal.
    await site.waitForFunction(() => document.body.innerText.includes('Đăng xuất'));

    const saved = await panel.recordOutcome();
    expect(saved).toMatch(/Đã ghi kết quả: Hoàn thành/);
    const records = await panel.logRecords();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ walkthroughId: 'dang-nhap-vneid', outcome: 'completed', stepsReached: VNEID_LOGIN.steps.length });
    const stored = JSON.stringify(records);
    for (const secret of ['001234567890', 'matkhau-thu', '123456', 'sso.dancuquocgia.gov.vn', 'Nguyễn']) {
      expect(stored).not.toContain(secret);
    }
    // The overlay is gone once the session has ended.
    await site.bringToFront();
    await site.waitForFunction(() => !document.querySelector('dan-buoc-overlay'));
  });
});
