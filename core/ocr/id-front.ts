/** 居民身份证 人像面: 姓名, 性别, 民族, 出生, 住址 (may wrap), 公民身份号码. */
import { residentIdBirthDate } from '../validation/resident-id'
import { firstDate } from './dates'
import { REPAIRED, UNLABELLED, field, numberField } from './fields'
import { type Hit, type Label, type Row, confidenceOfRaw, labelledValues, rowTexts } from './layout'
import { readResidentId } from './numbers'
import { cjkOnly } from './text'
import type { FieldRead, IdFrontField, OcrIssue, ReadResult } from './types'

const LABELS: readonly Label[] = [
  { key: 'name', pattern: /姓名/ },
  { key: 'sex', pattern: /性别/ },
  { key: 'ethnicity', pattern: /民族/ },
  { key: 'birth', pattern: /出生/ },
  { key: 'address', pattern: /住址/ },
  { key: 'idNumber', pattern: /公民身份号码|公民身份号|公民身份/ },
]

/** The 56 ethnic groups as printed on the card (without 族). */
export const ETHNIC_GROUPS: readonly string[] = (
  '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 ' +
  '柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 ' +
  '塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
).split(' ')

type Fields = Partial<Record<IdFrontField, FieldRead>>

function nameField(hit: Hit | undefined, rows: readonly Row[], isCard: boolean): FieldRead | undefined {
  const fromLabel = hit ? cjkOnly(hit.text) : ''
  if (fromLabel.length >= 2 && fromLabel.length <= 15)
    return field(fromLabel, hit?.confidence ?? 0, hit?.text)
  // The light-blue label was not read: on a card (its number was read), the first short,
  // purely Chinese row at the top.
  if (!isCard) return undefined
  const first = rowTexts(rows.slice(0, 2)).find((r) => /^[\u3400-\u9fff·]{2,6}$/.test(r.text))
  return first ? field(first.text, first.confidence * UNLABELLED) : undefined
}

function sexField(hits: Map<string, Hit>, rows: readonly Row[]): FieldRead | undefined {
  const hit = hits.get('sex')
  const m = hit && /^[男女]/.exec(hit.text)
  if (hit && m) return field(m[0], hit.confidence, hit.text)
  const row = rowTexts(rows).find((r) => /民族/.test(r.text) && /[男女]/.test(r.text))
  const sex = row && /[男女]/.exec(row.text)
  return sex ? field(sex[0], row.confidence * UNLABELLED) : undefined
}

function ethnicityField(hit: Hit | undefined): FieldRead | undefined {
  if (!hit) return undefined
  const text = cjkOnly(hit.text).replace(/族$/, '')
  const exact = ETHNIC_GROUPS.find((g) => g === text)
  if (exact) return field(exact, hit.confidence, hit.text)
  // A stray character after the value (出生 read on the same row, a guilloche speck).
  const prefix = [...ETHNIC_GROUPS].sort((a, b) => b.length - a.length).find((g) => text.startsWith(g))
  return prefix ? field(prefix, hit.confidence * REPAIRED, hit.text) : undefined
}

function birthField(hit: Hit | undefined, rows: readonly Row[]): FieldRead | undefined {
  const date = hit && firstDate(hit.text)
  if (hit && date) return field(date, hit.confidence, hit.text)
  const row = rowTexts(rows).find((r) => /年.*月/.test(r.text) && firstDate(r.text))
  const guess = row && firstDate(row.text)
  return row && guess ? field(guess, row.confidence * UNLABELLED, row.text) : undefined
}

function addressField(hit: Hit | undefined): FieldRead | undefined {
  const text = hit?.text.replace(/[^\u3400-\u9fff0-9A-Za-z·\-()（）#]/g, '') ?? ''
  return hit && text.length >= 4 ? field(text, hit.confidence, hit.text) : undefined
}

/** Cross-checks of the number against the printed birth date and sex. */
function crossCheck(fields: Fields): OcrIssue[] {
  const id = fields.idNumber?.value
  if (!id) return []
  const issues: OcrIssue[] = []
  const birth = residentIdBirthDate(id)
  if (fields.birth && birth && fields.birth.value !== birth)
    issues.push({
      field: 'birth',
      code: 'birth.mismatch',
      message: `读到的出生日期 ${fields.birth.value} 与身份证号码中的 ${birth} 不一致，请对照证件核对。`,
    })
  const sex = Number(id[16]) % 2 === 1 ? '男' : '女'
  if (fields.sex && fields.sex.value !== sex)
    issues.push({
      field: 'sex',
      code: 'sex.mismatch',
      message: `读到的性别“${fields.sex.value}”与身份证号码（第17位表示${sex}）不一致，请对照证件核对。`,
    })
  return issues
}

export function parseIdFront(rows: readonly Row[], today?: string): ReadResult<IdFrontField> {
  const hits = labelledValues(rows, LABELS, { multiline: new Set(['address']) })
  const idHit = hits.get('idNumber')
  const texts = [...(idHit ? [idHit.text] : []), ...rowTexts(rows).map((r) => r.text)]
  const read = readResidentId(texts, today)
  const number = numberField('idNumber', read, confidenceOfRaw(read, rows, idHit), '公民身份号码')
  // Each reader may find nothing: undefined values are dropped below.
  const fields: Record<IdFrontField, FieldRead | undefined> = {
    name: nameField(hits.get('name'), rows, number.field !== undefined),
    sex: sexField(hits, rows),
    ethnicity: ethnicityField(hits.get('ethnicity')),
    birth: birthField(hits.get('birth'), rows),
    address: addressField(hits.get('address')),
    idNumber: number.field,
  }
  const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Fields
  return {
    kind: 'id-front',
    fields: clean,
    issues: [...(number.issue ? [number.issue] : []), ...crossCheck(clean)],
  }
}
