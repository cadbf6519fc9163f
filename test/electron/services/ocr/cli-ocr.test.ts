// `beian-desk ocr` (the command module; one real OCR run).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ocrCommand, ocrHelp } from '../../../../electron/cli/commands/ocr'
import type { CliContext } from '../../../../electron/cli/io'
import { messagesFor } from '../../../../electron/cli/messages'
import { idCardBack, syntheticPerson } from '../../../fixtures/generate'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ocr-cli-'))
  await writeFile(join(dir, 'back.jpg'), await idCardBack({ mode: 'flat', width: 1000, seed: 31 }))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

function ctx(lang: 'zh' | 'en' = 'zh'): CliContext & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    lang,
    m: messagesFor(lang),
    io: { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => '' },
  }
}

describe('beian-desk ocr', () => {
  it('refuses an unknown kind and a call without files, in Chinese', async () => {
    await expect(ocrCommand(['--kind', 'passport', 'x.jpg'], ctx())).rejects.toThrow(
      /--kind 的值“passport”无效/,
    )
    await expect(ocrCommand([], ctx())).rejects.toThrow(/请给出至少一个图片文件/)
  })

  it('has help in both languages', () => {
    expect(ocrHelp(messagesFor('zh'))).toContain('用法：beian-desk ocr')
    expect(ocrHelp(messagesFor('en'))).toContain('Usage: beian-desk ocr')
  })

  it('prints the fields of an ID back as JSON and reports a missing file (exit 1)', async () => {
    const p = syntheticPerson(31)
    const c = ctx()
    const code = await ocrCommand(
      [join(dir, 'back.jpg'), join(dir, 'missing.jpg'), '--kind', 'id-back', '--json', '--no-deskew'],
      c,
    )
    expect(code).toBe(1)
    const [read, missing] = JSON.parse(c.out.join('')) as [
      { kind: string; fields: Record<string, { value: string }> },
      { error: { code: string } },
    ]
    expect(read.kind).toBe('id-back')
    expect(read.fields.authority?.value).toBe(p.authority)
    expect(read.fields.validFrom?.value).toBe(p.validFrom.replaceAll('.', '-'))
    expect(missing.error.code).toBe('ocr/unreadable')
  }, 180_000)
})
