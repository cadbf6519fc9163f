import { describe, expect, it } from 'vitest'
import {
  imageErrorMessage,
  ImageInputError,
  type ImageErrorCode,
} from '../../../electron/main/services/images/errors'
import { ERROR_TABLES, errorText } from '../../../renderer/src/i18n/errors'

const CJK = /[\u4e00-\u9fff]/
const IMAGE_CODES = Object.keys(ERROR_TABLES['zh-CN']).filter((c) =>
  /^(image|pdf)\//.test(c),
) as ImageErrorCode[]

describe('errorText', () => {
  it('shows import errors in English in English mode', () => {
    const notImage = { code: 'image/not-image', message: imageErrorMessage('image/not-image') }
    expect(errorText(notImage, 'en')).toMatch(/^This is not a picture or PDF/)
    expect(errorText(notImage, 'zh-CN')).toBe(notImage.message)
  })

  it('carries the file name and the detail of main’s message over', () => {
    const missing = {
      code: 'import/not-found',
      message: '找不到文件“证件.jpg”：它可能已被移动或删除，请重新选择。',
    }
    expect(errorText(missing, 'en')).toBe(
      'The file “证件.jpg” cannot be found: it may have been moved or deleted. Choose it again.',
    )
    expect(errorText(missing, 'zh-CN')).toBe(missing.message)
    const unsupported = new ImageInputError('image/unsupported', 'JXL')
    expect(errorText({ code: unsupported.code, message: unsupported.message }, 'en')).toBe(
      'This picture format is not supported. Save it as JPG or PNG first. (JXL)',
    )
    expect(errorText({ code: unsupported.code, message: unsupported.message }, 'zh-CN')).toBe(
      unsupported.message,
    )
  })

  it('falls back to main’s message for a code it does not know', () => {
    expect(errorText({ code: 'filing/brand-new', message: '新的错误。' }, 'en')).toBe('新的错误。')
  })

  it('matches main’s Chinese text for every image and PDF error, and has English without Chinese', () => {
    expect(IMAGE_CODES.length).toBeGreaterThan(15)
    for (const code of IMAGE_CODES) {
      const error = { code, message: imageErrorMessage(code) }
      expect(errorText(error, 'zh-CN'), code).toBe(error.message)
      const english = errorText(error, 'en').replace('“仅供公安备案使用”', '')
      expect(CJK.test(english), `${code}: ${english}`).toBe(false)
    }
  })
})
