/**
 * Suggestions for 网站接入服务商 / 域名注册服务商 and the option lists of the site form.
 * Only legal names believed exact are listed; the user can always type another. A wrong provider
 * name is a reported return reason, so brand names (阿里云, 腾讯云…) map to the legal name.
 */

export type ProviderRole = 'access' | 'registrar'

export type SuggestedProvider = {
  /** Exact legal name to enter. */
  name: string
  /** Brand names users type instead. */
  brands: readonly string[]
  roles: readonly ProviderRole[]
  location: 'domestic' | 'abroad'
  /** Registered region (province + city); '' when abroad. */
  region: string
  note?: string
}

export const SUGGESTED_PROVIDERS: readonly SuggestedProvider[] = [
  {
    name: '阿里云计算有限公司',
    brands: ['阿里云', '万网', 'aliyun'],
    roles: ['access', 'registrar'],
    location: 'domestic',
    region: '浙江省杭州市',
  },
  {
    name: '腾讯云计算（北京）有限责任公司',
    brands: ['腾讯云', 'DNSPod', 'qcloud'],
    roles: ['access', 'registrar'],
    location: 'domestic',
    region: '北京市',
  },
  {
    name: '北京百度网讯科技有限公司',
    brands: ['百度智能云', '百度云'],
    roles: ['access', 'registrar'],
    location: 'domestic',
    region: '北京市',
  },
  {
    name: '华为云计算技术有限公司',
    brands: ['华为云'],
    roles: ['access', 'registrar'],
    location: 'domestic',
    region: '贵州省贵安新区',
  },
  {
    name: '北京京东尚科信息技术有限公司',
    brands: ['京东云'],
    roles: ['access'],
    location: 'domestic',
    region: '北京市',
  },
  {
    name: '北京火山引擎科技有限公司',
    brands: ['火山引擎'],
    roles: ['access', 'registrar'],
    location: 'domestic',
    region: '北京市',
  },
  {
    name: '深圳平安通信科技有限公司',
    brands: ['平安云'],
    roles: ['access'],
    location: 'domestic',
    region: '广东省深圳市',
  },
  {
    name: '北京金山云网络技术有限公司',
    brands: ['金山云'],
    roles: ['access'],
    location: 'domestic',
    region: '北京市',
  },
  {
    name: '优刻得科技股份有限公司',
    brands: ['UCloud', '优刻得'],
    roles: ['access'],
    location: 'domestic',
    region: '上海市',
  },
  {
    name: '北京新网数码信息技术有限公司',
    brands: ['新网', 'xinnet'],
    roles: ['registrar'],
    location: 'domestic',
    region: '北京市',
  },
  {
    name: '厦门易名科技股份有限公司',
    brands: ['易名', 'eName'],
    roles: ['registrar'],
    location: 'domestic',
    region: '福建省厦门市',
  },
  {
    name: '成都西维数码科技有限公司',
    brands: ['西部数码', 'west.cn'],
    roles: ['access', 'registrar'],
    location: 'domestic',
    region: '四川省成都市',
  },
  {
    name: '中国电信股份有限公司',
    brands: ['中国电信', '天翼云'],
    roles: ['access'],
    location: 'domestic',
    region: '',
    note: '自建或托管在电信机房时，接入商通常是当地分公司，如“中国电信股份有限公司××分公司”，请以合同为准。',
  },
  { name: 'GoDaddy.com, LLC', brands: ['GoDaddy'], roles: ['registrar'], location: 'abroad', region: '' },
  { name: 'NameCheap, Inc.', brands: ['Namecheap'], roles: ['registrar'], location: 'abroad', region: '' },
]

/** The legal name for a brand the user typed (case-insensitive), or null. */
export function providerForBrand(text: string): SuggestedProvider | null {
  const t = text.trim().toLowerCase()
  if (t === '') return null
  return SUGGESTED_PROVIDERS.find((p) => p.brands.some((b) => b.toLowerCase() === t)) ?? null
}

/** 网站服务类型 of the old portal (codes 00–26), as mirrored by reseller forms. */
export const SERVICE_TYPES: readonly string[] = [
  'www',
  'wap',
  '博客个人空间',
  '论坛BBS',
  '聊天室',
  '社交网站',
  '电子邮件',
  '即时通讯',
  '搜索引擎',
  '网络新闻',
  '网络音乐',
  '网络文字',
  '网络音视频',
  '网络游戏',
  '网络下载',
  'app服务',
  '云计算',
  '供求信息发布',
  '旅游预订',
  '移动应用商店',
  '第三方支付',
  '网上银行',
  '财经服务',
  '网络购物',
  '云存储',
  'FTP下载',
  'P2P金融',
]

/** 网站语种 */
export const LANGUAGES: readonly string[] = [
  '中文简体',
  '中文繁体',
  '英语',
  '法语',
  '俄语',
  '西班牙语',
  '阿拉伯语',
  '德语',
  '日语',
  '朝鲜语',
  '维吾尔语',
  '哈萨克语',
  '蒙古语',
  '藏语',
  '其他',
]

/** 相关前置许可 (the mirror form lists these; choose none when the site needs no permit). */
export const PRE_APPROVALS: readonly string[] = ['新闻', '出版', '教育', '医疗保健', '其他']

/** 是否提供涉及管制物品信息发布服务: the categories the portal's form lists. */
export const CONTROLLED_GOODS: readonly string[] = [
  '管制器具',
  '警用装备',
  '放射性物品',
  '枪支弹药',
  '民爆物品',
  '剧毒化学物',
  '易制爆危险化学品',
]

/** 网站接入方式: suggestions only (the new portal's full list was not captured). */
export const ACCESS_METHODS: readonly string[] = [
  '租赁虚拟空间',
  '云服务器',
  '托管服务器',
  '自建机房',
  '其他',
]
