// The assistance log store: migrations keep every record, rollups give the same figures as the records,
// writes are whole or absent, retention purges, imports are validated and merged without duplicates.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { toCsv, toJson, parseExport } from '../../core/log-export';
import { AGE_BANDS, REASONS, type AssistRecord } from '../../core/log-record';
import { createLogStore, LogStoreError, retentionCutoff } from '../../core/log-store';
import { recordMatches, summarizeRecords } from '../../core/log-summary';

const HOUR = 3_600_000;
let dbCounter = 0;
const freshName = (): string => `test-logs-${++dbCounter}-${Math.random().toString(36).slice(2)}`;

/** Deterministic synthetic records over `days` days before `end`. */
function records(n: number, end = Date.UTC(2026, 10, 20), days = 120, seed = 7): AssistRecord[] {
  let x = seed;
  const rnd = (): number => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const walks = [
    ['dichvucong', 'dang-nhap-vneid', 8],
    ['dichvucong', 'ly-lich-tu-phap', 29],
    ['evn', 'thanh-toan-hoa-don-dien', 6],
  ] as const;
  const outcomes = ['completed', 'completed', 'completed', 'stopped', 'referred', 'site-error', 'abandoned'] as const;
  return Array.from({ length: n }, (_, i) => {
    const [packId, walkthroughId, total] = walks[Math.floor(rnd() * walks.length)]!;
    const outcome = outcomes[Math.floor(rnd() * outcomes.length)]!;
    const reached = outcome === 'completed' ? total : 1 + Math.floor(rnd() * total);
    const r: AssistRecord = {
      id: `rec-${seed}-${String(i).padStart(6, '0')}`,
      packId,
      walkthroughId,
      walkthroughVersion: '1.0.0',
      startHour: Math.floor((end - rnd() * days * 24 * HOUR) / HOUR) * HOUR,
      durationSec: 60 + Math.floor(rnd() * 1800),
      total,
      stepsReached: reached,
      stepsCompleted: outcome === 'completed' ? total : reached - 1,
      repeats: rnd() < 0.3 ? { [Math.floor(rnd() * reached)]: 1 + Math.floor(rnd() * 3) } : {},
      notFound: rnd() < 0.1 ? [Math.floor(rnd() * reached)] : [],
      skipped: [],
      outcome,
    };
    if (rnd() < 0.7) r.ageBand = AGE_BANDS[Math.floor(rnd() * 3)]!;
    if (outcome !== 'completed' && rnd() < 0.5) r.reason = REASONS[Math.floor(rnd() * REASONS.length)]!;
    return r;
  });
}

