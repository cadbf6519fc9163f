/**
 * Opening a data directory (the app's userData folder) for the commands that read it: read-only
 * (no writer lock, nothing in the folder changes), with only the repo and the material files;
 * the image services are not loaded.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Workspace } from '../../core/model'
import { openConfStore } from '../main/services/conf-store'
import { createMaterialFiles, type MaterialFiles } from '../main/services/material-files'
import { createWorkspaceRepo } from '../main/services/workspace-repo'
import { type CliContext, UsageError } from './io'

export type OpenedData = { ws: Workspace; files: MaterialFiles }

export function openDataDir(dataDir: string | undefined, { m }: CliContext, command: string): OpenedData {
  if (!dataDir) throw new UsageError(m.needDataDir, command)
  const dir = resolve(dataDir)
  if (!existsSync(join(dir, 'config.json'))) throw new UsageError(m.noConfig(dir), command)
  const store = openConfStore(dir, { readOnly: true })
  try {
    return { ws: createWorkspaceRepo(store).workspace(), files: createMaterialFiles(dir) }
  } finally {
    store.close()
  }
}
