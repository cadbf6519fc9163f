/** Input errors with a stable code and a Chinese message that says what is wrong and how to fix it. */
import { CAP_CHOICES, MAX_INPUT_LABEL, WATERMARK_MAX_CHARS } from '../../../../core/limits'
import { PDF_MAX_PAGES } from '../../../../core/model'

export const MAX_INPUT_PIXELS = 50_000_000

const MESSAGES = {
  'image/empty': '文件是空的（0 字节）。请重新导出或重新拍摄后再导入。',
  'image/too-large-file': `文件超过 ${MAX_INPUT_LABEL}，无法处理。请先用手机或电脑缩小图片（或只导出需要的页）后再导入。`,
  'image/not-image':
    '这不是可识别的图片或 PDF 文件（可能是文本或其他文件改了扩展名）。请选择 JPG、PNG、HEIC 或 PDF 等格式的原文件。',
  'image/svg': 'SVG 矢量图不受支持（可能引用外部文件）。请导出为 PNG 或 JPG 后再导入。',
  'image/unsupported': '不支持这种图片格式。请另存为 JPG 或 PNG 后再导入。',
  'image/too-many-pixels': `图片像素过多（超过 ${MAX_INPUT_PIXELS / 10_000} 万像素），可能是异常文件。请先缩小到该像素以内（如 8000×6000）再导入。`,
  'image/damaged': '图片文件已损坏或不完整（可能下载或传输中断）。请重新获取原文件后再导入。',
  'image/heic-failed':
    'HEIC 照片无法解码。请在手机“设置 → 相机 → 格式”中选“兼容性最佳”重新拍摄，或先转为 JPG 再导入。',
  'image/bad-crop': '裁剪区域超出图片范围。请重新框选裁剪区域。',
  'image/cap-unreachable': `大小上限过小，无法生成符合要求的图片。请把上限调大（门户一般为 ${Math.max(...CAP_CHOICES)} 字节）。`,
  'image/timeout': '图片处理超时，文件可能异常。请换一个文件或缩小后再试。',
  'image/decoder-crashed':
    '解码 HEIC 照片或 PDF 时处理程序意外中断（文件可能异常，或电脑内存不足）。请重试；如果仍然失败，请先把文件另存为 JPG 再导入。',
  'image/cancelled': '已取消。',
  'image/bad-watermark': `水印文字过长（最多 ${WATERMARK_MAX_CHARS} 个字）。请缩短水印文字，例如“仅供公安备案使用”。`,
  'pdf/encrypted':
    'PDF 设有密码或权限保护，无法读取。请先移除密码（用 PDF 阅读器打印或另存为无密码 PDF）再导入。',
  'pdf/too-many-pages': `PDF 页数超过 ${PDF_MAX_PAGES} 页上限。请只导出需要的那一页（如证书页）再导入。`,
  'pdf/page-out-of-range': '所选页码超出 PDF 的页数范围。请重新选择页码。',
  'pdf/damaged': 'PDF 文件已损坏或不完整，无法打开。请重新下载或重新导出 PDF 后再导入。',
  'pdf/blank-page': `PDF 的这一页是空白的，或页上的图片过大（超过 ${MAX_INPUT_PIXELS / 10_000} 万像素）无法读取。请确认页码；如果是超大扫描件，请用 300 dpi 重新扫描或导出后再导入。`,
} as const

export type ImageErrorCode = keyof typeof MESSAGES

export class ImageInputError extends Error {
  readonly code: ImageErrorCode
  /** The specific part of the message (e.g. 共 3 页), kept so a worker can send the error back as it was. */
  readonly detail: string | undefined
  constructor(code: ImageErrorCode, detail?: string) {
    super(detail ? `${MESSAGES[code]}（${detail}）` : MESSAGES[code])
    this.name = 'ImageInputError'
    this.code = code
    this.detail = detail
  }
}

export const isImageErrorCode = (code: unknown): code is ImageErrorCode =>
  typeof code === 'string' && Object.hasOwn(MESSAGES, code)

export const imageErrorMessage = (code: ImageErrorCode): string => MESSAGES[code]
