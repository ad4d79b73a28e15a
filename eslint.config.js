// @ts-check
// Layering by where code runs (see ../shared/ARCHITECTURE.md): a wrong import fails the lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'url', 'util', 'events', 'stream', 'net'];
const restrictedNode = nodeBuiltins.map((name) => ({ group: [name], message: 'Node built-ins are not allowed here: this code runs outside Node.' }));

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
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
          patterns: [
            ...restrictedNode,
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
        { patterns: [...restrictedNode, { group: ['electron'], message: 'renderer/ talks to Electron only through the preload API.' }] },
      ],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
);
