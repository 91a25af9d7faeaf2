// The scam guard's host lists (bench/scam-hosts, issue 19): each host labelled official, lookalike (with the real
// site it imitates and the rule it tests) or other. Read by `npm run bench:scam` and checked by
// tests/unit/scam.test.ts. tune.json is the detector author's list, tune-2.json a colleague's once held out (both tuned on);
// frozen.json, when present, another colleague's held-out list: measured, never tuned on, its misses never printed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScamReason, Verdict } from '../../core/scam';

export const SCAM_HOSTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/scam-hosts');
/** The lists, in the order they are reported; frozen is held out. */
export const SCAM_LISTS = ['tune', 'tune-2', 'frozen'] as const;
export type ScamListName = (typeof SCAM_LISTS)[number];

export interface LabelledHost {
  host: string;
  label: Verdict;
  /** For a lookalike: the real site it imitates. */
  imitates?: string;
  /** For a lookalike: the rule it tests (a reason code, or another tag the list's author chose). */
  rule?: ScamReason | string;
}

export interface HostList {
  about: string;
  written: string;
  hosts: LabelledHost[];
}

const LABELS: readonly Verdict[] = ['official', 'lookalike', 'other'];

/** A list's problems (empty when well formed). */
export function listProblems(list: unknown): string[] {
  const problems: string[] = [];
  const l = list as Partial<HostList> | null;
  if (!l || typeof l !== 'object') return ['not an object'];
  if (typeof l.about !== 'string' || !l.about) problems.push('no "about"');
  if (typeof l.written !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(l.written)) problems.push('"written" is not a date');
  if (!Array.isArray(l.hosts)) return [...problems, 'no "hosts"'];
  const seen = new Set<string>();
  for (const h of l.hosts as Partial<LabelledHost>[]) {
    if (typeof h.host !== 'string' || !h.host) problems.push(`a host without "host": ${JSON.stringify(h)}`);
    else if (seen.has(h.host)) problems.push(`${h.host} twice`);
    else seen.add(h.host);
    if (!LABELS.includes(h.label as Verdict)) problems.push(`${h.host}: label ${String(h.label)}`);
    if (h.label === 'lookalike' && (typeof h.imitates !== 'string' || typeof h.rule !== 'string')) problems.push(`${h.host}: a lookalike without imitates and rule`);
  }
  return problems;
}

export function readHostList(name: ScamListName): HostList | undefined {
  const file = path.join(SCAM_HOSTS_DIR, `${name}.json`);
  if (!existsSync(file)) return undefined;
  const list: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const problems = listProblems(list);
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  return list as HostList;
}
