// The MV3 service worker is stopped mid-walkthrough (CDP); after the next page load the guide is back on
// the right step, because the session lives in the extension's private store (its IndexedDB), not in the
// worker's memory.
import { describe, expect, it } from 'vitest';
import { actOnOutlined, VNEID_LOGIN } from '../support/flows';
import { expectOutlines, startGuided, stopWorker, targetBox, useEnv, waitForStep, workerRunning } from './fixture';

describe('service worker restart', () => {
  const ctx = useEnv();

  it('resumes on the right step after the worker is stopped and the page reloads', async () => {
    const { site, panel } = await startGuided(ctx.env, VNEID_LOGIN);
    const total = VNEID_LOGIN.steps.length;
    for (let i = 0; i < 3; i++) {
      const state = await waitForStep(site, `Bước ${i + 1}/${total}`);
      await actOnOutlined(site, VNEID_LOGIN.steps[i]!, state.outline!);
    }
    await waitForStep(site, `Bước 4/${total}`);

    await stopWorker(ctx.env, panel);

    await site.reload({ waitUntil: 'load' });
    const resumed = await waitForStep(site, `Bước 4/${total}`);
    expect(resumed.privateNote).toBe('Tự nhập mật khẩu, không đọc to.');
    expectOutlines(resumed.outline, await targetBox(site, 'password'));
    expect(await workerRunning(ctx.env.browser), 'the page load woke the worker').toBe(true);

    // And the walkthrough goes on from there.
    await actOnOutlined(site, VNEID_LOGIN.steps[3]!, resumed.outline!);
    const next = await waitForStep(site, `Bước 5/${total}`);
    expectOutlines(next.outline, await targetBox(site, 'captcha-input'));
  });
});
