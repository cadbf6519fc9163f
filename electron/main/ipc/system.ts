/** Settings, native dialogs, the allow-listed external link and "show the export in its folder". */
import { existsSync, lstatSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { ExportFormat } from '../../../core/api'
import { MANIFEST_NAME } from '../../../core/packet/manifest'
import type { Services } from '../services/container'
import { DEFAULT_SCOPE, PathGrants } from '../services/path-grants'
import type { Dialogs, Handlers } from './types'

type SystemHandlers = Pick<
  Handlers,
  | 'settings:get'
  | 'settings:set'
  | 'dialog:pickImages'
  | 'dialog:pickExportTarget'
  | 'external:open'
  | 'system:showItemInFolder'
  | 'paths:registerDropped'
>

/**
 * Dialogs that can also reveal a file in the system file manager (Electron's
 * shell.showItemInFolder). Optional: the loopback test bridge has no file manager, and the
 * handler then answers false.
 */
export type RevealingDialogs = Dialogs & { showItemInFolder?: (path: string) => void }

type ExportPick = { format: ExportFormat; target: string }

/**
 * True when `path` is what the last packet export produced: the .zip the user picked, or a
 * packet folder (with its manifest) directly inside the folder the user picked, and the export
 * into that place succeeded (packet:export records lastExportDir only after writing).
 */
export function isLastExport(path: string, pick: ExportPick | undefined, lastExportDir: string): boolean {
  if (!pick || lastExportDir === '') return false
  const wanted = resolve(path)
  const picked = resolve(pick.target)
  if (pick.format === 'zip') {
    return wanted === picked && resolve(lastExportDir) === dirname(picked) && isFile(wanted)
  }
  return (
    resolve(lastExportDir) === picked &&
    dirname(wanted) === picked &&
    isDirectory(wanted) &&
    isFile(join(wanted, MANIFEST_NAME))
  )
}

/**
 * Also a material of that packet folder, in its upload-step folder (`packet/1_开办主体/01_….jpg`):
 * a regular file, not a link, so the 填报助手 can show one step's files.
 */
export function isInLastExport(path: string, pick: ExportPick | undefined, lastExportDir: string): boolean {
  if (isLastExport(path, pick, lastExportDir)) return true
  if (pick?.format !== 'folder') return false
  const wanted = resolve(path)
  if (lstatSync(wanted, { throwIfNoEntry: false })?.isFile() !== true) return false
  return isLastExport(dirname(dirname(wanted)), pick, lastExportDir)
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile()
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory()
}

export function systemHandlers(
  { repo }: Services,
  dialogs: RevealingDialogs,
  openExternal: (url: string) => Promise<boolean>,
  grants: PathGrants = new PathGrants(),
): SystemHandlers {
  let lastPick: ExportPick | undefined
  return {
    'settings:get': () => repo.settings(),
    'settings:set': (patch) => {
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
      return repo.updateSettings(clean)
    },
    // What main's own dialogs answer is what the window may use afterwards (path-grants.ts).
    'dialog:pickImages': async ({ multiple }, ctx) => {
      const paths = await dialogs.pickImages(multiple)
      grants.grant(ctx.scope ?? DEFAULT_SCOPE, 'file', paths)
      return paths
    },
    'dialog:pickExportTarget': async ({ format, suggestedName, purpose }, ctx) => {
      const target = await dialogs.pickExportTarget(format, suggestedName, purpose)
      if (target !== null)
        grants.grant(ctx.scope ?? DEFAULT_SCOPE, format === 'zip' ? 'target' : 'folder', [target])
      if (target !== null && purpose !== 'batch') lastPick = { format, target }
      return target
    },
    'external:open': ({ url }) => openExternal(url),
    'system:showItemInFolder': ({ path }) => {
      if (!dialogs.showItemInFolder || !isInLastExport(path, lastPick, repo.settings().lastExportDir))
        return false
      dialogs.showItemInFolder(resolve(path))
      return true
    },
    // Only the preload calls this (its invoke refuses the channel): paths of dropped files.
    'paths:registerDropped': ({ paths }, ctx) => grants.grantDropped(ctx.scope ?? DEFAULT_SCOPE, paths),
  }
}
