// WXT build configuration: manifest, permissions and the Preact/Vite plugin.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { OFFICIAL_MATCH_PATTERNS } from './core/origins';
import { createRequire } from 'node:module';
import path from 'node:path';
import { OCR_DIR, OCR_FILES } from './extension/ocr-files';
import { BACKGROUND_STRINGS, CONTENT_SCRIPT_STRINGS, localeSubset, PICKER_STRINGS, RECORDER_STRINGS } from './build/locale-subset';
import { minifyAgain } from './build/minify-again';

const require = createRequire(import.meta.url);
/** A package's folder; tesseract.js-core is looked up from tesseract.js, whose dependency it is. */
function packageDir(name: string): string {
  const from = name === 'tesseract.js-core' ? [path.dirname(require.resolve('tesseract.js/package.json'))] : undefined;
  return path.dirname(require.resolve(`${name}/package.json`, from ? { paths: from } : undefined));
}

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: [],
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  hooks: {
    // The OCR engine's worker, WebAssembly cores and language data ship inside the extension (never a CDN);
    // they are loaded only when the "Đọc giấy tờ" helper reads an image.
    'build:publicAssets': (_wxt, files) => {
      for (const f of Object.values(OCR_FILES)) {
        files.push({ absoluteSrc: path.join(packageDir(f.package), f.file), relativeDest: `${OCR_DIR}/${f.name}` });
      }
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      // The guide, injected into the session's tab after each page load (extension/guide-injection.ts), carries
      // no strings of its own (its words come from the background) and is minified twice: it is parsed on every
      // page of a guided session.
      const only = entrypoints.length === 1 && entrypoints[0]!.type === 'unlisted-script' ? entrypoints[0]!.name : '';
      if (only === 'guide') config.plugins = [...(config.plugins ?? []), localeSubset('dan-buoc-content-strings', CONTENT_SCRIPT_STRINGS), minifyAgain()];
      // The background translates nothing but the guide's words, which it writes for the content script.
      if (entrypoints.length === 1 && entrypoints[0]!.type === 'background') config.plugins = [...(config.plugins ?? []), localeSubset('dan-buoc-background-strings', BACKGROUND_STRINGS)];
      // The author's scripts, injected into one tab on demand (extension/author-scripts.ts): their bars' strings.
      if (only === 'recorder') config.plugins = [...(config.plugins ?? []), localeSubset('dan-buoc-recorder-strings', RECORDER_STRINGS)];
      if (only === 'picker') config.plugins = [...(config.plugins ?? []), localeSubset('dan-buoc-picker-strings', PICKER_STRINGS)];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Dẫn Bước',
    description: 'Hướng dẫn từng bước trên cổng dịch vụ công, ngân hàng và điện lực — cho tổ công nghệ số cộng đồng.',
    // Only the official origins the shipped packs target; never blanket host access.
    host_permissions: [...OFFICIAL_MATCH_PATTERNS],
    // Other sites are asked for one origin at a time, at run time, when a pack for them is installed (a
    // provincial portal, or an origin the ward admin chose to trust): never granted at install.
    // "webNavigation" only when the ward admin turns on "Cảnh báo trang giả mạo" (issue 19, asked at run time from
    // the console: extension/scam-permission.ts): it lets the background see a tab start loading a lookalike.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'webNavigation'] }
      : { optional_host_permissions: ['https://*/*'], optional_permissions: ['webNavigation'] }),
    // No "tabs" permission: the URLs of other sites' tabs are none of our business. "scripting" injects the guide
    // into the session's tab and the author's tools into the recorded one (no content script is declared);
    // "activeTab" only lets the OCR helper capture the tab
    // the volunteer just invoked the extension on (no install warning).
    permissions: browser === 'firefox' ? ['storage', 'scripting', 'activeTab'] : ['storage', 'sidePanel', 'scripting', 'activeTab'],
    // The OCR engine is WebAssembly: extension pages may compile it, and nothing else changes (no eval, no
    // remote script). Firefox MV2 gets the same policy as a string.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    action: { default_title: 'Dẫn Bước' },
    // The add-on id fixes the moz-extension UUID in tests (extensions.webextensions.uuids). Nothing leaves the
    // device (the logs stay in IndexedDB; an export is a file the volunteer saves): no data collection.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'dan-buoc@ward.example', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
