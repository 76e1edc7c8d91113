// Lint: type-checked rules, and the layering of docs/house-style enforced (see README, Architecture).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const ioModules = ['fs', 'net', 'http', 'https', 'child_process', 'dgram', 'dns', 'tls', 'worker_threads'];
const forbiddenInCore = [
  ...ioModules.flatMap((m) => [m, `node:${m}`, `${m}/promises`, `node:${m}/promises`]),
  'pino',
  'undici',
  'better-sqlite3',
  'pg',
  'grammy',
  'discord.js',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/core',
              from: ['./src', './commands'],
              except: ['./core'],
              message: 'core is pure: it imports nothing outside src/core',
            },
            {
              target: './src/sources',
              from: ['./src/adapters', './src/render', './src/scheduler', './commands'],
            },
            {
              target: './src/store',
              from: ['./src/adapters', './src/render', './src/sources', './commands'],
            },
            {
              target: './src/render',
              from: ['./src/adapters', './src/sources', './src/store', './commands'],
            },
            {
              target: './commands',
              from: ['./src/adapters', './src/render', './src/main.ts'],
              message: 'commands are platform-free',
            },
            { target: './src/adapters/telegram', from: ['./src/adapters/discord', './src/adapters/console'] },
            { target: './src/adapters/discord', from: ['./src/adapters/telegram', './src/adapters/console'] },
            { target: './src/adapters/console', from: ['./src/adapters/telegram', './src/adapters/discord'] },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'only src/config.ts reads process.env',
        },
      ],
    },
  },
  {
    files: ['src/config.ts', 'test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: forbiddenInCore.map((name) => ({ name, message: 'core is pure: no I/O, no logger' })) },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'core is pure: no I/O' },
        { name: 'setTimeout', message: 'core is pure: no timers' },
      ],
    },
  },
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // Fakes of the chat platforms read and answer loose JSON.
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      'max-lines': 'off',
    },
  },
);
