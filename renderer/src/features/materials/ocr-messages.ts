/**
 * Texts of the OCR fill and deskew UI in both languages (the language comes from
 * renderer/src/i18n). Kept beside the feature so the shared dictionaries are not edited by
 * several people at once; `{name}` placeholders as in i18n.
 */
import { fillTemplate, useDictionary, type Language, type Vars } from '../../i18n'

const zh = {
  reading: '正在识别图片中的文字…',
  readFailed: '未能识别图片中的文字：{message}',
  nothingRead: '没有从图片中读到可用的信息。可以在编辑中校正后重试，或直接手动填写。',
  panelTitle: '图片识别结果',
  acceptAll: '全部填入',
  accept: '填入',
  accepted: '已填入识别结果',
  same: '与填写一致',
  confidence: '置信度 {p}%',
  retry: '重新识别',
  'field.name': '姓名',
  'field.idNumber': '证件号码',
  'field.idExpiry': '证件有效期',
  'field.address': '住址',
  'field.orgName': '单位名称',
  'field.certNumber': '统一社会信用代码',
  'field.representative': '法定代表人/负责人',
  'field.officeAddress': '住所',
  mismatch: '图片中的{label}为 {value}，与填写的不一致',
  mismatchNumber: '图片中的号码为 {value}，与填写的不一致',
  offer: '图片中读到：{value}',
  longTerm: '长期',
  addressSplit: '住址已按行政区划拆分：{names}',
  'deskew.finding': '正在查找证件的四个角…',
  'deskew.found': '找到了证件的四个角（图上蓝框）。采用后证件会被拉正、裁到边缘；原图保留。',
  'deskew.none': '没有找到证件的四个角。可以在图上拖动四个角，手动校正。',
  'deskew.accept': '采用校正',
  'deskew.manual': '手动拖动四角',
  'deskew.clear': '取消透视校正',
  'deskew.applied': '已设定透视校正：点击“应用”保存。拖动四个角可以微调。',
  'deskew.stored': '已透视校正',
  'deskew.handle': '证件的角 {n}',
  'deskew.hint': '把四个圆点拖到证件（或纸页）的四个角上；应用后按证件的实际比例拉正，只保留框内部分。',
  'deskew.failed': '查找四角失败：{message}',
  'batch.deskew': '自动校正拍歪的证件（找到四角并拉正，找不到时保持原样）',
  'turn.upsideDown': '图片是倒置的（转过来才读出文字）。上传前请摆正。',
  'turn.sideways': '图片是横倒的（转过来才读出文字）。上传前请摆正。',
  'turn.apply': '旋转摆正',
  'turn.inEditor': '已裁剪的图片请在“编辑”里旋转，再重新框选。',
} as const

export type OcrMessageKey = keyof typeof zh

const en: Record<OcrMessageKey, string> = {
  reading: 'Reading the text in the picture…',
  readFailed: 'Could not read the picture: {message}',
  nothingRead: 'Nothing usable was read. Straighten it in the editor and retry, or fill the fields by hand.',
  panelTitle: 'Read from the picture',
  acceptAll: 'Fill all',
  accept: 'Fill',
  accepted: 'Filled in from the picture',
  same: 'matches what is entered',
  confidence: 'confidence {p}%',
  retry: 'Read again',
  'field.name': 'name',
  'field.idNumber': 'ID number',
  'field.idExpiry': 'ID expiry',
  'field.address': 'address',
  'field.orgName': 'organisation name',
  'field.certNumber': 'unified social credit code',
  'field.representative': 'legal representative',
  'field.officeAddress': 'registered address',
  mismatch: 'The {label} in the picture is {value}, which differs from what is entered',
  mismatchNumber: 'The number in the picture is {value}, which differs from what is entered',
  offer: 'Read from the picture: {value}',
  longTerm: 'long-term',
  addressSplit: 'Address split into divisions: {names}',
  'deskew.finding': 'Looking for the document’s four corners…',
  'deskew.found':
    'The document’s four corners were found (blue outline). Accepting straightens it and crops it to its edges; the original is kept.',
  'deskew.none':
    'No document corners were found. Drag the four corners on the picture to straighten it by hand.',
  'deskew.accept': 'Accept straightening',
  'deskew.manual': 'Drag four corners',
  'deskew.clear': 'Remove straightening',
  'deskew.applied': 'Straightening set: press Apply to save it. Drag a corner to adjust.',
  'deskew.stored': 'straightened',
  'deskew.handle': 'document corner {n}',
  'deskew.hint':
    'Drag the four dots onto the corners of the card (or page); applying straightens it to its real proportions and keeps only what is inside.',
  'deskew.failed': 'Finding the corners failed: {message}',
  'batch.deskew': 'Straighten photographed documents (find the four corners; left as is when none are found)',
  'turn.upsideDown':
    'The picture is upside down (its text was read turned). Turn it upright before uploading.',
  'turn.sideways':
    'The picture lies on its side (its text was read turned). Turn it upright before uploading.',
  'turn.apply': 'Turn upright',
  'turn.inEditor': 'This picture is cropped: turn it in the editor, then redraw the crop.',
}

const DICTS: Record<Language, Record<OcrMessageKey, string>> = { 'zh-CN': zh, en }

export type OcrTranslate = (key: OcrMessageKey, vars?: Record<string, string | number>) => string

export function ocrText(language: Language, key: OcrMessageKey, vars?: Vars): string {
  return fillTemplate(DICTS[language][key], vars)
}

export function useOcrT(): OcrTranslate {
  return useDictionary(DICTS)
}
