import { describe, expect, it } from 'vitest'
import {
  dedupeNames,
  MAX_COMPONENT_BYTES,
  MAX_NAME_BYTES,
  safeFileName,
  truncateToBytes,
} from '../../../core/packet/file-names'

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8')

describe('safeFileName: names that must change', () => {
  it.each([
    // forbidden characters on Windows (and / everywhere)
    ['a<b>c:d"e/f\\g|h?i*j.jpg', 'a＜b＞c：d＂e／f＼g｜h？i＊j.jpg'],
    ['../../etc/passwd', '..／..／etc／passwd'],
    // reserved device names, any case, with extensions, with spaces before the extension
    ['CON', '_CON'],
    ['CON.jpg', '_CON.jpg'],
    ['nul', '_nul'],
    ['Nul.tar.gz', '_Nul.tar.gz'],
    ['com1.txt', '_com1.txt'],
    ['COM9', '_COM9'],
    ['lpt1', '_lpt1'],
    ['LPT9.pdf', '_LPT9.pdf'],
    ['prn.zip', '_prn.zip'],
    ['aux', '_aux'],
    ['AUX .txt', '_AUX .txt'],
    ['com¹', '_com¹'],
    // trailing dots and spaces, leading spaces
    ['报告. . ', '报告'],
    ['报告...', '报告'],
    ['  报告.pdf  ', '报告.pdf'],
    ['.', '未命名'],
    ['..', '未命名'],
    ['  ', '未命名'],
    ['', '未命名'],
    // control characters (C0, DEL, C1) and line separators
    ['a\u0000b\u001fc.jpg', 'abc.jpg'],
    ['a\u007fb\u0085c\u009f.jpg', 'abc.jpg'],
    ['a\tb\nc\r.pdf', 'abc.pdf'],
    ['a\u2028b\u2029c', 'abc'],
    // bidi overrides and isolates: "invoice‮fdp.exe" shows as "invoiceexe.pdf"
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['a\u202ab\u202bc\u202cd\u202de', 'abcde'],
    ['a\u2066b\u2067c\u2068d\u2069e', 'abcde'],
    // zero-width and other invisible format characters
    ['网\u200b站\u200c名\u200d称\u200e\u200f.jpg', '网站名称.jpg'],
    ['\ufeff备案.pdf', '备案.pdf'],
    ['soft\u00adhyphen', 'softhyphen'],
    ['a\u2060b\u061cc', 'abc'],
    // a lone surrogate cannot be written in UTF-8
    ['a\ud800b', 'ab'],
    // only invisible things left
    ['\u202e\u200b\u0000', '未命名'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected)
  })
})

describe('safeFileName: names that must stay as they are', () => {
  it.each([
    '张三-公安备案材料',
    '01_营业执照.jpg',
    '备案信息.pdf',
    'Console.txt',
    'CONFIG',
    'nul1',
    'com10.txt',
    'lpt',
    'a.CON',
    'my con.txt',
    'photo_512k(2).jpg',
    '.hidden',
    'résumé.pdf',
    '😀 emoji.jpg',
    'a b',
    '中文 名字（副本）.zip',
  ])('%j', (input) => {
    expect(safeFileName(input)).toBe(input)
  })

  it('uses the given fallback', () => {
    expect(safeFileName('...', '网站')).toBe('网站')
    expect(safeFileName('', { fallback: 'x' })).toBe('x')
  })
})

describe('safeFileName: length in UTF-8 bytes', () => {
  it('normalises to NFC (macOS hands out NFD)', () => {
    expect(safeFileName('e\u0301.jpg')).toBe('\u00e9.jpg')
  })

  it.each([
    ['CJK, 3 bytes each', `${'网'.repeat(100)}.jpg`, '.jpg'],
    ['ASCII', `${'a'.repeat(400)}.pdf`, '.pdf'],
    ['emoji, 4 bytes each', `${'😀'.repeat(80)}.zip`, '.zip'],
    ['mixed, no extension', `${'网a😀'.repeat(40)}`, ''],
  ])('%s: under the budget, extension kept', (_label, input, ext) => {
    const name = safeFileName(input)
    expect(utf8(name)).toBeLessThanOrEqual(MAX_COMPONENT_BYTES)
    expect(utf8(name)).toBeGreaterThan(MAX_COMPONENT_BYTES - 4)
    expect(name.endsWith(ext)).toBe(true)
    // cut on a character boundary: the name is a prefix of the input's stem plus the extension
    expect(input.startsWith(name.slice(0, name.length - ext.length))).toBe(true)
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
  })

  it('allows the full 255 bytes when asked, never more', () => {
    const name = safeFileName(`${'网'.repeat(200)}.jpg`, { maxBytes: 1000 })
    expect(utf8(name)).toBeLessThanOrEqual(MAX_NAME_BYTES)
    expect(utf8(name)).toBe(MAX_NAME_BYTES - ((MAX_NAME_BYTES - 4) % 3))
    expect(name.endsWith('.jpg')).toBe(true)
  })

  it('never leaves a trailing dot or space where the cut falls', () => {
    const name = safeFileName(`${'a'.repeat(MAX_COMPONENT_BYTES - 6)} . . x.pdf`)
    expect(name).toBe(`${'a'.repeat(MAX_COMPONENT_BYTES - 6)}.pdf`)
  })

  it('does not split an accent from its letter or a flag into halves', () => {
    expect(truncateToBytes('e\u0301e\u0301', 4)).toBe('e\u0301')
    expect(truncateToBytes('🇨🇳🇨🇳', 9)).toBe('🇨🇳')
    expect(truncateToBytes('abc', 10)).toBe('abc')
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
