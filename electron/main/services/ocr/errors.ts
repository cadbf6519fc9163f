/** OCR failures with stable codes and messages for the user. */
import { AppFailure } from '../app-error'

const MESSAGES = {
  'ocr/timeout': '文字识别超时：电脑繁忙或图片过大。请稍后重试，或先裁剪图片再识别。',
  'ocr/crashed': '文字识别组件意外退出，请重试；如果反复出现，请换一张图片。',
  'ocr/unreadable': '无法读取这张图片：请使用 JPEG、PNG 或 WebP 格式的照片或扫描件。',
  'ocr/cancelled': '文字识别已取消。',
  'ocr/failed': '文字识别失败，请重试或换一张更清晰的图片。',
} as const

export type OcrErrorCode = keyof typeof MESSAGES

export const ocrFailure = (code: OcrErrorCode, detail?: string): AppFailure =>
  new AppFailure(code, detail ? `${MESSAGES[code]}（${detail}）` : MESSAGES[code])

export function isOcrErrorCode(code: string): code is OcrErrorCode {
  return Object.hasOwn(MESSAGES, code)
}
