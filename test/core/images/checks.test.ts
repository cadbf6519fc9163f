import { describe, expect, it } from 'vitest'
import {
  BLURRY_LAPLACIAN_VARIANCE,
  DARK_BRIGHT_LUMA,
  DARK_MEAN_LUMA,
  GRAY_COLOURED_FRACTION,
  ID_CARD_ASPECT,
  IMAGE_WARNING_MESSAGES,
  OVEREXPOSED_CLIPPED_FRACTION,
  OVEREXPOSED_DARK_LUMA,
  TOO_SMALL_LONG_SIDE,
  imageWarningMessage,
  imageWarnings,
  isBlockingWarning,
  isBlurry,
  isGrayscale,
  isOddIdCardAspect,
  isOverexposed,
  isTooDark,
  isTooSmall,
  splitWarnings,
  type ImageStats,
} from '../../../core/images/checks'
import type { ImageWarningCode, SlotKey } from '../../../core/model'

const good: ImageStats = {
  width: 2400,
  height: 1514,
  laplacianVariance: 5000,
  meanLuma: 200,
  clippedFraction: 0.1,
  colouredFraction: 0.08,
  darkLuma: 40,
  brightLuma: 255,
}

describe('image checks', () => {
  it('passes a good picture with no warnings, even with every option on', () => {
    expect(imageWarnings(good, { colourRequired: true, idCard: true })).toEqual([])
  })

  it('too-small: both sides of the long-side threshold, portrait or landscape', () => {
    expect(isTooSmall({ width: TOO_SMALL_LONG_SIDE - 1, height: 300 })).toBe(true)
    expect(isTooSmall({ width: 300, height: TOO_SMALL_LONG_SIDE })).toBe(false)
  })

  it('blurry: both sides of the Laplacian threshold', () => {
    expect(isBlurry({ laplacianVariance: BLURRY_LAPLACIAN_VARIANCE - 1 })).toBe(true)
    expect(isBlurry({ laplacianVariance: BLURRY_LAPLACIAN_VARIANCE + 1 })).toBe(false)
  })

  it('grayscale only matters where colour is required', () => {
    const grey = { ...good, colouredFraction: GRAY_COLOURED_FRACTION / 2 }
    expect(isGrayscale(grey)).toBe(true)
    expect(isGrayscale({ colouredFraction: GRAY_COLOURED_FRACTION * 2 })).toBe(false)
    expect(imageWarnings(grey)).toEqual([])
    expect(imageWarnings(grey, { colourRequired: true })).toEqual(['grayscale'])
  })

  it('too-dark needs a dark mean and no bright parts', () => {
    expect(isTooDark({ meanLuma: DARK_MEAN_LUMA - 1, brightLuma: DARK_BRIGHT_LUMA - 1 })).toBe(true)
    expect(isTooDark({ meanLuma: DARK_MEAN_LUMA + 1, brightLuma: DARK_BRIGHT_LUMA - 1 })).toBe(false)
    expect(isTooDark({ meanLuma: DARK_MEAN_LUMA - 1, brightLuma: DARK_BRIGHT_LUMA + 1 })).toBe(false) // white card on a black table
  })

  it('overexposed needs clipping and washed-out text; a clean white scan is fine', () => {
    expect(
      isOverexposed({
        clippedFraction: OVEREXPOSED_CLIPPED_FRACTION + 0.01,
        darkLuma: OVEREXPOSED_DARK_LUMA + 1,
      }),
    ).toBe(true)
    expect(
      isOverexposed({
        clippedFraction: OVEREXPOSED_CLIPPED_FRACTION - 0.01,
        darkLuma: OVEREXPOSED_DARK_LUMA + 1,
      }),
    ).toBe(false)
    expect(isOverexposed({ clippedFraction: 0.9, darkLuma: 20 })).toBe(false)
  })

  it('odd-aspect accepts card crops and phone frames either way round, only for ID slots', () => {
    expect(isOddIdCardAspect({ width: 856, height: 540 })).toBe(false)
    expect(isOddIdCardAspect({ width: 540, height: Math.round(540 * ID_CARD_ASPECT) })).toBe(false)
    expect(isOddIdCardAspect({ width: 4000, height: 3000 })).toBe(false) // a 4:3 phone photo of the card
    expect(isOddIdCardAspect({ width: 1080, height: 1920 })).toBe(false) // 16:9 portrait frame
    expect(isOddIdCardAspect({ width: 1240, height: 1000 })).toBe(true) // just below 1.25
    expect(isOddIdCardAspect({ width: 1260, height: 1000 })).toBe(false)
    expect(isOddIdCardAspect({ width: 1940, height: 1000 })).toBe(false)
    expect(isOddIdCardAspect({ width: 1960, height: 1000 })).toBe(true) // just above 1.95
    expect(isOddIdCardAspect({ width: 1170, height: 2532 })).toBe(true) // a phone screenshot
    expect(isOddIdCardAspect({ width: 1000, height: 1000 })).toBe(true)
    const square = { ...good, width: 1000, height: 1000 }
    expect(imageWarnings(square)).toEqual([])
    expect(imageWarnings(square, { idCard: true })).toEqual(['odd-aspect'])
  })

  it('has a Chinese message for every warning', () => {
    for (const message of Object.values(IMAGE_WARNING_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fff]{4}/)
  })
})

