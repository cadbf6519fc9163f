/** Chinese labels of the model's enumerations, as the portal words them. */
import type { OrgCertType, OrgKind, PersonIdType, SubjectNature } from '../model'

export const NATURE_LABELS: Readonly<Record<SubjectNature, string>> = {
  individual: '个人',
  organization: '单位',
}

export const ORG_KIND_LABELS: Readonly<Record<OrgKind, string>> = {
  enterprise: '企业',
  'sole-proprietor': '个体经营',
  'public-institution': '事业单位',
  government: '政府机关',
  'military-academy': '军队院校',
  'social-group': '社会团体',
  'private-non-enterprise': '民办非企业',
  foundation: '基金会',
  'law-firm': '律师事务所',
  other: '其他',
}

export const ORG_CERT_TYPE_LABELS: Readonly<Record<OrgCertType, string>> = {
  'uscc-certificate': '统一社会信用代码证',
  'business-licence': '营业执照',
  'org-code-certificate': '组织机构代码证',
  'public-institution-certificate': '事业单位法人证书',
  other: '其他',
}

export const PERSON_ID_TYPE_LABELS: Readonly<Record<PersonIdType, string>> = {
  'resident-id': '居民身份证',
  'temporary-resident-id': '临时居民身份证',
  'officer-id': '军官证',
  'student-id': '学生证',
  'driving-licence': '机动车驾驶证',
  'diplomatic-passport': '外交护照',
  'service-passport': '公务护照',
  'public-affairs-passport': '因公普通护照',
  passport: '普通护照',
  'exit-entry-permit': '入出境通行证',
  'hk-passport': '香港特别行政区护照',
  'macao-passport': '澳门特别行政区护照',
  other: '其他证件',
  'residence-permit': '居住证',
}

/**
 * Whether 证件有效期 may be 长期. Only the 居民身份证 has a 长期 validity (issued to holders aged
 * 46 or more, GB/居民身份证法 art. 5); temporary IDs last 3 months, passports 5–10 years and
 * residence permits 1–5 years. Officer and student cards, driving licences and "other" carry an
 * end date or a 发证日期 the portal asks for as a date, so they are dated too.
 */
export const idTypeAllowsLongTerm = (t: PersonIdType): boolean => t === 'resident-id'

/** ID types whose numbers follow GB 11643 (18-digit citizen number). */
export const GB11643_ID_TYPES: readonly PersonIdType[] = ['resident-id', 'temporary-resident-id']
