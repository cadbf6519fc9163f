/** HEIC/HEIF: sharp reads the header (HEVC is not in its prebuilt libvips), heic-decode decodes. */
import decodeHeic from 'heic-decode'
import { ImageInputError, MAX_INPUT_PIXELS } from './errors'
import { exifOrientation, heifHasTransform } from './orientation'
import { openSharp, type RawImage } from './sharp-options'

export type HeicImage = RawImage & {
  icc: Buffer | undefined
  /** EXIF orientation still to apply: only when the file has no irot/imir (e.g. some encoders keep EXIF only). */
  orientation: number
}

/**
 * Decodes the primary image. libheif applies the HEIF transforms (irot/imir) itself, so the
 * pixels come out upright and the EXIF Orientation tag (iPhones write both) must then be
 * ignored (HEIF spec). Files without irot/imir but with EXIF Orientation (libheif's heif-enc
 * keeps the JPEG's tag without rotating) get the EXIF orientation, as viewers show them.
 */
export async function decodeHeicImage(input: Buffer): Promise<HeicImage> {
  let icc: Buffer | undefined
  let orientation = 1
  try {
    const meta = await openSharp(input).metadata()
    if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_INPUT_PIXELS)
      throw new ImageInputError('image/too-many-pixels')
    icc = meta.icc
    orientation = heifHasTransform(input) ? 1 : exifOrientation(meta.exif)
  } catch (error) {
    if (error instanceof ImageInputError) throw error
    if (/pixel limit/i.test(String(error))) throw new ImageInputError('image/too-many-pixels')
    throw new ImageInputError('image/heic-failed')
  }
  try {
    const { width, height, data } = await decodeHeic({ buffer: input })
    if (width * height > MAX_INPUT_PIXELS) throw new ImageInputError('image/too-many-pixels')
    return {
      data: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      width,
      height,
      channels: 4,
      icc,
      orientation,
    }
  } catch (error) {
    if (error instanceof ImageInputError) throw error
    throw new ImageInputError('image/heic-failed')
  }
}
