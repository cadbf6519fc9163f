import { describe, expect, it } from 'vitest'
import { buildBadge, escapeHtml } from '../../../core/filing/badge'
import { PROVINCES } from '../../../core/validation/divisions'

describe('buildBadge', () => {
  it('writes today’s portal format, icon first', () => {
    const out = buildBadge('11010502000001')
    expect(out).toEqual({
      ok: true,
      badge: {
        digits: '11010502000001',
        short: '京',
        text: '京公网安备11010502000001号',
        href: 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502000001',
        html:
          '<img src="备案图标.png" alt="公安备案图标" style="width:20px;height:20px;vertical-align:middle" />' +
          '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502000001" rel="noreferrer" target="_blank">京公网安备11010502000001号</a>',
      },
    })
  })

  it('takes the province short name from the first two digits, for every province', () => {
    for (const [code, p] of Object.entries(PROVINCES).filter(([c]) => Number(c) <= 70)) {
      const out = buildBadge(`${code}000002000123`)
      if (!out.ok) throw new Error(`${code}: ${out.errors.join()}`)
      expect(out.badge.text).toBe(`${p.short[0]}公网安备${code}000002000123号`)
      expect(out.badge.html.indexOf('<img')).toBe(0)
    }
  })

  it('lets 贵/黔, 云/滇 and 甘/陇 choose, and refuses a name of another province', () => {
    const qian = buildBadge('52010202000001', { short: '黔' })
    expect(qian.ok && qian.badge.text).toBe('黔公网安备52010202000001号')
    expect(buildBadge('52010202000001', { short: '京' })).toEqual({
      ok: false,
      errors: [expect.stringContaining('贵、黔')],
    })
  })

  it('accepts the number written the badge way, with full-width digits and spaces', () => {
    const out = buildBadge('京公网安备 １１０１０５０２０００００１ 号')
    expect(out.ok && out.badge.digits).toBe('11010502000001')
  })

  it.each([['1101050200000'], ['abc'], [''], ['99010502000001'], ['沪公网安备11010502000001号']])(
    'refuses %j with the filing-number rule',
    (n) => {
      const out = buildBadge(n)
      expect(out.ok).toBe(false)
      if (!out.ok) expect(out.errors.length).toBeGreaterThan(0)
    },
  )

  it('escapes the icon address', () => {
    const out = buildBadge('11010502000001', { iconSrc: '/img/"a"<b>&\'.png' })
    expect(out.ok && out.badge.html).toContain('src="/img/&quot;a&quot;&lt;b&gt;&amp;&#39;.png"')
    // Nothing in the output opens a tag other than img and a.
    expect(out.ok && out.badge.html.match(/<[a-z]+/g)).toEqual(['<img', '<a'])
  })

  it.each([['javascript:alert(1)'], [' DATA:image/png;base64,x'], [''], ['a\nb.png'], ['a\u0000.png']])(
    'refuses the icon address %j',
    (iconSrc) => {
      expect(buildBadge('11010502000001', { iconSrc }).ok).toBe(false)
    },
  )

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })
})
