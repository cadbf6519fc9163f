import { describe, expect, it } from 'vitest'
import { hostToAscii, isValidAceLabel, labelToAscii, strictToAscii } from '../../../core/validation'

describe('IDNA through tr46 (UTS #46)', () => {
  // Expected values from RFC 3492 §7.1 and the registries' published forms, not from the code.
  it.each([
    ['中国', 'xn--fiqs8s'],
    ['公司', 'xn--55qx5d'],
    ['测试', 'xn--0zwm56d'],
    ['例子', 'xn--fsqu00a'],
    ['bücher', 'xn--bcher-kva'],
    ['他们为什么不说中文', 'xn--ihqwcrb4cv8a8dqg056pqjye'],
    ['3年b組金八先生', 'xn--3b-ww4c5e180e575a65lsy2b'],
    ['example', 'example'],
  ])('labelToAscii(%s) = %s', (label, ascii) => {
    expect(labelToAscii(label)).toBe(ascii)
  })

  it('maps case and width (UTS #46 mapping) label by label', () => {
    expect(hostToAscii('WWW.例子.公司')).toBe('www.xn--fsqu00a.xn--55qx5d')
    expect(strictToAscii('ＥＸＡＭＰＬＥ.cn')).toBe('example.cn')
  })

  it.each([
    ['xn--fiqs8s', true],
    ['xn--bcher-kva', true],
    ['plain', true],
    ['xn--abc', false],
    ['xn--', false],
    ['xn--fsqu00a-', false],
    ['xn--example', false],
  ])('isValidAceLabel(%s) = %s', (label, ok) => {
    expect(isValidAceLabel(label)).toBe(ok)
  })
})
