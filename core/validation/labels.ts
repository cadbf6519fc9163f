/** Chinese labels of the model's enumerations, as the portal words them. */
import {
  ORG_CERT_TYPES,
  type OrgCertType,
  type OrgKind,
  type PersonIdType,
  type SubjectNature,
} from '../model'

const ORG_CERT_TYPES_ALL: readonly OrgCertType[] = ORG_CERT_TYPES

export const NATURE_LABELS: Readonly<Record<SubjectNature, string>> = {
  individual: '个人',
  organization: '单位',
}

export const ORG_KIND_LABELS: Readonly<Record<OrgKind, string>> = {
  enterprise: '企业',
  'sole-proprietor': '个体经营',
  'public-institution': '事业单位',
  government: '政府机关',
  'military-academy': '军队院校（旧分类）',
  'social-group': '社会团体',
  'private-non-enterprise': '民办非企业',
  foundation: '基金会',
  'law-firm': '律师事务所',
  other: '其他',
  military: '国防军队',
  'higher-education': '高等院校',
  'overseas-organization': '境外组织',
}

/**
 * The 单位类别 offered for new subjects, in the portal's order. 军队院校 is left out: the portal
 * now lists 国防军队 and 高等院校 apart (stored subjects keep it and are asked to choose again).
 */
export const ORG_KIND_CHOICES: readonly OrgKind[] = [
  'enterprise',
  'government',
  'public-institution',
  'social-group',
  'military',
  'higher-education',
  'sole-proprietor',
  'private-non-enterprise',
  'foundation',
  'law-firm',
  'overseas-organization',
  'other',
]

export const ORG_CERT_TYPE_LABELS: Readonly<Record<OrgCertType, string>> = {
  'uscc-certificate': '统一社会信用代码证',
  'business-licence': '营业执照',
  'org-code-certificate': '组织机构代码证',
  'public-institution-certificate': '事业单位法人证书',
  other: '其他',
  'social-group-certificate': '社会团体法人登记证书',
  'private-non-enterprise-certificate': '民办非企业单位登记证书',
  'foundation-certificate': '基金会法人登记证书',
  'law-firm-licence': '律师事务所执业许可证',
  'military-code': '军队代号',
}

/**
 * The certificate each 单位类别 holds, most usual first (the form offers these, the first is the
 * default). Since 2016 every one of these registration certificates also prints the 18-character
 * 统一社会信用代码, which is why 统一社会信用代码证 is offered to every registered kind.
 */
export const ORG_CERT_TYPES_BY_KIND: Readonly<Record<OrgKind, readonly OrgCertType[]>> = {
  enterprise: ['uscc-certificate', 'business-licence', 'org-code-certificate', 'other'],
  'sole-proprietor': ['business-licence', 'uscc-certificate', 'other'],
  'public-institution': [
    'public-institution-certificate',
    'uscc-certificate',
    'org-code-certificate',
    'other',
  ],
  government: ['uscc-certificate', 'org-code-certificate', 'other'],
  'military-academy': ['military-code', 'public-institution-certificate', 'uscc-certificate', 'other'],
  'social-group': ['social-group-certificate', 'uscc-certificate', 'other'],
  'private-non-enterprise': ['private-non-enterprise-certificate', 'uscc-certificate', 'other'],
  foundation: ['foundation-certificate', 'uscc-certificate', 'other'],
  'law-firm': ['law-firm-licence', 'uscc-certificate', 'other'],
  other: ORG_CERT_TYPES_ALL,
  military: ['military-code', 'other'],
  'higher-education': [
    'public-institution-certificate',
    'private-non-enterprise-certificate',
    'uscc-certificate',
    'military-code',
    'other',
  ],
  'overseas-organization': ['other'],
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

/** Whether 证件有效期 may be 长期 (per type: see id-validity.ts). */
export { idTypeAllowsLongTerm } from './id-validity'

/** ID types whose numbers follow GB 11643 (18-digit citizen number). */
export const GB11643_ID_TYPES: readonly PersonIdType[] = ['resident-id', 'temporary-resident-id']
