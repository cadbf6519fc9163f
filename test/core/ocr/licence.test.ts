import { describe, expect, it } from 'vitest'
import { parseDocument, type OcrLine } from '../../../core/ocr'
import { USCC, USCC_SOCIAL, at } from './lines'

const values = (lines: OcrLine[]): Record<string, string> =>
  Object.fromEntries(Object.entries(parseDocument('licence', lines).fields).map(([k, f]) => [k, f.value]))

/** A 营业执照 as read: two columns sharing rows, the scope text around. */
const licence = (code = USCC): OcrLine[] => [
  at('营业执照', 620, 120, 0.99, 90),
  at('（副本）', 740, 220, 0.98, 30),
  at(`统一社会信用代码 ${code}`, 110, 275, 0.98, 28),
  at('证照编号：1234567891234567', 110, 316, 0.95, 20),
  at('名 称 北京示例网络科技有限公司', 110, 418, 0.99, 26),
  at('注册资本 1000万元', 900, 418, 0.99, 26),
  at('类 型 有限责任公司(自然人投资或控股)', 110, 478, 0.97, 26),
  at('成立日期 2015年6月1日', 900, 478, 0.99, 26),
  at('法定代表人 张三', 110, 538, 0.99, 26),
  at('经营范围', 110, 598, 0.99, 26),
  at('技术开发、技术咨询、技术交流、技术转让', 260, 598, 0.96, 22),
  at('住 所 北京市朝阳区示例大街12号', 110, 958, 0.99, 26),
  at('8层808', 260, 998, 0.98, 26),
  at('登记机关', 1090, 980, 0.99, 26),
]

const EXPECTED = {
  title: '营业执照',
  name: '北京示例网络科技有限公司',
  uscc: USCC,
  type: '有限责任公司(自然人投资或控股)',
  representative: '张三',
  address: '北京市朝阳区示例大街12号8层808',
}

describe('parseDocument licence', () => {
  it('reads a 营业执照 with two columns', () => {
    const r = parseDocument('licence', licence())
    expect(values(licence())).toEqual(EXPECTED)
    expect(r.fields.uscc).toMatchObject({ checked: true, confidence: 0.98 })
    expect(r.issues).toEqual([])
  })

  it.each<[string, OcrLine[], Record<string, string>]>([
    [
      'columns merged into one line by the detector',
      [
        at(`统一社会信用代码${USCC}`, 110, 275),
        at('名称 北京示例网络科技有限公司 注册资本 1000万元', 110, 418),
        at('法定代表人 张三 成立日期 2015年6月1日', 110, 538),
      ],
      { uscc: USCC, name: '北京示例网络科技有限公司', representative: '张三' },
    ],
    [
      'one detected line spanning both columns (as PaddleOCR returns a scan)',
      [
        at(`统一社会信用代码${USCC}`, 116, 284, 1, 31),
        at('名称 北京示例网络科技有限公司 注册资本 3460万元', 112, 422, 1, 37, 1040),
        at('类型 有限责任公司（自然人投资或控股） 成立日期 2020年5月13日', 111, 483, 1, 34, 1100),
        at('法定代表人张三 技术开发、技术咨询、技术交流、技术转让、技术推广、技', 112, 544, 1, 35, 1332),
        at(
          '经营范围 技术开发、技术咨询、技术交流、 持服务；计算机系统服务；网络技术服务；信息技术咨询服',
          112,
          605,
          0.99,
          38,
          1329,
        ),
        at('住所 北京市朝阳区示例大街48号7层1634 登记专用章', 109, 961, 1, 30, 1294),
        at('登记机关', 1085, 986, 1, 31, 105),
      ],
      {
        uscc: USCC,
        name: '北京示例网络科技有限公司',
        type: '有限责任公司(自然人投资或控股)',
        representative: '张三',
        address: '北京市朝阳区示例大街48号7层1634',
      },
    ],
    [
      'the code printed under its label',
      [
        at('营业执照', 620, 120, 0.99, 90),
        at('统一社会信用代码', 110, 270),
        at(USCC, 110, 312),
        at('名称 北京示例网络科技有限公司', 110, 418),
      ],
      { title: '营业执照', uscc: USCC, name: '北京示例网络科技有限公司' },
    ],
    [
      'a 社会团体 certificate: 负责人-style labels and 住所 wrapping',
      [
        at('社会团体法人登记证书', 500, 120, 0.99, 70),
        at(`统一社会信用代码 ${USCC_SOCIAL}`, 110, 260),
        at('名称 深圳市示例软件行业协会', 110, 360),
        at('住所 深圳市南山区示例路', 110, 420),
        at('88号', 220, 470),
        at('法定代表人 李四', 110, 540),
        at('业务范围 行业交流', 110, 600),
      ],
      {
        title: '社会团体法人登记证书',
        uscc: USCC_SOCIAL,
        name: '深圳市示例软件行业协会',
        address: '深圳市南山区示例路88号',
        representative: '李四',
      },
    ],
    [
      '个体工商户: 经营者, 组成形式, 经营场所',
      [
        at('营业执照', 620, 120, 0.99, 90),
        at(`统一社会信用代码 ${USCC}`, 110, 275),
        at('名称 朝阳区示例便利店', 110, 418),
        at('经营者 王五', 110, 478),
        at('组成形式 个人经营', 110, 538),
        at('经营场所 北京市朝阳区示例路1号', 110, 598),
      ],
      {
        title: '营业执照',
        uscc: USCC,
        name: '朝阳区示例便利店',
        representative: '王五',
        type: '个人经营',
        address: '北京市朝阳区示例路1号',
      },
    ],
    [
      'the 名称 label lost',
      [at(`统一社会信用代码 ${USCC}`, 110, 275), at('北京示例网络科技有限公司', 260, 418)],
      { uscc: USCC, name: '北京示例网络科技有限公司' },
    ],
  ])('%s', (_, lines, expected) => {
    expect(values(lines)).toEqual(expected)
  })

  it('repairs an O read for 0 in the code and keeps what was read', () => {
    const misread = USCC.replace('0', 'O')
    const r = parseDocument('licence', licence(misread))
    expect(r.fields.uscc).toMatchObject({ value: USCC, checked: true, raw: misread })
  })

  it('never accepts a code whose check character fails, and says so', () => {
    const i = USCC.indexOf('C')
    const wrong = `${USCC.slice(0, i)}D${USCC.slice(i + 1)}`
    const r = parseDocument('licence', licence(wrong))
    expect(r.fields.uscc).toBeUndefined()
    expect(r.issues).toEqual([expect.objectContaining({ field: 'uscc', code: 'uscc.checksum' })])
  })
})
