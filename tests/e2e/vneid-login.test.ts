// The VNeID sign-in walkthrough, end to end in Chromium with the built extension, across both domains.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnOutlined, VNEID_LOGIN } from '../../scripts/lib/flows';
import { clickOverlayButton, expectOutlines, overlaps, setup, startGuided, targetBox, waitForStep, type Env } from './fixture';

describe('VNeID sign-in walkthrough', () => {
  let env: Env;
  beforeAll(async () => {
    env = await setup();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('guides a resident from the portal through VNeID and back, outlining exactly the intended control at every step', async () => {
    const { site, panel } = await startGuided(env, VNEID_LOGIN);

    const total = VNEID_LOGIN.steps.length;
    const hosts: string[] = [];
    for (const [i, step] of VNEID_LOGIN.steps.entries()) {
      const label = `Bước ${i + 1}/${total}`;
      await step.settle?.(site);
      const state = await waitForStep(site, label, { outline: step.target !== null });
      hosts.push(new URL(site.url()).hostname);
      expect(state.text, `${label} has a Vietnamese hint`).toBeTruthy();
      expect(await panel.stepLabel()).toBe(label);
      if (step.target) {
        const control = await targetBox(site, step.target);
        expectOutlines(state.outline, control);
        expect(overlaps(state.bubble!, control), `${label}: the hint card must not cover the control`).toBe(false);
      }
      if (step.target === 'password' || step.target === 'otp-1') {
        expect(state.privateNote, `${label} asks the volunteer to look away`).toMatch(/quay mặt đi/);
      } else {
        expect(state.privateNote).toBeNull();
      }
      if (step.act === 'done') {
        expect(state.text).toMatch(/Đã đăng nhập/);
        await clickOverlayButton(site, 'next');
      } else {
        await actOnOutlined(site, step, state.outline!);
      }
    }
    expect(new Set(hosts)).toEqual(new Set(['dichvucong.gov.vn', 'sso.dancuquocgia.gov.vn']));
    expect(hosts[0]).toBe('dichvucong.gov.vn');
    expect(hosts.at(-1)).toBe('dichvucong.gov.vn');

    // The resident really is signed in on the stand-in portal.
    await site.waitForFunction(() => document.body.innerText.includes('Đăng xuất'));

    const saved = await panel.recordOutcome();
    expect(saved).toMatch(/Đã ghi kết quả: Hoàn thành/);
    const records = await panel.logRecords();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ walkthroughId: 'dang-nhap-vneid', outcome: 'completed', stepsReached: total });
    const stored = JSON.stringify(records);
    for (const secret of ['001234567890', 'matkhau-thu', '123456', 'sso.dancuquocgia.gov.vn', 'Nguyễn']) {
      expect(stored).not.toContain(secret);
    }
    // The overlay is gone once the session has ended.
    await site.bringToFront();
    await site.waitForFunction(() => !document.querySelector('dan-buoc-guide'));
  });
});
