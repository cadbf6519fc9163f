import { describe, expect, it } from 'vitest'
import { addressSchema, personSchema, siteSchema, subjectSchema } from '../../../../core/schemas'
import { TEXT_MAX } from '../../../../renderer/src/features/form/text-limits'

// What an input lets the user type is exactly what main stores: the longest text passes the
// stored model's schema, one character more does not.
describe('TEXT_MAX', () => {
  const cases = [
    ...Object.entries(TEXT_MAX.person).map(
      ([k, n]) => [`person.${k}`, personSchema.shape[k as keyof typeof TEXT_MAX.person], n] as const,
    ),
    ...Object.entries(TEXT_MAX.subject).map(
      ([k, n]) => [`subject.${k}`, subjectSchema.shape[k as keyof typeof TEXT_MAX.subject], n] as const,
    ),
    ...Object.entries(TEXT_MAX.site).map(
      ([k, n]) => [`site.${k}`, siteSchema.shape[k as keyof typeof TEXT_MAX.site], n] as const,
    ),
    ['address.detail', addressSchema.shape.detail, TEXT_MAX.addressDetail] as const,
  ]

  it.each(cases)('%s: the field limit is the schema limit', (_name, schema, n) => {
    expect(n).toBeGreaterThan(0)
    expect(schema.safeParse('字'.repeat(n)).success).toBe(true)
    expect(schema.safeParse('字'.repeat(n + 1)).success).toBe(false)
  })

  it('keeps the limits the forms had (names 60/120, IDs 40, phones 30, e-mail 120, address 200, domain 260, URL 500)', () => {
    expect(TEXT_MAX).toEqual({
      person: { name: 60, idNumber: 40, officePhone: 30, mobile: 30, email: 120 },
      addressDetail: 200,
      subject: { name: 120, certNumber: 40, investor: 120, officePhone: 30 },
      site: { name: 120, icpNumber: 40, mainDomain: 260, homeUrl: 500 },
    })
  })
})
