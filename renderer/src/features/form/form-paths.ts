/**
 * Model field paths (as the validators report them) → the form's name paths, so a finding in
 * the data check can scroll to and focus its field.
 */
import type { SubjectNature } from '../../../../core/model'
import { fieldAlias } from './findings'

type NamePath = (string | number)[]

const individualAlias = fieldAlias([
  ['name', 'principal.name'],
  ['certNumber', 'principal.idNumber'],
  ['officeAddress', 'principal.address'],
  ['officePhone', 'principal.officePhone'],
])

function personPath(base: string, rest: string): NamePath {
  if (rest.startsWith('address.detail')) return [base, 'detail']
  if (rest.startsWith('address')) return [base, 'division']
  if (rest.startsWith('idExpiry')) return [base, 'idExpiryDate']
  return [base, rest.split('.')[0] ?? rest]
}

export function subjectFormPath(field: string, nature: SubjectNature): NamePath {
  const f = nature === 'individual' ? individualAlias(field) : field
  if (f.startsWith('principal.')) return personPath('principal', f.slice('principal.'.length))
  if (f.startsWith('officeAddress.detail')) return ['officeDetail']
  if (f.startsWith('officeAddress')) return ['officeDivision']
  return [f.split('.')[0] ?? f]
}

export function siteFormPath(field: string): NamePath {
  if (field.startsWith('securityOfficer.person.'))
    return personPath('security', field.slice('securityOfficer.person.'.length))
  if (field.startsWith('emergencyContact.person.'))
    return personPath('emergency', field.slice('emergencyContact.person.'.length))
  const [head, second] = field.split('.')
  if ((head === 'accessProvider' || head === 'registrar') && second) return [head, second]
  return [head ?? field]
}
