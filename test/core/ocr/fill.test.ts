import { describe, expect, it } from 'vitest'
import { hasMismatch, personFill, subjectFill } from '../../../core/ocr/fill'
import { splitAddress } from '../../../core/ocr/address'
import { createDivisionService } from '../../../electron/main/services/divisions'
import type { Person, Subject } from '../../../core/model'
import { generateUscc } from '../../../core/validation'
import { makeIndividual, makePerson } from '../../support/factories'

// A synthetic number; `checked` (the parser's check-digit verdict) decides whether it is offered.
const NUMBER = '11010519491231002X'
const person = (p: Partial<Person> = {}): Person => ({
  id: 'p1',
  name: '',
  idType: 'resident-id',
  idNumber: '',
  idExpiry: '',
  address: { divisionCodes: [], divisionNames: [], detail: '' },
  officePhone: '',
  mobile: '',
  email: '',
  ...p,
})
const front = (checked: boolean) => ({
  kind: 'id-front' as const,
  fields: {
    name: { value: '张三', confidence: 0.98 },
    idNumber: { value: NUMBER, confidence: 0.97, checked },
    address: { value: '北京市朝阳区示例路1号', confidence: 0.9 },
  },
})

describe('personFill', () => {
  it('offers every value read for empty fields', () => {
    const items = personFill(front(true), person())
    expect(items.map((i) => [i.field, i.state])).toEqual([
      ['name', 'offer'],
      ['idNumber', 'offer'],
      ['address', 'offer'],
    ])
    expect(hasMismatch(items)).toBe(false)
  })

  it('never offers a number whose check digit fails', () => {
    expect(personFill(front(false), person()).map((i) => i.field)).not.toContain('idNumber')
  })

  it('flags a typed number that differs by one digit, accepts the same one in lower case', () => {
    const typed = person({ idNumber: '11010519491231003X', name: '张三' })
    const items = personFill(front(true), typed)
    expect(items.find((i) => i.field === 'idNumber')?.state).toBe('mismatch')
    expect(items.find((i) => i.field === 'name')?.state).toBe('same')
    expect(hasMismatch(items)).toBe(true)
    expect(personFill(front(true), person({ idNumber: NUMBER.toLowerCase() }))[1]?.state).toBe('same')
  })

  it('never flags the address (the 常住地址 may differ from the card)', () => {
    const moved = person({ address: { divisionCodes: ['44'], divisionNames: ['广东省'], detail: '别处' } })
    expect(personFill(front(true), moved).find((i) => i.field === 'address')?.state).toBe('same')
  })

  it('fills 证件有效期 from the ID back, 长期 as long-term', () => {
    const back = (validTo: string) => ({
      kind: 'id-back' as const,
      fields: { validTo: { value: validTo, confidence: 0.95 } },
    })
    expect(personFill(back('长期'), person())[0]).toMatchObject({
      field: 'idExpiry',
      value: 'long-term',
      state: 'offer',
    })
    expect(personFill(back('2036-05-01'), person({ idExpiry: '2036-05-01' }))[0]?.state).toBe('same')
    expect(personFill(back('2036-05-01'), person({ idExpiry: 'long-term' }))[0]?.state).toBe('mismatch')
  })
})

describe('splitAddress on the bundled division data', () => {
  const divisions = createDivisionService('assets/divisions')
  const load = (code: string | null) => divisions.children(code)

  it('splits a municipality address through its 市辖区 level', async () => {
    const split = await splitAddress('北京市朝阳区示例路1号院2号楼', load)
    expect(split.names.slice(0, 3)).toEqual(['北京市', '市辖区', '朝阳区'])
    expect(split.codes.slice(0, 3)).toEqual(['11', '1101', '110105'])
    expect(split.detail).toBe('示例路1号院2号楼')
  })

  it('splits a province address written with short names', async () => {
    const split = await splitAddress('广东广州市天河区示例大道88号', load)
    expect(split.names.slice(0, 3)).toEqual(['广东省', '广州市', '天河区'])
    expect(split.detail.endsWith('示例大道88号')).toBe(true)
  })

  it('keeps everything as detail when no province matches', async () => {
    expect(await splitAddress('示例路1号', load)).toEqual({ codes: [], names: [], detail: '示例路1号' })
  })
})

describe('subjectFill', () => {
  const USCC = generateUscc({ orgBody: '56781234' })
  const org = (over: Partial<Subject> = {}): Subject =>
    makeIndividual({
      nature: 'organization',
      orgKind: 'enterprise',
      certType: 'business-licence',
      name: '',
      certNumber: '',
      officeAddress: { divisionCodes: [], divisionNames: [], detail: '' },
      principal: makePerson({ name: '' }),
      ...over,
    })
  const licence = (checked: boolean) => ({
    kind: 'licence' as const,
    fields: {
      name: { value: '示例科技（北京）有限公司', confidence: 0.96 },
      uscc: { value: USCC, confidence: 0.95, checked },
      representative: { value: '张三', confidence: 0.93 },
      address: { value: '北京市海淀区示例路8号', confidence: 0.9 },
    },
  })

  it('offers the name, credit code, representative and 住所 for an empty 单位', () => {
    expect(subjectFill(licence(true), org()).map((i) => [i.field, i.state])).toEqual([
      ['orgName', 'offer'],
      ['certNumber', 'offer'],
      ['representative', 'offer'],
      ['officeAddress', 'offer'],
    ])
  })

  it('never offers a credit code whose check character fails', () => {
    expect(subjectFill(licence(false), org()).map((i) => i.field)).not.toContain('certNumber')
  })

  it('flags a typed credit code and a representative that differ; brackets of either width agree', () => {
    const other = generateUscc({ orgBody: '56781235' })
    const items = subjectFill(
      licence(true),
      org({ name: '示例科技(北京)有限公司', certNumber: other, principal: makePerson({ name: '李四' }) }),
    )
    const state = (f: string) => items.find((i) => i.field === f)?.state
    expect(state('orgName')).toBe('same')
    expect(state('certNumber')).toBe('mismatch')
    expect(state('representative')).toBe('mismatch')
    expect(hasMismatch(items)).toBe(true)
  })

  it('does not compare a number of another kind (军队代号) or flag a moved office', () => {
    const items = subjectFill(
      licence(true),
      org({
        certNumber: '12345',
        officeAddress: { divisionCodes: ['44'], divisionNames: ['广东省'], detail: '别处' },
      }),
    )
    expect(items.map((i) => i.field)).not.toContain('certNumber')
    expect(items.find((i) => i.field === 'officeAddress')?.state).toBe('same')
  })

  it('gives nothing for a 个人 or for an ID card', () => {
    expect(subjectFill(licence(true), makeIndividual())).toEqual([])
    expect(subjectFill(front(true), org())).toEqual([])
  })
})
