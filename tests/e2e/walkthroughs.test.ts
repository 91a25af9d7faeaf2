// The shipped walkthroughs beyond VNeID, end to end, each with the service worker stopped half-way.
import { describe, expect, it } from 'vitest';
import { EBANK_TRANSFER, EVN_BILL } from '../support/flows';
import { useEnv, walkFlow } from './fixture';

describe('shipped walkthroughs', () => {
  const ctx = useEnv();

  it('EVN: look up and pay an electricity bill, surviving a worker stop half-way', async () => {
    const { panel, hosts } = await walkFlow(ctx.env, EVN_BILL, { stopWorkerBefore: 4 });
    expect(new Set(hosts)).toEqual(new Set(['evn.example']));
    expect(await panel.recordOutcome()).toMatch(/Hoàn thành/);
    const records = (await panel.logRecords()) as Record<string, unknown>[];
    expect(records.find((r) => r.walkthroughId === 'thanh-toan-hoa-don-dien')).toMatchObject({ outcome: 'completed', stepsReached: EVN_BILL.steps.length });
    expect(JSON.stringify(records)).not.toContain('PE01000123456');
  });

  it('Internet banking (a single-page app): transfer money, with the worker stopped mid-form', async () => {
    const { panel, hosts } = await walkFlow(ctx.env, EBANK_TRANSFER, { stopWorkerBefore: 6, reloadAfterStop: false, privateTargets: ['password', 'otp'] });
    expect(new Set(hosts)).toEqual(new Set(['ebank.example']));
    expect(await panel.recordOutcome()).toMatch(/Hoàn thành/);
    const records = (await panel.logRecords()) as Record<string, unknown>[];
    expect(records.find((r) => r.walkthroughId === 'chuyen-tien')).toMatchObject({ outcome: 'completed', stepsReached: EBANK_TRANSFER.steps.length });
    const stored = JSON.stringify(records);
    for (const secret of ['nguoithu', 'matkhau-thu', '0011223344', '50000', '123456']) expect(stored).not.toContain(secret);
  });
});
