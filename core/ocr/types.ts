/**
 * What the OCR engine hands to the parsers, and what the parsers return. Pure data: the engine
 * (electron/main/services/ocr) fills OcrLine from PaddleOCR, the renderer shows ReadResult.
 */

/** One recognised text line: its text, the recogniser's mean confidence (0–1), its box. */
export type OcrLine = {
  text: string
  confidence: number
  /** Four corners (x, y) in image pixels, clockwise from top-left; absent when unknown. */
  box?: readonly (readonly [number, number])[]
}

/** 居民身份证 人像面, 国徽面, and 营业执照 or another 单位 certificate. */
export type DocumentKind = 'id-front' | 'id-back' | 'licence'
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['id-front', 'id-back', 'licence']

export type IdFrontField = 'name' | 'sex' | 'ethnicity' | 'birth' | 'address' | 'idNumber'
export type IdBackField = 'authority' | 'validFrom' | 'validTo'
export type LicenceField = 'title' | 'name' | 'uscc' | 'representative' | 'address' | 'type'
export type FieldName = IdFrontField | IdBackField | LicenceField

/**
 * One field read from the image. `confidence` is the lowest recogniser confidence of the
 * lines the value came from, lowered when the value had to be repaired. Dates are ISO
 * (YYYY-MM-DD); validTo may be '长期'.
 */
export type FieldRead = {
  value: string
  confidence: number
  /** A number whose check character holds (公民身份号码, 统一社会信用代码). */
  checked?: boolean
  /** The text as read, when the value differs from it (a repaired number, a normalised date). */
  raw?: string
}

export type OcrIssue = { field: FieldName; code: string; message: string }

export type ReadResult<F extends FieldName = FieldName> = {
  kind: DocumentKind
  fields: Partial<Record<F, FieldRead>>
  issues: OcrIssue[]
}

/** Chinese labels of the fields, as printed on the documents. */
export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  name: '姓名',
  sex: '性别',
  ethnicity: '民族',
  birth: '出生',
  address: '住址',
  idNumber: '公民身份号码',
  authority: '签发机关',
  validFrom: '有效期限（起）',
  validTo: '有效期限（止）',
  title: '证书名称',
  uscc: '统一社会信用代码',
  representative: '法定代表人/负责人',
  type: '类型',
}

/** The field without which a read counts as failed (the engine then retries at 180°). */
export const KEY_FIELD: Readonly<Record<DocumentKind, FieldName>> = {
  'id-front': 'idNumber',
  'id-back': 'validTo',
  licence: 'uscc',
}
