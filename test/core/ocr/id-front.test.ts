import { describe, expect, it } from 'vitest'
import { parseDocument, type OcrLine } from '../../../core/ocr'
import { ID_F, ID_M, ID_X, at, idFrontLines } from './lines'

const TODAY = '2026-12-07'
const read = (lines: OcrLine[]) => parseDocument('id-front', lines, TODAY)
const values = (lines: OcrLine[]): Record<string, string> =>
  Object.fromEntries(Object.entries(read(lines).fields).map(([k, f]) => [k, f.value]))

const CLEAN = {
  name: '张三',
  sex: '男',
  ethnicity: '汉',
  birth: '1966-06-03',
  address: '北京市朝阳区示例路97号院15号楼1单元812室',
  idNumber: ID_M,
}

describe('parseDocument id-front', () => {
  it('reads every field of a clean card, the address over two lines', () => {
    const result = read(idFrontLines())
    expect(values(idFrontLines())).toEqual(CLEAN)
    expect(result.fields.idNumber).toMatchObject({ checked: true, confidence: 0.99 })
    expect(result.issues).toEqual([])
  })

  it.each<[string, OcrLine[], Partial<typeof CLEAN>]>([
    [
      'labels and values as separate boxes on one row',
      [
        at('姓名', 94, 99, 0.98, 30),
        at('张三', 200, 95, 0.97, 40),
        at('性别', 97, 194, 0.99, 30),
        at('男', 200, 192),
        at('民族', 320, 194, 0.99, 30),
        at('汉', 420, 192),
        at('出生', 99, 288, 0.99, 30),
        at('1966年6月3日', 200, 286),
        at('住址', 98, 380, 0.99, 30),
        at('北京市朝阳区示例路97', 200, 378),
        at('号院15号楼1单元812室', 200, 440),
        at('公民身份号码', 103, 636, 0.99, 30),
        at(ID_M, 380, 632),
      ],
      CLEAN,
    ],
    ['lines shuffled (order of detection)', [...idFrontLines()].reverse(), CLEAN],
    [
      'spaced labels, full-width digits and a dropped 日',
      [
        at('姓 名 张三', 94, 99),
        at('性 别 男 民 族 汉', 97, 194),
        at('出 生 １９６６年６月３', 99, 288),
        at('住 址 北京市朝阳区示例路97', 98, 380),
        at('号院15号楼1单元812室', 233, 440),
        at(`公民身份号码 ${ID_M}`, 103, 636),
      ],
      CLEAN,
    ],
    [
      'labels not read at all (light print)',
      [at('张三', 200, 95), at('男 民族 汉', 200, 194), at('1966年6月3日', 200, 288), at(ID_M, 380, 636)],
      { name: '张三', sex: '男', birth: '1966-06-03', idNumber: ID_M, ethnicity: '汉' },
    ],
    [
      'a minority name with a middle dot and 族 after the ethnicity',
      [
        at('姓名 阿依古丽•示例', 94, 99),
        at('性别 女 民族 维吾尔族', 97, 194),
        at('出生 1990年12月24日', 99, 288),
        at('住址 新疆示例市示例路1号', 98, 380),
        at(`公民身份号码 ${ID_F}`, 103, 636),
      ],
      {
        name: '阿依古丽·示例',
        sex: '女',
        ethnicity: '维吾尔',
        birth: '1990-12-24',
        address: '新疆示例市示例路1号',
        idNumber: ID_F,
      },
    ],
    [
      'an X check character read as lower-case x',
      [at('出生 1985年3月7日', 99, 288), at(`公民身份号码 ${ID_X.toLowerCase()}`, 103, 636)],
      { birth: '1985-03-07', idNumber: ID_X },
    ],
    [
      'no boxes at all (lines in reading order)',
      idFrontLines().map(({ text, confidence }) => ({ text, confidence })),
      CLEAN,
    ],
  ])('%s', (_, lines, expected) => {
    expect(values(lines)).toEqual(expected)
  })

  it('repairs an O read for 0 in the number, lowering its confidence', () => {
    const noisy = idFrontLines(ID_M.replace('0', 'O'))
    const f = read(noisy).fields.idNumber
    expect(f).toMatchObject({ value: ID_M, checked: true, raw: ID_M.replace('0', 'O') })
    expect(f?.confidence).toBeLessThan(0.99)
  })

  it('does not fill the number when a digit was misread, and says why', () => {
    const wrong = ID_M.slice(0, 10) + (ID_M[10] === '3' ? '4' : '3') + ID_M.slice(11)
    const result = read(idFrontLines(wrong))
    expect(result.fields.idNumber).toBeUndefined()
    expect(result.issues).toEqual([expect.objectContaining({ field: 'idNumber', code: 'idNumber.checksum' })])
    expect(result.issues[0]?.message).toContain('校验位')
  })

  it('flags a sex that disagrees with the number', () => {
    const result = read(idFrontLines(ID_M, '女'))
    expect(result.issues.map((i) => i.code)).toEqual(['sex.mismatch'])
  })

  it('flags a birth date that disagrees with the number', () => {
    const lines = idFrontLines(ID_F, '女')
    expect(read(lines).issues.map((i) => i.code)).toEqual(['birth.mismatch'])
  })

  it('keeps the lowest confidence of the lines a wrapped address came from', () => {
    const lines = idFrontLines()
    lines[4] = { ...(lines[4] as OcrLine), confidence: 0.71 }
    expect(read(lines).fields.address?.confidence).toBe(0.71)
  })

  it('does not take an unknown ethnicity or a sex other than 男/女', () => {
    const lines = [at('性别 M 民族 火星', 97, 194), at(`公民身份号码 ${ID_M}`, 103, 636)]
    expect(Object.keys(read(lines).fields)).toEqual(['idNumber'])
  })

  it('returns nothing from an empty or unrelated image', () => {
    expect(read([])).toEqual({ kind: 'id-front', fields: {}, issues: [] })
    expect(read([at('仅供备案使用', 10, 10), at('2024', 10, 80)]).fields).toEqual({})
  })
})
