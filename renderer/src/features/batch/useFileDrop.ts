import { useRef, useState, type DragEvent } from 'react'
import { carriesFiles, droppedItems, type DroppedItems } from './drop-items'

type DropHandlers = {
  onDragEnter: (e: DragEvent<HTMLElement>) => void
  onDragOver: (e: DragEvent<HTMLElement>) => void
  onDragLeave: (e: DragEvent<HTMLElement>) => void
  onDrop: (e: DragEvent<HTMLElement>) => void
}

/**
 * Drop target for files from the desktop over a whole area. `over` stays true while the drag
 * is anywhere inside (child elements fire their own enter/leave, hence the depth count).
 * Drags that carry no files (text, links) are left alone, and while `enabled` is false the
 * cursor shows that nothing can be dropped.
 */
export function useFileDrop(
  enabled: boolean,
  onFiles: (items: DroppedItems) => void,
): { over: boolean; handlers: DropHandlers } {
  const depth = useRef(0)
  const [over, setOver] = useState(false)
  const handlers: DropHandlers = {
    onDragEnter: (e) => {
      if (!carriesFiles(e.dataTransfer)) return
      e.preventDefault()
      depth.current += 1
      setOver(true)
    },
    onDragOver: (e) => {
      if (!carriesFiles(e.dataTransfer)) return
      e.preventDefault()
      e.dataTransfer.dropEffect = enabled ? 'copy' : 'none'
    },
    onDragLeave: (e) => {
      if (!carriesFiles(e.dataTransfer)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setOver(false)
    },
    onDrop: (e) => {
      e.preventDefault()
      depth.current = 0
      setOver(false)
      if (!enabled || !carriesFiles(e.dataTransfer)) return
      const items = droppedItems(e.dataTransfer)
      if (items.files.length > 0 || items.folders > 0) onFiles(items)
    },
  }
  return { over, handlers }
}
