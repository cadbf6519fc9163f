import { cancelExportMany, exportMany } from '../services/packet-export-many'
import { exportPacket } from '../services/packet-export'
import type { Services } from '../services/container'
import { DEFAULT_SCOPE, PathGrants } from '../services/path-grants'
import type { Handlers } from './types'

/** Packets are written only where main's own dialog answered: the picked folder or .zip (see path-grants). */
export function packetHandlers(
  { repo, files }: Services,
  grants: PathGrants = new PathGrants(),
): Pick<Handlers, 'packet:export' | 'packet:exportMany' | 'packet:cancelMany'> {
  return {
    'packet:export': async (req, ctx) => {
      grants.require(ctx.scope ?? DEFAULT_SCOPE, req.format === 'zip' ? 'target' : 'folder', req.target)
      const summary = await exportPacket(repo.workspace(), files, req)
      repo.updateSettings({
        lastExportDir: req.format === 'zip' ? req.target.replace(/[\\/][^\\/]*$/, '') : req.target,
      })
      return summary
    },
    'packet:exportMany': async (req, ctx) => {
      grants.require(ctx.scope ?? DEFAULT_SCOPE, 'folder', req.outDir)
      const summary = await exportMany(repo.workspace(), files, req, {
        progress: (p) => ctx.emit('packet:progress', p),
      })
      repo.updateSettings({ lastExportDir: req.outDir })
      return summary
    },
    'packet:cancelMany': ({ batchId }) => cancelExportMany(batchId),
  }
}