describe('blocking warnings', () => {
  const slot = (key: SlotKey, colourRequired = false, idCard = false) => ({ key, colourRequired, idCard })

  it('blocks too-small on ID and certificate slots only', () => {
    expect(isBlockingWarning('too-small', slot('principal-id-front', false, true))).toBe(true)
    expect(isBlockingWarning('too-small', slot('security-id-handheld'))).toBe(true)
    expect(isBlockingWarning('too-small', slot('domain-certificate', true))).toBe(true)
    expect(isBlockingWarning('too-small', slot('subject-certificate', true))).toBe(true)
  })

  it('keeps every other warning advisory', () => {
    const others: ImageWarningCode[] = ['blurry', 'grayscale', 'too-dark', 'overexposed', 'odd-aspect']
    for (const code of others) expect(isBlockingWarning(code, slot('domain-certificate', true))).toBe(false)
    expect(splitWarnings(['too-small', 'blurry'], slot('principal-id-back', false, true))).toEqual({
      blocking: ['too-small'],
      advisory: ['blurry'],
    })
  })

  it('names the slot in the greyscale message', () => {
    expect(imageWarningMessage('grayscale', '单位证件')).toContain('单位证件须为彩色')
    expect(imageWarningMessage('grayscale', '域名证书')).toContain('域名证书须为彩色')
    expect(imageWarningMessage('blurry', '域名证书')).toBe(IMAGE_WARNING_MESSAGES.blurry)
  })
})

/**
 * The thresholds as literal numbers, with the behaviour exactly at each edge. The tests above
 * read the exported constants, so a changed constant would pass them; these do not.
 */
describe('image-check thresholds pinned', () => {
  it('too-small below a long side of 800 px; 800 itself passes', () => {
    expect(isTooSmall({ width: 799, height: 500 })).toBe(true)
    expect(isTooSmall({ width: 500, height: 799 })).toBe(true)
    expect(isTooSmall({ width: 800, height: 500 })).toBe(false)
    expect(isTooSmall({ width: 500, height: 800 })).toBe(false)
    expect(IMAGE_WARNING_MESSAGES['too-small']).toContain('长边不足 800 像素')
  })

  it('blurry below a Laplacian variance of 300; 300 itself passes', () => {
    expect(isBlurry({ laplacianVariance: 299.9 })).toBe(true)
    expect(isBlurry({ laplacianVariance: 300 })).toBe(false)
  })

  it('greyscale below 0.4 % coloured pixels; 0.4 % itself is colour', () => {
    expect(isGrayscale({ colouredFraction: 0.0039 })).toBe(true)
    expect(isGrayscale({ colouredFraction: 0.004 })).toBe(false)
  })

  it('too dark below a mean luma of 70 with the brightest tail below 190', () => {
    expect(isTooDark({ meanLuma: 69, brightLuma: 189 })).toBe(true)
    expect(isTooDark({ meanLuma: 70, brightLuma: 189 })).toBe(false)
    expect(isTooDark({ meanLuma: 69, brightLuma: 190 })).toBe(false)
  })

  it('overexposed above 30 % clipped pixels with the darkest tail above 150', () => {
    expect(isOverexposed({ clippedFraction: 0.301, darkLuma: 151 })).toBe(true)
    expect(isOverexposed({ clippedFraction: 0.3, darkLuma: 151 })).toBe(false)
    expect(isOverexposed({ clippedFraction: 0.301, darkLuma: 150 })).toBe(false)
  })

  it('ID-card aspect ratios from 1.25 to 1.95 inclusive, either way round', () => {
    expect(isOddIdCardAspect({ width: 1250, height: 1000 })).toBe(false)
    expect(isOddIdCardAspect({ width: 1000, height: 1250 })).toBe(false)
    expect(isOddIdCardAspect({ width: 1950, height: 1000 })).toBe(false)
    expect(isOddIdCardAspect({ width: 1249, height: 1000 })).toBe(true)
    expect(isOddIdCardAspect({ width: 1951, height: 1000 })).toBe(true)
    expect(isOddIdCardAspect({ width: 856, height: 540 })).toBe(false) // the card itself, 85.6 × 54 mm
  })
})
