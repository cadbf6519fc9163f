/**
 * system:showItemInFolder reveals only what the last packet export produced: the picked .zip,
 * or a packet folder directly inside the picked folder, after packet:export recorded it; and a
 * material of that packet folder inside its upload-step folder (the 填报助手's 打开所在文件夹), and
 * nothing else: not a link, not a file beside the packet, not a file of another folder, not
 * inside a zip export.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import type { Settings } from '../../../../core/api'
import { systemHandlers, type RevealingDialogs } from '../../../../electron/main/ipc/system'
import type { Services } from '../../../../electron/main/services/container'

let root: string
let settings: Settings
let picks: (string | null)[]
let dialogs: RevealingDialogs & { showItemInFolder: Mock<(path: string) => void> }

function handlers(d: RevealingDialogs = dialogs) {
  const repo = {
    settings: () => settings,
    updateSettings: (p: Partial<Settings>) => (settings = { ...settings, ...p }),
  }
  return systemHandlers({ repo } as unknown as Services, d, async () => false)
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'beian-reveal-'))
  settings = { language: 'zh-CN', lastExportDir: '' }
  picks = []
  dialogs = {
    pickImages: async () => [],
    pickExportTarget: async () => picks.shift() ?? null,
    showItemInFolder: vi.fn<(path: string) => void>(),
  }
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const ctx = { emit: () => undefined }

describe('system:showItemInFolder', () => {
  it('reveals the zip the last export wrote, and nothing else', async () => {
    const h = handlers()
    const zip = join(root, '示例-公安备案材料.zip')
    picks.push(zip)
    await h['dialog:pickExportTarget']({ format: 'zip', suggestedName: '示例' }, ctx)
    writeFileSync(zip, 'PK')
    settings.lastExportDir = root // what packet:export records after writing
    expect(h['system:showItemInFolder']({ path: zip }, ctx)).toBe(true)
    expect(dialogs.showItemInFolder).toHaveBeenCalledExactlyOnceWith(zip)
    dialogs.showItemInFolder.mockClear()
    const other = join(root, 'other.zip')
    writeFileSync(other, 'PK')
    for (const path of [other, root, '/etc/passwd', `${zip}/..`]) {
      expect(h['system:showItemInFolder']({ path }, ctx), path).toBe(false)
    }
    expect(dialogs.showItemInFolder).not.toHaveBeenCalled()
  })

  it('reveals a packet folder with its manifest directly inside the picked folder', async () => {
    const h = handlers()
    picks.push(root)
    await h['dialog:pickExportTarget']({ format: 'folder', suggestedName: '示例' }, ctx)
    const packet = join(root, '示例-公安备案材料')
    mkdirSync(packet)
    writeFileSync(join(packet, 'manifest.json'), '{}')
    const bare = join(root, '别的文件夹')
    mkdirSync(join(bare, 'deeper'), { recursive: true })
    writeFileSync(join(bare, 'deeper', 'manifest.json'), '{}')
    expect(h['system:showItemInFolder']({ path: packet }, ctx)).toBe(false) // export not recorded yet
    settings.lastExportDir = root
    expect(h['system:showItemInFolder']({ path: packet }, ctx)).toBe(true)
    for (const path of [bare, join(bare, 'deeper'), root, join(packet, 'manifest.json')]) {
      expect(h['system:showItemInFolder']({ path }, ctx), path).toBe(false)
    }
    expect(dialogs.showItemInFolder).toHaveBeenCalledTimes(1)
  })

  it('refuses before any export pick, after a batch pick, and without a file manager', async () => {
    const zip = join(root, 'a.zip')
    writeFileSync(zip, 'PK')
    settings.lastExportDir = root
    const h = handlers()
    expect(h['system:showItemInFolder']({ path: zip }, ctx)).toBe(false)
    picks.push(root)
    await h['dialog:pickExportTarget']({ format: 'folder', suggestedName: 'x', purpose: 'batch' }, ctx)
    const packet = join(root, 'p')
    mkdirSync(packet)
    writeFileSync(join(packet, 'manifest.json'), '{}')
    expect(h['system:showItemInFolder']({ path: packet }, ctx)).toBe(false)
    const { showItemInFolder: _none, ...plain } = dialogs
    const bare = handlers(plain)
    picks.push(zip)
    await bare['dialog:pickExportTarget']({ format: 'zip', suggestedName: 'a' }, ctx)
    expect(bare['system:showItemInFolder']({ path: zip }, ctx)).toBe(false)
    expect(dialogs.showItemInFolder).not.toHaveBeenCalled()
  })
})

/** A packet folder as packet:export writes it, inside `parent`. */
function packetIn(parent: string): { packet: string; material: string } {
  const packet = join(parent, '示例-公安备案材料')
  mkdirSync(join(packet, '1_开办主体'), { recursive: true })
  writeFileSync(join(packet, 'manifest.json'), '{}')
  const material = join(packet, '1_开办主体', '01_身份证正面.jpg')
  writeFileSync(material, 'jpeg')
  return { packet, material }
}

