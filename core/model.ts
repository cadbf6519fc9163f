/**
 * Domain model of Beian Desk. Pure data: no behaviour, no I/O.
 * Chinese legal terms appear once, here, where each concept is defined.
 */
import type { ImageNoteCode } from './api'
import type { FilingEvent } from './filing/events'
import type { PerspectiveTarget, Quad } from './ocr/perspective'

/** 开办主体性质: 个人 (natural person) or 单位 (any organisation, incl. 个体经营). */
export type SubjectNature = 'individual' | 'organization'

/**
 * 单位类别 as the portal's current mirror forms list them. `military-academy` (the seed's
 * 军队院校) is kept so stored workspaces load; new subjects choose 国防军队 or 高等院校, which the
 * portal lists apart (see ORG_KIND_CHOICES in core/validation/labels.ts).
 */
export const ORG_KINDS = [
  'enterprise', // 企业
  'sole-proprietor', // 个体经营
  'public-institution', // 事业单位
  'government', // 政府机关
  'military-academy', // 军队院校 (legacy: before the portal listed 国防军队 and 高等院校 apart)
  'social-group', // 社会团体
  'private-non-enterprise', // 民办非企业
  'foundation', // 基金会
  'law-firm', // 律师事务所
  'other', // 其他
  'military', // 国防军队
  'higher-education', // 高等院校
  'overseas-organization', // 境外组织 (reported)
] as const
export type OrgKind = (typeof ORG_KINDS)[number]

/** 主办单位证件类型 for 单位. */
export const ORG_CERT_TYPES = [
  'uscc-certificate', // 统一社会信用代码证
  'business-licence', // 营业执照
  'org-code-certificate', // 组织机构代码证
  'public-institution-certificate', // 事业单位法人证书
  'other', // 其他
  'social-group-certificate', // 社会团体法人登记证书
  'private-non-enterprise-certificate', // 民办非企业单位登记证书
  'foundation-certificate', // 基金会法人登记证书
  'law-firm-licence', // 律师事务所执业许可证
  'military-code', // 军队代号
] as const
export type OrgCertType = (typeof ORG_CERT_TYPES)[number]

/** 证件类型 of a person (负责人证件类型 list of the portal). */
export const PERSON_ID_TYPES = [
  'resident-id', // 居民身份证
  'temporary-resident-id', // 临时居民身份证
  'officer-id', // 军官证
  'student-id', // 学生证
  'driving-licence', // 机动车驾驶证
  'diplomatic-passport', // 外交护照
  'service-passport', // 公务护照
  'public-affairs-passport', // 因公普通护照
  'passport', // 普通护照
  'exit-entry-permit', // 入出境通行证
  'hk-passport', // 香港特别行政区护照
  'macao-passport', // 澳门特别行政区护照
  'other', // 其他证件
  'residence-permit', // 居住证
] as const
export type PersonIdType = (typeof PERSON_ID_TYPES)[number]

/** An address: division path from the national division codes plus the free-text detail. */
export type Address = {
  /** GB/T 2260 / 统计用区划代码 path, province first; may be shorter than 5 levels. */
  divisionCodes: string[]
  /** Display names matching divisionCodes, kept so data survives a division-data update. */
  divisionNames: string[]
  /** 详细地址: street and door number (门牌号) or village detail. */
  detail: string
}

/** A natural person: 开办者, 法定代表人/主体负责人, 网站安全负责人 or 应急联络人. */
export type Person = {
  id: string
  name: string
  idType: PersonIdType
  idNumber: string
  /** 证件有效期: ISO date (YYYY-MM-DD), 'long-term' for 长期, or '' when not entered yet. */
  idExpiry: string
  address: Address
  officePhone: string
  mobile: string
  email: string
}

/** 开办主体: who runs the site. For 个人 the principal is the holder and name/cert mirror them. */
export type Subject = {
  id: string
  nature: SubjectNature
  /** Only for 单位. */
  orgKind?: OrgKind
  /** 主办单位名称 / 个人姓名. */
  name: string
  /** For 单位; 个人 use the principal's ID type. */
  certType?: OrgCertType
  /** 主办单位证件号 (for 个人 equals principal.idNumber). */
  certNumber: string
  /** 投资者或上级主管单位 (optional). */
  investor: string
  /** 单位办公地址 (for 个人 the 常住地址 of the principal). */
  officeAddress: Address
  officePhone: string
  /** 法定代表人 / 主体负责人; for 个人 the holder themself. */
  principal: Person
  createdAt: string
  updatedAt: string
}

