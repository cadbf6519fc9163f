import { describe, expect, it } from 'vitest'
import { safeCell, toCsv } from '../../../core/client-import'

describe('toCsv', () => {
  it('starts with a BOM, quotes commas, quotes and line breaks, ends lines with CRLF', () => {
    const csv = toCsv([
      ['客户', '备注'],
      ['甲,乙', '说 "好"\n第二行'],
    ])
    expect(csv).toBe('\uFEFF客户,备注\r\n"甲,乙","说 ""好""\n第二行"\r\n')
  })
  it.each([
    ['=1+1', "'=1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+86 138', "'+86 138"],
    ['-3', '-3'],
    ['12', '12'],
    ['甲公司', '甲公司'],
  ])('safeCell(%s) = %s', (input, output) => expect(safeCell(input)).toBe(output))
})
