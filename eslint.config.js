// @ts-check
// Layering by where code runs (see ../shared/ARCHITECTURE.md): a wrong import fails the lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const NODE_MESSAGE = 'Node built-ins are not allowed here: this code runs outside Node.';
// Bare names only (paths), so that a local folder called "util" is not mistaken for Node's.
const nodeBuiltinPaths = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'url', 'util', 'events', 'stream', 'net', 'worker_threads']
  .map((name) => ({ name, message: NODE_MESSAGE }));
const nodePattern = { group: ['node:*'], message: NODE_MESSAGE };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    // no-restricted-paths judges resolved files: without a TypeScript-aware resolver it cannot
    // resolve `../electron/ipc` to ipc.ts and silently lets the import through.
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.web.json', 'tsconfig.node.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './shared', from: ['./renderer', './electron', './server', './test', './scripts'], message: 'shared/ is pure: it imports nothing from other layers.' },
            { target: './renderer', from: ['./electron', './server'], message: 'renderer/ imports only shared/.' },
            { target: './electron', from: ['./renderer', './server'], message: 'electron/ imports only shared/.' },
            { target: './server', from: ['./renderer', './electron'], message: 'server/ imports only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths,
          patterns: [
            nodePattern,
            { group: ['electron', 'react', 'react-dom', 'react/*', '@mui/*', 'rxdb/plugins/storage-*', 'dexie'], message: 'shared/ is pure: no electron, DOM, react or storage.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: nodeBuiltinPaths, patterns: [nodePattern, { group: ['electron'], message: 'renderer/ talks to Electron only through the preload API.' }] },
      ],
    },
  },
  {
    // The browser build's offline shell: a service worker, filled in at build time.
    files: ['renderer/sw.template.js'],
    languageOptions: { globals: { ...globals.serviceworker, __PRECACHE__: 'readonly', __BUILD_ID__: 'readonly' } },
  },
  {
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
);
