import { exportPacket } from '../services/packet-export'
import type { Services } from '../services/container'
import type { Handlers } from './types'

export function packetHandlers({ repo, files }: Services): Pick<Handlers, 'packet:export'> {
  return {
    'packet:export': async (req) => {
      const summary = await exportPacket(repo.workspace(), files, req)
      repo.updateSettings({ lastExportDir: req.format === 'zip' ? req.target.replace(/[\\/][^\\/]*$/, '') : req.target })
      return summary
    },
  }
}
