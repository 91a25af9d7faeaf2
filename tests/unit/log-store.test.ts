// The assistance log store: migrations keep every record, rollups give the same figures as the records,
// writes are whole or absent, retention purges, imports are validated and merged without duplicates.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { IMPORT_CLOCK_SKEW_MS, toCsv, toJson, parseExport } from '../../core/log-export';
import { AGE_BANDS, REASONS, type AssistRecord } from '../../core/log-record';
import { createLogStore, LOG_DB_VERSION, LogStoreError, retentionCutoff } from '../../core/log-store';
import { recordMatches, summarizeRecords, type SummaryFilter } from '../../core/log-summary';
import { mulberry32 } from '../support/random';

const HOUR = 3_600_000;
let dbCounter = 0;
/** A CSV export's text, byte-order mark kept. */
const text = (csv: { bytes: Uint8Array }): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
const freshName = (): string => `test-logs-${++dbCounter}-${Math.random().toString(36).slice(2)}`;

/** Deterministic synthetic records over `days` days before `end`. */
function records(n: number, end = Date.UTC(2026, 10, 20), days = 120, seed = 7): AssistRecord[] {
  const rnd = mulberry32(seed);
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
    expect(await store.addMany(data.slice(50))).toEqual({ added: 550, duplicates: 0, future: 0, expired: 0 });
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
    expect(await store.addMany(data)).toEqual({ added: 0, duplicates: 20, future: 0, expired: 0 });
    expect(await store.summary()).toEqual(before);
    expect(await store.count()).toBe(20);
    store.close();
  });

  it('upgrades a version-1 database to the current version keeping every record, and builds its rollups', async () => {
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
    // The export of the cut-off's month keeps its lines from the cut-off day on.
    const byStart = (a: AssistRecord, b: AssistRecord): number => a.startHour - b.startHour || (a.id < b.id ? -1 : 1);
    const label = (kind: string, code: string): string => `${kind}:${code}`;
    expect(text(await store.csv({}, 'vi', label))).toBe(toCsv([...young].sort(byStart), 'vi', label));
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

  it('20 remove() takes one record back out ("Hoàn tác"): of today, and of a sealed day, whose rollups and export lines are summed again', async () => {
    let clock = new Date(2026, 10, 20, 9).getTime();
    const store = await createLogStore({ name: freshName(), now: () => clock });
    const past = records(200, new Date(2026, 10, 20).getTime(), 40, 21);
    await store.addMany(past);
    const today = records(10, clock, 0.3, 22);
    for (const r of today) await store.add(r);
    const every = [...past, ...today];
    const label = (kind: string, code: string): string => `${kind}:${code}`;
    const filters: SummaryFilter[] = [{}, { walkthrough: past[0]!.packId + '/' + past[0]!.walkthroughId }, { from: new Date(2026, 10, 1).getTime() }];
    const check = async (): Promise<void> => {
      expect(await store.count()).toBe(every.length);
      for (const f of filters) {
        expect(await store.summary(f)).toEqual(summarizeRecords(every, f));
        const expected = every.filter((r) => recordMatches(r, f)).sort((a, b) => a.startHour - b.startHour || (a.id < b.id ? -1 : 1));
        expect(text(await store.csv(f, 'vi', label))).toBe(toCsv(expected, 'vi', label));
      }
    };
    // A record of today (not sealed): gone from the records and every figure.
    expect(await store.remove(today[3]!.id)).toBe(true);
    every.splice(every.indexOf(today[3]!), 1);
    await check();
    // Records of sealed days (the summaries sealed them): the first, the only one of its day and walkthrough,
    // and one among others.
    const byDay = new Map<string, AssistRecord[]>();
    for (const r of past) {
      const k = `${new Date(r.startHour).toDateString()}|${r.walkthroughId}`;
      byDay.set(k, [...(byDay.get(k) ?? []), r]);
    }
    const alone = [...byDay.values()].find((l) => l.length === 1)![0]!;
    const among = [...byDay.values()].find((l) => l.length > 2)![1]!;
    for (const r of [alone, among, past[0]!]) {
      expect(await store.remove(r.id)).toBe(true);
      every.splice(every.indexOf(r), 1);
      await check();
    }
    // Not there (any more): false, nothing changes.
    expect(await store.remove(alone.id)).toBe(false);
    expect(await store.remove('no-such-record')).toBe(false);
    clock = new Date(2026, 10, 21, 8).getTime();
    await check();
    store.close();
  });

  it('today is summed from the records; once the day is over it is sealed, with the same figures and exports', async () => {
    let clock = new Date(2026, 10, 20, 9).getTime();
    const name = freshName();
    const store = await createLogStore({ name, now: () => clock });
    const past = records(300, new Date(2026, 10, 20).getTime(), 60, 11);
    await store.addMany(past);
    // Sessions of today, as the console ends them; one crossed midnight (it started yesterday).
    const today = records(30, clock, 0.3, 12);
    for (const r of today) expect(await store.add(r)).toBe(true);
    const lateYesterday = { ...records(1, new Date(2026, 10, 19, 23).getTime(), 0.01, 13)[0]!, id: 'late-yesterday' };
    expect(await store.add(lateYesterday)).toBe(true);
    const every = [...past, ...today, lateYesterday];
    const filters: SummaryFilter[] = [
      {},
      { from: new Date(2026, 10, 20).getTime() },
      { from: new Date(2026, 9, 14).getTime(), to: new Date(2026, 10, 21).getTime() },
      { walkthrough: 'evn/thanh-toan-hoa-don-dien', ageBand: '-' },
      { outcome: 'completed', to: new Date(2026, 10, 20, 15).getTime() },
    ];
    const label = (kind: string, code: string): string => `${kind}:${code}`;
    const check = async (): Promise<void> => {
      for (const f of filters) {
        expect(await store.summary(f)).toEqual(summarizeRecords(every, f));
        const expected = every.filter((r) => recordMatches(r, f)).sort((a, b) => a.startHour - b.startHour || (a.id < b.id ? -1 : 1));
        const csv = await store.csv(f, 'vi', label);
        expect(text(csv)).toBe(toCsv(expected, 'vi', label));
        expect(csv.rows).toBe(expected.length);
      }
    };
    await check();
    // The next morning: the first summary seals yesterday; a record of two days ago arrives late (the browser
    // was closed mid-session), and another desk's import brings more of both.
    clock = new Date(2026, 10, 21, 8).getTime();
    await check();
    const late = { ...today[0]!, id: 'late-two-days', startHour: new Date(2026, 10, 19, 10).getTime() };
    expect(await store.add(late)).toBe(true);
    every.push(late);
    const other = records(40, new Date(2026, 10, 21, 8).getTime(), 3, 14);
    expect(await store.addMany(other)).toEqual({ added: 40, duplicates: 0, future: 0, expired: 0 });
    every.push(...other);
    await check();
    // A clock set back a day by hand changes no figure.
    clock = new Date(2026, 10, 20, 12).getTime();
    await check();
    store.close();
    // Another connection (the dashboard after the background wrote) sees the same.
    const again = await createLogStore({ name, now: () => clock });
    expect(await again.summary()).toEqual(summarizeRecords(every));
    expect(await again.all()).toHaveLength(every.length);
    again.close();
  });

  it('upgrades a version-2 database to version 3 keeping every record, figure and export line', async () => {
    const name = freshName();
    const now = new Date(2026, 10, 20, 14).getTime();
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('startHour', 'startHour');
      },
    });
    // Some of them today: version 3 sums today from the records.
    const data = [...records(200, now, 90, 21), ...records(12, now, 0.2, 22)];
    for (const r of data) await v1.put('sessions', r);
    v1.close();
    // Version 2 as it shipped (its own migration builds its rollups and chunks).
    (await createLogStore({ name, version: 2, now: () => now })).close();
    const v2 = await openDB(name, 2);
    expect([...v2.objectStoreNames].sort()).toEqual(['chunks', 'months', 'rollups', 'sessions']);
    expect(await v2.count('rollups')).toBeGreaterThan(0);
    v2.close();

    const store = await createLogStore({ name, version: 3, now: () => now });
    expect(await store.all()).toEqual([...data].sort((a, b) => a.startHour - b.startHour || (a.id < b.id ? -1 : 1)));
    for (const f of [{}, { from: new Date(2026, 9, 1).getTime(), to: new Date(2026, 10, 1).getTime() }, { from: new Date(2026, 10, 20).getTime() }]) {
      expect(await store.summary(f)).toEqual(summarizeRecords(data, f));
    }
    const label = (kind: string, code: string): string => `${kind}:${code}`;
    const sorted = [...data].sort((a, b) => a.startHour - b.startHour || (a.id < b.id ? -1 : 1));
    expect(text(await store.csv({}, 'en', label))).toBe(toCsv(sorted, 'en', label));
    store.close();
    const v3 = await openDB(name, 3);
    expect([...v3.objectStoreNames].sort()).toEqual(['meta', 'months', 'packIndex', 'packs', 'rollups', 'sessions']);
    v3.close();
  });

  it('19 upgrades a version-3 database to version 4 keeping every record, figure and export line, with no scam warnings counted yet', async () => {
    const name = freshName();
    const now = new Date(2026, 10, 20, 14).getTime();
    const data = [...records(150, now, 60, 31), ...records(5, now, 0.2, 32)];
    // Version 3 as it shipped, holding records of sealed days and of today.
    const v3 = await createLogStore({ name, version: 3, now: () => now });
    await v3.addMany(data);
    v3.close();
    const raw3 = await openDB(name, 3);
    expect([...raw3.objectStoreNames]).not.toContain('warnings');
    raw3.close();

    const store = await createLogStore({ name, now: () => now });
    expect(LOG_DB_VERSION).toBe(4);
    const sorted = [...data].sort((a, b) => a.startHour - b.startHour || (a.id < b.id ? -1 : 1));
    expect(await store.all()).toEqual(sorted);
    expect(await store.summary()).toEqual(summarizeRecords(data, {}));
    const label = (kind: string, code: string): string => `${kind}:${code}`;
    expect(text(await store.csv({}, 'vi', label))).toBe(toCsv(sorted, 'vi', label));
    expect(await store.warnings()).toBe(0);
    // Counted per day: two today, one three days ago; a period counts the days it covers.
    await store.countWarning(now);
    await store.countWarning(now + HOUR);
    await store.countWarning(now - 3 * 24 * HOUR);
    expect(await store.warnings()).toBe(3);
    expect(await store.warnings({ from: new Date(2026, 10, 20).getTime() })).toBe(2);
    expect(await store.warnings({ from: new Date(2026, 10, 1).getTime(), to: new Date(2026, 10, 20).getTime() })).toBe(1);
    // Nothing but a day and a number.
    const days = await store.warningDays();
    expect(days).toEqual([
      { day: new Date(2026, 10, 17).getTime(), count: 1 },
      { day: new Date(2026, 10, 20).getTime(), count: 2 },
    ]);
    // The counts go with retention, like the records.
    await store.purgeBefore(new Date(2026, 10, 19).getTime());
    expect(await store.warningDays()).toEqual([{ day: new Date(2026, 10, 20).getTime(), count: 2 }]);
    store.close();
  });

  it('maintain() after a write purges past the retention once, and records an import older than that go too', async () => {
    const clock = new Date(2026, 10, 20, 9).getTime();
    const store = await createLogStore({ name: freshName(), now: () => clock });
    const data = records(200, clock, 500, 31);
    await store.addMany(data);
    const cutoff = retentionCutoff(clock, 12);
    const young = (rs: AssistRecord[]): AssistRecord[] => rs.filter((r) => r.startHour >= new Date(cutoff).setHours(0, 0, 0, 0));
    const removed = await store.maintain(cutoff);
    expect(removed).toBe(data.length - young(data).length);
    expect(removed).toBeGreaterThan(0);
    expect(await store.maintain(cutoff)).toBe(0);
    const old = records(10, cutoff - 5 * 24 * HOUR, 3, 32);
    await store.addMany(old);
    expect(await store.maintain(cutoff)).toBe(10);
    expect(await store.summary()).toEqual(summarizeRecords(young(data)));
    expect(await store.count()).toBe(young(data).length);
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
    const csv = toCsv([{ ...a!, note: '=HYPERLINK("x") chú ý, "trích dẫn"', volunteer: 'Tình nguyện viên Hồng' }, { ...b!, note: 'a\u0001b\u0000c' }], 'vi', label);
    expect(csv.startsWith('\uFEFFMã phiên,Hướng dẫn,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two records, the final empty line
    expect(lines[3]).toBe('');
    expect(lines[1]).toContain('Tình nguyện viên Hồng');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") chú ý, ""trích dẫn"""`);
    expect(lines[1]).toContain(`outcome:${a!.outcome}`);
    // Control characters are dropped (they mean nothing in a cell), so a note cannot forge a label.
    expect(lines[2]!.endsWith(',abc')).toBe(true);
    expect(csv.includes('\u0000') || csv.includes('\u0001')).toBe(false);
  });

  it('JSON export round-trips through parseExport', () => {
    const data = records(30);
    const parsed = parseExport(toJson(data, Date.UTC(2026, 10, 25)));
    expect(parsed).toEqual({ ok: true, records: data });
  });

  it('19 the daily scam warning counts go out with the JSON export and come back in; an import takes the larger count of a day, so the same file twice changes nothing', async () => {
    const at = new Date(2026, 10, 25, 9).getTime();
    const day = (d: number): number => new Date(2026, 10, d).getTime();
    const file = toJson(records(3, at, 5, 51), at, [
      { day: day(20), count: 4 },
      { day: day(24), count: 1 },
    ]);
    expect(JSON.parse(file).scamWarnings).toEqual([
      { day: day(20), count: 4 },
      { day: day(24), count: 1 },
    ]);
    const parsed = parseExport(file);
    expect(parsed).toMatchObject({ ok: true, scamWarnings: [{ day: day(20), count: 4 }, { day: day(24), count: 1 }] });
    const store = await createLogStore({ name: freshName(), now: () => at });
    await store.countWarning(day(24) + 5 * HOUR);
    await store.countWarning(day(24) + 6 * HOUR);
    if (!parsed.ok) return;
    await store.addWarningDays(parsed.scamWarnings!);
    await store.addWarningDays(parsed.scamWarnings!);
    expect(await store.warningDays()).toEqual([
      { day: day(20), count: 4 },
      { day: day(24), count: 2 },
    ]);
    store.close();
    // An export without them (before issue 19) is still taken; a count with anything else, or a bad number, is refused.
    expect(parseExport(toJson(records(2, at, 5, 52), at))).toMatchObject({ ok: true });
    expect(parseExport(toJson(records(2, at, 5, 52), at))).not.toHaveProperty('scamWarnings');
    const bad = (warnings: unknown): unknown => parseExport(JSON.stringify({ format: 'dan-buoc-logs', version: 2, exportedAt: '', records: [], scamWarnings: warnings }));
    expect(bad([{ day: day(20), count: 1, host: 'dichvucong-gov.vn.xyz' }])).toMatchObject({ ok: false, errors: [{ path: '/scamWarnings/0/host' }] });
    expect(bad([{ day: day(20), count: -1 }])).toMatchObject({ ok: false, errors: [{ path: '/scamWarnings/0/count' }] });
    expect(bad([{ day: 'today', count: 1 }])).toMatchObject({ ok: false, errors: [{ path: '/scamWarnings/0/day' }] });
    expect(bad({ day: day(20), count: 1 })).toMatchObject({ ok: false, errors: [{ path: '/scamWarnings' }] });
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
        { path: '/records/3/startHour', code: 'log.hour' },
        expect.objectContaining({ path: '/records/1/name' }),
      ]),
    );
    expect(parseExport('{oops')).toEqual({ ok: false, errors: [{ path: '', code: 'log.json' }] });
    expect(parseExport('{"format":"other","version":1,"records":[]}')).toMatchObject({ ok: false, errors: [{ path: '/format' }] });
  });
});

describe('15.6 imports never store what identifies a person', () => {
  const SECRETS = ['Nguyễn', 'Hoa', '0912', '001234567890', 'Lan'];

  it('15.6 an import redacts every note and drops volunteer names before anything is stored', async () => {
    const clock = new Date(2026, 10, 25, 9).getTime();
    const store = await createLogStore({ name: freshName(), now: () => clock });
    const data = records(6, clock, 30, 41);
    // As another desk (or a hand-edited file) might send them: names, numbers and codes in clear.
    data[0]!.note = 'Bà Nguyễn Thị Hoa, SĐT 0912 345 678, CCCD 001234567890, chưa có tài khoản VNeID';
    data[1]!.volunteer = 'Chị Trần Thị Lan';
    data[2]!.note = 'Gọi 0912345678';
    data[2]!.volunteer = 'TNV-03';
    const parsed = parseExport(toJson(data, clock));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(await store.addMany(parsed.records)).toEqual({ added: 6, duplicates: 0, future: 0, expired: 0 });
    const kept = await store.all();
    expect(kept.find((r) => r.id === data[0]!.id)!.note).toBe('Bà [TÊN], SĐT [SĐT], CCCD [CCCD], chưa có tài khoản VNeID');
    expect(kept.find((r) => r.id === data[2]!.id)!.note).toBe('Gọi [SĐT]');
    expect(kept.every((r) => r.volunteer === undefined)).toBe(true);
    const csv = text(await store.csv({}, 'vi', (k, c) => `${k}:${c}`));
    for (const secret of SECRETS) {
      expect(JSON.stringify(kept), secret).not.toContain(secret);
      expect(csv, secret).not.toContain(secret);
    }
    expect(csv).not.toContain('TNV-03');
    store.close();
  });

  it('15.6 a record whose version is free text is refused with its path', () => {
    const data = records(3);
    const bad = JSON.parse(toJson(data, 0)) as { records: Record<string, unknown>[] };
    bad.records[2]!.walkthroughVersion = 'Bà Hoa 0912';
    expect(parseExport(JSON.stringify(bad))).toEqual({ ok: false, errors: [{ path: '/records/2/walkthroughVersion', code: 'log.version' }] });
  });
});

describe('15.7 / 15.8 the log database never waits on another page', () => {
  /** A version-2 database (as that release left it) holding `data`. */
  async function v2Database(name: string, data: AssistRecord[]): Promise<void> {
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('startHour', 'startHour');
      },
    });
    for (const r of data) await v1.put('sessions', r);
    v1.close();
    (await createLogStore({ name, version: 2 })).close();
  }

  it('15.7 opening while another page holds an older version open fails at once (blocked), and the upgrade completes once it lets go', { timeout: 5_000 }, async () => {
    const name = freshName();
    const data = records(30);
    await v2Database(name, data);
    // A page of an older extension version, with no handler for another page's upgrade.
    const old = await openDB(name, 2);
    const err = await createLogStore({ name }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LogStoreError);
    expect((err as LogStoreError).code).toBe('blocked');
    old.close();
    const store = await createLogStore({ name });
    expect(await store.count()).toBe(30);
    expect(await store.summary()).toEqual(summarizeRecords(data));
    store.close();
    // The connection the late upgrade opened was closed: nothing keeps the next version waiting.
    const next = await openDB(name, LOG_DB_VERSION + 1);
    expect(next.version).toBe(LOG_DB_VERSION + 1);
    next.close();
  });

  it('15.8 a store closes its connection when another page needs to upgrade the database (blocking)', { timeout: 5_000 }, async () => {
    const name = freshName();
    await v2Database(name, records(12));
    const older = await createLogStore({ name, version: 2 });
    expect(await older.count()).toBe(12);
    // The background upgrades while a dashboard page still has the older version open.
    const newer = await createLogStore({ name });
    expect(await newer.count()).toBe(12);
    newer.close();
    // The older page's connection is closed: its next operation fails instead of holding anything.
    await expect(older.count()).rejects.toThrow();
  });
});

describe('15.8 records dated in the future do not outlive retention', () => {
  it('15.8 an import refuses records dated in the future and leaves out records past retention, counting both', async () => {
    const clock = new Date(2026, 10, 25, 9, 30).getTime();
    const store = await createLogStore({ name: freshName(), now: () => clock });
    const [a, b, c, d, e] = records(5, clock, 10, 43);
    const hour = Math.floor(clock / HOUR) * HOUR;
    const soon = { ...a!, id: 'rec-skew-ok', startHour: hour + HOUR }; // within the clock-skew allowance
    const later = { ...b!, id: 'rec-future-1', startHour: hour + IMPORT_CLOCK_SKEW_MS + HOUR };
    const farLater = { ...c!, id: 'rec-future-2', startHour: Date.UTC(2099, 0, 1) };
    const cutoff = retentionCutoff(clock, 12);
    const old = { ...d!, id: 'rec-too-old', startHour: Math.floor((cutoff - 3 * 24 * HOUR) / HOUR) * HOUR };
    expect(await store.addMany([soon, later, farLater, old, e!], { retentionCutoff: cutoff })).toEqual({ added: 2, duplicates: 0, future: 2, expired: 1 });
    expect((await store.all()).map((r) => r.id).sort()).toEqual([e!.id, 'rec-skew-ok'].sort());
    store.close();
  });

  it('15.8 the upkeep purges records dated in the future that are already stored', async () => {
    let clock = new Date(2026, 10, 25, 9, 30).getTime();
    const store = await createLogStore({ name: freshName(), now: () => clock });
    const data = records(20, clock, 30, 44);
    await store.addMany(data);
    // Written before imports refused them (or by a desk whose clock ran a year ahead).
    const future = records(3, Date.UTC(2099, 0, 10), 5, 45);
    for (const r of future) await store.add(r);
    expect(await store.count()).toBe(23);
    expect(await store.maintain(retentionCutoff(clock, 12))).toBe(3);
    expect(await store.count()).toBe(20);
    expect(await store.summary()).toEqual(summarizeRecords(data));
    expect(await store.maintain(retentionCutoff(clock, 12))).toBe(0);
    clock += 24 * HOUR;
    expect(await store.maintain(retentionCutoff(clock, 12))).toBe(0);
    store.close();
  });
});
