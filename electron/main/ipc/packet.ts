import { cancelExportMany, exportMany } from '../services/packet-export-many'
import { exportPacket } from '../services/packet-export'
import type { Services } from '../services/container'
import type { Handlers } from './types'

export function packetHandlers({
  repo,
  files,
}: Services): Pick<Handlers, 'packet:export' | 'packet:exportMany' | 'packet:cancelMany'> {
  return {
    'packet:export': async (req) => {
      const summary = await exportPacket(repo.workspace(), files, req)
      repo.updateSettings({
        lastExportDir: req.format === 'zip' ? req.target.replace(/[\\/][^\\/]*$/, '') : req.target,
      })
      return summary
    },
    'packet:exportMany': async (req, ctx) => {
      const summary = await exportMany(repo.workspace(), files, req, {
        progress: (p) => ctx.emit('packet:progress', p),
      })
      repo.updateSettings({ lastExportDir: req.outDir })
      return summary
    },
    'packet:cancelMany': ({ batchId }) => cancelExportMany(batchId),
  }
}
