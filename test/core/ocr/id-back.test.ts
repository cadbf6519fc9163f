import { describe, expect, it } from 'vitest'
import { parseDocument, type OcrLine } from '../../../core/ocr'
import { validityRange } from '../../../core/ocr/dates'
import { at } from './lines'

const values = (lines: OcrLine[]): Record<string, string> =>
  Object.fromEntries(Object.entries(parseDocument('id-back', lines).fields).map(([k, f]) => [k, f.value]))

const title = [at('中华人民共和国', 567, 161), at('居民身份证', 534, 278)]

describe('parseDocument id-back', () => {
  it.each<[string, OcrLine[], Record<string, string>]>([
    [
      'a 20-year card',
      [
        ...title,
        at('签发机关 北京市公安局朝阳分局', 284, 536, 0.96),
        at('有效期限2022.09.14-2042.09.14', 284, 636),
      ],
      { authority: '北京市公安局朝阳分局', validFrom: '2022-09-14', validTo: '2042-09-14' },
    ],
    [
      '长期',
      [...title, at('签发机关 上海市公安局浦东分局', 284, 536), at('有效期限 2015.03.01-长期', 284, 636)],
      { authority: '上海市公安局浦东分局', validFrom: '2015-03-01', validTo: '长期' },
    ],
    [
      'label and value in separate boxes',
      [
        at('签发机关', 284, 536, 0.99, 30),
        at('深圳市公安局南山分局', 480, 532),
        at('有效期限', 284, 636, 0.99, 30),
        at('2019.11.05-2029.11.05', 480, 632),
      ],
      { authority: '深圳市公安局南山分局', validFrom: '2019-11-05', validTo: '2029-11-05' },
    ],
    [
      'a dash read as a long dash, a dot lost, O for 0',
      [at('签发机关 北京市公安局朝阳分局', 284, 536), at('有效期限 2O22.0914—2042.09.14', 284, 636)],
      { authority: '北京市公安局朝阳分局', validFrom: '2022-09-14', validTo: '2042-09-14' },
    ],
    [
      'labels not read',
      [...title, at('北京市公安局朝阳分局', 480, 536), at('2022.09.14-2042.09.14', 480, 636)],
      { authority: '北京市公安局朝阳分局', validFrom: '2022-09-14', validTo: '2042-09-14' },
    ],
    ['only the title', title, {}],
  ])('%s', (_, lines, expected) => {
    expect(values(lines)).toEqual(expected)
  })

  it('flags a term that is not 5, 10 or 20 years', () => {
    const r = parseDocument('id-back', [at('有效期限 2022.09.14-2042.09.15', 284, 636)])
    expect(r.issues.map((i) => i.code)).toEqual(['validTo.span'])
  })

  it('takes the labelled confidence and lowers an unlabelled one', () => {
    const labelled = parseDocument('id-back', [at('有效期限 2022.09.14-2042.09.14', 284, 636, 0.9)])
    const bare = parseDocument('id-back', [at('2022.09.14-2042.09.14', 284, 636, 0.9)])
    expect(labelled.fields.validTo?.confidence).toBe(0.9)
    expect(bare.fields.validTo?.confidence).toBeLessThan(0.9)
  })
})

describe('validityRange', () => {
  it.each([
    ['2022.09.14-2042.09.14', { from: '2022-09-14', to: '2042-09-14' }],
    ['20220914-20420914', { from: '2022-09-14', to: '2042-09-14' }],
    ['2022091420420914', { from: '2022-09-14', to: '2042-09-14' }],
    ['2022年09月14日至2042年09月14日', { from: '2022-09-14', to: '2042-09-14' }],
    ['2022-09-14-2042-09-14', { from: '2022-09-14', to: '2042-09-14' }],
    ['2022.09.14-长期', { from: '2022-09-14', to: '长期' }],
    ['2042.09.14-2022.09.14', null],
    ['2022.02.30-2042.02.30', null],
    ['签发机关', null],
  ])('%s', (text, expected) => {
    expect(validityRange(text)).toEqual(expected)
  })
})
