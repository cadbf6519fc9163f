import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import type { CropRect } from '../../../../core/model'
import { dragRect, type DragMode, type Size } from './crop-math'

type Props = {
  size: Size
  /** The rectangle in display pixels. */
  rect: CropRect
  onChange: (rect: CropRect) => void
  /** Called once when a drag or nudge ends, with the final rectangle. */
  onCommit: (rect: CropRect) => void
  label: string
  children: ReactNode
}

const CORNERS: DragMode[] = ['nw', 'ne', 'sw', 'se']
const MIN = 24

type Drag = { mode: DragMode; x: number; y: number; start: CropRect; last: CropRect }

/** A draggable, resizable rectangle over the preview: drag the body to move, a corner to resize, arrows to nudge. */
export function CropBox({ size, rect, onChange, onCommit, label, children }: Props) {
  const drag = useRef<Drag | null>(null)

  const begin = (e: PointerEvent<HTMLElement>) => {
    const mode = e.currentTarget.dataset.mode as DragMode
    e.preventDefault()
    e.stopPropagation()
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { mode, x: e.clientX, y: e.clientY, start: rect, last: rect }
  }
  const move = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current
    if (!d) return
    d.last = dragRect(d.start, d.mode, e.clientX - d.x, e.clientY - d.y, size, MIN)
    onChange(d.last)
  }
  const end = () => {
    const d = drag.current
    drag.current = null
    if (d) onCommit(d.last)
  }
  const nudge = (e: KeyboardEvent<HTMLElement>) => {
    const step = e.shiftKey ? 10 : 1
    const delta: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    }
    const d = delta[e.key]
    if (!d) return
    e.preventDefault()
    const next = dragRect(rect, e.altKey ? 'se' : 'move', d[0], d[1], size, MIN)
    onChange(next)
    onCommit(next)
  }

  const style = { left: rect.left, top: rect.top, width: rect.width, height: rect.height }
  return (
    <div
      className="crop-stage"
      style={{ width: size.width, height: size.height }}
      data-testid="editor-crop-stage"
    >
      {children}
      <div className="crop-shade-clip">
        <div className="crop-shade" style={style} />
      </div>
      <div
        className="crop-rect"
        style={style}
        role="slider"
        aria-label={label}
        aria-valuetext={`${Math.round(rect.width)}×${Math.round(rect.height)}`}
        tabIndex={0}
        data-mode="move"
        onPointerDown={begin}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onKeyDown={nudge}
        data-testid="editor-crop-rect"
      >
        <span className="crop-grid crop-grid-v" />
        <span className="crop-grid crop-grid-h" />
        {CORNERS.map((corner) => (
          <span
            key={corner}
            className={`crop-handle crop-handle-${corner}`}
            data-mode={corner}
            onPointerDown={begin}
            onPointerMove={move}
            onPointerUp={end}
            onPointerCancel={end}
            data-testid={`editor-crop-${corner}`}
          />
        ))}
      </div>
    </div>
  )
}
