/**
 * Cache policy of the built renderer's files, shared by the `app://` scheme and the test bridge.
 * Vite names every asset after its content hash (`assets/index-D5ATwENY.js`), so such a file can
 * never change under its name: it may be cached for good, which is what lets Chromium keep the
 * V8 code cache of the 2 MB bundle between starts (compiling it again costs ~0.4 s on a slow
 * machine). Everything else — index.html, which names the current hashes — is never cached.
 */
const HASHED_ASSET = /^\/?assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css|woff2?|png|svg|jpg|wasm)$/

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const NO_STORE = 'no-store'

/** `Cache-Control` for a path below the bundle root (`index.html`, `assets/index-….js`). */
export function bundleCacheControl(relPath: string): string {
  return HASHED_ASSET.test(relPath) ? IMMUTABLE : NO_STORE
}
