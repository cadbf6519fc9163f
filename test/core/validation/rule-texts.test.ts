import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RULE_NUMBERS, RULE_TEXTS, splitRuleCitations } from '../../../core/validation/rule-texts'

describe('splitRuleCitations', () => {
  it('finds single and combined citations and keeps the text intact', () => {
    const message = '请填写办公电话（规则⑦）。单位类型通常不符（规则③④）。'
    const parts = splitRuleCitations(message)
    expect(parts.map((p) => p.text).join('')).toBe(message)
    expect(parts.filter((p) => p.rules).map((p) => p.rules)).toEqual([['⑦'], ['③', '④']])
  })

  it('returns one plain part for a message without citations', () => {
    expect(splitRuleCitations('图片过暗。')).toEqual([{ text: '图片过暗。' }])
  })
})

describe('RULE_TEXTS', () => {
  it('has a Simplified Chinese text for each rule, in the seed guide’s words', () => {
    for (const n of RULE_NUMBERS) expect(RULE_TEXTS[n]).toMatch(/[\u4e00-\u9fff]{8}/)
    expect(RULE_TEXTS['⑦']).toContain('010-00000000')
    expect(RULE_TEXTS['⑥']).toContain('农村单位应详细填写到村')
    // Traditional characters of the seed must not leak in.
    for (const n of RULE_NUMBERS) expect(RULE_TEXTS[n]).not.toMatch(/[單證號應與業關際聯負責話碼寫]/)
  })

  it('explains every rule number the validators cite', () => {
    const dir = 'core/validation'
    const cited = new Set<string>()
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8')
      for (const part of splitRuleCitations(text)) for (const n of part.rules ?? []) cited.add(n)
    }
    expect(cited.size).toBeGreaterThan(3)
    for (const n of cited) expect(RULE_TEXTS).toHaveProperty(n)
  })
})
