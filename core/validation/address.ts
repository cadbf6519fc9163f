/**
 * Rule ⑥ 负责人常住地 / 单位办公地址: real and complete. Province, city and county are chosen;
 * urban addresses reach the street and door number (门牌号) or a PO box, rural ones the village.
 */
import type { Address } from '../model'
import { isKnownProvince } from './divisions'
import { err } from './result'
import type { Finding } from './types'

/** Door numbers, rooms, buildings, units and PO boxes, in Arabic or Chinese numerals. */
const DOOR =
  /[\d〇零一二三四五六七八九十百]+\s*(?:号|室|栋|幢|座|单元|号楼|楼|层)|[A-Za-z\d]座|门牌|信箱|\d+-\d+|\d{3,}$/
/**
 * Village-level words: 村, 嘎查 (Inner Mongolia), 屯 (north-east), 村民小组 (组). A 村 that is part
 * of an urban place name (中关村大街, 曹杨新村) is not a village.
 */
const VILLAGE = /(?<!新)村(?!大街|大道|路|街|小区|[东南西北])|嘎查|屯/
const RURAL_HINT = new RegExp(`${VILLAGE.source}|组$|\\d+组|[一二三四五六七八九十]+组`)
const TOWNSHIP_RURAL = /(乡|苏木)$/

export const hasDoorNumber = (detail: string): boolean => DOOR.test(detail)

function isRural(a: Address): boolean {
  if (RURAL_HINT.test(a.detail)) return true
  if (a.divisionNames.some((n) => VILLAGE.test(n))) return true
  return TOWNSHIP_RURAL.test(a.divisionNames[3] ?? '')
}

function divisionFindings(a: Address, field: string): Finding[] {
  if (a.divisionCodes.length < 3) {
    return [
      err(
        'address.division',
        '请依次选择省、市、区县（规则⑥：常住地决定由哪个公安机关审核）。',
        `${field}.divisionCodes`,
      ),
    ]
  }
  if (!isKnownProvince((a.divisionCodes[0] ?? '').slice(0, 2))) {
    return [err('address.province', '所选省份代码无效，请重新选择省市区。', `${field}.divisionCodes`)]
  }
  return []
}

function detailFindings(a: Address, field: string): Finding[] {
  const detail = a.detail.trim()
  const f = `${field}.detail`
  if (detail === '') return [err('address.detail-required', '请填写详细地址（规则⑥）。', f)]
  if (isRural(a)) {
    const reached = a.divisionCodes.length >= 5 || VILLAGE.test(detail)
    const msg = '农村地址须精确到村（规则⑥）：请在省市区下继续选择乡镇和村，或在详细地址中写明“××村”。'
    return reached ? [] : [err('address.village', msg, f)]
  }
  if (!hasDoorNumber(detail)) {
    const msg = '城镇地址须精确到街道和门牌号（规则⑥），如“××路18号3栋502室”；使用邮政信箱的请写明信箱号。'
    return [err('address.door-number', msg, f)]
  }
  return []
}

/** Findings of rule ⑥ for one address; `field` is the address's path (e.g. `officeAddress`). */
export function validateAddress(a: Address, field: string): Finding[] {
  return [...divisionFindings(a, field), ...detailFindings(a, field)]
}
