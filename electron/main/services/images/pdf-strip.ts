/**
 * Metadata out of an imported PDF certificate, the pages untouched: the document information
 * (author, creator app, dates), the XMP packet, and the EXIF/XMP segments of every embedded JPEG
 * (a phone scanner app's PDF carries the photo's GPS there), stripped losslessly. A PDF that
 * pdf-lib cannot load or rewrite (encrypted, damaged) is left as it was: the import is never
 * refused for its metadata.
 */
import type { PDFDict } from 'pdf-lib'
import { PDFArray, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib'
import { stripJpegMetadata } from './jpeg-strip'

const DCT = PDFName.of('DCTDecode')

/** Whether a stream is an image whose only filter is DCTDecode (its bytes are a JPEG file). */
function isPlainJpeg(dict: PDFDict): boolean {
  if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) return false
  const filter = dict.get(PDFName.of('Filter'))
  return filter === DCT || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === DCT)
}

/** Removes the metadata from `doc`; true when there was any. */
function dropMetadata(doc: PDFDocument): boolean {
  let changed = false
  const { context } = doc
  // pdf-lib writes every object it holds, referenced or not: the objects themselves go too.
  const info = context.trailerInfo.Info
  if (info) {
    if (info instanceof PDFRef) context.delete(info)
    context.trailerInfo.Info = undefined
    changed = true
  }
  const xmp = doc.catalog.get(PDFName.of('Metadata'))
  if (xmp) {
    if (xmp instanceof PDFRef) context.delete(xmp)
    doc.catalog.delete(PDFName.of('Metadata'))
    changed = true
  }
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || !isPlainJpeg(object.dict)) continue
    const jpeg = Buffer.from(object.contents)
    const stripped = stripJpegMetadata(jpeg)
    if (!stripped || stripped.length === jpeg.length) continue
    const dict = object.dict.clone(context)
    dict.set(PDFName.of('Length'), PDFNumber.of(stripped.length))
    context.assign(ref, PDFRawStream.of(dict, new Uint8Array(stripped)))
    changed = true
  }
  return changed
}

/** The PDF without its metadata, or null when it carried none (or could not be rewritten). */
export async function stripPdfMetadata(pdf: Buffer): Promise<Buffer | null> {
  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false })
  } catch {
    return null
  }
  let changed: boolean
  try {
    changed = dropMetadata(doc)
  } catch {
    // A file pdf-lib loaded leniently but cannot walk (no catalog, broken objects).
    return null
  }
  if (!changed) return null
  try {
    return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }))
  } catch {
    return null
  }
}
