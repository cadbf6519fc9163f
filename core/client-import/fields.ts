/**
 * The columns an agency's client list may have, with the header words Excel/WPS sheets use
 * for them (Chinese first). A sheet's header row is mapped to these fields automatically; the
 * user corrects the mapping before the preview.
 */

export const IMPORT_FIELDS = [
  'subjectName',
  'nature',
  'orgKind',
  'certNumber',
  'investor',
  'officePhone',
  'address',
  'principalName',
  'principalIdNumber',
  'principalMobile',
  'principalEmail',
  'siteName',
  'domain',
  'icpNumber',
  'openingDate',
  'interactive',
  'serverIp',
  'accessProvider',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** Chinese label of each field (the template's header row and the mapping step). */
export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  subjectName: '主体名称',
  nature: '主体性质',
  orgKind: '单位类别',
  certNumber: '证件号码',
  investor: '投资者或上级主管单位',
  officePhone: '办公电话',
  address: '详细地址',
  principalName: '负责人姓名',
  principalIdNumber: '负责人证件号码',
  principalMobile: '负责人手机',
  principalEmail: '负责人邮箱',
  siteName: '网站名称',
  domain: '网站域名',
  icpNumber: 'ICP备案号',
  openingDate: '开通日期',
  interactive: '交互式',
  serverIp: '服务器IP',
  accessProvider: '接入服务商',
}

/** Fields without which a row cannot become a subject. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['subjectName']

/**
 * Header words seen in agencies' sheets, compared after normalising (no spaces, brackets'
 * contents or punctuation, lower case). The label itself always matches.
 */
const SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  subjectName: [
    '客户名称',
    '客户',
    '主办单位名称',
    '主办单位',
    '开办主体',
    '主体',
    '单位名称',
    '公司名称',
    '企业名称',
    '个人姓名',
    '主办者',
    'client',
    'subject',
    'company',
  ],
  nature: ['性质', '主办单位性质', '开办主体性质', '主体类型', '客户类型', 'nature'],
  orgKind: ['单位性质', '单位类型', '类别', 'orgkind'],
  certNumber: [
    '主体证件号码',
    '主办单位证件号码',
    '证件号',
    '统一社会信用代码',
    '信用代码',
    '社会信用代码',
    '营业执照号',
    '组织机构代码',
    '主体证件号',
    'certnumber',
    'uscc',
  ],
  investor: ['投资者', '上级主管单位', '投资人', 'investor'],
  officePhone: ['单位电话', '联系电话', '电话', '座机', 'phone', 'officephone'],
  address: ['地址', '办公地址', '单位地址', '通讯地址', '常住地址', '住址', 'address'],
  principalName: ['负责人', '法定代表人', '法人', '法人代表', '主体负责人', '联系人', 'principal', 'contact'],
  principalIdNumber: [
    '负责人身份证号',
    '负责人身份证号码',
    '法人身份证号',
    '法定代表人身份证号',
    '身份证号',
    '身份证号码',
    '负责人证件号',
    'idnumber',
  ],
  principalMobile: ['手机', '手机号', '手机号码', '负责人手机号', '负责人手机号码', '移动电话', 'mobile'],
  principalEmail: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail', 'mail', '负责人电子邮件'],
  siteName: ['网站', '站点名称', '网站名', 'sitename', 'site'],
  domain: ['域名', '主域名', '网址', '网站地址', '首页url', '首页地址', 'domain', 'url'],
  icpNumber: ['icp备案号', 'icp号', '备案号', '工信部备案号', 'icp许可证号', 'icp'],
  openingDate: ['开通时间', '上线日期', '上线时间', '网站开通日期', '开通日', 'openingdate'],
  interactive: ['是否交互式', '交互', '交互式网站', '是否提供互联网交互服务', '互动', 'interactive'],
  serverIp: ['ip', 'ip地址', '服务器ip地址', '服务器地址', 'serverip'],
  accessProvider: ['接入商', '网站接入服务商', '服务商', '云服务商', 'isp', 'provider'],
}

/** Lower case, full-width → half-width, without spaces, punctuation and a bracketed note. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '')
    .replace(/[\s*：:＊_\-—/\\、·.。]/g, '')
    .toLowerCase()
}

const LOOKUP: ReadonlyMap<string, ImportField> = (() => {
  const map = new Map<string, ImportField>()
  for (const field of IMPORT_FIELDS) {
    for (const word of [IMPORT_FIELD_LABELS[field], ...SYNONYMS[field]]) {
      const key = normaliseHeader(word)
      if (key !== '' && !map.has(key)) map.set(key, field)
    }
  }
  return map
})()

/** The field a header word names, or null. */
export function fieldOfHeader(header: string): ImportField | null {
  return LOOKUP.get(normaliseHeader(header)) ?? null
}

/** Column index per field (a field appears at most once; -1 = not in the sheet). */
export type ColumnMapping = Record<ImportField, number>

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, -1])) as ColumnMapping
}

/** Maps each header to the field it names; the first column naming a field wins. */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping()
  headers.forEach((header, index) => {
    const field = fieldOfHeader(header)
    if (field && mapping[field] < 0) mapping[field] = index
  })
  return mapping
}

/** Chinese messages for a mapping that cannot be used (a required field missing, a column used twice). */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const problems: string[] = []
  for (const field of REQUIRED_FIELDS) {
    if (mapping[field] < 0)
      problems.push(`请指定“${IMPORT_FIELD_LABELS[field]}”对应的列：没有它，无法知道每一行属于哪个主体。`)
  }
  const seen = new Map<number, ImportField>()
  for (const field of IMPORT_FIELDS) {
    const col = mapping[field]
    if (col < 0) continue
    if (col >= headers.length) {
      problems.push(`“${IMPORT_FIELD_LABELS[field]}”对应的列（第 ${col + 1} 列）不在表格中，请重新选择。`)
      continue
    }
    const other = seen.get(col)
    if (other)
      problems.push(
        `第 ${col + 1} 列“${headers[col] ?? ''}”同时对应了“${IMPORT_FIELD_LABELS[other]}”和“${IMPORT_FIELD_LABELS[field]}”，请只保留一个。`,
      )
    else seen.set(col, field)
  }
  return problems
}
