/**
 * User-facing errors by code, in both languages. Main answers `{ code, message }` with a Chinese
 * message; the renderer shows the table's text for the current language and falls back to
 * main's message for a code it does not know. Specific parts of main's message (a file name in
 * “…”, a trailing （detail）, a count) are carried over as {name}, {detail} and {n}.
 */
import { useCallback } from 'react'
import type { AppError } from '../../../core/api'
import { useLanguage, type Language } from './index'

const ZH = {
  'image/empty': '文件是空的（0 字节）。请重新导出或重新拍摄后再导入。',
  'image/too-large-file':
    '文件超过 {mb} MB，无法处理。请先用手机或电脑缩小图片（或只导出需要的页）后再导入。',
  'image/not-image':
    '这不是可识别的图片或 PDF 文件（可能是文本或其他文件改了扩展名）。请选择 JPG、PNG、HEIC 或 PDF 等格式的原文件。',
  'image/svg': 'SVG 矢量图不受支持（可能引用外部文件）。请导出为 PNG 或 JPG 后再导入。',
  'image/unsupported': '不支持这种图片格式。请另存为 JPG 或 PNG 后再导入。',
  'image/too-many-pixels':
    '图片像素过多（超过 {n} 万像素），可能是异常文件。请先缩小到该像素以内（如 8000×6000）再导入。',
  'image/damaged': '图片文件已损坏或不完整（可能下载或传输中断）。请重新获取原文件后再导入。',
  'image/heic-failed':
    'HEIC 照片无法解码。请在手机“设置 → 相机 → 格式”中选“兼容性最佳”重新拍摄，或先转为 JPG 再导入。',
  'image/bad-crop': '裁剪区域超出图片范围。请重新框选裁剪区域。',
  'image/cap-unreachable': '大小上限过小，无法生成符合要求的图片。请把上限调大（门户一般为 512000 字节）。',
  'image/timeout': '图片处理超时，文件可能异常。请换一个文件或缩小后再试。',
  'image/decoder-crashed':
    '解码 HEIC 照片或 PDF 时处理程序意外中断（文件可能异常，或电脑内存不足）。请重试；如果仍然失败，请先把文件另存为 JPG 再导入。',
  'image/cancelled': '已取消。',
  'image/bad-watermark': '水印文字过长（最多 40 个字）。请缩短水印文字，例如“仅供公安备案使用”。',
  'pdf/encrypted':
    'PDF 设有密码或权限保护，无法读取。请先移除密码（用 PDF 阅读器打印或另存为无密码 PDF）再导入。',
  'pdf/too-many-pages': 'PDF 页数超过 {n} 页上限。请只导出需要的那一页（如证书页）再导入。',
  'pdf/page-out-of-range': '所选页码超出 PDF 的页数范围。请重新选择页码。',
  'pdf/damaged': 'PDF 文件已损坏或不完整，无法打开。请重新下载或重新导出 PDF 后再导入。',
  'pdf/blank-page':
    'PDF 的这一页是空白的，或页上的图片过大（超过 {n} 万像素）无法读取。请确认页码；如果是超大扫描件，请用 300 dpi 重新扫描或导出后再导入。',
  'import/not-found': '找不到文件“{name}”：它可能已被移动或删除，请重新选择。',
  'import/not-a-file': '“{name}”不是文件，请选择图片或 PDF 文件。',
  'import/empty-file': '“{name}”是空文件（0 字节），请重新导出或重新拍摄后再导入。',
  'import/too-large': '“{name}”超过 {mb} MB，无法处理：请先缩小或用手机重新拍摄后再导入。',
  'materials/not-found': '这份材料已不存在，请重新打开这个网站后再试。',
  'materials/no-owner': '找不到这份材料所属的主体或网站，请先保存主体和网站信息。',
  'packet/no-site': '找不到这个网站，请重新打开后再试。',
  'packet/file-missing': '“{name}”的图片文件丢失，请重新导入这一项后再导出。',
  'packet/file-changed': '“{name}”的图片文件已损坏或被改动，请重新导入这一项后再导出。',
  'packet/incomplete': '还不能导出：有 {n} 项需要先补齐或改正。',
  internal: '操作没有完成：程序遇到意外错误。您的数据未受影响，请重试；若反复出现，请重启应用。',
  'ipc/invalid-request': '请求的数据格式不正确，操作已取消。请刷新界面后重试。',
  'bridge/missing': '程序内部接口不可用：请关闭后重新打开本程序。如果问题仍在，请重新安装。',
  'bridge/failed': '与程序后台通信失败，刚才的操作没有完成。您填写的内容仍在，请稍后重试。',
} as const

export type ErrorCode = keyof typeof ZH

