// A generated agency workspace for scale tests and benchmarks (issue 10 §6): 300 subjects,
// 1,000 sites, 20 filing events per site, every event a legal step of the stage machine.
// Synthetic people only (placeholder names, IDs and credit codes with valid check characters).
// Usage: npx tsx scripts/make-agency-workspace.ts --data-dir DIR [--subjects 300] [--sites 1000] [--events 20]
// Writes the workspace to DIR through the app's own store (config.json, the index, and store/, one shard
// per subject); refuses a folder that already has a config.json.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FilingEvent } from '../core/filing/events'
import { SITE_TRANSITIONS, SITE_TARGET, type SiteEventKind, type SiteStage } from '../core/filing/stages'
import type { Address, Person, Site, Subject, Workspace } from '../core/model'
import { addDays } from '../core/validation/dates'
import { generateResidentId, generateUscc } from '../core/validation'

export type AgencyOptions = { subjects: number; sites: number; events: number; today: string; seed: number }
export const AGENCY_DEFAULTS: AgencyOptions = {
  subjects: 300,
  sites: 1000,
  events: 20,
  today: '2026-12-07',
  seed: 10,
}

/** mulberry32: a small deterministic PRNG, so every run builds the same workspace. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = ['张', '李', '王', '赵', '钱', '孙', '周', '吴']
const GIVEN = ['三', '四', '五', '六', '示例', '测试', '小明', '小红']
const TRADES = ['科技', '网络', '信息', '文化', '传媒', '软件', '电子商务', '教育咨询']
const ADDRESS: Address = {
  divisionCodes: ['110000', '110100', '110105'],
  divisionNames: ['北京市', '市辖区', '朝阳区'],
  detail: '示例路 1 号 2 号楼 301 室',
}
const pad = (n: number, w: number) => String(n).padStart(w, '0')

function person(i: number, next: () => number): Person {
  const birth = `19${60 + (i % 40)}-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`
  return {
    id: `p${pad(i, 6)}`,
    name: `${SURNAMES[i % 8]}${GIVEN[Math.floor(i / 8) % 8]}`,
    idType: 'resident-id',
    idNumber: generateResidentId({ prefix: '110105', birth, seq: Math.floor(next() * 999) }),
    idExpiry: 'long-term',
    address: ADDRESS,
    officePhone: `010-6${pad(1000000 + i, 7).slice(-7)}`,
    mobile: `139${pad(10000000 + i * 7919, 8).slice(-8)}`,
    email: `user${i}@example.com`,
  }
}

function subject(i: number, next: () => number, now: string): Subject {
  const principal = person(i, next)
  if (i % 3 === 0)
    return {
      id: `s${pad(i, 6)}`,
      nature: 'individual',
      name: principal.name,
      certNumber: principal.idNumber,
      investor: '',
      officeAddress: ADDRESS,
      officePhone: principal.officePhone,
      principal,
      createdAt: now,
      updatedAt: now,
    }
  return {
    id: `s${pad(i, 6)}`,
    nature: 'organization',
    orgKind: 'enterprise',
    name: `北京示例${TRADES[i % 8]}第${i}有限公司`,
    certType: 'uscc-certificate',
    certNumber: generateUscc({ orgBody: pad(10_000_000 + i, 8) }),
    investor: principal.name,
    officeAddress: ADDRESS,
    officePhone: principal.officePhone,
    principal,
    createdAt: now,
    updatedAt: now,
  }
}

function site(i: number, subjectId: string, opening: string, now: string): Site {
  return {
    id: `w${pad(i, 6)}`,
    subjectId,
    name: `示例站点${i}`,
    icpNumber: `京ICP备${pad(20_000_000 + i, 8)}号-1`,
    openingDate: opening,
    // One registrable domain per site, as real clients have (a shared one would warn on every pair).
    mainDomain: `agency-site-${i}.cn`,
    extraDomains: [],
    hasOwnDomain: true,
    homeUrl: '',
    serverIps: [`203.0.113.${i % 250}`],
    accessProvider: { location: 'domestic', region: '北京', name: '阿里云' },
    registrar: { location: 'domestic', region: '北京', name: '阿里云' },
    accessMethod: '云服务器',
    interactive: i % 4 === 0,
    serviceTypes: ['www'],
    languages: ['中文简体'],
    preApprovals: [],
    securityOfficer: { sameAsPrincipal: true },
    emergencyContact: { sameAsPrincipal: true },
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * `count` legal events of one site from `start`, one to three days apart (never cancelled: it
 * would end the walk; 面审 only for interactive sites).
 */
