/**
 * OCR and deskew of a stored material (the app's side of services/ocr): the original is
 * decoded upright with the material's page, rotation and perspective edit (not its crop or
 * watermark), downscaled, and handed to the OCR worker.
 */
import type { DeskewProposal, MaterialOcr } from '../../../../core/api'
import { pdfPageOf, type Material } from '../../../../core/model'
import { scaleQuad } from '../../../../core/ocr/perspective'
import { deskewTargetOfSlot, ocrKindOfSlot } from '../../../../core/ocr/slots'
import { AppFailure } from '../app-error'
import { detectFormat } from '../images'
import { decodeInput } from '../images/decode'
import { openRaw } from '../images/sharp-options'
import type { MaterialFiles } from '../material-files'
import { deskewDocument, readDocument } from './index'

/** Long side of the picture sent to the worker (it downscales again for recognition). */
const SEND_LONG_SIDE = 2000

export type MaterialOcrService = {
  read(material: Material): Promise<MaterialOcr>
  deskew(material: Material): Promise<DeskewProposal>
}

async function uprightJpeg(
  material: Material,
  files: MaterialFiles,
  edit: Pick<Material['edit'], 'rotate' | 'perspective'>,
): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const original = await files.read(material.originalFile)
  const format = detectFormat(original.subarray(0, 4096)) ?? material.sourceFormat
  const frame = { width: material.sourceWidth, height: material.sourceHeight }
  const decoded = await decodeInput(original, format, {
    rotate: edit.rotate,
    pdfPage: pdfPageOf(material.edit),
    ...(edit.perspective ? { perspective: edit.perspective, cropFrame: frame } : {}),
  })
  const jpeg = await openRaw(decoded)
    .resize({ width: SEND_LONG_SIDE, height: SEND_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 92 })
    .toBuffer()
  return { jpeg, width: decoded.width, height: decoded.height }
}

export function createMaterialOcr(files: MaterialFiles): MaterialOcrService {
  return {
    async read(material) {
      const kind = ocrKindOfSlot(material.slot)
      if (!kind)
        throw new AppFailure('ocr/not-readable', '这个材料位的图片不做文字识别（只识别身份证和单位证件）。')
      const { perspective, rotate } = material.edit
      const { jpeg } = await uprightJpeg(material, files, { rotate, ...(perspective ? { perspective } : {}) })
      // A straightened material is read as it is; otherwise the worker looks for the document itself.
      const read = await readDocument(jpeg, kind, { deskew: !perspective })
      return {
        materialId: material.id,
        kind: read.kind,
        fields: read.fields,
        issues: read.issues,
        rotated: read.rotated,
        turn: read.turn,
      }
    },
    async deskew(material) {
      const target = deskewTargetOfSlot(material.slot)
      if (!target) throw new AppFailure('ocr/no-deskew', '手持身份证照片不做透视校正：请直接上传原照片。')
      const { jpeg } = await uprightJpeg(material, files, { rotate: 0 })
      const found = await deskewDocument(jpeg, target)
      const frame = { width: material.sourceWidth, height: material.sourceHeight }
      // The worker measures in the picture it got (downscaled): back to the original's pixels.
      const quad = found.quad && scaleQuad(found.quad, { width: found.width, height: found.height }, frame)
      return { materialId: material.id, quad, target, width: frame.width, height: frame.height }
    },
  }
}
