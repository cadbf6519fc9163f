import { describe, expect, it } from 'vitest'
import { requestSchemas } from '../../core/api-schemas'
import type { Workspace } from '../../core/model'
import { exportBlockers, planPacket } from '../../core/packet/plan'
import { findSite, packetName, siteContext } from '../../core/site-context'
import { makeIndividual, makeMaterial, makePerson, makeSite } from '../support/factories'

const TODAY = '2026-12-07'

describe('siteContext', () => {
  const subject = makeIndividual()
  const officer = makePerson({ name: '王安全', mobile: '13700000001', email: 'wang@example.com' })
  const site = makeSite(subject.id, {
    name: ' 小明/的:博客 ',
    securityOfficer: { sameAsPrincipal: false, person: officer },
  })
  const otherSubject = makeIndividual({
    principal: makePerson({ mobile: '13600000002', email: 'other@example.com' }),
  })
  const otherSite = makeSite(otherSubject.id, { name: '别人的网站' })
  const ws: Workspace = {
    subjects: [subject, otherSubject],
    sites: [site, otherSite],
    materials: [
      makeMaterial('subject', subject.id, 'principal-id-front'),
      makeMaterial('site', site.id, 'domain-certificate'),
      makeMaterial('site', otherSite.id, 'domain-certificate'),
      makeMaterial('subject', otherSubject.id, 'principal-id-front'),
    ],
  }

  it('gives the site, its subject, its people and only its own materials', () => {
    const context = siteContext(ws, site.id, TODAY)
    expect(context?.site).toBe(site)
    expect(context?.subject).toBe(subject)
    expect(context?.people).toEqual({
      principal: subject.principal,
      securityOfficer: officer,
      emergencyContact: subject.principal,
    })
    expect(context?.materials.map((m) => [m.ownerKind, m.ownerId, m.slot])).toEqual([
      ['subject', subject.id, 'principal-id-front'],
      ['site', site.id, 'domain-certificate'],
    ])
  })

  it('counts the materials the site requires and names the missing ones', () => {
    const readiness = siteContext(ws, site.id, TODAY)?.readiness
    const missing = readiness?.slots.filter((s) => s.state === 'missing').map((s) => s.slot.label) ?? []
    expect(readiness?.ready).toBe(2)
    expect(missing).toHaveLength((readiness?.total ?? 0) - 2)
    expect(missing).toContain('身份证反面')
    expect(missing).not.toContain('身份证正面')
    expect(missing).not.toContain('域名证书')
  })

  it('includes the cross-record findings (two subjects sharing a mobile number)', () => {
    const twin = makeIndividual({
      principal: makePerson({ name: '张小红', mobile: subject.principal.mobile }),
    })
    const shared = { ...ws, subjects: [...ws.subjects, twin] }
    const own = siteContext(ws, site.id, TODAY)?.findings ?? []
    const crossed = siteContext(shared, site.id, TODAY)?.findings ?? []
    expect(crossed.length).toBeGreaterThan(own.length)
    expect(crossed.filter((f) => !own.some((o) => o.code === f.code && o.message === f.message))).not.toEqual(
      [],
    )
  })

  it('names the packet the way the export does: cleaned once, never empty', () => {
    expect(siteContext(ws, site.id, TODAY)?.packetName).toBe('小明／的：博客-公安备案材料')
    expect(planPacket(ws, site.id)?.baseName).toBe('小明／的：博客-公安备案材料')
    expect(packetName({ ...site, name: '   ' })).toBe('网站-公安备案材料')
    expect(packetName(site, { draft: true })).toBe('小明／的：博客-公安备案材料-草稿')
  })

  it('the save dialog takes the packet name of the longest site name, CJK or ASCII', () => {
    for (const name of ['a'.repeat(120), '网'.repeat(120)]) {
      for (const draft of [false, true]) {
        const suggestedName = packetName({ ...site, name }, { draft })
        const request = { format: 'zip', suggestedName, purpose: 'packet' }
        expect(requestSchemas['dialog:pickExportTarget'].safeParse(request).success).toBe(true)
      }
    }
  })

  it('agrees with the export about what blocks it', () => {
    const context = siteContext(ws, site.id, TODAY)
    const missing = context?.readiness.slots.filter((s) => s.state === 'missing').length ?? 0
    const errors = context?.findings.filter((f) => f.severity === 'error').length ?? 0
    const blockers = exportBlockers(ws, site.id, TODAY) ?? []
    expect(blockers).toHaveLength(missing + errors)
    expect(blockers.slice(0, 2)).toEqual(['缺少材料：身份证反面', '缺少材料：本人手持身份证照'])
  })

  it('is null for an unknown site and for a site whose subject is gone', () => {
    expect(siteContext(ws, 'nope', TODAY)).toBeNull()
    expect(findSite({ ...ws, subjects: [otherSubject] }, site.id)).toBeNull()
    expect(siteContext({ ...ws, subjects: [otherSubject] }, site.id, TODAY)).toBeNull()
  })
})
