// docs/log-format.md is the export contract: its tables must say what the code writes and accepts (the CSV
// header in both languages, the JSON record's fields and which are required, the codes and their words, the
// version).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import { csvHeader, EXPORT_FORMAT, EXPORT_VERSION, RecordSchema, toJson } from '../../core/log-export';
import { AGE_BANDS, REASONS, RECORD_OUTCOMES } from '../../core/log-record';

const doc = readFileSync(path.join(__dirname, '../../docs/log-format.md'), 'utf8');

/** The rows of the Markdown table under a heading (`### Record`), as cells without backticks. */
function table(heading: string): string[][] {
  const at = doc.indexOf(`\n${heading}\n`);
  expect(at, `heading ${heading}`).toBeGreaterThan(-1);
  const lines = doc.slice(at + heading.length + 2).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split('|').map((c) => c.trim().replace(/`/g, '')));
  }
  // Header and separator rows off.
  return rows.slice(2);
}

/** The CSV header's cells as the code writes them (no cell holds a comma or a quote). */
const header = (lang: 'vi' | 'en'): string[] => csvHeader(lang).replace(/^\uFEFF/, '').trimEnd().split(',');

describe('docs/log-format.md', () => {
  it('lists the CSV columns in the order and words the dashboard writes, in both languages', () => {
    const rows = table('## CSV (`dan-buoc-<from>-<to>.csv`)');
    expect(rows.map((r) => Number(r[0]))).toEqual(header('vi').map((_, i) => i + 1));
    expect(rows.map((r) => r[1])).toEqual(header('vi'));
    expect(rows.map((r) => r[2])).toEqual(header('en'));
  });

  it('lists every field of a JSON record the import accepts, with the required ones marked', () => {
    const rows = table('### Record');
    const entries = RecordSchema.entries as Record<string, { type: string }>;
    expect(rows.map((r) => r[0]).sort()).toEqual(Object.keys(entries).sort());
    for (const [field, , required] of rows) {
      expect(required === 'yes', `${field} required`).toBe(entries[field!]!.type !== 'optional');
    }
    // Every JSON field a CSV column comes from exists.
    for (const r of table('## CSV (`dan-buoc-<from>-<to>.csv`)')) {
      for (const f of r[3]!.split('/')) expect(Object.keys(entries), `CSV column ${r[1]}`).toContain(f);
    }
  });

  it('lists the top level the dashboard writes', () => {
    const rows = table('### Top level');
    const written = Object.keys(JSON.parse(toJson([], 0, [{ day: 0, count: 1 }])) as object);
    expect(rows.map((r) => r[0]).sort()).toEqual(written.sort());
    expect(rows.find((r) => r[0] === 'format')![3]).toContain(EXPORT_FORMAT);
  });

  it('lists exactly the codes of outcomes, reasons and age bands, with the words the CSV uses', () => {
    const rows = table('### Codes');
    const codes = (kind: string): string[] => rows.filter((r) => r[0] === kind).map((r) => r[1]!);
    expect(codes('outcome')).toEqual([...RECORD_OUTCOMES]);
    expect(codes('reason')).toEqual([...REASONS]);
    expect(codes('age')).toEqual([...AGE_BANDS, '-']);
    const words = (lang: Record<string, string>, kind: string, c: string): string => (c === '-' ? lang['dashboard.ageNone']! : lang[`${kind}.${c}`]!);
    for (const [kind, c, wordsVi, wordsEn] of rows) {
      expect(wordsVi, `${kind} ${c}`).toBe(words(vi, kind!, c!));
      expect(wordsEn, `${kind} ${c}`).toBe(words(en, kind!, c!));
    }
  });

  it('states the version the code writes', () => {
    expect(doc).toContain(`Format version: **${EXPORT_VERSION}**`);
    expect(doc).toContain(`"version": ${EXPORT_VERSION}`);
  });
});
