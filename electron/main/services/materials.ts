/**
 * Materials in slots: import a user's file (compress to the cap, keep the original beside the
 * compressed copy), re-compress from the stored original after an edit, remove, preview.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { ProgressSink } from './ports'
import type { RequestOf } from '../../../core/api'
import { DEFAULT_MAX_BYTES } from '../../../core/limits'
import {
  NO_EDIT,
  pdfPageOf,
  watermarkPlacementOf,
  type Material,
  type MaterialEdit,
  type Workspace,
} from '../../../core/model'
import { placeMaterial, removeMaterial, type Edit } from '../../../core/workspace'
import { requiredSlots, type SlotSpec } from '../../../core/materials/slots'
import { AppFailure } from './app-error'
import { readInputFile } from './input-gate'
import { compressImage, detectFormat, makeThumbnail } from './images'
import { cropForSize } from './images/decode'
import { blankHeifMetadata } from './images/heic-strip'
import { exifOrientation, heifHasTransform } from './images/orientation'
import { openSharp } from './images/sharp-options'
import { materialKey, type MaterialFiles } from './material-files'
import type { WorkspaceRepo } from './workspace-repo'

export type MaterialService = {
  importMaterial(req: RequestOf<'materials:import'>, ctx?: ProgressSink): Promise<Material>
  editMaterial(req: RequestOf<'materials:edit'>): Promise<Material>
  removeMaterial(id: string): Promise<void>
  /** Stores a deletion (subject/site/material), then removes the files it orphaned. */
  commitRemoval(edit: Edit): Promise<Workspace>
  thumbnail(id: string): Promise<string>
  find(id: string): Material
}

type Placement = Pick<Material, 'ownerKind' | 'ownerId' | 'slot'>
type Source = {
  name: string
  bytes: Buffer
  originalFile?: string
  /** A re-edit on the stored page: the size the stored material's crop was measured in. */
  cropFrame?: { width: number; height: number }
}

/**
 * An imported original without its metadata (EXIF with GPS and camera serials, XMP, IPTC, PNG
 * text): JPEG, PNG and WebP that carry any are re-written by sharp with their orientation
 * applied (sharpOptions auto-orients) and the ICC profile kept: JPEG at quality 95 without
 * chroma subsampling, PNG and WebP losslessly. A single-page 8-bit TIFF is re-written
 * losslessly (LZW); a PDF loses its document information and XMP, and its embedded JPEGs their
 * EXIF (pdf-strip.ts); a HEIC its EXIF and XMP items, blanked in place (no HEVC encoder to
 * write one back). Files without metadata are kept byte for byte, and so are the formats sharp
 * cannot write back unchanged: multi-page or 16-bit TIFF, AVIF, GIF, BMP.
 */
export async function withoutMetadata(bytes: Buffer): Promise<Buffer> {
  const format = detectFormat(bytes)
  if (format === 'pdf') {
    // pdf-lib loads with the first PDF, not with main.
    const { stripPdfMetadata } = await import('./images/pdf-strip')
    return (await stripPdfMetadata(bytes)) ?? bytes
  }
  if (format === 'heic') return heicWithoutMetadata(bytes)
  if (format !== 'jpeg' && format !== 'png' && format !== 'webp' && format !== 'tiff') return bytes
  const meta = await openSharp(bytes).metadata()
  const carries = Boolean(meta.exif ?? meta.xmp ?? meta.iptc) || (meta.comments?.length ?? 0) > 0
  if (!carries && (meta.orientation ?? 1) === 1) return bytes
  if (format === 'tiff' && ((meta.pages ?? 1) > 1 || meta.depth !== 'uchar')) return bytes
  const img = openSharp(bytes).keepIccProfile()
  if (format === 'jpeg') return img.jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer()
  if (format === 'tiff') return img.tiff({ compression: 'lzw' }).toBuffer()
  return (format === 'png' ? img.png({ compressionLevel: 9 }) : img.webp({ lossless: true })).toBuffer()
}

/**
 * HEIC: EXIF and XMP blanked in place (heic-strip.ts). Not when the EXIF Orientation is what
 * turns the picture upright (a file without irot/imir): blanking it would store it sideways.
 */
async function heicWithoutMetadata(bytes: Buffer): Promise<Buffer> {
  if (!heifHasTransform(bytes)) {
    let orientation = 1
    try {
      orientation = exifOrientation((await openSharp(bytes).metadata()).exif)
    } catch {
      return bytes
    }
    if (orientation !== 1) return bytes
  }
  return blankHeifMetadata(bytes) ?? bytes
}

export function newId(): string {
  return randomUUID().replaceAll('-', '')
}

const NOT_FOUND = () => new AppFailure('materials/not-found', '这份材料已不存在，请刷新后重试。')