function siteEvents(
  interactive: boolean,
  siteId: string,
  start: string,
  count: number,
  next: () => number,
  filed: { n: number },
): FilingEvent[] {
  const out: FilingEvent[] = []
  let stage: SiteStage = 'preparing'
  let date = start
  for (let k = 0; k < count; k++) {
    const choices: SiteEventKind[] = SITE_TRANSITIONS[stage].filter(
      (c) => c !== 'cancelled' && (interactive || c !== 'interview'),
    )
    const kind: SiteEventKind = choices[Math.floor(next() * choices.length)] ?? 'submitted'
    date = addDays(date, 1 + Math.floor(next() * 3))
    const event: FilingEvent = {
      id: `e${siteId}-${k}`,
      ownerKind: 'site',
      ownerId: siteId,
      kind,
      date,
      note: '',
      operator: '经办人甲',
      recordedAt: `${date}T09:00:00.000Z`,
    }
    if (kind === 'returned') event.note = '网站负责人手机号与实名不符'
    if (kind === 'interview')
      event.interview = {
        mode: 'interview',
        date: addDays(date, 3),
        time: '09:30',
        place: '朝阳分局网安大队',
        originals: ['营业执照原件'],
        securityAssessmentSubmitted: true,
      }
    if (kind === 'filed')
      event.approval = { filingNumber: `11010502${pad(++filed.n, 6)}`, policeUnit: '北京市公安局朝阳分局' }
    out.push(event)
    stage = SITE_TARGET[kind]
  }
  return out
}

export function makeAgencyWorkspace(options: Partial<AgencyOptions> = {}): Workspace {
  const o = { ...AGENCY_DEFAULTS, ...options }
  const next = rng(o.seed)
  const now = `${o.today}T00:00:00.000Z`
  const subjects = Array.from({ length: o.subjects }, (_, i) => subject(i, next, now))
  const sites: Site[] = []
  const filingEvents: FilingEvent[] = []
  const filed = { n: 0 }
  for (let i = 0; i < o.sites; i++) {
    // Openings spread over the last two years; the walk's last event stays before today.
    const opening = addDays(o.today, -(3 * o.events + 10 + Math.floor(next() * 700)))
    const s = site(i, subjects[i % subjects.length]?.id ?? '', opening, now)
    sites.push(s)
    filingEvents.push(...siteEvents(s.interactive, s.id, opening, o.events, next, filed))
  }
  return { subjects, sites, materials: [], filingEvents }
}

async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name)
    return i > 0 ? process.argv[i + 1] : undefined
  }
  const dir = arg('--data-dir')
  if (!dir)
    throw new Error(
      '用法：npx tsx scripts/make-agency-workspace.ts --data-dir 目录 [--subjects 300] [--sites 1000] [--events 20]',
    )
  if (existsSync(join(dir, 'config.json')))
    throw new Error(`${join(dir, 'config.json')} 已存在：请换一个空目录，以免覆盖已有数据。`)
  const num = (name: string, fallback: number) => Number(arg(name) ?? fallback)
  const ws = makeAgencyWorkspace({
    subjects: num('--subjects', 300),
    sites: num('--sites', 1000),
    events: num('--events', 20),
  })
  const { openConfStore } = await import('../electron/main/services/conf-store')
  const { createWorkspaceRepo } = await import('../electron/main/services/workspace-repo')
  const store = openConfStore(resolve(dir))
  try {
    createWorkspaceRepo(store).commit(ws)
  } finally {
    store.close()
  }
  console.log(
    `${ws.subjects.length} subjects, ${ws.sites.length} sites, ${ws.filingEvents?.length ?? 0} events → ${join(resolve(dir), 'config.json')}`,
  )
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
