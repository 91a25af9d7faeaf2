// Lint: recommended JS + TypeScript rules, and the project's own bans (no eval, no HTML from strings).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import path (relative, or aliased with @/ or ~/) that goes through one of these top-level folders. */
const LAYER = (names) => `(^|/)(${names})(/|$)`;
const BROWSER_BOUND = ['wxt', 'wxt/*', '@webext-core/*', '#imports', 'webextension-polyfill'];

export default tseslint.config(
  // tests/sites: stand-ins of other people's sites (redesigns), written as those sites would be, not our code.
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', '.tmp/**', 'tests/sites/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text with Preact or textContent; pack text is never HTML.' },
        { property: 'outerHTML', message: 'Render text with Preact or textContent.' },
        { property: 'insertAdjacentHTML', message: 'Render text with Preact or textContent.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Pack text is never HTML.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Dependencies point one way: core ← components ← extension ← entrypoints, and widget ← components.
  // Each layer's block names what it may not import (a relative or aliased path through a higher layer).
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['preact', 'preact/*', 'wxt', 'wxt/*', '@webext-core/*', '#imports'], message: 'core/ is framework- and browser-API free.' },
            { regex: LAYER('components|extension|entrypoints|widget'), message: 'core/ imports only core/.' },
          ],
          paths: [{ name: 'webextension-polyfill' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'core/ is browser-API free' }, { name: 'browser', message: 'core/ is browser-API free' }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: BROWSER_BOUND, message: 'Components are browser-API free: the entrypoint injects what needs the browser.' },
            { regex: LAYER('extension|entrypoints|widget'), message: 'Components import only core/ and components/: shared types live in core/, browser-bound functions are injected by the entrypoint.' },
          ],
        },
      ],
    },
  },
  {
    files: ['extension/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: LAYER('entrypoints|widget'), message: 'extension/ never imports an entrypoint: entrypoints wire extension/, not the other way.' }] },
      ],
    },
  },
  {
    // The widget's own code (not its build config, which reads build/).
    files: ['widget/**/*.{ts,tsx}'],
    ignores: ['widget/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: BROWSER_BOUND, message: 'The widget runs on ordinary web pages: no extension APIs.' },
            { regex: LAYER('extension|entrypoints|scripts|tests'), message: 'The widget imports only components/ and core/.' },
          ],
        },
      ],
    },
  },
);