export function createMaterialService(repo: WorkspaceRepo, files: MaterialFiles): MaterialService {
  /** The slot's spec, which decides the colour and ID-card checks. */
  const slotSpecFor = (p: Placement): SlotSpec | undefined => {
    const ws = repo.workspace()
    const sites =
      p.ownerKind === 'subject'
        ? ws.sites.filter((s) => s.subjectId === p.ownerId)
        : ws.sites.filter((s) => s.id === p.ownerId)
    const subjectId = p.ownerKind === 'subject' ? p.ownerId : sites[0]?.subjectId
    const subject = ws.subjects.find((s) => s.id === subjectId)
    if (!subject)
      throw new AppFailure('materials/no-owner', '找不到这份材料所属的主体或网站，请先保存主体和网站信息。')
    const site = sites[0]
    if (!site) return undefined // a subject without sites may still collect its own photos
    const spec = requiredSlots(subject, site).find((s) => s.key === p.slot && s.owner === p.ownerKind)
    if (!spec)
      throw new AppFailure(
        'materials/wrong-slot',
        '这个材料位不属于该主体或网站，请在网站页面的材料清单中上传。',
      )
    return spec
  }

  const dropFiles = async (materials: readonly Material[], keep: ReadonlySet<string>): Promise<void> => {
    for (const m of materials) {
      for (const key of [m.originalFile, m.compressedFile]) if (!keep.has(key)) await files.remove(key)
    }
  }

  async function compressAndStore(
    p: Placement,
    source: Source,
    edit: MaterialEdit,
    maxBytes: number,
    ctx?: ProgressSink,
    spec: SlotSpec | undefined = slotSpecFor(p),
  ): Promise<Material> {
    const progress = (stage: 'compressing' | 'saving' | 'done') =>
      ctx?.emit('materials:progress', { slot: p.slot, ownerId: p.ownerId, stage })
    progress('compressing')
    const result = await compressImage(source.bytes, {
      maxBytes,
      colourRequired: spec?.colourRequired ?? false,
      idCard: spec?.idCard ?? false,
      rotate: edit.rotate,
      pdfPage: pdfPageOf(edit),
      ...(edit.crop ? { crop: edit.crop } : {}),
      ...((edit.crop || edit.perspective) && source.cropFrame ? { cropFrame: source.cropFrame } : {}),
      ...(edit.perspective ? { perspective: edit.perspective } : {}),
      ...(edit.watermark
        ? { watermark: edit.watermark, watermarkPlacement: watermarkPlacementOf(edit) }
        : {}),
    })
    progress('saving')
    // A crop scaled to the decoder's size (see cropFrame) is stored in that size from now on.
    const crop =
      edit.crop && source.cropFrame && !edit.perspective
        ? cropForSize(
            edit.crop,
            source.cropFrame,
            { width: result.sourceWidth, height: result.sourceHeight },
            edit.rotate,
          )
        : edit.crop
    const id = newId()
    const format = detectFormat(source.bytes) ?? result.sourceFormat
    const material: Material = {
      id,
      ownerKind: p.ownerKind,
      ownerId: p.ownerId,
      slot: p.slot,
      sourceName: source.name.slice(0, 260),
      sourceFormat: result.sourceFormat,
      sourceWidth: result.sourceWidth,
      sourceHeight: result.sourceHeight,
      originalBytes: source.bytes.length,
      ...(result.pages === undefined ? {} : { sourcePages: result.pages }),
      edit: { ...edit, crop },
      originalFile:
        source.originalFile ?? materialKey(p.ownerKind, p.ownerId, `${p.slot}-${id}.original.${format}`),
      compressedFile: materialKey(p.ownerKind, p.ownerId, `${p.slot}-${id}.jpg`),
      bytes: result.jpeg.length,
      width: result.width,
      height: result.height,
      quality: result.quality,
      maxBytes,
      sha256: createHash('sha256').update(result.jpeg).digest('hex'),
      warnings: result.warnings,
      ...(result.notes && result.notes.length > 0 ? { notes: result.notes } : {}),
      importedAt: new Date().toISOString(),
    }
    if (!source.originalFile) await files.write(material.originalFile, await withoutMetadata(source.bytes))
    await files.write(material.compressedFile, result.jpeg)
    const edited = placeMaterial(repo.workspace(), material)
    repo.commit(edited.workspace)
    // Old files go only after the new state is safely stored; a re-edit keeps its original.
    await dropFiles(edited.removedMaterials, new Set([material.originalFile]))
    progress('done')
    return material
  }

  /** The new state is stored first; files go only once nothing refers to them. */
  const commitRemoval = async (edit: Edit): Promise<Workspace> => {
    const next = repo.commit(edit.workspace)
    await dropFiles(edit.removedMaterials, new Set())
    return next
  }

  const find = (id: string): Material => {
    const material = repo.workspace().materials.find((m) => m.id === id)
    if (!material) throw NOT_FOUND()
    return material
  }

  return {
    find,
    commitRemoval,
    async importMaterial(req, ctx) {
      ctx?.emit('materials:progress', { slot: req.slot, ownerId: req.ownerId, stage: 'reading' })
      const spec = slotSpecFor(req) // refuse a wrong slot before reading a large file
      const source = await readInputFile(req.path)
      return compressAndStore(req, source, NO_EDIT, req.maxBytes ?? DEFAULT_MAX_BYTES, ctx, spec)
    },
    async editMaterial({ id, edit, maxBytes }) {
      const current = find(id)
      const bytes = await files.read(current.originalFile)
      // On the stored page the editor measures the crop in the stored size; on another page, in
      // that page's size as materials:source reports it (the decoder's own).
      const samePage = pdfPageOf(edit) === pdfPageOf(current.edit)
      const cropFrame = samePage ? { width: current.sourceWidth, height: current.sourceHeight } : undefined
      const source = {
        name: current.sourceName,
        bytes,
        originalFile: current.originalFile,
        ...(cropFrame ? { cropFrame } : {}),
      }
      return compressAndStore(current, source, edit, maxBytes)
    },
    async removeMaterial(id) {
      const edit = removeMaterial(repo.workspace(), id)
      if (edit.removedMaterials.length === 0) throw NOT_FOUND()
      await commitRemoval(edit)
    },
    async thumbnail(id) {
      const thumb = await makeThumbnail(await files.read(find(id).compressedFile))
      return `data:image/jpeg;base64,${thumb.toString('base64')}`
    },
  }
}
