/**
 * 营业执照 and the other 单位 certificates (事业单位法人证书, 社会团体法人登记证书, 民办非企业单位
 * 登记证书, 统一社会信用代码证书…): 名称, 统一社会信用代码, 法定代表人/负责人, 住所, 类型.
 * Every label printed on these certificates is known, so a value ends where the next one starts
 * (the licence's right column shares rows with the left one).
 */
import { UNLABELLED, field, numberField } from './fields'
import { type Hit, type Label, type Row, confidenceOfRaw, labelledValues, rowTexts } from './layout'
import { readUscc } from './numbers'
import type { FieldRead, LicenceField, ReadResult } from './types'

/** Spaced labels (名 称) lose their spaces before matching. */
const LABELS: readonly Label[] = [
  { key: 'name', pattern: /名称/ },
  { key: 'uscc', pattern: /统一社会信用代码|社会信用代码|信用代码/ },
  { key: 'representative', pattern: /法定代表人|法人代表|负责人|经营者|执行事务合伙人|投资人/ },
  { key: 'address', pattern: /住所|主要经营场所|经营场所|营业场所|地址/ },
  { key: 'type', pattern: /类型|组成形式/ },
  // Labels whose values are not read: they end the value before them.
  {
    key: 'other',
    pattern:
      /注册资本|注册资金|开办资金|成立日期|营业期限|经营期限|合伙期限|经营范围|宗旨和业务范围|业务范围/,
  },
  {
    key: 'other',
    pattern: /登记机关|发证机关|业务主管单位|举办单位|经费来源|活动地域|有效期|证照编号|注册号|登记日期/,
  },
]

/** Certificate titles, most specific first. */
const TITLES: readonly string[] = [
  '事业单位法人证书',
  '社会团体法人登记证书',
  '民办非企业单位登记证书',
  '基金会法人登记证书',
  '统一社会信用代码证书',
  '律师事务所执业许可证',
  '组织机构代码证',
  '营业执照',
]

type Fields = Partial<Record<LicenceField, FieldRead>>

function titleField(rows: readonly Row[]): FieldRead | undefined {
  for (const r of rowTexts(rows)) {
    const title = TITLES.find((t) => r.text.includes(t))
    if (title) return field(title, r.confidence)
  }
  return undefined
}

/** Keeps the characters names, addresses and types are written with. */
const tidy = (s: string): string =>
  s.replace(/[^\u3400-\u9fff0-9A-Za-z·\-()（）#、]/g, '').replace(/^[:：]/, '')

function textField(hit: Hit | undefined, min: number): FieldRead | undefined {
  const text = hit ? tidy(hit.text) : ''
  return hit && text.length >= min ? field(text, hit.confidence, hit.text) : undefined
}

/** Without its label (not read), a name is the row ending in a legal-form word. */
function nameField(hit: Hit | undefined, rows: readonly Row[]): FieldRead | undefined {
  const labelled = textField(hit, 2)
  if (labelled) return labelled
  const row = rowTexts(rows).find((r) =>
    /(有限公司|有限责任公司|股份公司|合伙企业|研究院|研究所|协会|学会|中心|学校|医院)$/.test(tidy(r.text)),
  )
  return row ? field(tidy(row.text), row.confidence * UNLABELLED, row.text) : undefined
}

export function parseLicence(rows: readonly Row[]): ReadResult<LicenceField> {
  const hits = labelledValues(rows, LABELS, { multiline: new Set(['address', 'name']), columns: true })
  const usccHit = hits.get('uscc')
  const texts = [...(usccHit ? [usccHit.text] : []), ...rowTexts(rows).map((r) => r.text)]
  const read = readUscc(texts)
  const number = numberField('uscc', read, confidenceOfRaw(read, rows, usccHit), '统一社会信用代码')
  // Each reader may find nothing: undefined values are dropped below.
  const fields: Record<LicenceField, FieldRead | undefined> = {
    title: titleField(rows),
    name: nameField(hits.get('name'), rows),
    uscc: number.field,
    representative: textField(hits.get('representative'), 2),
    address: textField(hits.get('address'), 4),
    type: textField(hits.get('type'), 2),
  }
  const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Fields
  return { kind: 'licence', fields: clean, issues: number.issue ? [number.issue] : [] }
}
