// The volunteer console: pause hides the guide and resume brings it back; skip moves on and is logged;
// keyboard shortcuts work.
import { describe, expect, it } from 'vitest';
import { VNEID_LOGIN } from '../support/flows';
import { startGuided, useEnv, waitForStep } from './fixture';

describe('volunteer console', () => {
  const ctx = useEnv();

  it('pauses, resumes, skips and follows keyboard shortcuts', async () => {
    const { site, panel } = await startGuided(ctx.env, VNEID_LOGIN);
    await waitForStep(site, 'Bước 1/8');

    await panel.page.bringToFront();
    // The console may still be settling right after the start: press again until it shows it is paused
    // (pause(true) sent twice is harmless: the controller ignores a pause of a paused session).
    for (let attempt = 0; attempt < 3 && !(await panel.page.$('.run-paused')); attempt++) {
      await (await panel.page.waitForSelector('[data-testid="pause"]'))!.click();
      await panel.page.waitForSelector('.run-paused', { timeout: 3000 }).catch(() => undefined);
    }
    await panel.page.waitForSelector('.run-paused', { timeout: 1000 });
    await site.waitForFunction(() => !document.querySelector('dan-buoc-overlay'), { timeout: 10_000 });
    await (await panel.page.waitForSelector('[data-testid="pause"]'))!.click();
    await panel.page.waitForFunction(() => !document.querySelector('.run-paused'), { timeout: 10_000 });
    await site.bringToFront();
    await waitForStep(site, 'Bước 1/8');

    // Alt+→ in the console: next step (its page is another one, so the card says so).
    await panel.page.bringToFront();
    await panel.page.keyboard.down('Alt');
    await panel.page.keyboard.press('ArrowRight');
    await panel.page.keyboard.up('Alt');
    await panel.page.waitForFunction(() => document.querySelector('[data-testid="panel-step"]')?.textContent === 'Bước 2/8');
    await (await panel.page.waitForSelector('[data-testid="skip"]'))!.click();
    await panel.page.waitForFunction(() => document.querySelector('[data-testid="panel-step"]')?.textContent === 'Bước 3/8');
    await site.bringToFront();
    const state = await waitForStep(site, 'Bước 3/8', { outline: false });
    expect(state.notice).toMatch(/trang khác/);

    // The note shows how it will be saved, then is saved that way: no name, no number.
    await panel.page.bringToFront();
    await (await panel.page.waitForSelector('[data-testid="stop"]'))!.click();
    const preview = await panel.writeNote('Chú Trần Văn Bình, sđt 0987.654.321, quên mật khẩu: Abc@1234');
    expect(preview).toBe('Sẽ lưu là: Chú [TÊN], sđt [SĐT], quên mật khẩu: [BÍ MẬT]');
    await panel.endWith('Dừng giữa chừng');
    const records = (await panel.logRecords()) as { skipped: number[]; outcome: string; note?: string }[];
    expect(records.at(-1)).toMatchObject({ skipped: [1], outcome: 'stopped', note: 'Chú [TÊN], sđt [SĐT], quên mật khẩu: [BÍ MẬT]' });
    for (const secret of ['Trần', 'Bình', '0987', 'Abc@1234']) expect(JSON.stringify(records)).not.toContain(secret);
  });
});
