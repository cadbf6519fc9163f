import { describe, expect, it } from 'vitest'
import { hostToAscii, labelToAscii, punycodeEncode } from '../../../core/validation'

describe('punycodeEncode (RFC 3492)', () => {
  it.each([
    ['中国', 'fiqs8s'],
    ['公司', '55qx5d'],
    ['测试', '0zwm56d'],
    ['例子', 'fsqu00a'],
    ['bücher', 'bcher-kva'],
    ['mañana', 'maana-pta'],
    ['他们为什么不说中文', 'ihqwcrb4cv8a8dqg056pqjye'], // RFC 3492 §7.1 (B)
    ['3年B組金八先生', '3B-ww4c5e180e575a65lsy2b'], // RFC 3492 §7.1 (J)
    ['😀', 'e28h'],
  ])('%s → %s', (input, want) => {
    expect(punycodeEncode(input)).toBe(want)
  })

  it('leaves ASCII labels alone and prefixes xn-- otherwise', () => {
    expect(labelToAscii('example')).toBe('example')
    expect(labelToAscii('例子')).toBe('xn--fsqu00a')
    expect(hostToAscii('www.例子.公司')).toBe('www.xn--fsqu00a.xn--55qx5d')
  })
})
