import { describe, expect, it } from 'vitest'
import { SLOT_KEYS } from '../../../core/model'
import { materialPaths } from '../../../core/packet/material-paths'

describe('materialPaths', () => {
  it('groups materials by upload step in portal order and numbers them within the step', () => {
    const paths = materialPaths([
      { slot: 'subject-certificate', label: '单位证件' },
      { slot: 'principal-id-front', label: '主体负责人身份证正面' },
      { slot: 'security-id-front', label: '网站安全负责人身份证正面' },
      { slot: 'domain-certificate', label: '域名证书' },
      { slot: 'security-assessment', label: '安全评估报告' },
    ])
    expect(paths).toEqual([
      { path: '1_开办主体/01_单位证件.jpg', step: '开办主体' },
      { path: '1_开办主体/02_主体负责人身份证正面.jpg', step: '开办主体' },
      { path: '3_网站负责人/01_网站安全负责人身份证正面.jpg', step: '网站负责人' },
      { path: '2_网站基本信息/01_域名证书.jpg', step: '网站基本信息' },
      { path: '2_网站基本信息/02_安全评估报告.jpg', step: '网站基本信息' },
    ])
  })

  it('gives every slot a unique, safe path', () => {
    const paths = materialPaths(SLOT_KEYS.map((slot) => ({ slot, label: `材料:${slot}?` })))
    expect(new Set(paths.map((p) => p.path)).size).toBe(SLOT_KEYS.length)
    for (const { path } of paths) expect(path).toMatch(/^[1-3]_[^/:?]+\/\d\d_[^/:?]+\.jpg$/)
  })
})
