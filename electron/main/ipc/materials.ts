import { cancelBatch, runBatch } from '../services/batch-compress'
import type { Services } from '../services/container'
import { materialPreview, materialSource } from '../services/material-preview'
import { DEFAULT_SCOPE, PathGrants } from '../services/path-grants'
import type { Handlers } from './types'

type MaterialHandlers = Pick<
  Handlers,
  | 'materials:import'
  | 'materials:edit'
  | 'materials:remove'
  | 'materials:thumbnail'
  | 'materials:preview'
  | 'materials:source'
  | 'batch:compress'
  | 'batch:cancel'
>

/**
 * `grants`: the paths main handed out (its dialogs, dropped files); an import or a batch may
 * read only those and write only into a granted output folder.
 */
export function materialHandlers(
  { repo, files, materials }: Services,
  grants: PathGrants = new PathGrants(),
): MaterialHandlers {
  return {
    'materials:import': (req, ctx) => {
      grants.require(ctx.scope ?? DEFAULT_SCOPE, 'file', req.path)
      return materials.importMaterial(req, ctx)
    },
    'materials:edit': (req) => materials.editMaterial(req),
    'materials:remove': async ({ id }) => {
      await materials.removeMaterial(id)
      return repo.workspace()
    },
    'materials:thumbnail': ({ id }) => materials.thumbnail(id),
    'materials:preview': (req) => materialPreview(materials.find(req.id), files, req),
    'materials:source': ({ id, longSide, pdfPage }) =>
      materialSource(materials.find(id), files, longSide, pdfPage),
    'batch:compress': (req, ctx) => {
      const scope = ctx.scope ?? DEFAULT_SCOPE
      grants.require(scope, 'folder', req.outDir)
      // A path main never handed out refuses the whole batch; a dropped folder or link is that file's error.
      for (const path of req.paths) grants.requireKnown(scope, 'file', path)
      const checkInput = (path: string) => grants.require(scope, 'file', path)
      return runBatch(
        { ...req, checkInput },
        {
          started: (p) => ctx.emit('batch:started', p),
          progress: (p) => ctx.emit('batch:progress', p),
        },
      )
    },
    'batch:cancel': ({ batchId }) => cancelBatch(batchId),
  }
}
