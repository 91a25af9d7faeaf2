// Lint: recommended JS + TypeScript rules, and the project's own bans (no eval, no HTML from strings).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['preact', 'preact/*', 'wxt', 'wxt/*', '@webext-core/*'], paths: [{ name: 'webextension-polyfill' }] },
      ],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'core/ is browser-API free' }, { name: 'browser', message: 'core/ is browser-API free' }],
    },
  },
);
