/** Generated, fictitious records for validation tests (valid check digits, no real person). */
import type { Address, Person, Site, Subject, Workspace } from '../../../core/model'
import { generateResidentId, generateUscc } from '../../../core/validation'
import type { Finding } from '../../../core/validation'

export const TODAY = '2026-11-28'

export const ADULT_ID = generateResidentId({ prefix: '110105', birth: '1985-06-15', seq: 123 })
export const OLD_ID = generateResidentId({ prefix: '320102', birth: '1960-02-29', seq: 45 })
export const MINOR_ID = generateResidentId({ prefix: '440305', birth: '2010-03-01', seq: 7 })
export const ORG_USCC = generateUscc({ division: '110105', orgBody: 'MA01ABCD' })

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
