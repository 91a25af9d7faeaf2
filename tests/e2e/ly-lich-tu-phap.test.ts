// Cấp Phiếu lý lịch tư pháp: the longest walkthrough, from a signed-out portal through VNeID, a form whose
// ward list loads late, an attachment, the dossier code and the fee, with the service worker stopped mid-form.
import { describe, expect, it } from 'vitest';
import { LLTP_APPLY } from '../support/flows';
import { clickOverlayButton, overlayState, selectWhenReady, startGuided, useEnv, waitForStep, waitInUi, walkFlow } from './fixture';

describe('Cấp Phiếu lý lịch tư pháp walkthrough', () => {
  const ctx = useEnv();

  it('guides search → procedure → VNeID → form → dossier code → fee, surviving a worker stop mid-form', async () => {
    const typed = ['001234567890', '0912345678', 'nguoi.thu@vidu.vn', 'So 12 ngo 34', 'bo sung ho so', 'matkhau-thu', 'giay-to.pdf'];
    const { site, panel, hosts } = await walkFlow(ctx.env, LLTP_APPLY, {
      // Stop the worker on the form, after the ward (a reload would lose what was typed: the next action wakes it).
      stopWorkerBefore: 19,
      reloadAfterStop: false,
      privateTargets: ['password', 'otp-1'],
    });
    expect(new Set(hosts)).toEqual(new Set(['dichvucong.gov.vn', 'sso.dancuquocgia.gov.vn']));
    // The stand-in really recorded the dossier as paid.
    await site.goto('https://dichvucong.gov.vn/ket-qua.html', { waitUntil: 'load' });
    expect(await site.evaluate(() => document.body.innerText)).toMatch(/Đã thanh toán lệ phí/);

    expect(await panel.recordOutcome()).toMatch(/Hoàn thành/);
    const records = (await panel.logRecords()) as Record<string, unknown>[];
    expect(records.find((r) => r.walkthroughId === 'ly-lich-tu-phap')).toMatchObject({ outcome: 'completed', stepsReached: LLTP_APPLY.steps.length });
    const stored = JSON.stringify(records);
    for (const secret of typed) expect(stored).not.toContain(secret);
  });

  it('says to wait while the ward list cannot be used yet, and outlines it once it can', async () => {
    const { site, panel } = await startGuided(ctx.env, LLTP_APPLY);
    // Skip from the console up to the ward step (index 17), then open the form: the resume stays there.
    const wardStep = LLTP_APPLY.steps.findIndex((s) => s.target === 'ward');
    await panel.page.bringToFront();
    for (let i = 0; i < wardStep; i++) {
      await (await panel.page.waitForSelector('[data-testid="skip"]'))!.click();
      await panel.page.waitForFunction((l: string) => document.querySelector('[data-testid="panel-step"]')?.textContent === l, {}, `Bước ${i + 2}/${LLTP_APPLY.steps.length}`);
    }
    await site.bringToFront();
    await site.goto('https://dichvucong.gov.vn/nop-ho-so.html', { waitUntil: 'load' });
    const label = `Bước ${wardStep + 1}/${LLTP_APPLY.steps.length}`;
    await waitInUi(site, 'dan-buoc-overlay', { timeout: 15_000 }, (root) => /Chờ một chút/.test(root?.querySelector('[data-dan-buoc="notice"]')?.textContent ?? ''));
    const waiting = await overlayState(site);
    expect(waiting.step).toBe(label);
    expect(waiting.notice).toMatch(/Phường\/Xã/);
    expect(waiting.outline, 'the disabled list is still shown').not.toBeNull();
    // Choosing a province (by the page's own control) enables the list: the notice goes, the outline stays.
    await selectWhenReady(site, '#province', 'HN');
    const ready = await waitForStep(site, label);
    expect(ready.notice).toBeNull();
    expect(ready.outline).not.toBeNull();
    await clickOverlayButton(site, 'back');
    await waitForStep(site, `Bước ${wardStep}/${LLTP_APPLY.steps.length}`);
    // The console hears of the step from the background a moment after the page: wait for it there too.
    await panel.page.waitForFunction((l: string) => document.querySelector('[data-testid="panel-step"]')?.textContent === l, { timeout: 5000 }, `Bước ${wardStep}/${LLTP_APPLY.steps.length}`).catch(() => undefined);
    expect(await panel.stepLabel()).toBe(`Bước ${wardStep}/${LLTP_APPLY.steps.length}`);
  });
});
