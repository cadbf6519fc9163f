/**
 * Administrative-division prefixes (GB/T 2260) used by ID numbers, USCCs and filing numbers.
 *
 * Why only province + prefecture: an ID number keeps the county code in force when it was issued,
 * so a current-only table rejects valid cards. The prefecture table below is the union of the
 * 1984, 1993 and 2003 editions of GB/T 2260 (as published in the Ministry of Civil Affairs' history
 * of county-level codes) and the current list, including retired 地区 codes (e.g. 4224 荆州地区) and
 * the 省直辖县级 "90" blocks. Retired 地区 ranges are kept contiguous per province so that a code
 * from an edition between those years is not refused. A complete county-level history (≈6,000
 * codes) is not shipped, so the county digits are not checked against a table; only an "00"
 * county part outside the known county-less cities is reported, as a warning.
 */

/** Province code → name and the short names used by ICP numbers and 公网安备 badges. */
export const PROVINCES: Readonly<Record<string, { name: string; short: readonly string[] }>> = {
  '11': { name: '北京市', short: ['京'] },
  '12': { name: '天津市', short: ['津'] },
  '13': { name: '河北省', short: ['冀'] },
  '14': { name: '山西省', short: ['晋'] },
  '15': { name: '内蒙古自治区', short: ['蒙'] },
  '21': { name: '辽宁省', short: ['辽'] },
  '22': { name: '吉林省', short: ['吉'] },
  '23': { name: '黑龙江省', short: ['黑'] },
  '31': { name: '上海市', short: ['沪'] },
  '32': { name: '江苏省', short: ['苏'] },
  '33': { name: '浙江省', short: ['浙'] },
  '34': { name: '安徽省', short: ['皖'] },
  '35': { name: '福建省', short: ['闽'] },
  '36': { name: '江西省', short: ['赣'] },
  '37': { name: '山东省', short: ['鲁'] },
  '41': { name: '河南省', short: ['豫'] },
  '42': { name: '湖北省', short: ['鄂'] },
  '43': { name: '湖南省', short: ['湘'] },
  '44': { name: '广东省', short: ['粤'] },
  '45': { name: '广西壮族自治区', short: ['桂'] },
  '46': { name: '海南省', short: ['琼'] },
  '50': { name: '重庆市', short: ['渝'] },
  '51': { name: '四川省', short: ['川'] },
  '52': { name: '贵州省', short: ['贵', '黔'] },
  '53': { name: '云南省', short: ['云', '滇'] },
  '54': { name: '西藏自治区', short: ['藏'] },
  '61': { name: '陕西省', short: ['陕'] },
  '62': { name: '甘肃省', short: ['甘', '陇'] },
  '63': { name: '青海省', short: ['青'] },
  '64': { name: '宁夏回族自治区', short: ['宁'] },
  '65': { name: '新疆维吾尔自治区', short: ['新'] },
  '71': { name: '台湾省', short: [] },
  '81': { name: '香港特别行政区', short: [] },
  '82': { name: '澳门特别行政区', short: [] },
  '83': { name: '台湾地区（港澳台居民居住证）', short: [] },
}

/** Mainland provinces that issue ICP numbers and 公网安备 numbers. */
export const MAINLAND_PROVINCE_CODES = Object.keys(PROVINCES).filter((c) => Number(c) < 70)

/** Compact prefecture table: province → "a-b" ranges / single values of digits 3–4. */
const PREFECTURES: Readonly<Record<string, string>> = {
  '11': '01-02',
  '12': '01-02',
  '13': '01-11 21-30 90',
  '14': '01-11 21-27 90',
  '15': '01-09 21-29 90',
  '21': '01-14 90',
  '22': '01-08 21-24 90',
  '23': '01-12 21-27 90',
  '31': '01-02',
  '32': '01-13 90',
  '33': '01-11 24-27 90',
  '34': '01-18 21-29 90',
  '35': '01-09 21-26 90',
  '36': '01-11 21-25 90',
  '37': '01-17 23-29 90',
  '41': '01-17 21-30 90',
  '42': '01-13 21-28 90',
  '43': '01-13 21-31 90',
  '44': '01-09 12-20 21-28 51-53 90',
  '45': '01-14 21-29',
  '46': '00-04 90',
  '50': '01-03',
  '51': '01-20 21-39 90',
  '52': '01-06 21-27',
  '53': '01-09 21-35',
  '54': '01-06 21-27',
  '61': '01-10 21-27 90',
  '62': '01-12 21-30',
  '63': '01-02 21-28',
  '64': '01-05 21-22',
  '65': '01-05 21-23 27-32 40-43 90',
  '71': '00',
  '81': '00',
  '82': '00',
  '83': '00',
}

/** Prefecture-level cities without counties: their own 6-digit code ends in 00 on ID cards. */
const COUNTY_LESS = new Set([
  '441900',
  '442000',
  '460300',
  '460400',
  '620200',
  '810000',
  '820000',
  '830000',
  '710000',
])

function expand(spec: string): Set<string> {
  const out = new Set<string>()
  for (const part of spec.split(' ')) {
    const [a, b = a] = part.split('-').map(Number) as [number, number?]
    for (let i = a; i <= b; i++) out.add(String(i).padStart(2, '0'))
  }
  return out
}

const PREFECTURE_SETS = new Map(Object.entries(PREFECTURES).map(([p, spec]) => [p, expand(spec)]))

export const isKnownProvince = (code2: string): boolean => code2 in PROVINCES

/** True when digits 1–4 are a province + prefecture (current or retired) known to the table. */
export function isKnownPrefecture(code4: string): boolean {
  return PREFECTURE_SETS.get(code4.slice(0, 2))?.has(code4.slice(2, 4)) ?? false
}

export type DivisionVerdict = 'ok' | 'unknown-province' | 'unknown-prefecture' | 'county-missing'

/** Classifies a 6-digit division code as used on ID cards. */
export function classifyDivision(code6: string): DivisionVerdict {
  if (!isKnownProvince(code6.slice(0, 2))) return 'unknown-province'
  if (!isKnownPrefecture(code6.slice(0, 4))) return 'unknown-prefecture'
  if (code6.endsWith('00') && !COUNTY_LESS.has(code6)) return 'county-missing'
  return 'ok'
}

/** Province name for a code's first two digits, or null. */
export const provinceName = (code: string): string | null => PROVINCES[code.slice(0, 2)]?.name ?? null

/** Province code for a short name (京 → 11, 黔 → 52); null when unknown. */
export function provinceOfShortName(short: string): string | null {
  for (const [code, p] of Object.entries(PROVINCES)) if (p.short.includes(short)) return code
  return null
}

/** Every short name accepted in ICP numbers and 公网安备 prefixes. */
export const PROVINCE_SHORT_NAMES: readonly string[] = Object.values(PROVINCES).flatMap((p) => p.short)
