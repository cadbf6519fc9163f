/** `beian-desk compress` never replaces an input, and an existing file only with --overwrite. */
import { linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { idCardFront } from '../../fixtures/generate'
import { useTempDirs } from '../../support/temp-dir'
import { run } from './support'

const tempDir = useTempDirs()
let card: Buffer
beforeAll(async () => {
  // Drawn before the image service blocks the SVG loader process-wide.
  card = await idCardFront({ seed: 31, width: 640, height: 480 })
})

function folderWithPhoto(): { dir: string; photo: string } {
  const dir = tempDir()
  const photo = join(dir, 'photo.jpg')
  writeFileSync(photo, card)
  return { dir, photo }
}

describe('beian-desk compress never destroys a file', () => {
  it('--out-dir = the folder of the input keeps the original and prints the free name', async () => {
    const { dir, photo } = folderWithPhoto()
    const r = await run(['compress', photo, '--out-dir', dir, '--max-bytes', '100000'])
    expect(r.code).toBe(0)
    expect(r.out).toContain(`✓ ${photo} → ${join(dir, 'photo_100k.jpg')}`)
    expect(readFileSync(photo).equals(card)).toBe(true)
  })

  it('--out = the input, also through a symlink or another name of the same file, writes a free name', async () => {
    const { dir, photo } = folderWithPhoto()
    symlinkSync(photo, join(dir, 'link.jpg'))
    linkSync(photo, join(dir, 'PHOTO.JPG')) // the same file, as another case on a case-insensitive disk
    for (const out of [photo, join(dir, 'link.jpg'), join(dir, 'PHOTO.JPG')]) {
      const r = await run(['compress', photo, '--out', out, '--max-bytes', '512000', '--json'])
      expect(r.code, out).toBe(0)
      const [result] = JSON.parse(r.out) as [{ output: string }]
      expect(result.output, out).not.toBe(out)
      const human = await run(['compress', photo, '--out', out, '--max-bytes', '512000'])
      expect(human.out, out).toContain('已存在，没有覆盖')
    }
    expect(readFileSync(photo).equals(card)).toBe(true)
    expect(readdirSync(dir).filter((f) => f.includes('_512k')).length).toBe(6)
  })

  it('--overwrite replaces an unrelated output but still refuses the input, exit 1', async () => {
    const { dir, photo } = folderWithPhoto()
    symlinkSync(photo, join(dir, 'link.jpg'))
    for (const out of [photo, join(dir, 'link.jpg')]) {
      const r = await run(['compress', photo, '--out', out, '--overwrite'])
      expect(r.code, out).toBe(1)
      expect(r.out, out).toContain('不会覆盖原文件')
    }
    expect(readFileSync(photo).equals(card)).toBe(true)
    const old = join(dir, 'old.jpg')
    writeFileSync(old, 'old')
    const replaced = await run(['compress', photo, '--out', old, '--overwrite'])
    expect(replaced.code).toBe(0)
    expect((await sharp(readFileSync(old)).metadata()).format).toBe('jpeg')
    const en = await run(['compress', photo, '--out', photo, '--overwrite', '--lang', 'en'])
    expect(en.out).toContain('Not replacing an original')
  })

  it('a same-named unrelated file in the output folder is kept', async () => {
    const { dir, photo } = folderWithPhoto()
    const out = join(dir, 'out')
    await run(['compress', photo, '--out-dir', out, '--max-bytes', '512000'])
    writeFileSync(join(out, 'photo_512k.jpg'), 'mine')
    const r = await run(['compress', photo, '--out-dir', out, '--max-bytes', '512000', '--json'])
    expect((JSON.parse(r.out) as [{ output: string }])[0].output).toBe(join(out, 'photo_512k(2).jpg'))
    expect(readFileSync(join(out, 'photo_512k.jpg'), 'utf8')).toBe('mine')
  })
})

describe('beian-desk compress options and notes', () => {
  it('--max-bytes takes the bounds from core/limits (upper bound included)', async () => {
    const { dir, photo } = folderWithPhoto()
    for (const bad of ['19999', '10000001', '5e5x', '512000.5']) {
      const r = await run(['compress', photo, '--out-dir', dir, '--max-bytes', bad])
      expect(r.code, bad).toBe(2)
      expect(r.err, bad).toContain('--max-bytes 必须是 20000 到 10000000 之间的整数')
    }
    expect(
      (await run(['compress', photo, '--out-dir', join(dir, 'o'), '--max-bytes', '10000000'])).code,
    ).toBe(0)
  })

  it('says when only the first frame of an animated GIF was used, and words service errors in English', async () => {
    const dir = tempDir()
    const frame = await sharp(card).resize(200, 150).raw().toBuffer()
    const gif = join(dir, 'anim.gif')
    writeFileSync(
      gif,
      await sharp(Buffer.concat([frame, frame.map((v) => 255 - v)]), {
        raw: { width: 200, height: 300, channels: 3, pageHeight: 150 },
      })
        .gif()
        .toBuffer(),
    )
    const zh = await run(['compress', gif, '--out-dir', dir])
    expect(zh.out).toContain('说明：这是动图，只使用了第一帧')
    const empty = join(dir, 'empty.jpg')
    writeFileSync(empty, '')
    const en = await run(['compress', gif, empty, '--out-dir', dir, '--lang', 'en'])
    expect(en.code).toBe(1)
    expect(en.out).toContain('note: Animated picture: only the first frame was used')
    expect(en.out).toContain(`✗ ${empty}: The file is empty (0 bytes)`)
    expect(en.err).toMatch(/\[\d\/2\] ✗ .*empty\.jpg: The file is empty/)
  })

  it('refuses --out naming a folder and --out-dir naming a file, exit 2, writing nothing', async () => {
    const { dir, photo } = folderWithPhoto()
    const toFolder = await run(['compress', photo, '--out', dir])
    expect(toFolder).toMatchObject({ code: 2, err: expect.stringContaining('请用 --out-dir') })
    const toFile = await run(['compress', photo, '--out-dir', photo])
    expect(toFile).toMatchObject({ code: 2, err: expect.stringContaining('不是文件夹') })
    expect(readdirSync(dir)).toEqual(['photo.jpg'])
    expect(readFileSync(photo).equals(card)).toBe(true)
  })
})
