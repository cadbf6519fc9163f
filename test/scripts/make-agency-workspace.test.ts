import { describe, expect, it } from 'vitest'
import { siteFilingState, eventsByOwner } from '../../core/filing/history'
import { recordEvent } from '../../core/filing/record'
import { workspaceSchema } from '../../core/schemas'
import { checkFilingNumber, checkResidentId, checkUscc } from '../../core/validation'
import { makeAgencyWorkspace } from '../../scripts/make-agency-workspace'

describe('makeAgencyWorkspace', () => {
  const ws = makeAgencyWorkspace({ subjects: 12, sites: 30, events: 20 })

  it('has the asked numbers, unique ids, and the store schema accepts it', () => {
    expect([ws.subjects.length, ws.sites.length, ws.filingEvents?.length]).toEqual([12, 30, 600])
    expect(new Set(ws.sites.map((s) => s.id)).size).toBe(30)
    expect(new Set(ws.filingEvents?.map((e) => e.id)).size).toBe(600)
    expect(workspaceSchema.safeParse(ws).success).toBe(true)
    expect(makeAgencyWorkspace({ subjects: 12, sites: 30, events: 20 })).toEqual(ws)
  })

  it('uses synthetic IDs and credit codes with valid check characters, and valid 公安备案号', () => {
    for (const s of ws.subjects) {
      expect(checkResidentId(s.principal.idNumber, '2026-12-07').valid).toBe(true)
      if (s.nature === 'organization') expect(checkUscc(s.certNumber).valid).toBe(true)
    }
    for (const e of ws.filingEvents ?? [])
      if (e.approval) expect(checkFilingNumber(e.approval.filingNumber).valid).toBe(true)
  })

  it('every site history is a legal walk of the stage machine, replayed through recordEvent', () => {
    const byOwner = eventsByOwner(ws)
    const stages = new Set<string>()
    for (const site of ws.sites) {
      let replay = { ...ws, filingEvents: [] as NonNullable<typeof ws.filingEvents> }
      for (const e of byOwner.get(`site:${site.id}`) ?? []) {
        const out = recordEvent(
          replay,
          { ...e, ownerKind: 'site' },
          { id: e.id, now: e.recordedAt, today: '2026-12-07' },
        )
        if (!out.ok) throw new Error(`${site.id} ${e.kind} ${e.date}: ${out.errors.join()}`)
        replay = { ...out.workspace, filingEvents: out.workspace.filingEvents ?? [] }
      }
      stages.add(siteFilingState(byOwner.get(`site:${site.id}`) ?? []).stage)
    }
    expect(stages.size).toBeGreaterThan(1)
  })
})
