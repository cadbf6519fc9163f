/** Generated, fictitious records for validation tests (valid check digits, no real person). */
import type { Address, Person, Site, Subject, Workspace } from '../../../core/model'
import type { Finding } from '../../../core/validation'

export const TODAY = '2026-11-28'

// Literals, not generated: their check characters were computed outside the code under test
// (GB 11643 MOD 11-2; GB 32100 with the GB 11714 check of the embedded org code), so a
// broken check-digit function fails the "accepts" cases built on them. resident-id.test and
// uscc.test hold the generators to these same values.
/** 110105 · 1985-06-15 · 123, check 6. */
export const ADULT_ID = '110105198506151236'
/** 320102 · 1960-02-29 · 045, check 2. */
export const OLD_ID = '320102196002290452'
/** 440305 · 2010-03-01 · 007, check 0. */
export const MINOR_ID = '440305201003010070'
/** 91 · 110105 · org code MA01ABCD-5, check F. */
export const ORG_USCC = '91110105MA01ABCD5F'

export const urbanAddress = (): Address => ({
  divisionCodes: ['110000', '110100', '110105'],
  divisionNames: ['北京市', '市辖区', '朝阳区'],
  detail: '建国路88号院3号楼1单元502室',
})

export function makePerson(over: Partial<Person> = {}): Person {
  return {
    id: 'p-1',
    name: '张伟',
    idType: 'resident-id',
    idNumber: ADULT_ID,
    idExpiry: '2035-06-01',
    address: urbanAddress(),
    officePhone: '010-62345678',
    mobile: '13912345670',
    email: 'zhangwei@example.com',
    ...over,
  }
}

export function makeSubject(over: Partial<Subject> = {}): Subject {
  return {
    id: 'sub-1',
    nature: 'organization',
    orgKind: 'enterprise',
    name: '北京示例科技有限公司',
    certType: 'uscc-certificate',
    certNumber: ORG_USCC,
    investor: '张伟',
    officeAddress: urbanAddress(),
    officePhone: '010-62345678',
    principal: makePerson(),
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  }
}

export function makeIndividual(over: Partial<Subject> = {}): Subject {
  const p = makePerson({
    name: '李娜',
    idNumber: OLD_ID,
    idExpiry: 'long-term',
    mobile: '13812349876',
    email: 'lina@example.com',
    officePhone: '021-62345678',
  })
  return makeSubject({
    nature: 'individual',
    orgKind: undefined,
    certType: undefined,
    name: '李娜',
    certNumber: OLD_ID,
    investor: '',
    principal: p,
    ...over,
  })
}

export function makeSite(over: Partial<Site> = {}): Site {
  return {
    id: 'site-1',
    subjectId: 'sub-1',
    name: '示例科技官网',
    icpNumber: '京ICP备2023012345号-1',
    openingDate: '2026-11-01',
    mainDomain: 'example.com',
    extraDomains: [],
    hasOwnDomain: true,
    homeUrl: '',
    serverIps: ['8.8.8.8'],
    accessProvider: { location: 'domestic', region: '浙江省杭州市', name: '阿里云计算有限公司' },
    registrar: { location: 'domestic', region: '浙江省杭州市', name: '阿里云计算有限公司' },
    accessMethod: '云服务器',
    interactive: false,
    serviceTypes: ['www'],
    languages: ['中文简体'],
    preApprovals: [],
    securityOfficer: { sameAsPrincipal: true },
    emergencyContact: { sameAsPrincipal: true },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  }
}

export const makeWorkspace = (over: Partial<Workspace> = {}): Workspace => ({
  subjects: [makeSubject()],
  sites: [makeSite()],
  materials: [],
  ...over,
})

export const codes = (fs: readonly Finding[]): string[] => fs.map((f) => f.code)
export const errorCodes = (fs: readonly Finding[]): string[] =>
  fs.filter((f) => f.severity === 'error').map((f) => f.code)
export const fieldsOf = (fs: readonly Finding[], code: string): (string | undefined)[] =>
  fs.filter((f) => f.code === code).map((f) => f.field)