describe('log store', () => {
  it('summaries from rollups equal the summaries computed from every record, for any filter', async () => {
    const name = freshName();
    const store = await createLogStore({ name });
    const data = records(600);
    // Written in pieces, as sessions end, and once as an import: the rollups must add up either way.
    for (const r of data.slice(0, 50)) expect(await store.add(r)).toBe(true);
    expect(await store.addMany(data.slice(50))).toEqual({ added: 550, duplicates: 0 });
    const filters = [
      {},
      { from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 10, 1) },
      { walkthrough: 'dichvucong/ly-lich-tu-phap' },
      { outcome: 'stopped' as const, ageBand: '60-plus' as const },
      { ageBand: '-' as const },
    ];
    for (const f of filters) {
      expect(await store.summary(f)).toEqual(summarizeRecords(data, f));
      // Exports read the same records back, in start order, filtered by the same rules.
      const expected = data.filter((r) => recordMatches(r, f)).sort((a, b) => a.startHour - b.startHour || (a.id < b.id ? -1 : 1));
      expect(await store.all(f)).toEqual(expected);
    }
    const all = await store.summary();
    expect(all.total).toBe(600);
    const funnel = all.funnels['evn/thanh-toan-hoa-don-dien']!;
    expect(funnel.total).toBe(6);
    // A drop-off curve: everyone reached step 1, and no step has more sessions than the one before it.
    expect(funnel.reachedAtLeast[0]).toBe(all.byWalkthrough['evn/thanh-toan-hoa-don-dien']);
    for (let i = 1; i < 6; i++) expect(funnel.reachedAtLeast[i]!).toBeLessThanOrEqual(funnel.reachedAtLeast[i - 1]!);
    store.close();
  });

  it('adds a record once: the same id again (another desk’s import, a retried write) changes nothing', async () => {
    const store = await createLogStore({ name: freshName() });
    const data = records(20);
    await store.addMany(data);
    const before = await store.summary();
    expect(await store.add(data[3]!)).toBe(false);
    expect(await store.addMany(data)).toEqual({ added: 0, duplicates: 20 });
    expect(await store.summary()).toEqual(before);
    expect(await store.count()).toBe(20);
    store.close();
  });

  it('upgrades a version-1 database to version 2 keeping every record, and builds its rollups', async () => {
    const name = freshName();
    // A database as version 1 of the extension left it.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('startHour', 'startHour');
      },
    });
    const old = records(120).map(({ ageBand: _a, reason: _r, ...rest }) => rest as AssistRecord);
    for (const r of old) await v1.put('sessions', r);
    v1.close();

    const store = await createLogStore({ name });
    const kept = await store.all();
    expect(kept).toHaveLength(120);
    expect(new Set(kept.map((r) => r.id))).toEqual(new Set(old.map((r) => r.id)));
    expect(kept.find((r) => r.id === old[5]!.id)).toEqual(old[5]);
    expect(await store.summary()).toEqual(summarizeRecords(old));
    store.close();
  });

  it('purges records and rollups past the retention period, and nothing younger', async () => {
    const store = await createLogStore({ name: freshName() });
    const data = records(300, Date.UTC(2026, 10, 20), 500);
    await store.addMany(data);
    const now = Date.UTC(2026, 10, 20, 12);
    const cutoff = retentionCutoff(now, 12);
    const removed = await store.purgeBefore(cutoff);
    const young = data.filter((r) => new Date(r.startHour) >= new Date(new Date(cutoff).setHours(0, 0, 0, 0)));
    expect(removed).toBe(300 - young.length);
    expect(removed).toBeGreaterThan(0);
    expect(await store.count()).toBe(young.length);
    expect(await store.summary()).toEqual(summarizeRecords(young));
    // A period of whole months and edge days reads month and day rollups: the same figures.
    const period = { from: new Date(2026, 2, 17).getTime(), to: new Date(2026, 9, 3).getTime() };
    expect(await store.summary(period)).toEqual(summarizeRecords(young, period));
    // A cut-off on the first of a month keeps that month whole.
    const first = new Date(2026, 5, 1).getTime();
    await store.purgeBefore(first);
    const left = young.filter((r) => r.startHour >= first);
    expect(await store.summary()).toEqual(summarizeRecords(left));
    expect(await store.summary({ from: first })).toEqual(summarizeRecords(left));
    // Purging again (as after every write) finds nothing older and changes nothing.
    expect(await store.purgeBefore(first)).toBe(0);
    expect(await store.summary({ from: first })).toEqual(summarizeRecords(left));
    // Another desk's import lands in a month already sealed for summaries: it is counted.
    const late = records(40, new Date(2026, 6, 28).getTime(), 20, 99);
    await store.addMany(late);
    expect(await store.summary({ from: first })).toEqual(summarizeRecords([...left, ...late]));
    store.close();
  });

  it('a write that fails (storage full) leaves nothing half-written and says why', async () => {
    const store = await createLogStore({ name: freshName() });
    const data = records(10);
    await store.addMany(data.slice(0, 5));
    const before = await store.summary();
    // A record IndexedDB cannot store aborts the whole transaction, like a full disk would.
    const bad = { ...data[5]!, repeats: { 1: () => 1 } as unknown as Record<number, number> };
    const err = await store.addMany([data[6]!, bad, data[7]!]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LogStoreError);
    expect(await store.count()).toBe(5);
    expect(await store.summary()).toEqual(before);
    store.close();
  });
});

describe('exports and imports', () => {
  const label = (kind: string, code: string): string => `${kind}:${code}`;

  it('CSV for Excel: byte-order mark, CRLF, one line per record, Vietnamese intact, no formulas', () => {
    const [a, b] = records(2);
    const csv = toCsv([{ ...a!, note: '=HYPERLINK("x") chú ý, "trích dẫn"', volunteer: 'Tình nguyện viên Hồng' }, b!], 'vi', label);
    expect(csv.startsWith('\uFEFFMã phiên,Hướng dẫn,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two records, the final empty line
    expect(lines[3]).toBe('');
    expect(lines[1]).toContain('Tình nguyện viên Hồng');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") chú ý, ""trích dẫn"""`);
    expect(lines[1]).toContain(`outcome:${a!.outcome}`);
  });

  it('JSON export round-trips through parseExport', () => {
    const data = records(30);
    const parsed = parseExport(toJson(data, Date.UTC(2026, 10, 25)));
    expect(parsed).toEqual({ ok: true, records: data });
  });

  it('refuses a bad import with the path of the bad field, and anything that is not an export', () => {
    const data = records(5);
    const bad = JSON.parse(toJson(data, 0)) as { records: Record<string, unknown>[] };
    bad.records[3]!.startHour = (bad.records[3]!.startHour as number) + 60_000;
    bad.records[1]!.name = 'Nguyễn Văn A';
    const r = parseExport(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { path: '/records/3/startHour', message: 'phải làm tròn đến giờ' },
        expect.objectContaining({ path: '/records/1/name' }),
      ]),
    );
    expect(parseExport('{oops')).toEqual({ ok: false, errors: [{ path: '', message: 'không phải tệp JSON hợp lệ' }] });
    expect(parseExport('{"format":"other","version":1,"records":[]}')).toMatchObject({ ok: false, errors: [{ path: '/format' }] });
  });
});
