import { PDFDocument, type PDFFont } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { embedCjkFont } from '../../../../electron/main/services/packet-pdf/font'
import { footerText, printable, wrapText } from '../../../../electron/main/services/packet-pdf/layout'

let font: PDFFont
beforeAll(async () => {
  font = await embedCjkFont(await PDFDocument.create())
})

describe('wrapText', () => {
  const cases = [
    '北京市朝阳区建国路 88 号 3 号楼 1201 室，靠近地铁站东北口，快递请放前台',
    'lixiaoming.very.long.address@example-company-with-a-long-name.com.cn',
    'www.example-blog.cn、例子.中国、another-example.com.cn、第四个域名.中国',
    '短',
    '',
  ]
  for (const text of cases) {
    it(`keeps every character and stays within the width: "${text.slice(0, 12)}…"`, () => {
      const width = 120
      const lines = wrapText(font, text, 10, width)
      expect(lines.length).toBeGreaterThanOrEqual(1)
      for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(width + 0.01)
      expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''))
    })
  }

  it('breaks Latin text at spaces, not inside words that fit', () => {
    const lines = wrapText(font, 'alpha beta gamma delta epsilon zeta eta theta', 10, 80)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(line).toMatch(/^[a-z]+( [a-z]+)*$/)
  })

  it('turns control characters and line separators into spaces', () => {
    expect(printable('甲\r\n乙\t丙\u2028丁\u0000')).toBe('甲 乙 丙 丁 ')
    expect(wrapText(font, '甲\n乙', 10, 500)).toEqual(['甲 乙'])
  })

  it('writes characters the font cannot draw as their code point, and drops variation selectors', () => {
    // 𠀀 (U+20000, CJK Extension B) is beyond Noto Sans SC; 龑 is in it.
    expect(wrapText(font, '王𠀀龑', 10, 500)).toEqual(['王〔U+20000〕龑'])
    expect(wrapText(font, '葛\u{e0100}\ufe0f明', 10, 500)).toEqual(['葛明'])
  })
})

describe('footerText', () => {
  const base = { date: '2026-12-07', draft: false }

  it('keeps a short title whole', () => {
    expect(footerText(font, { ...base, title: '公安联网备案信息 - 小明的博客' }, 8.5, 380)).toBe(
      '公安联网备案信息 - 小明的博客  生成于 2026-12-07',
    )
  })

  it.each([
    '公安联网备案信息 - 星河数码官网（国际版）Xinghe Digital International Official Website',
    `公安联网备案信息 - ${'很长的网站名称'.repeat(12)}`,
    `公安联网备案信息 - ${'averyveryverylongname'.repeat(5)}`,
  ])('shortens a long title with … so the date and 草稿 stay on the line: %s', (title) => {
    const text = footerText(font, { date: '2026-12-07', draft: true, title }, 8.5, 380)
    expect(text.endsWith('…  生成于 2026-12-07  草稿')).toBe(true)
    expect(title.startsWith(text.split('…')[0] ?? '-')).toBe(true)
    expect(font.widthOfTextAtSize(text, 8.5)).toBeLessThanOrEqual(380)
    expect(font.widthOfTextAtSize(text, 8.5)).toBeGreaterThan(330)
  })
})
