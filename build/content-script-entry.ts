// The content script's entry, built without WXT's ContentScriptContext. WXT wraps every isolated-world
// content script in an entry that creates that context before calling `main`, and the context, as it is
// created, posts "<extension id>:<name>:wxt:content-script-started" to the page (window.postMessage and a
// document event) and stops when the page dispatches that event: any page could learn the extension is
// there and switch it off. This plugin loads a smaller entry in its place for the content script's build:
// WXT's plugins are initialised and `main` is called with no context (the guide makes its own:
// extension/page-context.ts). Checked after every build by tests/e2e/hostile-page.test.ts.
import type { Plugin } from 'vite';

/** WXT 0.20's id for the wrapper of an isolated-world content script, followed by the entrypoint's path. */
const WXT_ENTRY = '\0virtual:wxt-content-script-isolated-world-entrypoint?';

export function contentScriptEntry(): Plugin {
  return {
    name: 'dan-buoc:content-script-entry',
    enforce: 'pre',
    load(id) {
      if (!id.startsWith(WXT_ENTRY)) return null;
      const entry = JSON.stringify(id.slice(WXT_ENTRY.length));
      return [
        `import definition from ${entry};`,
        `import { initPlugins } from 'virtual:wxt-plugins';`,
        'initPlugins();',
        'export default definition.main();',
      ].join('\n');
    },
  };
}
