import { useRef, useState, type PointerEvent } from 'react'
import type { Quad } from '../../../../core/ocr/perspective'
import type { Size } from './crop-math'
import { useOcrT } from './ocr-messages'
import { fitScale, moveCorner } from './quad-math'

type Props = {
  url: string
  /** Full size of the upright original the quad is measured in. */
  source: Size
  quad: Quad
  onChange: (quad: Quad) => void
  max: Size
}

/**
 * The perspective edit on the editor's canvas: the unedited original with the document's four
 * corners; each corner is dragged with the pointer (or moved with the arrow keys) to the card's
 * or page's real corner.
 */
export function QuadStage({ url, source, quad, onChange, max }: Props) {
  const t = useOcrT()
  const scale = fitScale(source, max)
  const size = { width: source.width * scale, height: source.height * scale }
  const stage = useRef<HTMLDivElement>(null)
  const [dragging, setDragging] = useState<Quad | null>(null)
  const shown = dragging ?? quad
  const toSource = (e: PointerEvent<HTMLElement>) => {
    const box = stage.current?.getBoundingClientRect()
    return { x: (e.clientX - (box?.left ?? 0)) / scale, y: (e.clientY - (box?.top ?? 0)) / scale }
  }
  const begin = (e: PointerEvent<HTMLElement>) => {
    e.preventDefault()
    e.currentTarget.setPointerCapture(e.pointerId)
    setDragging(quad)
  }
  const move = (index: number) => (e: PointerEvent<HTMLElement>) => {
    if (!dragging) return
    setDragging(moveCorner(dragging, index, toSource(e), source))
  }
  const end = () => {
    if (dragging) onChange(dragging)
    setDragging(null)
  }
  const points = shown.map((p) => `${p.x * scale},${p.y * scale}`).join(' ')
  return (
    <div
      ref={stage}
      className="quad-stage"
      style={{ position: 'relative', width: size.width, height: size.height }}
      data-testid="editor-quad-stage"
    >
      <img
        src={url}
        alt=""
        draggable={false}
        style={{ width: size.width, height: size.height, display: 'block' }}
      />
      <svg
        width={size.width}
        height={size.height}
        style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}
      >
        <polygon points={points} fill="rgba(22,119,255,0.12)" stroke="#1677ff" strokeWidth={2} />
      </svg>
      {shown.map((p, i) => (
        <span
          key={i}
          role="slider"
          tabIndex={0}
          aria-label={t('deskew.handle', { n: i + 1 })}
          aria-valuetext={`${Math.round(p.x)}, ${Math.round(p.y)}`}
          className="quad-handle"
          data-testid={`editor-quad-handle-${i}`}
          style={{
            position: 'absolute',
            left: p.x * scale - 9,
            top: p.y * scale - 9,
            width: 18,
            height: 18,
            borderRadius: 9,
            background: '#fff',
            border: '3px solid #1677ff',
            cursor: 'move',
            touchAction: 'none',
          }}
          onPointerDown={begin}
          onPointerMove={move(i)}
          onPointerUp={end}
          onPointerCancel={end}
          onKeyDown={(e) => {
            const step = (e.shiftKey ? 10 : 1) / scale
            const d: Record<string, [number, number]> = {
              ArrowLeft: [-step, 0],
              ArrowRight: [step, 0],
              ArrowUp: [0, -step],
              ArrowDown: [0, step],
            }
            const delta = d[e.key]
            if (!delta) return
            e.preventDefault()
            onChange(moveCorner(quad, i, { x: p.x + delta[0], y: p.y + delta[1] }, source))
          }}
        />
      ))}
    </div>
  )
}
