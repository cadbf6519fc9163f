import { describe, expect, it } from 'vitest'
import { dedupeNames, MAX_COMPONENT_BYTES, safeFileName } from '../../../core/packet/file-names'

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8')

describe('safeFileName', () => {
  it.each([
    ['a<b>c:d"e/f\\g|h?i*j.jpg', 'a＜b＞c：d＂e／f＼g｜h？i＊j.jpg'],
    ['CON.jpg', '_CON.jpg'],
    ['nul', '_nul'],
    ['com1.txt', '_com1.txt'],
    ['报告. . ', '报告'],
    ['  ', '未命名'],
    ['a\u0000b\u001fc.jpg', 'abc.jpg'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected)
  })

  it('normalises to NFC', () => {
    expect(safeFileName('e\u0301.jpg')).toBe('\u00e9.jpg')
  })

  it('keeps long CJK names under the byte limit and keeps the extension', () => {
    const name = safeFileName(`${'网'.repeat(100)}.jpg`)
    expect(utf8(name)).toBeLessThanOrEqual(MAX_COMPONENT_BYTES)
    expect(name.endsWith('.jpg')).toBe(true)
    expect(name.length).toBeGreaterThan(50)
  })
})

describe('dedupeNames', () => {
  it('makes names unique after case-folding', () => {
    expect(dedupeNames(['张三.jpg', '张三.JPG', 'a.jpg', 'A.jpg', 'a.jpg'])).toEqual([
      '张三.jpg',
      '张三 (2).JPG',
      'a.jpg',
      'A (2).jpg',
      'a (3).jpg',
    ])
  })
})
