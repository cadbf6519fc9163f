// Flat config: typescript-eslint recommended (type-checked strict on core/) + react-hooks, plus
// import zones that enforce core ← electron, core ← renderer (electron and renderer never
// import each other).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'stream',
  'url',
  'util',
  'zlib',
]
const zone = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

// Type-checked rules on the pure domain code (all of core/, no exceptions left).
const typedCore = { files: ['core/**/*.ts'] }

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'release/**', 'test/fixtures/generated/**', 'bench/corpus/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  // Type-checked strict rules on core/ (the pure layer every other one trusts), typed by
  // tsconfig.core.json. Numbers may stand in message templates; spreading a string into code
  // points is how core counts characters (watermark length, check digits), so it is allowed.
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, ...typedCore })),
  {
    ...typedCore,
    languageOptions: {
      parserOptions: { project: './tsconfig.core.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowAny: false,
          allowBoolean: false,
          allowNever: false,
          allowNullish: false,
          allowNumber: true,
          allowRegExp: false,
        },
      ],
      '@typescript-eslint/no-misused-spread': ['error', { allow: [{ from: 'lib', name: 'string' }] }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: zone(
      [
        ...nodeBuiltins,
        'electron',
        'electron-store',
        'conf',
        'sharp',
        'react',
        'react-dom',
        'antd',
        '**/electron/**',
        '**/renderer/**',
      ],
      'core/ is pure: no Node, Electron, React, sharp or store imports.',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: zone(['**/renderer/**', 'react', 'react-dom', 'antd'], 'electron/ never imports the renderer.'),
  },
  {
    files: ['electron/main/services/**/*.ts', 'electron/cli/**/*.ts'],
    rules: zone(
      ['electron', 'electron-store', '**/renderer/**'],
      'Services and the CLI run in plain Node: no electron import.',
    ),
  },
  {
    // Listed again: a later no-restricted-imports replaces the one above for these files.
    files: ['electron/main/services/**/*.ts'],
    rules: zone(
      ['electron', 'electron-store', '**/renderer/**', '**/ipc', '**/ipc/**'],
      'Services run in plain Node and never import the IPC layer (no electron, no ipc/: ports live in services/ports.ts).',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...zone(
        [...nodeBuiltins, 'electron', 'sharp', 'conf', 'electron-store', '**/electron/**'],
        'The renderer talks to main only through renderer/src/api.ts.',
      ),
    },
  },
)
