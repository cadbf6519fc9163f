import { describe, expect, it } from 'vitest'
import {
  classifyDivision,
  isKnownPrefecture,
  isKnownProvince,
  provinceName,
  provinceOfShortName,
} from '../../../core/validation'

describe('division table', () => {
  it.each(['11', '15', '46', '50', '65', '71', '81', '82', '83'])('knows province %s', (p) => {
    expect(isKnownProvince(p)).toBe(true)
  })

  it.each(['00', '10', '16', '20', '24', '30', '38', '40', '47', '55', '60', '66', '70', '99'])(
    'rejects province %s',
    (p) => {
      expect(isKnownProvince(p)).toBe(false)
    },
  )

  it.each([
    ['1101', 'current'],
    ['1102', 'retired 北京 县 block'],
    ['4201', '武汉市'],
    ['4224', 'retired 荆州地区'],
    ['4290', '省直辖县级'],
    ['3290', '1984 江苏 省直辖市'],
    ['3426', 'retired 巢湖地区'],
    ['3414', 'retired 巢湖市 (2000–2011)'],
    ['5102', 'retired 重庆 under 四川'],
    ['5003', 'retired 重庆 县级市 block'],
    ['6540', '伊犁哈萨克自治州'],
    ['6590', '自治区直辖县级'],
    ['4600', '1990s 海南 direct cities'],
    ['1327', '唐山地区 range'],
  ])('knows prefecture %s (%s)', (code) => {
    expect(isKnownPrefecture(code)).toBe(true)
  })

  it.each(['1103', '1140', '3199', '4299', '4430', '5004', '6533', '6545'])(
    'rejects prefecture %s',
    (code) => {
      expect(isKnownPrefecture(code)).toBe(false)
    },
  )

  it('classifies 6-digit codes', () => {
    expect(classifyDivision('110105')).toBe('ok')
    expect(classifyDivision('990105')).toBe('unknown-province')
    expect(classifyDivision('110305')).toBe('unknown-prefecture')
    expect(classifyDivision('110100')).toBe('county-missing')
    expect(classifyDivision('441900')).toBe('ok')
    expect(classifyDivision('620200')).toBe('ok')
  })

  it('maps short names both ways', () => {
    expect(provinceOfShortName('京')).toBe('11')
    expect(provinceOfShortName('黔')).toBe('52')
    expect(provinceOfShortName('滇')).toBe('53')
    expect(provinceOfShortName('陇')).toBe('62')
    expect(provinceOfShortName('港')).toBeNull()
    expect(provinceName('440305')).toBe('广东省')
  })
})
