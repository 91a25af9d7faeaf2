// The console's pack rules (issue 16, out of the side panel's entrypoint): installing from a file or an https
// address, trusting origins, checking for updates, rolling back, removing, editing a built-in pack through the
// desk's local copy, exporting. Failures are data ({ code, path, params }: core/errors.ts), translated by the
// page. Dependencies are injected so the rules are unit-tested without a browser.
import type { DataError } from '../core/errors';
import type { Pack } from '../core/pack';
import { exportPack, install, installFile, localCopy, remove, rollBack, updateFile, type Library } from '../core/pack-library';
import type { FetchFailure } from './fetch-pack';
import type { StoreLike } from './recording-controller';

export type InstallResult = { ok: true; pack: Pack } | { ok: false; errors: DataError[]; untrusted?: string[] };

export interface PacksDeps {
  library: StoreLike<Library> & { watch(onChange: () => void): () => void };
  builtInIds: readonly string[];
  /** The shipped packs, as validated at build time. */
  shipped: readonly Pack[];
  /** Ask for access to origins (the first await of a click); true when granted. */
  requestAccess(origins: string[]): Promise<boolean>;
  /** Origins the extension may not run on yet. */
  missingAccess(origins: string[]): Promise<string[]>;
  fetchPackText(url: string): Promise<{ ok: true; text: string } | FetchFailure>;
  /** Open the editor on a pack's walkthrough. */
  openEditor(packId: string, walkthroughId?: string): Promise<void>;
  download(name: string, type: string, text: string): void;
}

const failure = (e: DataError): { ok: false; errors: DataError[] } => ({ ok: false, errors: [e] });

export function createPacksApi(deps: PacksDeps) {
  const { library } = deps;
  return {
    library: () => library.getValue(),
    watch: (onChange: () => void) => library.watch(() => onChange()),
    install: async (text: string, options: { trust?: string[]; source?: string } = {}): Promise<InstallResult> => {
      // Trusting origins: access to them is asked first (this is the click's first await), then trusted.
      if (options.trust?.length && !(await deps.requestAccess(options.trust))) return failure({ path: '/origins', code: 'library.notAllowed' });
      // Re-installing the same version from a file is allowed (another desk's copy of the same pack).
      const r = installFile(await library.getValue(), text, { builtInIds: deps.builtInIds, allowSameOrOlder: true, trustOrigins: options.trust, source: options.source });
      if (!r.ok) return r;
      await library.setValue(r.library);
      return { ok: true, pack: r.pack };
    },
    fetchPack: async (url: string): Promise<{ ok: true; text: string } | FetchFailure> => {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return { ok: false, error: { path: '/', code: 'fetch.badUrl' } };
      }
      if (u.protocol !== 'https:') return { ok: false, error: { path: '/', code: 'fetch.httpsOnly' } };
      if (!(await deps.requestAccess([u.origin]))) return { ok: false, error: { path: '/', code: 'fetch.notAllowed', params: { origin: u.origin } } };
      return deps.fetchPackText(u.href);
    },
    checkUpdate: async (id: string): Promise<InstallResult | { ok: false; latest: true }> => {
      const source = (await library.getValue()).sources?.[id];
      if (!source) return failure({ path: '/', code: 'library.noSource' });
      const got = await deps.fetchPackText(source);
      if (!got.ok) return failure(got.error);
      const r = updateFile(await library.getValue(), id, got.text, { builtInIds: deps.builtInIds });
      if (!r.ok) return r;
      await library.setValue(r.library);
      return { ok: true, pack: r.pack };
    },
    access: (pack: Pack) => deps.missingAccess(pack.origins),
    grant: (origins: string[]) => deps.requestAccess(origins),
    rollBack: async (id: string): Promise<void> => {
      const r = rollBack(await library.getValue(), id);
      if (r.ok) await library.setValue(r.library);
    },
    remove: async (id: string): Promise<void> => library.setValue(remove(await library.getValue(), id)),
    edit: (packId: string, walkthroughId?: string): void => void deps.openEditor(packId, walkthroughId),
    builtIns: () => deps.shipped.map((p) => ({ id: p.id, title: p.title })),
    editCopy: async (id: string, walkthroughId?: string): Promise<void> => {
      const original = deps.shipped.find((p) => p.id === id);
      if (!original) throw new Error(`no built-in pack ${id}`);
      const copy = localCopy(original);
      const lib = await library.getValue();
      // An existing copy is edited further (its versions kept); a first edit installs the copy.
      if (!lib.packs[copy.id]) {
        const r = install(lib, copy, { builtInIds: deps.builtInIds });
        if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.code}`).join('; '));
        await library.setValue(r.library);
      }
      await deps.openEditor(copy.id, walkthroughId);
    },
    exportFile: (pack: Pack): void => deps.download(`${pack.id}-${pack.version}.json`, 'application/json', exportPack(pack)),
  };
}

export type PacksApiImpl = ReturnType<typeof createPacksApi>;
