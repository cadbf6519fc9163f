import { describe, expect, it } from 'vitest'
import { SLOT_KEYS } from '../../../core/model'
import { materialPaths } from '../../../core/packet/material-paths'
import { planPacket } from '../../../core/packet/plan'
import { makeIndividual, makeMaterial, makeSite } from '../../support/factories'

describe('materialPaths', () => {
  it('puts each material in its upload step folder, in portal step order, keeping the plan name', () => {
    const paths = materialPaths([
      { slot: 'subject-certificate', fileName: '01_单位证件.jpg' },
      { slot: 'principal-id-front', fileName: '02_主体负责人身份证正面.jpg' },
      { slot: 'security-id-front', fileName: '05_网站安全负责人身份证正面.jpg' },
      { slot: 'domain-certificate', fileName: '08_域名证书.jpg' },
      { slot: 'security-assessment', fileName: '09_安全评估报告.jpg' },
    ])
    expect(paths).toEqual([
      { path: '1_开办主体/01_单位证件.jpg', step: '开办主体' },
      { path: '1_开办主体/02_主体负责人身份证正面.jpg', step: '开办主体' },
      { path: '3_网站负责人/05_网站安全负责人身份证正面.jpg', step: '网站负责人' },
      { path: '2_网站基本信息/08_域名证书.jpg', step: '网站基本信息' },
      { path: '2_网站基本信息/09_安全评估报告.jpg', step: '网站基本信息' },
    ])
  })

  it('gives every slot of a plan a unique path in one of the three step folders', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id)
    const ws = {
      subjects: [subject],
      sites: [site],
      materials: SLOT_KEYS.map((slot) =>
        makeMaterial(
          slot.startsWith('principal') ? 'subject' : 'site',
          slot.startsWith('principal') ? subject.id : site.id,
          slot,
        ),
      ),
    }
    const entries = planPacket(ws, site.id)?.entries ?? []
    expect(entries.length).toBeGreaterThanOrEqual(4)
    const paths = materialPaths(entries.map((e) => ({ slot: e.slot.key, fileName: e.fileName })))
    expect(new Set(paths.map((p) => p.path)).size).toBe(entries.length)
    for (const { path } of paths)
      expect(path).toMatch(/^[1-3]_(开办主体|网站基本信息|网站负责人)\/\d\d_[^/]+\.jpg$/)
  })
})