/** 网站接入服务商 / 域名注册服务商. */
export type Provider = {
  /** 境内 (domestic) or 境外 (abroad). */
  location: 'domestic' | 'abroad'
  region: string
  name: string
}

/** A person on the site step, or "same as the subject's person in charge". */
export type SitePersonRef = { sameAsPrincipal: true } | { sameAsPrincipal: false; person: Person }

/** 网站: one filing. */
export type Site = {
  id: string
  subjectId: string
  /** 网站名称: must equal the ICP-filed name exactly. */
  name: string
  /** 工信部备案号, e.g. 京ICP备12345678号-1. */
  icpNumber: string
  /** 网站开通日期 (ISO date); the 30-day clock starts here. */
  openingDate: string
  /** Main domain as the user typed it (may be an IDN). */
  mainDomain: string
  extraDomains: string[]
  /** 是否有独立一级域名; when false, homeUrl holds the 首页URL or IP. */
  hasOwnDomain: boolean
  homeUrl: string
  serverIps: string[]
  accessProvider: Provider
  registrar: Provider
  /** 网站接入方式 */
  accessMethod: string
  /** 是否提供互联网交互服务 */
  interactive: boolean
  serviceTypes: string[]
  languages: string[]
  /** 前置许可 */
  preApprovals: string[]
  /**
   * 是否提供涉及管制物品信息发布服务; absent in workspaces saved before the portal asked
   * (read through controlledGoodsOf: absent = 否).
   */
  offersControlledGoods?: boolean
  /** Which 管制物品 categories (CONTROLLED_GOODS) when offersControlledGoods is true. */
  controlledGoods?: string[]
  /** 网站安全负责人 */
  securityOfficer: SitePersonRef
  /** 网站应急联络人 */
  emergencyContact: SitePersonRef
  createdAt: string
  updatedAt: string
}

/** Material slots, in the portal's upload order. */
export const SLOT_KEYS = [
  'subject-certificate', // 单位证件
  'principal-id-front', // 负责人身份证正面 (个人: 身份证正面)
  'principal-id-back',
  'principal-id-handheld',
  'security-id-front', // 网站安全负责人身份证正面
  'security-id-back',
  'security-id-handheld',
  'domain-certificate', // 域名证书
  'permit-news', // 前置许可: 新闻
  'permit-publishing', // 前置许可: 出版
  'permit-education', // 前置许可: 教育
  'permit-medical', // 前置许可: 医疗保健
  'permit-other', // 前置许可: 其他
  'controlled-goods-permit', // 管制物品信息发布的特种许可
  'security-assessment', // 交互式网站: 安全评估报告
] as const
export type SlotKey = (typeof SLOT_KEYS)[number]

/** Whose material a slot stores: the subject (shared by its sites) or one site. */
export type SlotOwner = 'subject' | 'site'

export type ImageWarningCode =
  'too-small' | 'blurry' | 'grayscale' | 'too-dark' | 'overexposed' | 'odd-aspect'

/** 90° steps applied to the upright original. */
export type Rotation = 0 | 90 | 180 | 270
/** A crop rectangle in pixels of the upright, rotated original. */
export type CropRect = { left: number; top: number; width: number; height: number }

/**
 * Where the watermark goes: 右下角 (`corner`, one line in the bottom-right corner), 底部横条
 * (`band`, a light strip along the bottom edge) or 满铺 (`tiled`, repeated diagonally across
 * the whole picture).
 */
export const WATERMARK_PLACEMENTS = ['corner', 'band', 'tiled'] as const
export type WatermarkPlacement = (typeof WATERMARK_PLACEMENTS)[number]
/**
 * A watermark the user turns on goes in the corner: it covers the least, and on a card
 * cropped to its edges it sits below the ID number and the validity line. A full-width band
 * crosses those lines as soon as the card fills the picture; tiling covers everything.
 */
