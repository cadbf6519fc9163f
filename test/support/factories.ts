/** Model objects for tests: synthetic people only, IDs with valid GB 11643 check characters. */
import type { FilingEvent, FilingEventKind } from '../../core/filing/events'
import type { Material, Person, Site, SlotKey, Subject } from '../../core/model'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** A synthetic 18-digit resident ID (prefix 110105 = 北京市朝阳区) with a valid check char. */
export function syntheticResidentId(birth = '19900307', seq = '123'): string {
  const body = `110105${birth}${seq}`
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (WEIGHTS[i] ?? 0), 0)
  return body + CHECK[sum % 11]
}

let counter = 0
export const testId = (prefix: string): string =>
  `${prefix}${(++counter).toString(36)}${Date.now().toString(36)}`

export function makePerson(over: Partial<Person> = {}): Person {
  return {
    id: testId('p'),
    name: '李小明',
    idType: 'resident-id',
    idNumber: syntheticResidentId(),
    idExpiry: '2035-06-30',
    address: {
      divisionCodes: ['110000', '110100', '110105'],
      divisionNames: ['北京市', '市辖区', '朝阳区'],
      detail: '建国路 88 号 3 号楼 1201 室',
    },
    officePhone: '',
    mobile: '13952718460',
    email: 'lixiaoming@example.com',
    ...over,
  }
}

export function makeIndividual(over: Partial<Subject> = {}): Subject {
  const principal = over.principal ?? makePerson()
  const now = new Date().toISOString()
  return {
    id: testId('s'),
    nature: 'individual',
    name: principal.name,
    certNumber: principal.idNumber,
    investor: '',
    officeAddress: principal.address,
    officePhone: '',
    principal,
    createdAt: now,
    updatedAt: now,
    ...over,
  }
}

export function makeSite(subjectId: string, over: Partial<Site> = {}): Site {
  const now = new Date().toISOString()
  return {
    id: testId('w'),
    subjectId,
    name: '小明的博客',
    icpNumber: '京ICP备12345678号-1',
    openingDate: '2026-11-01',
    mainDomain: 'example-blog.cn',
    extraDomains: [],
    hasOwnDomain: true,
    homeUrl: '',
    serverIps: ['47.95.1.10'],
    accessProvider: { location: 'domestic', region: '浙江省杭州市', name: '阿里云计算有限公司' },
    registrar: { location: 'domestic', region: '浙江省杭州市', name: '阿里云计算有限公司' },
    accessMethod: '云服务器',
    interactive: false,
    serviceTypes: ['www'],
    languages: ['中文简体'],
    preApprovals: [],
    securityOfficer: { sameAsPrincipal: true },
    emergencyContact: { sameAsPrincipal: true },
    createdAt: now,
    updatedAt: now,
    ...over,
  }
}

export function makeMaterial(
  ownerKind: 'subject' | 'site',
  ownerId: string,
  slot: SlotKey,
  over: Partial<Material> = {},
): Material {
  const id = testId('m')
  return {
    id,
    ownerKind,
    ownerId,
    slot,
    sourceName: `${slot}.jpg`,
    sourceFormat: 'jpeg',
    sourceWidth: 100,
    sourceHeight: 60,
    originalBytes: 2000,
    edit: { rotate: 0, crop: null, watermark: null },
    originalFile: `materials/${ownerKind}-${ownerId}/${slot}-${id}.original.jpeg`,
    compressedFile: `materials/${ownerKind}-${ownerId}/${slot}-${id}.jpg`,
    bytes: 1000,
    width: 100,
    height: 60,
    quality: 85,
    maxBytes: 512000,
    sha256: '0'.repeat(64),
    warnings: [],
    importedAt: new Date().toISOString(),
    ...over,
  }
}

let eventCount = 0

/** A filing event of a site; recordedAt grows with each call, so events keep the order they were made in. */
export function makeSiteEvent(siteId: string, kind: FilingEventKind, date: string): FilingEvent {
  eventCount++
  return {
    id: `ev${eventCount}`,
    ownerKind: 'site',
    ownerId: siteId,
    kind,
    date,
    note: '',
    operator: '',
    recordedAt: `2026-01-01T00:${String(Math.floor(eventCount / 60) % 60).padStart(2, '0')}:${String(eventCount % 60).padStart(2, '0')}Z`,
  }
}
