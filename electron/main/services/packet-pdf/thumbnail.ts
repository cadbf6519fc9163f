/** Small JPEG previews of the materials for the checklist in 备案信息.pdf. */
import sharp from 'sharp'

/** Longest side of a thumbnail: 84 × 60 pt drawn at about 250 dpi. */
const THUMB_PX = 300

/** A small JPEG of `jpeg`, or undefined when the bytes are not a readable image. */
export async function thumbnailJpeg(jpeg: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    // Packet images are upright JPEGs without EXIF (the compressor's output): no rotate or
    // flatten, so libvips can shrink while decoding.
    const out = await sharp(jpeg, { failOn: 'error' })
      .resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer()
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
  } catch {
    return undefined
  }
}
