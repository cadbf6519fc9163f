// Flat config: typescript-eslint strict + react-hooks, plus import zones that enforce
// core ← electron, core ← renderer (electron and renderer never import each other).
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
