import type { Services } from '../services/container'
import type { Handlers } from './types'

type MaterialHandlers = Pick<Handlers, 'materials:import' | 'materials:remove' | 'materials:thumbnail'>

export function materialHandlers({ repo, materials }: Services): MaterialHandlers {
  return {
    'materials:import': (req, ctx) => materials.importMaterial(req, ctx),
    'materials:remove': async ({ id }) => {
      await materials.removeMaterial(id)
      return repo.workspace()
    },
    'materials:thumbnail': ({ id }) => materials.thumbnail(id),
  }
}
