import { cancelBatch, runBatch } from '../services/batch-compress'
import type { Services } from '../services/container'
import { materialPreview, materialSource } from '../services/material-preview'
import type { Handlers } from './types'

type MaterialHandlers = Pick<
  Handlers,
  'materials:import' | 'materials:edit' | 'materials:remove' | 'materials:thumbnail' | 'materials:preview' | 'materials:source' | 'batch:compress' | 'batch:cancel'
>

export function materialHandlers({ repo, files, materials }: Services): MaterialHandlers {
  return {
    'materials:import': (req, ctx) => materials.importMaterial(req, ctx),
    'materials:edit': (req) => materials.editMaterial(req),
    'materials:remove': async ({ id }) => {
      await materials.removeMaterial(id)
      return repo.workspace()
    },
    'materials:thumbnail': ({ id }) => materials.thumbnail(id),
    'materials:preview': (req) => materialPreview(materials.find(req.id), files, req),
    'materials:source': ({ id, longSide, pdfPage }) => materialSource(materials.find(id), files, longSide, pdfPage),
    'batch:compress': (req, ctx) =>
      runBatch(req, {
        started: (p) => ctx.emit('batch:started', p),
        progress: (p) => ctx.emit('batch:progress', p),
      }),
    'batch:cancel': ({ batchId }) => cancelBatch(batchId),
  }
}
