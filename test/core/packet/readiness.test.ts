import { describe, expect, it } from 'vitest'
import type { ImageWarningCode, SlotKey, Workspace } from '../../../core/model'
import { exportBlockers } from '../../../core/packet/plan'
import { materialBlockingLines, materialReadiness } from '../../../core/packet/readiness'
import { makeIndividual, makeMaterial, makeSite } from '../../support/factories'

const subject = makeIndividual()
const site = makeSite(subject.id)
const SUBJECT_SLOTS: SlotKey[] = ['principal-id-front', 'principal-id-back', 'principal-id-handheld']

function workspace(warnings: Partial<Record<SlotKey, ImageWarningCode[]>> = {}): Workspace {
  return {
    subjects: [subject],
    sites: [site],
    materials: [
      ...SUBJECT_SLOTS.map((s) => makeMaterial('subject', subject.id, s, { warnings: warnings[s] ?? [] })),
      makeMaterial('site', site.id, 'domain-certificate', { warnings: warnings['domain-certificate'] ?? [] }),
    ],
  }
}

describe('materialReadiness', () => {
  it('counts a full set without warnings as ready', () => {
    const r = materialReadiness(subject, site, workspace().materials)
    expect([r.ready, r.total]).toEqual([4, 4])
    expect(r.slots.map((s) => s.state)).toEqual(['ready', 'ready', 'ready', 'ready'])
  })

  it('does not count a too-small ID photo or certificate as ready', () => {
    const ws = workspace({
      'principal-id-front': ['too-small'],
      'domain-certificate': ['too-small', 'grayscale'],
    })
    const r = materialReadiness(subject, site, ws.materials)
    expect([r.ready, r.total]).toEqual([2, 4])
    expect(r.slots.map((s) => s.state)).toEqual(['blocked', 'ready', 'ready', 'blocked'])
    expect(r.slots[3]?.advisory).toEqual(['grayscale'])
    expect(materialBlockingLines(r)).toEqual([
      expect.stringMatching(/^身份证正面不能使用：图片分辨率过低/),
      expect.stringMatching(/^域名证书不能使用：图片分辨率过低/),
    ])
  })

  it('counts advisory warnings (blurry, dark, grey) as ready but flags them', () => {
    const ws = workspace({ 'principal-id-back': ['blurry', 'too-dark'], 'domain-certificate': ['grayscale'] })
    const r = materialReadiness(subject, site, ws.materials)
    expect(r.ready).toBe(4)
    expect(r.slots.map((s) => s.state)).toEqual(['ready', 'advisory', 'ready', 'advisory'])
    expect(materialBlockingLines(r)).toEqual([])
  })

  it('names the empty slots', () => {
    const ws = workspace()
    const r = materialReadiness(subject, site, ws.materials.slice(1))
    expect(r.ready).toBe(3)
    expect(materialBlockingLines(r)).toEqual(['缺少材料：身份证正面'])
  })
})

describe('exportBlockers', () => {
  it('refuses on the same rule the counts use', () => {
    const ws = workspace({ 'principal-id-handheld': ['too-small'] })
    const lines = exportBlockers(ws, site.id, '2026-12-01')
    expect(lines?.[0]).toMatch(/^本人手持身份证照不能使用/)
    expect(exportBlockers(workspace(), site.id, '2026-12-01')?.filter((l) => l.includes('不能使用'))).toEqual(
      [],
    )
  })

  it('returns null for an unknown site', () => {
    expect(exportBlockers(workspace(), 'nope', '2026-12-01')).toBeNull()
  })
})
