/**
 * The longest text each form field takes, read from the stored model's schemas (core/schemas),
 * so an input never accepts more than main would store.
 */
import { addressSchema, personSchema, siteSchema, subjectSchema } from '../../../../core/schemas'

const max = (schema: { readonly maxLength: number | null }): number => {
  if (schema.maxLength === null) throw new Error('text-limits: the schema has no maximum length')
  return schema.maxLength
}

const person = personSchema.shape
const subject = subjectSchema.shape
const site = siteSchema.shape

export const TEXT_MAX = {
  person: {
    name: max(person.name),
    idNumber: max(person.idNumber),
    officePhone: max(person.officePhone),
    mobile: max(person.mobile),
    email: max(person.email),
  },
  addressDetail: max(addressSchema.shape.detail),
  subject: {
    name: max(subject.name),
    certNumber: max(subject.certNumber),
    investor: max(subject.investor),
    officePhone: max(subject.officePhone),
  },
  site: {
    name: max(site.name),
    icpNumber: max(site.icpNumber),
    mainDomain: max(site.mainDomain),
    homeUrl: max(site.homeUrl),
  },
} as const
