// A second minification of the content script, which every official page parses, and of the widget files a
// ward page loads: terser, run over the output of Vite's own minifier (Oxc), takes ≈ 400 B gzip more off the
// content script and ≈ 170–260 B off the widget (three compress passes; safe options only — no `unsafe*`, no
// `pure_getters`, which could drop a read that forces layout). `module` for an ES module file (its top-level
// names are its own; Oxc leaves them long, and its /* @__PURE__ */ notes). Other bundles are left as Vite
// made them.
import { minify } from 'terser';
import type { Plugin } from 'vite';

export function minifyAgain({ module = false } = {}): Plugin {
  return {
    name: 'dan-buoc:minify-again',
    apply: 'build',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const out = await minify(chunk.code, { ecma: 2020, module, compress: { passes: 3 }, mangle: true, format: { comments: false } });
        if (out.code) chunk.code = out.code;
      }
    },
  };
}
