import { describe, expect, it } from 'vitest'
import { ORG_CERT_TYPES, ORG_KINDS, PERSON_ID_TYPES } from '../../../core/model'
import {
  ACCESS_METHODS,
  idTypeAllowsLongTerm,
  LANGUAGES,
  ORG_CERT_TYPE_LABELS,
  ORG_KIND_LABELS,
  PERSON_ID_TYPE_LABELS,
  PRE_APPROVALS,
  providerForBrand,
  SERVICE_TYPES,
  SUGGESTED_PROVIDERS,
} from '../../../core/validation'

describe('labels', () => {
  it('label every enum value of the model in Chinese', () => {
    for (const k of ORG_KINDS) expect(ORG_KIND_LABELS[k]).toMatch(/\p{Script=Han}/u)
    for (const k of ORG_CERT_TYPES) expect(ORG_CERT_TYPE_LABELS[k]).toMatch(/\p{Script=Han}/u)
    for (const k of PERSON_ID_TYPES) expect(PERSON_ID_TYPE_LABELS[k]).toMatch(/\p{Script=Han}/u)
    expect(Object.keys(PERSON_ID_TYPE_LABELS)).toHaveLength(PERSON_ID_TYPES.length)
  })

  it('长期 is offered for the types that can carry it, not for passports, permits or temporary IDs', () => {
    expect(PERSON_ID_TYPES.filter(idTypeAllowsLongTerm)).toEqual([
      'resident-id',
      'officer-id',
      'student-id',
      'driving-licence',
      'other',
    ])
  })
})

describe('providers and option lists', () => {
  it('suggested providers are unique legal names with a region when domestic', () => {
    const names = SUGGESTED_PROVIDERS.map((p) => p.name)
    expect(new Set(names).size).toBe(names.length)
    for (const p of SUGGESTED_PROVIDERS) {
      if (p.location === 'domestic' && p.region === '') expect(p.note).toBeTruthy()
      expect(p.roles.length).toBeGreaterThan(0)
    }
    expect(names).toContain('腾讯云计算（北京）有限责任公司')
  })

  it.each([
    ['阿里云', '阿里云计算有限公司'],
    ['ALIYUN', '阿里云计算有限公司'],
    ['华为云', '华为云计算技术有限公司'],
    ['西部数码', '成都西维数码科技有限公司'],
  ])('maps the brand %s to %s', (brand, legal) => {
    expect(providerForBrand(brand)?.name).toBe(legal)
  })

  it('has no brand match for a legal name or nothing', () => {
    expect(providerForBrand('阿里云计算有限公司')).toBeNull()
    expect(providerForBrand('')).toBeNull()
  })

  it('option lists match the old portal', () => {
    expect(SERVICE_TYPES).toHaveLength(27)
    expect(SERVICE_TYPES[3]).toBe('论坛BBS')
    expect(LANGUAGES).toContain('中文简体')
    expect(PRE_APPROVALS).toContain('医疗保健')
    expect(ACCESS_METHODS).toContain('租赁虚拟空间')
  })
})
