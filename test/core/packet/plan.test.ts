import { describe, expect, it } from 'vitest'
import { planPacket } from '../../../core/packet/plan'
import type { SlotKey, Workspace } from '../../../core/model'
import { makeIndividual, makeMaterial, makeSite } from '../../support/factories'

describe('planPacket', () => {
  const subject = makeIndividual()
  const site = makeSite(subject.id, { name: '小明/的:博客' })
  const subjectSlots: SlotKey[] = ['principal-id-front', 'principal-id-back', 'principal-id-handheld']
  const full: Workspace = {
    subjects: [subject],
    sites: [site],
    materials: [
      ...subjectSlots.map((s) => makeMaterial('subject', subject.id, s)),
      makeMaterial('site', site.id, 'domain-certificate'),
    ],
  }

  it('names files by slot in portal order with Chinese names', () => {
    const plan = planPacket(full, site.id)
    expect(plan?.missing).toEqual([])
    expect(plan?.entries.map((e) => e.fileName)).toEqual([
      '01_身份证正面.jpg',
      '02_身份证反面.jpg',
      '03_本人手持身份证照.jpg',
      '04_域名证书.jpg',
    ])
    expect(plan?.baseName).toBe('小明／的：博客-公安备案材料')
  })

  it('lists the empty slots', () => {
    const ws = { ...full, materials: full.materials.slice(1, 3) }
    expect(planPacket(ws, site.id)?.missing).toEqual(['缺少材料：身份证正面', '缺少材料：域名证书'])
  })

  it('returns null for an unknown site', () => {
    expect(planPacket(full, 'nope')).toBeNull()
  })
})
