// The desk's pack library: install with validation and trust, versions and roll-back, built-in packs never
// overwritten, export that installs again, and the editor's step operations validated before saving.
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../core/pack';
import {
  bumpVersion,
  compareVersions,
  currentPacks,
  deleteStep,
  editWalkthrough,
  emptyLibrary,
  exportPack,
  install,
  insertStep,
  installFile,
  KEPT_VERSIONS,
  localCopy,
  mergeWithNext,
  moveStep,
  onSteps,
  recaptureStep,
  remove,
  rollBack,
  setStepText,
  trust,
  untrustedOrigins,
  updateFile,
} from '../../core/pack-library';
import evn from '../../walkthroughs/evn.json';

const builtIn = evn as unknown as Pack;
const BUILT_IN_IDS = [builtIn.id];

describe('pack library', () => {
  it('installs a local copy, refuses a built-in id and older versions, keeps versions to roll back', () => {
    let lib = emptyLibrary();
    expect(install(lib, builtIn, { builtInIds: BUILT_IN_IDS })).toMatchObject({ ok: false, errors: [{ path: '/id' }] });
    const copy = localCopy(builtIn);
    expect(copy.id).toBe(`${builtIn.id}-ban-sua`);
    let r = install(lib, copy, { builtInIds: BUILT_IN_IDS });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    lib = r.library;
    expect(install(lib, copy)).toMatchObject({ ok: false, errors: [{ path: '/version' }] });
    expect(install(lib, copy, { allowSameOrOlder: true }).ok).toBe(true);
    for (let i = 0; i < KEPT_VERSIONS + 2; i++) {
      const next = structuredClone(currentPacks(lib)[0]!);
      next.version = bumpVersion(next.version);
      r = install(lib, next);
      expect(r.ok).toBe(true);
      if (r.ok) lib = r.library;
    }
    expect(lib.packs[copy.id]).toHaveLength(KEPT_VERSIONS);
    expect(currentPacks(lib)[0]!.version).toBe('1.0.7');
    r = rollBack(lib, copy.id);
    expect(r.ok && r.pack.version).toBe('1.0.6');
    if (r.ok) lib = r.library;
    expect(remove(lib, copy.id).packs).toEqual({});
    expect(rollBack(emptyLibrary(), copy.id).ok).toBe(false);
    expect(compareVersions('1.10.0', '1.2.10')).toBeGreaterThan(0);
  });

  it('refuses a pack for another site until the ward admin trusts its origin; an export installs again', () => {
    const other = localCopy(builtIn);
    other.origins = ['https://phuong-moi.example'];
    for (const w of other.walkthroughs) {
      w.startUrl = 'https://phuong-moi.example/';
      for (const s of w.steps) {
        s.page = 'https://phuong-moi.example/*';
        if (s.advance.kind === 'url') s.advance = { kind: 'manual' };
      }
    }
    expect(install(emptyLibrary(), other)).toMatchObject({ ok: false, errors: [{ path: '/origins/0' }] });
    const trusted = trust(emptyLibrary(), 'https://phuong-moi.example/some/page');
    expect(trusted.trusted).toEqual(['https://phuong-moi.example']);
    expect(() => trust(emptyLibrary(), 'http://x.example')).toThrow();
    const r = install(trusted, other);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const file = exportPack(r.pack);
    expect(install(trusted, JSON.parse(file), { allowSameOrOlder: true })).toMatchObject({ ok: true, pack: r.pack });
    // What the ward admin is asked to trust: the pack's origins that are neither official nor trusted yet.
    expect(untrustedOrigins(emptyLibrary(), { origins: ['https://evn.example', 'https://phuong-moi.example', 'https://phuong-moi.example', 'http://x.example', 'https://a.example/path', 42] })).toEqual([
      'https://phuong-moi.example',
    ]);
    expect(untrustedOrigins(trusted, other)).toEqual([]);
    expect(untrustedOrigins(emptyLibrary(), { origins: 'https://phuong-moi.example' })).toEqual([]);
    expect(untrustedOrigins(emptyLibrary(), null)).toEqual([]);
    expect(install(emptyLibrary(), '{"schema":1')).toMatchObject({ ok: false, errors: [{ path: '/', code: 'pack.json' }] });
  });

  it('edits steps (move, delete, merge, text, re-capture) as new versions that pass parsePack, or says why not', () => {
    const lib = emptyLibrary();
    const pack = localCopy(builtIn);
    const w = pack.walkthroughs[0]!;
    const ids = w.steps.map((s) => s.id);
    const apply = (edit: Parameters<typeof onSteps>[0]): Pack => {
      const r = editWalkthrough(lib, pack, w.id, onSteps(edit));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.pack;
    };
    expect(apply(moveStep(0, 2)).walkthroughs[0]!.steps.map((s) => s.id)).toEqual([ids[1], ids[2], ids[0], ...ids.slice(3)]);
    expect(apply(deleteStep(1)).walkthroughs[0]!.steps.map((s) => s.id)).toEqual([ids[0], ...ids.slice(2)]);
    const merged = apply(mergeWithNext(0)).walkthroughs[0]!.steps;
    expect(merged).toHaveLength(w.steps.length - 1);
    expect(merged[0]!.id).toBe(ids[0]);
    expect(merged[0]!.anchor).toEqual(w.steps[1]!.anchor);
    expect(merged[0]!.advance).toEqual(w.steps[1]!.advance);
    expect(merged[0]!.text.vi).toContain(', rồi ');
    const edited = apply(setStepText(2, { vi: 'Bấm **Thanh toán**.', en: 'Press **Pay**.' }));
    expect(edited.walkthroughs[0]!.steps[2]!.text).toEqual({ vi: 'Bấm **Thanh toán**.', en: 'Press **Pay**.' });
    expect(edited.version).toBe(bumpVersion(pack.version));
    const anchor = { ...w.steps[1]!.anchor!, name: 'Tra cứu ngay', text: 'Tra cứu ngay' };
    expect(apply(recaptureStep(1, { anchor, page: w.steps[1]!.page })).walkthroughs[0]!.steps[1]!.anchor).toEqual(anchor);
    // A new step picked on the page goes after the step it was added from, or first / last.
    const added = { ...w.steps[1]!, id: 'buoc-moi', text: { vi: 'Bấm nút «Tra cứu».' } };
    expect(apply(insertStep(0, added)).walkthroughs[0]!.steps.map((s) => s.id)).toEqual([ids[0], 'buoc-moi', ...ids.slice(1)]);
    expect(apply(insertStep(w.steps.length - 1, added)).walkthroughs[0]!.steps.map((s) => s.id)).toEqual([...ids, 'buoc-moi']);
    expect(apply(insertStep(99, added)).walkthroughs[0]!.steps.at(-1)!.id).toBe('buoc-moi');
    expect(apply(insertStep(-1, added)).walkthroughs[0]!.steps[0]!.id).toBe('buoc-moi');
    // Its id must be free: a duplicate is refused by parsePack.
    expect(editWalkthrough(lib, pack, w.id, onSteps(insertStep(0, { ...added, id: ids[0]! })))).toMatchObject({ ok: false });
    // A text with markup, or a walkthrough with no step left, is refused with the path of the field.
    expect(editWalkthrough(lib, pack, w.id, onSteps(setStepText(0, { vi: '<b>x</b>' })))).toMatchObject({ ok: false, errors: [{ path: `/walkthroughs/0/steps/0/text/vi` }] });
    expect(editWalkthrough(lib, pack, w.id, onSteps(() => []))).toMatchObject({ ok: false, errors: [{ path: '/walkthroughs/0/steps' }] });
    expect(editWalkthrough(lib, pack, 'khong-co', (x) => x)).toMatchObject({ ok: false });
    // The built-in pack itself is untouched by any of it.
    expect(builtIn.walkthroughs[0]!.steps.map((s) => s.id)).toEqual(ids);
  });

  it('remembers the address a pack came from (to check for updates) and forgets it with the pack', () => {
    const copy = localCopy(builtIn);
    const r = install(emptyLibrary(), copy, { source: 'https://phuong.example/goi.json' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.library.sources).toEqual({ [copy.id]: 'https://phuong.example/goi.json' });
    const later = install(r.library, { ...copy, version: '1.0.1' });
    expect(later.ok && later.library.sources).toEqual({ [copy.id]: 'https://phuong.example/goi.json' });
    const gone = remove(r.library, copy.id);
    expect(gone.packs).toEqual({});
    expect(gone.sources).toEqual({});
    expect(install(emptyLibrary(), copy).ok && 'sources' in (install(emptyLibrary(), copy) as { library: object }).library).toBe(false);
  });

  it('installs the text of a file (with the origins the admin trusts) and updates from an address only to a newer version of the same pack', () => {
    const other = localCopy(builtIn);
    other.origins = [...other.origins, 'https://thanhtoan.example'];
    const text = exportPack(other);
    expect(installFile(emptyLibrary(), 'not json')).toMatchObject({ ok: false, errors: [{ path: '/', code: 'pack.json' }] });
    expect(installFile(emptyLibrary(), text)).toMatchObject({ ok: false, untrusted: ['https://thanhtoan.example'] });
    const trusted = installFile(emptyLibrary(), text, { trustOrigins: ['https://thanhtoan.example'], source: 'https://phuong.example/goi.json' });
    expect(trusted.ok).toBe(true);
    if (!trusted.ok) return;
    expect(trusted.library.trusted).toEqual(['https://thanhtoan.example']);
    const lib = trusted.library;
    expect(updateFile(lib, other.id, text)).toEqual({ ok: false, latest: true });
    expect(updateFile(lib, 'khong-co', text)).toMatchObject({ ok: false, errors: [{ path: '/' }] });
    expect(updateFile(lib, other.id, '{')).toMatchObject({ ok: false, errors: [{ path: '/', code: 'pack.json' }] });
    expect(updateFile(lib, other.id, exportPack({ ...other, id: 'goi-khac', version: '2.0.0' }))).toMatchObject({ ok: false, errors: [{ path: '/id' }] });
    const newer = updateFile(lib, other.id, exportPack({ ...other, version: '1.1.0' }));
    expect(newer.ok && newer.library.packs[other.id]!.map((p) => p.version)).toEqual(['1.0.0', '1.1.0']);
    expect(newer.ok && newer.library.sources).toEqual({ [other.id]: 'https://phuong.example/goi.json' });
  });
});
