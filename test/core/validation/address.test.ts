import { describe, expect, it } from 'vitest'
import type { Address } from '../../../core/model'
import { hasDoorNumber, validateAddress } from '../../../core/validation'
import { codes, urbanAddress } from './fixtures'

const rural = (over: Partial<Address> = {}): Address => ({
  divisionCodes: ['410000', '410100', '410122'],
  divisionNames: ['河南省', '郑州市', '中牟县'],
  detail: '',
  ...over,
})

describe('validateAddress (rule ⑥)', () => {
  it.each([
    ['urban with door number', urbanAddress()],
    ['urban with 号 only', { ...urbanAddress(), detail: '中关村大街27号' }],
    ['urban with Chinese numerals', { ...urbanAddress(), detail: '人民路十八号' }],
    ['PO box', { ...urbanAddress(), detail: '北京市100044信箱' }],
    ['building-unit-room digits', { ...urbanAddress(), detail: '望京花园3-2-501' }],
    ['rural, village in the detail', rural({ detail: '官渡镇小王庄村三组' })],
    ['rural, 嘎查', rural({ detail: '某某苏木巴彦嘎查' })],
    [
      'rural, village chosen as 5th level',
      rural({
        divisionCodes: ['410000', '410100', '410122', '410122100', '410122100201'],
        divisionNames: ['河南省', '郑州市', '中牟县', '城关镇', '某某村委会'],
        detail: '三组',
      }),
    ],
  ])('accepts %s', (_label, a) => {
    expect(validateAddress(a, 'officeAddress')).toEqual([])
  })

  it('requires province, city and county', () => {
    const f = validateAddress({ ...urbanAddress(), divisionCodes: ['110000', '110100'] }, 'officeAddress')
    expect(codes(f)).toEqual(['address.division'])
    expect(f[0]?.field).toBe('officeAddress.divisionCodes')
  })

  it('rejects an unknown province code', () => {
    expect(
      codes(validateAddress({ ...urbanAddress(), divisionCodes: ['990000', '990100', '990101'] }, 'a')),
    ).toEqual(['address.province'])
  })

  it('requires a detail', () => {
    const f = validateAddress({ ...urbanAddress(), detail: '  ' }, 'principal.address')
    expect(f.map((x) => [x.code, x.field])).toEqual([['address.detail-required', 'principal.address.detail']])
  })

  it('rejects an urban address without door number and explains', () => {
    const f = validateAddress({ ...urbanAddress(), detail: '建国路' }, 'officeAddress')
    expect(codes(f)).toEqual(['address.door-number'])
    expect(f[0]?.message).toContain('门牌号')
    expect(f[0]?.message).toContain('规则⑥')
  })

  it.each(['中关村大街', '中关村南大街', '曹杨新村'])(
    'does not take the urban place name %s for a village',
    (detail) => {
      expect(codes(validateAddress({ ...urbanAddress(), detail }, 'a'))).toEqual(['address.door-number'])
    },
  )

  it('rejects a rural address that stops at the group without the village', () => {
    const f = validateAddress(rural({ detail: '第三组' }), 'officeAddress')
    expect(codes(f)).toEqual(['address.village'])
    expect(f[0]?.message).toContain('村')
  })

  it('treats a 乡 township without village as rural and incomplete', () => {
    const a = rural({
      divisionCodes: ['410000', '410100', '410122', '410122200'],
      divisionNames: ['河南省', '郑州市', '中牟县', '刘集乡'],
      detail: '刘集街',
    })
    expect(codes(validateAddress(a, 'x'))).toEqual(['address.village'])
  })
})

describe('validateAddress: the whole rural/urban class', () => {
  const township = (name: string, detail: string): Address =>
    rural({
      divisionCodes: ['410000', '410100', '410122', '410122200'],
      divisionNames: ['河南省', '郑州市', '中牟县', name],
      detail,
    })

  it.each([
    ['a 乡 seat with a door number', township('刘集乡', '刘集街18号')],
    ['a 苏木 seat with a door number', township('桑根达来苏木', '团结路6号院2排')],
    ['a 乡 seat with a room number', township('刘集乡', '供销社大楼3层')],
    [
      'a village division with a door number',
      rural({
        divisionCodes: ['410000', '410100', '410122', '410122100', '410122100201'],
        divisionNames: ['河南省', '郑州市', '中牟县', '城关镇', '张庄村委会'],
        detail: '张庄村12号',
      }),
    ],
    ['a village and its group ending the address', rural({ detail: '官渡镇张庄村3组' })],
    ['a village and its 村民小组', rural({ detail: '官渡镇张庄村村民小组' })],
    ['a 嘎查 and its group', rural({ detail: '某某苏木巴彦嘎查二组' })],
    ['a 屯 ending the address', rural({ detail: '某某镇李家屯' })],
    ['a village anywhere in a 乡 address', township('刘集乡', '王家村小学旁')],
  ])('accepts %s', (_label, a) => {
    expect(validateAddress(a, 'officeAddress')).toEqual([])
  })

  it.each(['中关村软件园', '五道口村大厦', '西三旗村科技园东区', '中关村创业大街', '曹杨新村'])(
    'an urban %s without a door number still needs one',
    (detail) => {
      expect(codes(validateAddress({ ...urbanAddress(), detail }, 'a'))).toEqual(['address.door-number'])
    },
  )

  it.each(['刘集街', '乡政府对面', '三组'])(
    'a 乡 address “%s” with neither village nor door number is refused',
    (detail) => {
      expect(codes(validateAddress(township('刘集乡', detail), 'a'))).toEqual(['address.village'])
    },
  )
})

describe('hasDoorNumber', () => {
  it.each([
    ['88号', true],
    ['3栋502室', true],
    ['A座1201', true],
    ['2单元', true],
    ['解放路', false],
    ['某某小区', false],
  ])('%s → %s', (s, want) => {
    expect(hasDoorNumber(s)).toBe(want)
  })
})
