/** Converts between a stored Person and the values its form block edits. */
import dayjs, { type Dayjs } from 'dayjs'
import type { Address, Person, PersonIdType } from '../../../../core/model'
import { newId } from '../../components/ids'
import type { DivisionValue } from '../../components/division/DivisionPicker'

export type PersonValues = {
  id: string
  name: string
  idType: PersonIdType
  idNumber: string
  idExpiryDate: Dayjs | null
  idLongTerm: boolean
  division: DivisionValue
  detail: string
  officePhone: string
  mobile: string
  email: string
}

export function emptyPersonValues(): PersonValues {
  return {
    id: newId(),
    name: '',
    idType: 'resident-id',
    idNumber: '',
    idExpiryDate: null,
    idLongTerm: false,
    division: { codes: [], names: [] },
    detail: '',
    officePhone: '',
    mobile: '',
    email: '',
  }
}

export function addressFrom(division: DivisionValue | undefined, detail: string): Address {
  const codes = division?.codes ?? []
  const names = division?.names ?? []
  const n = Math.min(codes.length, names.length, 5)
  return { divisionCodes: codes.slice(0, n), divisionNames: names.slice(0, n), detail: detail.trim() }
}

export function personFromValues(v: Partial<PersonValues> | undefined, fallback: PersonValues): Person {
  const values = { ...fallback, ...v }
  const expiry = values.idLongTerm
    ? 'long-term'
    : values.idExpiryDate
      ? values.idExpiryDate.format('YYYY-MM-DD')
      : ''
  return {
    id: values.id || fallback.id,
    name: (values.name ?? '').trim(),
    idType: values.idType ?? 'resident-id',
    idNumber: (values.idNumber ?? '').trim(),
    idExpiry: expiry,
    address: addressFrom(values.division, values.detail ?? ''),
    officePhone: (values.officePhone ?? '').trim(),
    mobile: (values.mobile ?? '').trim(),
    email: (values.email ?? '').trim(),
  }
}

export function valuesFromPerson(p: Person): PersonValues {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(p.idExpiry) ? dayjs(p.idExpiry) : null
  return {
    id: p.id,
    name: p.name,
    idType: p.idType,
    idNumber: p.idNumber,
    idExpiryDate: date,
    idLongTerm: p.idExpiry === 'long-term',
    division: { codes: [...p.address.divisionCodes], names: [...p.address.divisionNames] },
    detail: p.address.detail,
    officePhone: p.officePhone,
    mobile: p.mobile,
    email: p.email,
  }
}