export const DEFAULT_WATERMARK_PLACEMENT: WatermarkPlacement = 'corner'
/** Edits stored before placement existed have no `watermarkPlacement`: they were tiled. */
export const LEGACY_WATERMARK_PLACEMENT: WatermarkPlacement = 'tiled'

/** The user's edits, re-applied to the original whenever the material is re-compressed. */
export type MaterialEdit = {
  rotate: Rotation
  crop: CropRect | null
  /** Optional watermark text (off by default: one that covers text gets filings returned). */
  watermark: string | null
  /** Where `watermark` is drawn; absent in workspaces saved before it existed (see watermarkPlacementOf). */
  watermarkPlacement?: WatermarkPlacement
  /**
   * The PDF page used (1-based), chosen by the user; absent means page 1 (pdfPageOf). `crop` is
   * in that page's pixels, so choosing another page clears the crop.
   */
  pdfPage?: number
  /**
   * 透视校正: the document's four corners in pixels of the upright original (before `rotate`),
   * straightened to its real proportions before rotation and crop; absent = none. `crop` is then
   * measured in the straightened picture. The original itself is kept unchanged.
   */
  perspective?: PerspectiveEdit
}

/** A photographed card or page straightened (core/ocr/perspective.ts). */
export type PerspectiveEdit = { quad: Quad; target: PerspectiveTarget }

export const NO_EDIT: MaterialEdit = { rotate: 0, crop: null, watermark: null }

/** Most pages a PDF may have (a registrar certificate is 1–3 pages; more is a whole report). */
export const PDF_MAX_PAGES = 50

/** The PDF page an edit uses. */
export function pdfPageOf(edit: Pick<MaterialEdit, 'pdfPage'>): number {
  return edit.pdfPage ?? 1
}

/** The placement an edit's watermark is drawn with. */
export function watermarkPlacementOf(edit: MaterialEdit): WatermarkPlacement {
  return edit.watermarkPlacement ?? LEGACY_WATERMARK_PLACEMENT
}

/** One imported material: the original kept beside its compressed copy. */
export type Material = {
  id: string
  ownerKind: SlotOwner
  ownerId: string
  slot: SlotKey
  /** File name the user imported (display only). */
  sourceName: string
  /** Detected input format (jpeg, png, heic…), never from the extension. */
  sourceFormat: string
  /** Upright pixel size and byte size of the original. */
  sourceWidth: number
  sourceHeight: number
  originalBytes: number
  /** Number of pages when the source is a PDF (the editor offers each); absent for images. */
  sourcePages?: number
  edit: MaterialEdit
  /** Paths relative to the data directory. */
  originalFile: string
  compressedFile: string
  bytes: number
  width: number
  height: number
  quality: number
  maxBytes: number
  sha256: string
  warnings: ImageWarningCode[]
  /** What was used from a multi-frame/multi-page source (absent in older stores and for single images). */
  notes?: ImageNoteCode[]
  importedAt: string
}

/** 是否提供涉及管制物品信息发布服务 and its categories, with the defaults of older workspaces. */
export function controlledGoodsOf(site: Pick<Site, 'offersControlledGoods' | 'controlledGoods'>): {
  offers: boolean
  categories: string[]
} {
  return { offers: site.offersControlledGoods ?? false, categories: site.controlledGoods ?? [] }
}

/**
 * A slot whose ID photo was deleted by 保留期限 (core/filing/retention.ts), so the app says so
 * rather than showing a slot that looks never filled. Ids and dates only, no personal data.
 */
export type RetentionRemoval = {
  id: string
  ownerKind: SlotOwner
  ownerId: string
  slot: SlotKey
  /** The day it was deleted and the badge date the period ran from (YYYY-MM-DD). */
  removedOn: string
  badgedOn: string
}

/** Everything the app stores about the user's work. */
export type Workspace = {
  subjects: Subject[]
  sites: Site[]
  materials: Material[]
  /** 备案事件: every subject's and site's filing history (absent in workspaces saved before it). */
  filingEvents?: FilingEvent[]
  /** Photos deleted by retention (absent in workspaces saved before it). */
  retentionRemovals?: RetentionRemoval[]
}

/** Upload size caps and the default cap: their home is core/limits. */
export { CAP_CHOICES, DEFAULT_MAX_BYTES } from './limits'
