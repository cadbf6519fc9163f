import { describe, expect, it } from 'vitest'
import { fillListText } from '../../../core/packet/fill-list'
import { portalFields, type PortalStep } from '../../../core/packet/portal-fields'
import { makeIndividual, makePerson, makeSite } from '../../support/factories'

const header = { siteName: '小明的博客', date: '2026-12-07', draft: false }

describe('fillListText', () => {
  it('starts with a BOM, ends every line with CRLF and has no bare LF', () => {
    const text = fillListText(portalFields(makeIndividual(), makeSite('s')), header)
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('has one "label: value" line per field, grouped under numbered step and block headings', () => {
    const subject = makeIndividual()
    const steps = portalFields(subject, makeSite(subject.id))
    const lines = fillListText(steps, header).slice(1).split('\r\n')
    expect(lines[0]).toBe('公安联网备案填写清单：小明的博客')
    expect(lines).toContain('生成日期：2026-12-07')
    const stepLines = lines.filter((l) => l.startsWith('== '))
    expect(stepLines).toEqual(steps.map((s, i) => `== ${i + 1}. ${s.step} ==`))
    expect(lines).toContain('-- 网站接入服务商 --')
    expect(lines).toContain(`证件号码: ${subject.principal.idNumber}`)
    const fieldLines = lines.filter((l) => /^[^=-].*: /.test(l) && !l.startsWith('按'))
    expect(fieldLines).toHaveLength(steps.flatMap((s) => s.fields).length)
    // The block heading comes right before its first field.
    const block = lines.indexOf('-- 网站应急联络人 --')
    expect(lines[block + 1]).toBe('同主体负责人信息: 是')
    expect(lines.some((l) => l.includes('草稿'))).toBe(false)
  })

  it('marks empty values, flattens line breaks in values and says 草稿 when forced', () => {
    const subject = makeIndividual({ principal: makePerson({ email: '' }) })
    const site = makeSite(subject.id, { name: '第一行\r\n第二行' })
    const text = fillListText(portalFields(subject, site), { ...header, draft: true })
    expect(text).toContain('\r\n电子邮箱: （未填写）\r\n')
    expect(text).toContain('\r\n网站名称: 第一行 第二行\r\n')
    expect(text).toContain('【草稿】')
  })

  it('works for any step list, including an empty one', () => {
    const steps: PortalStep[] = [
      { key: 'site', step: '网站基本信息', fields: [{ key: 'k', label: '甲', value: '乙' }] },
    ]
    expect(fillListText(steps, header)).toContain('\r\n== 1. 网站基本信息 ==\r\n甲: 乙\r\n')
    expect(fillListText([], { ...header, siteName: ' ' })).toContain('（未命名网站）')
  })
})
