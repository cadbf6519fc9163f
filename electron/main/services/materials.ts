/**
 * Importing a material into a slot: read the user's file, compress it to the cap, keep the
 * original beside the compressed copy, and record it in the workspace.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { HandlerContext } from '../ipc/types'
import type { RequestOf } from '../../../core/api'
import { DEFAULT_MAX_BYTES, type Material } from '../../../core/model'
import { placeMaterial, removeMaterial } from '../../../core/workspace'
import { requiredSlots } from '../../../core/materials/slots'
import { AppFailure } from './app-error'
import { readImportSource } from './import-source'
import { compressImage, detectFormat, makeThumbnail } from './images'
import { materialKey, type MaterialFiles } from './material-files'
import type { WorkspaceRepo } from './workspace-repo'

export type MaterialService = {
  importMaterial(req: RequestOf<'materials:import'>, ctx?: HandlerContext): Promise<Material>
  removeMaterial(id: string): Promise<void>
  thumbnail(id: string): Promise<string>
  compressedBytes(material: Material): Promise<Buffer>
}

export function newId(): string {
  return randomUUID().replaceAll('-', '')
}

export function createMaterialService(repo: WorkspaceRepo, files: MaterialFiles): MaterialService {
  const slotSpecFor = (req: RequestOf<'materials:import'>) => {
    const ws = repo.workspace()
    const owners =
      req.ownerKind === 'subject'
        ? ws.sites.filter((s) => s.subjectId === req.ownerId)
        : ws.sites.filter((s) => s.id === req.ownerId)
    const subjectId = req.ownerKind === 'subject' ? req.ownerId : owners[0]?.subjectId
    const subject = ws.subjects.find((s) => s.id === subjectId)
    if (!subject) throw new AppFailure('materials/no-owner', '找不到这份材料所属的主体或网站，请先保存主体和网站信息。')
    const site = owners[0]
    const slots = site ? requiredSlots(subject, site) : []
    // A subject without sites may still collect its own photos.
    const spec = slots.find((s) => s.key === req.slot && s.owner === req.ownerKind)
    if (!spec && !(req.ownerKind === 'subject' && !site)) {
      throw new AppFailure('materials/wrong-slot', '这个材料位不属于该主体或网站，请在网站页面的材料清单中上传。')
    }
    return spec
  }

  const dropFiles = async (materials: readonly Material[]): Promise<void> => {
    for (const m of materials) {
      await files.remove(m.originalFile)
      await files.remove(m.compressedFile)
    }
  }

  return {
    async importMaterial(req, ctx) {
      const spec = slotSpecFor(req)
      const progress = (stage: 'reading' | 'compressing' | 'saving' | 'done') =>
        ctx?.emit('materials:progress', { slot: req.slot, ownerId: req.ownerId, stage })
      progress('reading')
      const source = await readImportSource(req.path)
      const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES
      progress('compressing')
      const result = await compressImage(source.bytes, {
        maxBytes,
        colourRequired: spec?.colourRequired ?? false,
        idCard: spec?.idCard ?? false,
      })
      progress('saving')
      const id = newId()
      const format = detectFormat(source.bytes) ?? result.sourceFormat
      const material: Material = {
        id,
        ownerKind: req.ownerKind,
        ownerId: req.ownerId,
        slot: req.slot,
        sourceName: source.name.slice(0, 260),
        sourceFormat: result.sourceFormat,
        originalFile: materialKey(req.ownerKind, req.ownerId, `${req.slot}-${id}.original.${format}`),
        compressedFile: materialKey(req.ownerKind, req.ownerId, `${req.slot}-${id}.jpg`),
        bytes: result.jpeg.length,
        width: result.width,
        height: result.height,
        quality: result.quality,
        maxBytes,
        sha256: createHash('sha256').update(result.jpeg).digest('hex'),
        warnings: result.warnings,
        importedAt: new Date().toISOString(),
      }
      await files.write(material.originalFile, source.bytes)
      await files.write(material.compressedFile, result.jpeg)
      const edit = placeMaterial(repo.workspace(), material)
      repo.commit(edit.workspace)
      // Old files go only after the new state is safely stored.
      await dropFiles(edit.removedMaterials)
      progress('done')
      return material
    },
    async removeMaterial(id) {
      const edit = removeMaterial(repo.workspace(), id)
      if (edit.removedMaterials.length === 0) throw new AppFailure('materials/not-found', '这份材料已不存在，请刷新后重试。')
      repo.commit(edit.workspace)
      await dropFiles(edit.removedMaterials)
    },
    async thumbnail(id) {
      const material = repo.workspace().materials.find((m) => m.id === id)
      if (!material) throw new AppFailure('materials/not-found', '这份材料已不存在，请刷新后重试。')
      const thumb = await makeThumbnail(await files.read(material.compressedFile))
      return `data:image/jpeg;base64,${thumb.toString('base64')}`
    },
    compressedBytes: (material) => files.read(material.compressedFile),
  }
}
