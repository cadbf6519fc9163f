/**
 * The indexed and cached dashboard readiness gives exactly what the plain computations give:
 * per site, the counts of core/packet/readiness.ts (siteFindings over the whole workspace and
 * materialReadiness over every material), on a generated agency workspace with shared domains,
 * shared contacts and materials — and again after edits, so a stale cache entry would show.
 */
import { describe, expect, it } from 'vitest'
import { cachedReadiness } from '../../../core/filing/dashboard-readiness'
import type { Readiness } from '../../../core/filing/dashboard'
import type { Site, Workspace } from '../../../core/model'
import { SLOT_KEYS } from '../../../core/model'
import { materialReadiness, siteFindings } from '../../../core/packet/readiness'
import { reuseFindings, reuseFindingsPlain } from '../../../core/validation/site-domains'
import { makeAgencyWorkspace } from '../../../scripts/make-agency-workspace'
import { makeMaterial } from '../../support/factories'

const TODAY = '2026-12-07'

/** The reference: the per-site functions the site page and the export use, over everything. */
function plain(ws: Workspace, site: Site): Readiness {
  const subject = ws.subjects.find((s) => s.id === site.subjectId)
  if (!subject) throw new Error('generated site without subject')
  const findings = siteFindings(ws, site.id, TODAY)
  const m = materialReadiness(subject, site, [...ws.materials])
  return {
    materialsReady: m.ready,
    materialsTotal: m.total,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity !== 'error').length,
  }
}

function all(ws: Workspace, of: (ws: Workspace, site: Site) => Readiness): Readiness[] {
  return ws.sites.map((site) => of(ws, site))
}

function indexed(ws: Workspace): Readiness[] {
  const readinessOf = cachedReadiness(ws, TODAY)
  const subjects = new Map(ws.subjects.map((s) => [s.id, s]))
  return all(ws, (w, site) => readinessOf(w, site, subjects.get(site.subjectId) as never))
}

/** A generated workspace made harder: reused hosts and registrable domains, shared phones, materials. */
function tangled(): Workspace {
  const ws = makeAgencyWorkspace({ subjects: 40, sites: 120, events: 3 })
  const sites = ws.sites.map((site, i) => {
    if (i % 7 === 0) return { ...site, mainDomain: `shared-${i % 3}.example.com` }
    if (i % 11 === 0) return { ...site, extraDomains: [`www.agency-site-${i + 1}.cn`] }
    if (i % 13 === 0)
      return {
        ...site,
        emergencyContact: {
          sameAsPrincipal: false,
          person: { ...ws.subjects[0]!.principal, id: `p-${i}`, name: `联系人${i}` },
        },
      }
    return site
  })
  const materials = sites.flatMap((site, i) =>
    i % 4 === 0
      ? [
          makeMaterial('site', site.id, 'domain-certificate'),
          makeMaterial('subject', site.subjectId, SLOT_KEYS[i % SLOT_KEYS.length]!),
        ]
      : [],
  )
  return { ...ws, sites, materials }
}

describe('dashboard readiness, indexed and cached', () => {
  it('the domain-reuse index finds what the scan of every site finds, in the same order', () => {
    const ws = tangled()
    let reused = 0
    for (const site of ws.sites) {
      const want = reuseFindingsPlain(site, ws.sites)
      expect(reuseFindings(site, ws.sites)).toEqual(want)
      reused += want.length
    }
    expect(reused).toBeGreaterThan(20)
  })

  it('gives the counts of the per-site functions on a generated workspace, before and after edits', () => {
    let ws = tangled()
    const first = indexed(ws)
    expect(first).toEqual(all(ws, plain))
    expect(first).toEqual(indexed(ws)) // served from the caches
    expect(first.some((r) => r.warnings > 0)).toBe(true)
    expect(first.some((r) => r.materialsReady > 0)).toBe(true)

    // Edits of every kind the caches depend on: a site takes another's domain, a subject's
    // phone is shared, a material goes, a site moves to another subject, a site is removed.
    const [a, b, c, d] = ws.sites as [Site, Site, Site, Site]
    const sites = ws.sites.map((s) => {
      if (s === a) return { ...s, mainDomain: b.mainDomain }
      if (s === c) return { ...s, subjectId: ws.subjects[5]!.id }
      return s
    })
    const subjects = ws.subjects.map((s, i) =>
      i === 2 ? { ...s, principal: { ...s.principal, mobile: ws.subjects[3]!.principal.mobile } } : s,
    )
    ws = {
      ...ws,
      subjects,
      sites: sites.filter((s) => s !== d),
      materials: ws.materials.slice(1),
    }
    const second = indexed(ws)
    expect(second).toEqual(all(ws, plain))
    expect(second).not.toEqual(first.filter((_, i) => i !== 3))
  })
})
