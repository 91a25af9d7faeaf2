// The shipped walkthroughs beyond VNeID, end to end, each with the service worker stopped half-way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVN_BILL } from '../../scripts/lib/flows';
import { setup, walkFlow, type Env } from './fixture';

describe('shipped walkthroughs', () => {
  let env: Env;
  beforeAll(async () => {
    env = await setup();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('EVN: look up and pay an electricity bill, surviving a worker stop half-way', async () => {
    const { panel, hosts } = await walkFlow(env, EVN_BILL, { stopWorkerBefore: 4 });
    expect(new Set(hosts)).toEqual(new Set(['evn.example']));
    expect(await panel.recordOutcome()).toMatch(/Hoàn thành/);
    const records = (await panel.logRecords()) as Record<string, unknown>[];
    expect(records.at(-1)).toMatchObject({ walkthroughId: 'thanh-toan-hoa-don-dien', outcome: 'completed', stepsReached: EVN_BILL.steps.length });
    expect(JSON.stringify(records)).not.toContain('PE01000123456');
  });
});
