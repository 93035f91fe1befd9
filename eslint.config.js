// ESLint: the architecture's rules enforced by a tool rather than remembered (README "Architecture").
// Type information comes from the two tsconfigs (Node code and web code); see README on why ESLint's
// TypeScript is 6.0 while `npm run typecheck` runs TypeScript 7.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Each layer is a set of globs. tests/lint-fixtures mirrors the layout so that the fixture test can prove
// every boundary rule fires on a file that sits in that layer (the normal lint run ignores the fixtures).
const layer = {
  main: ['main/**/*.ts', 'tests/lint-fixtures/main/**/*.ts'],
  electronDoor: ['main/electron/**/*.ts', 'tests/lint-fixtures/main/electron/**/*.ts'],
  renderer: ['renderer/**/*.{ts,tsx}', 'tests/lint-fixtures/renderer/**/*.{ts,tsx}'],
  shared: ['shared/**/*.ts', 'tests/lint-fixtures/shared/**/*.ts'],
};

const nodeBuiltins = [...builtinModules.filter((name) => !name.startsWith('_')), ...builtinModules.map((name) => `node:${name}`)];
const nodeOnlyPackages = ['better-sqlite3', 'exceljs', 'iconv-lite', 'papaparse', 'ics'];
const domOnlyPackages = ['react', 'react-dom', 'react-i18next', 'react-router', 'react-chartjs-2', 'chart.js'];
const domOnlyPatterns = ['react-dom/*', '@tanstack/react-*'];

const electron = { name: 'electron', message: 'Only main/electron/ may import electron: the core runs the same under every door.' };
const mainFolder = {
  group: ['**/main', '**/main/**'],
  message: 'The renderer talks to the core only through the api client (renderer/api).',
};
const rendererFolder = {
  group: ['**/renderer', '**/renderer/**'],
  message: 'main/ never imports the renderer: the core runs without a window.',
};
const sharedNeither = {
  group: ['**/main', '**/main/**', '**/renderer', '**/renderer/**'],
  message: 'shared/ is what both sides agree on; it imports neither side.',
};

const noDomInMain = 'main/ is plain Node code: no DOM or React modules.';

/** Exact module names (not gitignore patterns: a pattern `events` would also match `../events/page.js`). */
function named(names, message) {
  return names.map((name) => ({ name, message }));
}

/** no-restricted-imports for one layer; flat config replaces (not merges) a rule's options, so each layer lists all of its own. */
function restrictedImports({ paths = [], patterns = [] }) {
  return ['error', { paths, patterns }];
}

export default defineConfig(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'bench-data/', 'test-results/', 'playwright-report/', 'resources/', 'tests/lint-fixtures/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // TypeScript checks names and redeclarations better than these core rules (and knows DOM/Node globals).
      'no-undef': 'off',
      'no-redeclare': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Files outside both TypeScript projects: lint them without type information.
    files: ['vite.config.ts', 'vite.phone.config.ts', '**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    files: layer.renderer,
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // i18next reads these names in t()'s options as its own settings, not as values to put in the
      // text: a route start's { lng } switched every language but English back to English.
      'no-restricted-syntax': [
        'error',
        ...["CallExpression[callee.name='t']", "CallExpression[callee.property.name='t']"].map((call) => ({
          selector: `${call} > ObjectExpression > Property[key.name=/^(lngs?|fallbackLng|returnObjects|returnDetails|joinArrays|postProcess|skipInterpolation|interpolation|keySeparator|nsSeparator)$/]`,
          message: 'i18next reads this name in the options of t() as a setting (lng is the language): give the value another name.',
        })),
      ],
      'no-restricted-imports': restrictedImports({
        paths: [
          electron,
          ...named(nodeOnlyPackages, 'The renderer runs in a sandboxed page: no Node modules.'),
          ...named(nodeBuiltins, 'The renderer runs in a sandboxed page: no Node modules.'),
        ],
        patterns: [mainFolder],
      }),
    },
  },
  {
    files: layer.main,
    rules: {
      'no-restricted-imports': restrictedImports({
        paths: [electron, ...named(domOnlyPackages, noDomInMain)],
        patterns: [rendererFolder, { group: domOnlyPatterns, message: noDomInMain }],
      }),
    },
  },
  {
    files: layer.electronDoor,
    rules: {
      'no-restricted-imports': restrictedImports({
        paths: named(domOnlyPackages, noDomInMain),
        patterns: [rendererFolder, { group: domOnlyPatterns, message: noDomInMain }],
      }),
    },
  },
  {
    files: layer.shared,
    rules: {
      'no-restricted-imports': restrictedImports({
        paths: [
          electron,
          ...named([...nodeBuiltins, ...nodeOnlyPackages], 'shared/ runs in the page too: no Node modules.'),
          ...named(domOnlyPackages, 'shared/ runs in Node too: no DOM or React modules.'),
        ],
        patterns: [sharedNeither, { group: domOnlyPatterns, message: 'shared/ runs in Node too: no DOM or React modules.' }],
      }),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement'].map((name) => ({
          name,
          message: 'shared/ runs in Node too: no DOM globals.',
        })),
        ...['process', 'Buffer', '__dirname', '__filename', 'require'].map((name) => ({
          name,
          message: 'shared/ runs in the page too: no Node globals.',
        })),
      ],
    },
  },
);
