import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  candidateNames,
  capTag,
  makeFreeFolder,
  overwriteUnlessInput,
  planNames,
  sameFile,
  writeFileToFreeName,
} from '../../../electron/main/services/free-path'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const first = (gen: Generator<string>, n: number): string[] =>
  Array.from({ length: n }, () => gen.next().value as string)

describe('candidateNames', () => {
  it('tries the name, then the tagged copy, then numbered tagged copies', () => {
    expect(first(candidateNames('photo.jpg', '512k'), 4)).toEqual([
      'photo.jpg',
      'photo_512k.jpg',
      'photo_512k(2).jpg',
      'photo_512k(3).jpg',
    ])
    expect(first(candidateNames('网站-公安备案材料'), 3)).toEqual([
      '网站-公安备案材料',
      '网站-公安备案材料(2)',
      '网站-公安备案材料(3)',
    ])
    expect(first(candidateNames('p.zip'), 2)).toEqual(['p.zip', 'p(2).zip'])
  })

  it('names the cap in kilobytes', () => {
    expect([capTag(512_000), capTag(400_000), capTag(2_000_000)]).toEqual(['512k', '400k', '2000k'])
  })
})

describe('planNames', () => {
  it('gives same-named outputs of one run distinct names, ignoring case, in input order', () => {
    const { planned, owner } = planNames(['photo.jpg', 'Photo.jpg', 'photo.jpg', 'other.jpg'], '512k')
    expect(planned).toEqual(['photo.jpg', 'Photo_512k.jpg', 'photo_512k(2).jpg', 'other.jpg'])
    expect([owner('PHOTO.JPG'), owner('photo_512k.jpg'), owner('nope.jpg')]).toEqual([0, 1, undefined])
  })
})

describe('writeFileToFreeName', () => {
  it('writes the name when free, and never replaces an existing file', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'photo.jpg'), 'original')
    writeFileSync(join(dir, 'photo_512k.jpg'), 'earlier copy')
    const a = await writeFileToFreeName(dir, 'photo.jpg', Buffer.from('new 1'), { tag: '512k' })
    const b = await writeFileToFreeName(dir, 'photo.jpg', Buffer.from('new 2'), { tag: '512k' })
    expect([a, b]).toEqual([join(dir, 'photo_512k(2).jpg'), join(dir, 'photo_512k(3).jpg')])
    expect(readFileSync(join(dir, 'photo.jpg'), 'utf8')).toBe('original')
    expect(readFileSync(join(dir, 'photo_512k.jpg'), 'utf8')).toBe('earlier copy')
    expect(readFileSync(b, 'utf8')).toBe('new 2')
    // No temp file is left behind.
    expect(readdirSync(dir).sort()).toEqual([
      'photo.jpg',
      'photo_512k(2).jpg',
      'photo_512k(3).jpg',
      'photo_512k.jpg',
    ])
  })

  it('claims a name exactly once when many writers race for it', async () => {
    const dir = tempDir()
    const paths = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        writeFileToFreeName(dir, 'a.jpg', Buffer.from(`w${i}`), { tag: '1k' }),
      ),
    )
    expect(new Set(paths).size).toBe(12)
    expect(readdirSync(dir)).toHaveLength(12)
    const contents = paths.map((p) => readFileSync(p, 'utf8')).sort()
    expect(contents).toEqual(Array.from({ length: 12 }, (_, i) => `w${i}`).sort())
  })

  it('does not replace a dangling symlink either', async () => {
    const dir = tempDir()
    symlinkSync(join(dir, 'missing-target'), join(dir, 'a.jpg'))
    const out = await writeFileToFreeName(dir, 'a.jpg', Buffer.from('x'), { tag: '512k' })
    expect(out).toBe(join(dir, 'a_512k.jpg'))
    expect(existsSync(join(dir, 'missing-target'))).toBe(false)
  })

  it('passes over names planned for other outputs', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.jpg'), 'taken')
    const out = await writeFileToFreeName(dir, 'a.jpg', Buffer.from('x'), {
      tag: '512k',
      skip: (c) => c === 'a_512k.jpg',
    })
    expect(out).toBe(join(dir, 'a_512k(2).jpg'))
  })
})

describe('sameFile', () => {
  it('sees one file through a symlink, a hard link (another spelling) and a path through ..', async () => {
    const dir = tempDir()
    const photo = join(dir, 'photo.jpg')
    writeFileSync(photo, 'x')
    symlinkSync(photo, join(dir, 'link.jpg'))
    linkSync(photo, join(dir, 'PHOTO.JPG'))
    writeFileSync(join(dir, 'other.jpg'), 'x')
    expect(await sameFile(join(dir, 'link.jpg'), photo)).toBe(true)
    expect(await sameFile(join(dir, 'PHOTO.JPG'), photo)).toBe(true)
    mkdirSync(join(dir, 'sub'))
    expect(await sameFile(`${dir}/sub/../photo.jpg`, photo)).toBe(true)
    expect(await sameFile(join(dir, 'other.jpg'), photo)).toBe(false)
    expect(await sameFile(join(dir, 'absent.jpg'), photo)).toBe(false)
  })
})

describe('overwriteUnlessInput', () => {
  it('replaces an unrelated file but refuses an input under any name', async () => {
    const dir = tempDir()
    const input = join(dir, 'photo.jpg')
    writeFileSync(input, 'original')
    symlinkSync(input, join(dir, 'link.jpg'))
    linkSync(input, join(dir, 'Photo.JPG'))
    writeFileSync(join(dir, 'old.jpg'), 'old')
    for (const target of [input, join(dir, 'link.jpg'), join(dir, 'Photo.JPG')]) {
      expect(await overwriteUnlessInput(target, Buffer.from('new'), [input])).toBe(false)
    }
    expect(readFileSync(input, 'utf8')).toBe('original')
    expect(await overwriteUnlessInput(join(dir, 'old.jpg'), Buffer.from('new'), [input])).toBe(true)
    expect(readFileSync(join(dir, 'old.jpg'), 'utf8')).toBe('new')
  })
})

describe('makeFreeFolder', () => {
  it('creates a new folder beside an existing one of the same name', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'p'))
    writeFileSync(join(dir, 'p(2)'), 'a file, not a folder')
    expect(await makeFreeFolder(dir, 'p')).toBe(join(dir, 'p(3)'))
    expect(await makeFreeFolder(join(dir, 'new', 'deep'), 'p')).toBe(join(dir, 'new', 'deep', 'p'))
  })
})
