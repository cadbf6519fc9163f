/** HEIC/HEIF: sharp reads the header (HEVC is not in its prebuilt libvips), heic-decode decodes. */
import decodeHeic from 'heic-decode'
import { ImageInputError, MAX_INPUT_PIXELS } from './errors'
import { openSharp, type RawImage } from './sharp-options'

export type HeicImage = RawImage & { icc: Buffer | undefined }

/**
 * Decodes the primary image. libheif applies the HEIF transforms (irot/imir) itself, so the
 * pixels come out upright; a leftover EXIF Orientation tag must then be ignored (HEIF spec).
 */
export async function decodeHeicImage(input: Buffer): Promise<HeicImage> {
  let icc: Buffer | undefined
  try {
    const meta = await openSharp(input).metadata()
    if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_INPUT_PIXELS) throw new ImageInputError('image/too-many-pixels')
    icc = meta.icc
  } catch (error) {
    if (error instanceof ImageInputError) throw error
    if (/pixel limit/i.test(String(error))) throw new ImageInputError('image/too-many-pixels')
    throw new ImageInputError('image/heic-failed')
  }
  try {
    const { width, height, data } = await decodeHeic({ buffer: input })
    if (width * height > MAX_INPUT_PIXELS) throw new ImageInputError('image/too-many-pixels')
    return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height, channels: 4, icc }
  } catch (error) {
    if (error instanceof ImageInputError) throw error
    throw new ImageInputError('image/heic-failed')
  }
}
