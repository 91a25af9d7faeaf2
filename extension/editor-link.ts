// Links from the dashboard to one step of a walkthrough in the editor (editor.html?pack=…&w=…&step=N, the
// step 1-based: components/editor-step-link.ts scrolls to it). Built-in packs are never edited themselves:
// their link names the desk's copy (core/pack-library.ts `localCopy`), and opening it makes that copy first
// when the desk has none yet, as the console's "Sửa" does. Dependencies injected for unit tests.
import { install, localCopy, type Library } from '../core/pack-library';
import type { Pack } from '../core/pack';
import type { StoreLike } from './recording-controller';

export interface EditorLinkDeps {
  library: StoreLike<Library>;
  builtInIds: readonly string[];
  /** The shipped packs, as validated at build time. */
  shipped: readonly Pack[];
  /** The extension page's address of a path (browser.runtime.getURL). */
  url(path: string): string;
  openTab(url: string): Promise<void>;
}

export function createEditorLinks(deps: EditorLinkDeps) {
  const builtIn = (packId: string): Pack | undefined => deps.shipped.find((p) => p.id === packId);
  const href = (packId: string, walkthroughId: string, step: number): string => {
    const original = builtIn(packId);
    const id = original ? localCopy(original).id : packId;
    return deps.url(`/editor.html?pack=${encodeURIComponent(id)}&w=${encodeURIComponent(walkthroughId)}&step=${step}`);
  };
  return {
    href,
    open: async (packId: string, walkthroughId: string, step: number): Promise<void> => {
      const original = builtIn(packId);
      if (original) {
        const copy = localCopy(original);
        const lib = await deps.library.getValue();
        // An existing copy is opened as it is (its own versions kept); a first one is installed.
        if (!lib.packs[copy.id]) {
          const r = install(lib, copy, { builtInIds: deps.builtInIds });
          if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.code}`).join('; '));
          await deps.library.setValue(r.library);
        }
      }
      await deps.openTab(href(packId, walkthroughId, step));
    },
  };
}
