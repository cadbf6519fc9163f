/**
 * SEC-11, end to end on the config side: the fuses in electron-builder.yml are the ones
 * electron-builder 26 hands to @electron/fuses when it packages the app. packaging.test.ts
 * checks the YAML against the schema; this checks what electron-builder makes of it, so a
 * misspelt or dropped key (which the flip would silently ignore) fails here.
 */
import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { getConfig } from 'app-builder-lib/out/util/config/config'
import { PlatformPackager } from 'app-builder-lib'
import type { Configuration } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from './source'

/** The security notes' fuse table (shared/notes/security.md §1, "Fuses"). */
const EXPECTED: Record<FuseV1Options, boolean> = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

type FuseConfigOf = (fuses: Configuration['electronFuses']) => Promise<Record<string | number, unknown>>
/** electron-builder's own translation (private in its types, called exactly as at pack time). */
const fuseConfigOf = (fuses: Configuration['electronFuses']) =>
  (PlatformPackager.prototype as unknown as { generateFuseConfig: FuseConfigOf }).generateFuseConfig(fuses)

let config: Configuration
beforeAll(async () => {
  config = await getConfig(REPO_ROOT, 'electron-builder.yml', null)
})

describe('SEC-11 fuses as electron-builder flips them', () => {
  it('sets every V1 fuse to the security notes’ value', async () => {
    const flipped = await fuseConfigOf(config.electronFuses)
    expect(flipped.version).toBe(FuseVersion.V1)
    for (const [fuse, value] of Object.entries(EXPECTED)) {
      expect(flipped[fuse], FuseV1Options[Number(fuse)]).toBe(value)
    }
  })

  it('a fuse missing from the YAML is left at Electron’s default (negative control)', async () => {
    const { runAsNode: _dropped, ...rest } = config.electronFuses ?? {}
    const flipped = await fuseConfigOf(rest)
    expect(flipped[FuseV1Options.RunAsNode]).toBeUndefined()
  })
})
