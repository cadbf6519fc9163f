/**
 * Issue 12: everything the app writes out (packets as folder or zip, multi-site exports, batch
 * outputs, tables) is the user's alone on POSIX: files 0600, folders 0700, whatever the umask,
 * and a replaced file does not keep the old file's wider mode. Windows ignores POSIX modes.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import yauzl from 'yauzl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBatch } from '../../../electron/main/services/batch-compress'
import { dashboardCells } from '../../../electron/main/services/dashboard-export'
import { exportPacket } from '../../../electron/main/services/packet-export'
import { exportMany } from '../../../electron/main/services/packet-export-many'
import { writeTable } from '../../../electron/main/services/table-export'
import { filledWorkspace } from '../../support/packet-workspace'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const POSIX = process.platform !== 'win32'
const TODAY = '2026-12-07'

// A permissive umask must not widen what the app writes.
let umask = 0
beforeAll(() => {
  umask = process.umask(0o002)
})
afterAll(() => {
  process.umask(umask)
})

const modeOf = (path: string) => statSync(path).mode & 0o777

/** Every file and folder under `root` (root included) with its permission bits. */
function tree(root: string): { path: string; dir: boolean; mode: number }[] {
  const out = [{ path: root, dir: true, mode: modeOf(root) }]
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name)
    out.push({ path, dir: entry.isDirectory(), mode: modeOf(path) })
  }
  return out
}

function expectPrivate(paths: { path: string; dir: boolean; mode: number }[]): void {
  expect(paths.length).toBeGreaterThan(1)
  if (!POSIX) return
  const wrong = paths
    .filter((p) => p.mode !== (p.dir ? 0o700 : 0o600))
    .map((p) => `${p.path} ${p.mode.toString(8)}`)
  expect(wrong).toEqual([])
}

function zipEntryModes(path: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'))
      const modes: number[] = []
      zip.on('entry', (entry: yauzl.Entry) => {
        modes.push((entry.externalFileAttributes >>> 16) & 0o777)
        zip.readEntry()
      })
      zip.on('end', () => resolve(modes))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

describe('exports are private on POSIX (0600 files, 0700 folders)', () => {
  it('packet as a folder: the packet folder, its sub-folders and every file', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(join(dir, 'data'))
    const out = join(dir, 'out')
    mkdirSync(out)
    const summary = await exportPacket(ws, files, { siteId: site.id, format: 'folder', target: out }, TODAY)
    expectPrivate(tree(summary.target))
  })

  it('packet as a zip: the folder made for it, the zip, and the modes its entries unpack with', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(join(dir, 'data'))
    const summary = await exportPacket(
      ws,
      files,
      { siteId: site.id, format: 'zip', target: join(dir, 'new', 'packet.zip') },
      TODAY,
    )
    expectPrivate([
      { path: join(dir, 'new'), dir: true, mode: modeOf(join(dir, 'new')) },
      ...[summary.target].map((path) => ({ path, dir: false, mode: modeOf(path) })),
    ])
    const modes = await zipEntryModes(summary.target)
    expect(modes.length).toBeGreaterThan(4)
    expect(modes.every((m) => m === 0o600)).toBe(true)
  })

  it('multi-site export: every zip and every packet folder it moves into the chosen folder', async () => {
    for (const format of ['zip', 'folder'] as const) {
      const dir = tempDir()
      const { ws, files, site } = await filledWorkspace(join(dir, 'data'))
      const outDir = join(dir, 'many')
      const summary = await exportMany(
        ws,
        files,
        { batchId: `modes-${format}`, siteIds: [site.id], format, outDir },
        { progress: () => undefined },
        TODAY,
      )
      expect(summary.results.every((r) => r.ok)).toBe(true)
      expectPrivate(tree(outDir))
    }
  })

  it('batch outputs, new and replacing an existing file', async () => {
    const dir = tempDir()
    const input = join(dir, '照片.png')
    writeFileSync(
      input,
      await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c0d0e0' } })
        .png()
        .toBuffer(),
    )
    const events = { started: () => undefined, progress: () => undefined }
    const outDir = join(dir, 'out', 'nested')
    const fresh = await runBatch({ batchId: 'm1', paths: [input], outDir, maxBytes: 400_000 }, events)
    const replaced = join(dir, 'replace.jpg')
    writeFileSync(replaced, 'old', { mode: 0o644 })
    const over = await runBatch(
      { batchId: 'm2', paths: [input], outDir: dir, maxBytes: 400_000, outputs: [replaced], overwrite: true },
      events,
    )
    const outputs = [...fresh.results, ...over.results].map((r) => ('output' in r ? r.output : ''))
    expect(outputs[1]).toBe(replaced)
    expectPrivate([
      { path: outDir, dir: true, mode: modeOf(outDir) },
      { path: join(dir, 'out'), dir: true, mode: modeOf(join(dir, 'out')) },
      ...outputs.map((path) => ({ path, dir: false, mode: modeOf(path) })),
    ])
  })

  it('dashboard export tables (CSV and XLSX), also over an existing world-readable file', async () => {
    const dir = tempDir()
    const { ws, site } = await filledWorkspace(join(dir, 'data'))
    const cells = dashboardCells(ws, { language: 'zh-CN', lastExportDir: '' }, TODAY, [site.id])
    const csv = join(dir, '备案进度.csv')
    writeFileSync(csv, 'old', { mode: 0o644 })
    await writeTable(csv, 'csv', cells)
    const xlsx = join(dir, '备案进度.xlsx')
    await writeTable(xlsx, 'xlsx', cells, '备案进度')
    expect(cells.length).toBe(2)
    expectPrivate([csv, xlsx].map((path) => ({ path, dir: false, mode: modeOf(path) })))
  })
})
