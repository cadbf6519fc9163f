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
 * Village-level words: 村, 嘎查 (Inner Mongolia), 屯 (north-east). A 村 inside an urban place or
 * building name (中关村大街, 曹杨新村, 中关村软件园, 五道口村大厦) is not a village: only a village
 * division or a village name that ends the address (optionally followed by its group) counts.
 */
const VILLAGE = /(?<!新)村(?!大街|大道|路|街|小区|[东南西北])|嘎查|屯/
const GROUP = '(?:第?[\\d一二三四五六七八九十]+(?:组|队|社)|村?民小组)'
const VILLAGE_TAIL = new RegExp(`(?:(?<!新)村|嘎查|屯)${GROUP}?$`)
const GROUP_TAIL = new RegExp(`${GROUP}$`)
const VILLAGE_DIVISION = /(?:村|嘎查)(?:民委员会|委会)?$/
const TOWNSHIP = /(?:乡|苏木)$/

export const hasDoorNumber = (detail: string): boolean => DOOR.test(detail)

/** A rural address by its divisions (a village, or a 乡/苏木 township) or by its ending. */
function isRural(a: Address, detail: string): boolean {
  if (VILLAGE_TAIL.test(detail) || GROUP_TAIL.test(detail)) return true
  return VILLAGE_DIVISION.test(a.divisionNames[4] ?? '') || TOWNSHIP.test(a.divisionNames[3] ?? '')
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
  // A door number is at least as precise as a village, in a township seat as in a city.
  if (hasDoorNumber(detail)) return []
  if (isRural(a, detail)) {
    const reached = a.divisionCodes.length >= 5 || VILLAGE_TAIL.test(detail) || VILLAGE.test(detail)
    const msg =
      '农村地址须精确到村（规则⑥）：请在省市区下继续选择乡镇和村，或在详细地址中写明“××村”；有门牌号的请写门牌号。'
    return reached ? [] : [err('address.village', msg, f)]
  }
  const msg =
    '城镇地址须精确到街道和门牌号（规则⑥），如“××路18号3栋502室”；使用邮政信箱的请写明信箱号；农村地址请写到村（以“××村”结尾）。'
  return [err('address.door-number', msg, f)]
}

/** Findings of rule ⑥ for one address; `field` is the address's path (e.g. `officeAddress`). */
export function validateAddress(a: Address, field: string): Finding[] {
  return [...divisionFindings(a, field), ...detailFindings(a, field)]
}
