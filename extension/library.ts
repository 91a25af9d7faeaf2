// The desk's own packs and trust list (core/pack-library.ts) in the extension's private store, where content
// scripts cannot reach them (extension/private-store.ts), and the catalogue of shipped + own packs.
import { createCatalog, type Catalog } from '../core/catalog';
import { currentPacks, emptyLibrary, type Library } from '../core/pack-library';
import { SHIPPED_PACKS } from '../walkthroughs';
import { privateStore } from './private-store';

/** The desk's library; kept in storage.local ('dan-buoc-library') before issue 15.5, moved from there once. */
export const libraryItem = privateStore.defineItem<Library>('library', { fallback: emptyLibrary(), legacyKey: 'dan-buoc-library' });

/** Ids of the built-in packs: the desk's own packs never take them (edits are copies). */
export const BUILT_IN_IDS: readonly string[] = (SHIPPED_PACKS as { id: string }[]).map((p) => p.id);

export function catalogOf(lib: Library): Catalog {
  return createCatalog([...SHIPPED_PACKS, ...currentPacks(lib)], { trustedOrigins: lib.trusted });
}

/** The catalogue as it is now in storage. */
export async function loadCatalog(): Promise<Catalog> {
  return catalogOf(await libraryItem.getValue());
}

/**
 * A catalogue that follows the library: `current` is replaced whenever the library changes. `ready`
 * resolves once the first load is in (a woken service worker awaits it before answering); `refresh` reads
 * the library now (a repair switches the session to a version it has just saved).
 */
export function liveCatalog(): { catalog: Catalog; ready: Promise<void>; refresh: () => Promise<void> } {
  let current = createCatalog(SHIPPED_PACKS);
  const refresh = async (): Promise<void> => {
    current = await loadCatalog();
  };
  libraryItem.watch(() => void refresh());
  const catalog: Catalog = {
    get packs() {
      return current.packs;
    },
    get rejected() {
      return current.rejected;
    },
    find: (packId, walkthroughId) => current.find(packId, walkthroughId),
    list: () => current.list(),
    search: (query) => current.search(query),
  };
  return { catalog, ready: refresh(), refresh };
}
