/** Settings, native dialogs and the allow-listed external link. */
import type { Services } from '../services/container'
import type { Dialogs, Handlers } from './types'

type SystemHandlers = Pick<Handlers, 'settings:get' | 'settings:set' | 'dialog:pickImages' | 'dialog:pickExportTarget' | 'external:open'>

export function systemHandlers(
  { repo }: Services,
  dialogs: Dialogs,
  openExternal: (url: string) => Promise<boolean>,
): SystemHandlers {
  return {
    'settings:get': () => repo.settings(),
    'settings:set': (patch) => {
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
      return repo.updateSettings(clean)
    },
    'dialog:pickImages': ({ multiple }) => dialogs.pickImages(multiple),
    'dialog:pickExportTarget': ({ format, suggestedName, purpose }) => dialogs.pickExportTarget(format, suggestedName, purpose),
    'external:open': ({ url }) => openExternal(url),
  }
}
