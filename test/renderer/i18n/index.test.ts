import { describe, expect, it } from 'vitest'
import { DICTIONARIES, translate } from '../../../renderer/src/i18n'
import { zhCN } from '../../../renderer/src/i18n/zh-CN'

describe('i18n dictionaries', () => {
  const keys = Object.keys(zhCN).sort()

  it.each(Object.keys(DICTIONARIES))('%s defines exactly the zh-CN keys, none empty', (language) => {
    const dict = DICTIONARIES[language as keyof typeof DICTIONARIES]
    expect(Object.keys(dict).sort()).toEqual(keys)
    for (const key of keys) expect(dict[key as keyof typeof dict].trim(), key).not.toBe('')
  })

  it('keeps the same placeholders in every language', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of keys) {
      const k = key as keyof typeof zhCN
      expect(vars(DICTIONARIES.en[k]), key).toEqual(vars(zhCN[k]))
    }
  })

  it('translates with placeholders', () => {
    expect(translate('zh-CN', 'materials.readiness', { n: 3, m: 4 })).toBe('已就绪 3/4')
    expect(translate('en', 'materials.readiness', { n: 3, m: 4 })).toBe('Ready 3/4')
    expect(translate('zh-CN', 'app.name')).toBe('公安备案材料助手')
  })
})
