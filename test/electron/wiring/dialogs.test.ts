import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindow } from 'electron'
import { fake } from './fake-electron'
import { createDialogs, IMAGE_EXTENSIONS, zipFileName } from '../../../electron/main/dialogs'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const CHINESE = /[\u4e00-\u9fff]/
const win = { id: 1 } as unknown as BrowserWindow

type OpenOptions = {
  title: string
  properties: string[]
  filters?: Array<{ name: string; extensions: string[] }>
}
type SaveOptions = {
  title: string
  defaultPath: string
  filters: Array<{ name: string; extensions: string[] }>
}

function lastOpenOptions(): OpenOptions {
  const args = fake.dialog.showOpenDialog.mock.calls.at(-1) ?? []
  return args.at(-1) as OpenOptions
}

describe('createDialogs', () => {
  beforeEach(() => fake.reset())

  it('picks several images with a Chinese title and the image/PDF filter, parented to the window', async () => {
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/a.jpg', '/b.heic'] })
    await expect(createDialogs(() => win).pickImages(true)).resolves.toEqual(['/a.jpg', '/b.heic'])
    expect(fake.dialog.showOpenDialog.mock.calls[0]?.[0]).toBe(win)
    const options = lastOpenOptions()
    expect(options.title).toMatch(CHINESE)
    expect(options.properties).toEqual(['openFile', 'multiSelections'])
    expect(options.filters).toHaveLength(1)
    expect(options.filters?.[0]?.name).toMatch(CHINESE)
    expect(new Set(options.filters?.[0]?.extensions)).toEqual(
      new Set(['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff', 'gif', 'bmp', 'avif', 'heic', 'heif', 'pdf']),
    )
    expect(IMAGE_EXTENSIONS).toHaveLength(12)
  })

  it('picks one image without a window and answers [] when cancelled', async () => {
    await expect(createDialogs(() => null).pickImages(false)).resolves.toEqual([])
    expect(fake.dialog.showOpenDialog.mock.calls[0]).toHaveLength(1)
    expect(lastOpenOptions().properties).toEqual(['openFile'])
  })

  it('picks an export folder', async () => {
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/u/导出'] })
    await expect(createDialogs(() => win).pickExportTarget('folder', '示例网站')).resolves.toBe(
      '/home/u/导出',
    )
    expect(lastOpenOptions().properties).toContain('openDirectory')
    expect(lastOpenOptions().title).toMatch(CHINESE)
    expect(lastOpenOptions().title).toContain('材料包')
  })

  it('words the folder dialog for a batch compression', async () => {
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/u/压缩'] })
    await expect(createDialogs(() => win).pickExportTarget('folder', '压缩后的图片', 'batch')).resolves.toBe(
      '/home/u/压缩',
    )
    expect(lastOpenOptions().title).toContain('压缩后图片')
  })

  it('answers null when the folder dialog is cancelled', async () => {
    await expect(createDialogs(() => win).pickExportTarget('folder', 'x')).resolves.toBeNull()
  })

  it('picks a zip target, suggesting a bare .zip name and adding the extension if missing', async () => {
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/u/示例网站备案' })
    await expect(createDialogs(() => win).pickExportTarget('zip', '示例网站备案')).resolves.toBe(
      '/home/u/示例网站备案.zip',
    )
    const options = fake.dialog.showSaveDialog.mock.calls[0]?.[1] as SaveOptions
    expect(options.defaultPath).toBe('示例网站备案.zip')
    expect(options.filters).toEqual([{ name: expect.stringMatching(CHINESE), extensions: ['zip'] }])
    expect(options.title).toMatch(CHINESE)
  })

  it('answers null when the save dialog is cancelled', async () => {
    await expect(createDialogs(() => null).pickExportTarget('zip', 'x')).resolves.toBeNull()
  })
})

describe('zipFileName', () => {
  it.each([
    ['示例网站', '示例网站.zip'],
    ['packet.ZIP', 'packet.ZIP'],
    ['../../etc/passwd', 'passwd.zip'],
    ['..\\..\\Windows\\evil', 'evil.zip'],
    ['..', '备案材料.zip'],
    ['   ', '备案材料.zip'],
  ])('%j → %j', (input, expected) => {
    expect(zipFileName(input)).toBe(expected)
  })
})

describe('createDialogs().showItemInFolder', () => {
  beforeEach(() => fake.reset())

  it('reveals the path through shell.showItemInFolder', () => {
    createDialogs(() => win).showItemInFolder?.('/tmp/x-公安备案材料.zip')
    expect(fake.shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith('/tmp/x-公安备案材料.zip')
  })
})
