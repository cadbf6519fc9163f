import { describe, expect, it } from 'vitest'
import { bundleCacheControl, IMMUTABLE, NO_STORE } from '../../../electron/main/bundle-cache'

describe('bundle cache policy', () => {
  it.each([
    'assets/index-D5ATwENY.js',
    '/assets/index-shc9hyhC.css',
    'assets/chunk-Ab_9-xYz.js',
    'assets/font-12345678.woff2',
  ])('caches the hashed asset %s for good', (path) => {
    expect(bundleCacheControl(path)).toBe(IMMUTABLE)
  })

  it.each([
    'index.html',
    '/',
    'assets/index.js',
    'assets/index-abc.js',
    'assets/sub/index-D5ATwENY.js',
    'other/index-D5ATwENY.js',
    'assets/index-D5ATwENY.js.map',
    'assets/index-D5ATwENY.html',
  ])('never caches %s', (path) => {
    expect(bundleCacheControl(path)).toBe(NO_STORE)
  })
})
