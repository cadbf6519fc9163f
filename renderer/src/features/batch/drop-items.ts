/**
 * What a drag from the desktop carries, sorted into files we can add and folders we cannot.
 * Read synchronously inside the drop event: the browser empties the DataTransfer afterwards.
 */

export type DroppedItems = { files: File[]; folders: number }

type EntryLike = { isDirectory: boolean } | null
type ItemLike = { kind: string; getAsFile(): File | null; webkitGetAsEntry?: () => EntryLike }
/** The parts of DataTransfer used here (a plain object in tests). */
export type TransferLike = {
  types?: ArrayLike<string>
  items?: ArrayLike<ItemLike>
  files?: ArrayLike<File>
}

/** True when the drag carries files (not text, a link or a picture from a web page's markup). */
export function carriesFiles(transfer: TransferLike | null): boolean {
  return transfer !== null && Array.from(transfer.types ?? []).includes('Files')
}

export function droppedItems(transfer: TransferLike): DroppedItems {
  const items = Array.from(transfer.items ?? [])
  if (items.length === 0) return { files: Array.from(transfer.files ?? []), folders: 0 }
  const files: File[] = []
  let folders = 0
  for (const item of items) {
    if (item.kind !== 'file') continue
    if (item.webkitGetAsEntry?.()?.isDirectory) {
      folders += 1
      continue
    }
    const file = item.getAsFile()
    if (file) files.push(file)
  }
  return { files, folders }
}
