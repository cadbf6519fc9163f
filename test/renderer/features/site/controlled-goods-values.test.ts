import { describe, expect, it } from 'vitest'
import { siteSchema } from '../../../../core/schemas'
import type { Site } from '../../../../core/model'
import {
  emptySiteValues,
  siteFromValues,
  valuesFromSite,
} from '../../../../renderer/src/features/site/site-values'

const identity = { id: 'site_1', subjectId: 'subj_1' }

describe('site values: 管制物品信息发布服务', () => {
  it('a new site answers 否 with no categories', () => {
    const site = siteFromValues({ name: '小明的博客' }, emptySiteValues(), identity)
    expect(site).toMatchObject({ offersControlledGoods: false, controlledGoods: [] })
    expect(siteSchema.safeParse(site).success).toBe(true)
  })

  it('keeps the categories of 是, cleaned', () => {
    const site = siteFromValues(
      { offersControlledGoods: true, controlledGoods: ['管制器具', ' 管制器具 ', '警用装备'] },
      emptySiteValues(),
      identity,
    )
    expect(site).toMatchObject({ offersControlledGoods: true, controlledGoods: ['管制器具', '警用装备'] })
  })

  it('drops the categories when the answer goes back to 否', () => {
    const site = siteFromValues(
      { offersControlledGoods: false, controlledGoods: ['管制器具'] },
      emptySiteValues(),
      identity,
    )
    expect(site.controlledGoods).toEqual([])
  })

  it('reads a site saved before the question as 否, and round-trips an answer', () => {
    const old = siteFromValues({ name: '旧网站' }, emptySiteValues(), identity)
    const legacy: Site = { ...old }
    delete legacy.offersControlledGoods
    delete legacy.controlledGoods
    expect(siteSchema.safeParse(legacy).success).toBe(true)
    expect(valuesFromSite(legacy)).toMatchObject({ offersControlledGoods: false, controlledGoods: [] })
    const answered = { ...legacy, offersControlledGoods: true, controlledGoods: ['民爆物品'] }
    expect(valuesFromSite(answered)).toMatchObject({
      offersControlledGoods: true,
      controlledGoods: ['民爆物品'],
    })
  })
})