describe('system:showItemInFolder, a material of the last packet folder', () => {
  it('reveals a material in its upload-step folder once the export is recorded', async () => {
    const h = handlers()
    picks.push(root)
    await h['dialog:pickExportTarget']({ format: 'folder', suggestedName: '示例' }, ctx)
    const { packet, material } = packetIn(root)
    expect(h['system:showItemInFolder']({ path: material }, ctx)).toBe(false)
    settings.lastExportDir = root
    expect(h['system:showItemInFolder']({ path: material }, ctx)).toBe(true)
    expect(dialogs.showItemInFolder).toHaveBeenCalledExactlyOnceWith(material)
    dialogs.showItemInFolder.mockClear()
    // A link to a file elsewhere, the step folder itself, a deeper file, a missing file: refused.
    const outside = join(root, '..', `${root.split(/[\\/]/).pop()}-secret.txt`)
    writeFileSync(outside, 'secret')
    symlinkSync(outside, join(packet, '1_开办主体', 'link.jpg'))
    mkdirSync(join(packet, '1_开办主体', 'deeper'))
    writeFileSync(join(packet, '1_开办主体', 'deeper', 'x.jpg'), 'x')
    for (const path of [
      join(packet, '1_开办主体', 'link.jpg'),
      join(packet, '1_开办主体'),
      join(packet, '1_开办主体', 'deeper', 'x.jpg'),
      join(packet, '1_开办主体', 'missing.jpg'),
      join(packet, '1_开办主体', '..', '..', '..', 'etc', 'passwd'),
    ]) {
      expect(h['system:showItemInFolder']({ path }, ctx), path).toBe(false)
    }
    expect(dialogs.showItemInFolder).not.toHaveBeenCalled()
    rmSync(outside)
  })

  it('refuses a material of a packet folder the last export did not write', async () => {
    const h = handlers()
    const elsewhere = join(root, 'elsewhere')
    mkdirSync(elsewhere)
    const { material } = packetIn(elsewhere)
    picks.push(root)
    await h['dialog:pickExportTarget']({ format: 'folder', suggestedName: '示例' }, ctx)
    settings.lastExportDir = root
    expect(h['system:showItemInFolder']({ path: material }, ctx)).toBe(false)
  })

  it('refuses files beside a zip export (the materials are inside the zip)', async () => {
    const h = handlers()
    const zip = join(root, '示例.zip')
    picks.push(zip)
    await h['dialog:pickExportTarget']({ format: 'zip', suggestedName: '示例' }, ctx)
    writeFileSync(zip, 'PK')
    const { material } = packetIn(root)
    settings.lastExportDir = root
    expect(h['system:showItemInFolder']({ path: zip }, ctx)).toBe(true)
    expect(h['system:showItemInFolder']({ path: material }, ctx)).toBe(false)
  })
})
