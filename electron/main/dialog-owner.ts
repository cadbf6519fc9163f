/** Native open/save dialogs, modal to the app's window when there is one. */
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'

export function ownedDialogs(getWindow: () => BrowserWindow | null) {
  return {
    open(options: OpenDialogOptions) {
      const win = getWindow()
      return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)
    },
    save(options: SaveDialogOptions) {
      const win = getWindow()
      return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)
    },
  }
}
