/**
 * Chinese labels of the portal's option lists, shown in both UI languages because the user
 * copies them into the (Chinese) portal.
 */
import type { OrgCertType, OrgKind, PersonIdType } from '../../../core/model'

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
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

export const ORG_CERT_TYPE_LABELS: Record<OrgCertType, string> = {
  'uscc-certificate': '统一社会信用代码证',
  'business-licence': '营业执照',
  'org-code-certificate': '组织机构代码证',
  'public-institution-certificate': '事业单位法人证书',
  other: '其他',
}

export const PERSON_ID_TYPE_LABELS: Record<PersonIdType, string> = {
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

/** Old portal's 网站服务类型 list. */
export const SERVICE_TYPES = [
  'www', 'wap', '博客个人空间', '论坛BBS', '聊天室', '社交网站', '电子邮件', '即时通讯', '搜索引擎',
  '网络新闻', '网络音乐', '网络文字', '网络音视频', '网络游戏', '网络下载', 'app服务', '云计算',
  '供求信息发布', '旅游预订', '移动应用商店', '第三方支付', '网上银行', '财经服务', '网络购物',
  '云存储', 'FTP下载', 'P2P金融',
] as const

export const LANGUAGES = [
  '中文简体', '中文繁体', '英语', '法语', '俄语', '西班牙语', '维吾尔语', '哈萨克语', '蒙古语',
  '藏语', '阿拉伯语', '朝鲜语', '日语', '德语', '其他',
] as const

export const PRE_APPROVALS = ['新闻', '出版', '教育', '医疗保健', '药品和医疗器械', '文化', '广播电影电视节目', '其他'] as const

/** 网站接入方式: only 租赁虚拟空间 is sourced; the field also accepts free text. */
export const ACCESS_METHODS = ['租赁虚拟空间', '云服务器', '主机托管', '专线接入', '自有机房', '其他'] as const
