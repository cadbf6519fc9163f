/**
 * system:copyText: the clipboard through main. Electron's deny-all permission handler may
 * refuse the renderer's navigator.clipboard; main's clipboard always works in the app.
 */
import type { Handlers } from './types'

/** Main's clipboard (Electron's `clipboard`); absent where there is none (the test bridge records instead). */
export type ClipboardPort = { writeText(text: string): void }

export function clipboardHandlers(clipboard: ClipboardPort | undefined): Pick<Handlers, 'system:copyText'> {
  return {
    'system:copyText': ({ text }) => {
      if (!clipboard) return false
      clipboard.writeText(text)
      return true
    },
  }
}