const EN: Record<ErrorCode, string> = {
  'image/empty': 'The file is empty (0 bytes). Export or take the picture again, then import it.',
  'image/too-large-file':
    'The file is larger than {mb} MB and cannot be processed. Make the picture smaller (or export only the page you need) first.',
  'image/not-image':
    'This is not a picture or PDF the app can read (perhaps a text file with a changed extension). Choose the original JPG, PNG, HEIC or PDF file.',
  'image/svg':
    'SVG drawings are not supported (they may refer to other files). Export it as PNG or JPG first.',
  'image/unsupported': 'This picture format is not supported. Save it as JPG or PNG first.',
  'image/too-many-pixels':
    'The picture has too many pixels and may be damaged. Make it smaller (e.g. within 8000×6000) first.',
  'image/damaged':
    'The picture is damaged or incomplete (perhaps an interrupted download). Get the original file again.',
  'image/heic-failed':
    'The HEIC photo cannot be decoded. Set the phone camera to “Most Compatible” and take it again, or convert it to JPG first.',
  'image/bad-crop': 'The crop lies outside the picture. Draw the crop again.',
  'image/cap-unreachable':
    'The size cap is too small to make a usable picture. Raise the cap (the portal usually takes 512000 bytes).',
  'image/timeout':
    'Processing the picture took too long; the file may be unusual. Try another file or a smaller one.',
  'image/decoder-crashed':
    'Decoding the HEIC photo or PDF stopped unexpectedly (an unusual file, or too little memory). Try again; if it fails again, save the file as JPG first.',
  'image/cancelled': 'Cancelled.',
  'image/bad-watermark':
    'The watermark text is too long (40 characters at most). Shorten it, e.g. “仅供公安备案使用”.',
  'pdf/encrypted':
    'The PDF is protected by a password or permissions. Remove the protection (print or save it as a PDF without password) first.',
  'pdf/too-many-pages':
    'The PDF has more than {n} pages. Export only the page you need (e.g. the certificate page) first.',
  'pdf/page-out-of-range': 'The chosen page is beyond the end of the PDF. Choose another page.',
  'pdf/damaged': 'The PDF is damaged or incomplete. Download or export it again.',
  'pdf/blank-page':
    'This PDF page is blank, or its picture is too large to read. Check the page number; rescan a very large scan at 300 dpi.',
  'import/not-found':
    'The file “{name}” cannot be found: it may have been moved or deleted. Choose it again.',
  'import/not-a-file': '“{name}” is not a file. Choose a picture or a PDF.',
  'import/empty-file': '“{name}” is empty (0 bytes). Export or take the picture again, then import it.',
  'import/too-large':
    '“{name}” is larger than {mb} MB and cannot be processed. Make it smaller or take a new photo first.',
  'materials/not-found': 'This material no longer exists. Open the site again and retry.',
  'materials/no-owner':
    'The subject or site of this material cannot be found. Save the subject and the site first.',
  'packet/no-site': 'This site cannot be found. Open it again and retry.',
  'packet/file-missing': 'The picture of “{name}” is missing. Import it again, then export.',
  'packet/file-changed': 'The picture of “{name}” is damaged or was changed. Import it again, then export.',
  'packet/incomplete': 'Cannot export yet: {n} items must be added or corrected first.',
  internal:
    'The action did not complete because of an unexpected error. Your data is safe; try again, and restart the app if it keeps happening.',
  'ipc/invalid-request': 'The request was malformed and has been cancelled. Reload the window and try again.',
  'bridge/missing':
    'The app’s internal interface is unavailable. Close and reopen the app; reinstall it if this persists.',
  'bridge/failed':
    'The app’s background process did not answer; the action did not complete. What you entered is still there; try again shortly.',
}

export const ERROR_TABLES: Record<Language, Record<ErrorCode, string>> = { 'zh-CN': ZH, en: EN }

const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ZH, code)

/** The specific parts of main's Chinese message: “name”, a trailing （detail）, the first number. */
function varsOf(message: string): Record<string, string> {
  const vars: Record<string, string> = {}
  const name = /“([^”]+)”/.exec(message)?.[1]
  if (name) vars.name = name
  const detail = /（([^（）]+)）$/.exec(message)?.[1]
  if (detail) vars.detail = detail
  const mb = /(\d+)\s*MB/.exec(message)?.[1]
  if (mb) vars.mb = mb
  const n = /(\d+)/.exec(message)?.[1]
  if (n) vars.n = n
  return vars
}

/** The text for an error in `language`: the table's, or main's message for an unknown code. */
export function errorText(error: Pick<AppError, 'code' | 'message'>, language: Language): string {
  if (!isErrorCode(error.code)) return error.message
  const vars = varsOf(error.message)
  const text = ERROR_TABLES[language][error.code].replace(
    /\{(\w+)\}/g,
    (whole, key: string) => vars[key] ?? whole,
  )
  if (/\{\w+\}/.test(text)) return error.message // main's message lacked a part the table needs
  if (!vars.detail || text.includes(vars.detail)) return text
  return language === 'zh-CN' ? `${text}（${vars.detail}）` : `${text} (${vars.detail})`
}

/** `errorText` in the current language. */
export function useErrorText(): (error: Pick<AppError, 'code' | 'message'>) => string {
  const language = useLanguage()
  return useCallback((error) => errorText(error, language), [language])
}
