/** SEC-11 (fuses), SEC-12 (Electron version) and the packaging rules of electron-builder.yml. */
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import type { Configuration } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, readRepoFile, repoFileExists } from './source'

const MIN_ELECTRON_MAJOR = 45
const RENDERER_ONLY = [
  'antd',
  '@ant-design/icons',
  'react',
  'react-dom',
  'zustand',
  'dayjs',
  'i18next',
  'react-i18next',
  'fflate',
]

type Pkg = {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  version?: string
}
const pkg = JSON.parse(readRepoFile('package.json')) as Pkg

function major(spec: string | undefined): number {
  const match = spec?.match(/(\d+)\.\d+/)
  return match ? Number(match[1]) : Number.NaN
}

let config: Configuration

beforeAll(async () => {
  config = await getConfig(REPO_ROOT, 'electron-builder.yml', null)
})

describe('SEC-12 Electron version', () => {
  it(`pins electron ${MIN_ELECTRON_MAJOR} or later as a devDependency`, () => {
    expect(major(pkg.devDependencies?.electron)).toBeGreaterThanOrEqual(MIN_ELECTRON_MAJOR)
    expect(pkg.dependencies?.electron).toBeUndefined()
  })

  it('has that major installed', () => {
    const installed = JSON.parse(readRepoFile('node_modules/electron/package.json')) as Pkg
    expect(major(installed.version)).toBeGreaterThanOrEqual(MIN_ELECTRON_MAJOR)
  })

  it('keeps renderer-only libraries out of the shipped dependencies', () => {
    for (const name of RENDERER_ONLY) expect(pkg.dependencies?.[name], name).toBeUndefined()
  })
})

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('the schema check rejects an unknown fuse (negative control)', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, notAFuse: true } } as Configuration
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow()
  })

  it('SEC-11 sets the fuses of the security notes', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    })
  })

  it('ships only out/** and package.json, in an asar with sharp unpacked', () => {
    // getConfig normalises `files` to [{ filter: [...] }].
    const files = ([config.files ?? []] as unknown[])
      .flat(3)
      .flatMap((f) => (typeof f === 'string' ? [f] : ((f as { filter?: string[] }).filter ?? [])))
    expect(files.filter((f) => !f.startsWith('!')).sort()).toEqual(['out/**', 'package.json'])
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/node_modules/sharp/**/*', '**/node_modules/@img/**/*']),
    )
  })

  it('builds a per-user zh_CN NSIS installer, a dmg, an AppImage and a deb', () => {
    expect(JSON.stringify(config.win?.target)).toContain('"nsis"')
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, installerLanguages: ['zh_CN'] })
    expect(JSON.stringify(config.mac?.target)).toContain('"dmg"')
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
  })
})

describe('native code and fonts outside the asar', () => {
  it('unpacks @napi-rs/canvas and copies the PDF fallback font to resources/fonts', () => {
    expect(config.asarUnpack).toContain('**/node_modules/@napi-rs/**/*')
    const resources = (config.extraResources ?? []) as Array<{ from: string; to: string }>
    const font = resources.find((r) => r.to === 'fonts/NotoSansSC_400Regular.ttf')
    expect(font).toBeDefined()
    expect(repoFileExists(font?.from ?? 'missing'), font?.from).toBe(true)
  })

  it('copies the division data to resources/divisions', () => {
    const resources = (config.extraResources ?? []) as Array<{ from: string; to: string }>
    const divisions = resources.find((r) => r.to === 'divisions')
    expect(divisions?.from).toBe('assets/divisions')
    expect(repoFileExists('assets/divisions/tree.json.gz')).toBe(true)
  })
})
