import { describe, expect, it } from 'vitest'
import { subjectSchema } from '../../../../core/schemas'
import {
  emptySubjectValues,
  subjectFromValues,
  valuesFromSubject,
} from '../../../../renderer/src/features/subject/subject-values'

const identity = { id: 'subj_1', createdAt: '2026-11-01T00:00:00.000Z' }

function individualValues() {
  const base = emptySubjectValues()
  return {
    ...base,
    principal: {
      ...base.principal,
      name: ' 李小明 ',
      idNumber: '110105199003071239',
      idLongTerm: false,
      division: { codes: ['11', '1101', '110105'], names: ['北京市', '市辖区', '朝阳区'] },
      detail: '建国路88号',
      officePhone: '010-65871234',
      mobile: '13958203746',
      email: 'li@example.com',
    },
  }
}

describe('subject values', () => {
  it('mirrors the holder into the 个人 subject and passes the schema', () => {
    const subject = subjectFromValues(individualValues(), emptySubjectValues(), identity)
    expect(subjectSchema.safeParse(subject).success).toBe(true)
    expect(subject).toMatchObject({
      id: 'subj_1',
      nature: 'individual',
      name: '李小明',
      certNumber: '110105199003071239',
      officePhone: '010-65871234',
      createdAt: identity.createdAt,
    })
    expect(subject.officeAddress).toEqual(subject.principal.address)
    expect(subject.principal.address.divisionNames).toEqual(['北京市', '市辖区', '朝阳区'])
    expect(subject.orgKind).toBeUndefined()
  })

  it('builds a schema-valid 单位 subject even when nearly empty', () => {
    const values = { ...emptySubjectValues(), nature: 'organization' as const, name: '某某科技有限公司' }
    const subject = subjectFromValues(values, emptySubjectValues(), { id: 'subj_2' })
    expect(subjectSchema.safeParse(subject).success).toBe(true)
    expect(subject).toMatchObject({
      nature: 'organization',
      orgKind: 'enterprise',
      certType: 'uscc-certificate',
    })
    expect(subject.createdAt).toBe(subject.updatedAt)
  })

  it('round-trips through the form values', () => {
    const subject = subjectFromValues(individualValues(), emptySubjectValues(), identity)
    const again = subjectFromValues(valuesFromSubject(subject), emptySubjectValues(), identity)
    expect({ ...again, updatedAt: '' }).toEqual({ ...subject, updatedAt: '' })
  })

  it('stores 长期 as long-term', () => {
    const values = individualValues()
    values.principal.idLongTerm = true
    expect(subjectFromValues(values, emptySubjectValues(), identity).principal.idExpiry).toBe('long-term')
  })
})
