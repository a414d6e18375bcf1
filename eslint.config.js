import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Strings from pages are data: nothing may render a string as HTML or run it as code. */
const noHtmlSinks = [
  { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Render text, never HTML (page strings are untrusted).' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render text, never HTML.' },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'Render text, never HTML.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]", message: 'No document.write.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No code from strings.' },
  { selector: "CallExpression[callee.name=/^(setTimeout|setInterval)$/][arguments.0.type='Literal']", message: 'No code from strings.' },
];

/**
 * Layers (docs/architecture.md, "Layers"): each folder of src may import only the folders
 * below it. An import of a folder above, or of another entry, fails the lint.
 */
const DIRS = ['lib', 'domain', 'aliexpress', 'i18n', 'storage', 'messaging', 'platform', 'ui', 'content', 'background', 'popup', 'options', 'main-world'];
const ENTRIES = ['content', 'background', 'popup', 'options', 'main-world'];
const LAYERS = {
  lib: [],
  domain: ['lib'],
  aliexpress: ['lib', 'domain'],
  i18n: ['lib', 'domain'],
  storage: ['lib', 'domain', 'aliexpress', 'i18n', 'messaging', 'platform'],
  messaging: ['lib', 'domain', 'aliexpress', 'i18n', 'storage', 'platform'],
  platform: ['lib', 'domain', 'aliexpress', 'i18n', 'storage', 'messaging'],
  ui: ['lib', 'domain', 'aliexpress', 'i18n', 'storage', 'messaging', 'platform'],
  ...Object.fromEntries(ENTRIES.map((e) => [e, ['lib', 'domain', 'aliexpress', 'i18n', 'storage', 'messaging', 'platform', 'ui']])),
};
/** Browser and UI packages: only plumbing above the domain and the entries may use them. */
const BROWSER_PACKAGES = ['webextension-polyfill', 'preact', 'preact/*'];
const layerRules = Object.entries(LAYERS).map(([dir, allowed]) => {
  const forbidden = DIRS.filter((d) => d !== dir && !allowed.includes(d));
  const pure = dir === 'lib' || dir === 'domain' || dir === 'aliexpress' || dir === 'i18n';
  return {
    files: [`src/${dir}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...(forbidden.length ? [{ regex: `^(\\.\\.?/)+(\\.\\./)*(${forbidden.join('|')})(/|$)`, message: `src/${dir} may import only ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'nothing else in src'} (docs/architecture.md, "Layers").` }] : []),
          ...(pure ? [{ group: BROWSER_PACKAGES, message: `src/${dir} knows nothing of the browser or the UI (docs/architecture.md, "Layers").` }] : []),
        ],
      }],
      ...(pure ? { 'no-restricted-globals': ['error', { name: 'chrome', message: 'No browser API below src/platform.' }, { name: 'browser', message: 'No browser API below src/platform.' }] } : {}),
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-syntax': ['error', ...noHtmlSinks],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  ...layerRules,
  {
    files: ['scripts/**', 'test/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
    rules: { 'no-restricted-syntax': 'off' },
  },
);
