import { Alert, Spin } from 'antd'
import { useEffect, useRef, useState, type MouseEvent, type RefObject } from 'react'
import type { AppError, MaterialPreview } from '../../../../core/api'
import type { Material } from '../../../../core/model'
import { api } from '../../api'
import { useT } from '../../i18n'
import { useErrorText } from '../../i18n/errors'
import { formatKb } from '../../shared/format'
import { useThumbnail } from './useThumbnail'

export const PREVIEW_SIZE = 480

type Center = { x: number; y: number }
type Fetched = { key: string; preview?: MaterialPreview; error?: AppError }

function usePreview(
  id: string,
  center: Center,
): { preview?: MaterialPreview; error?: AppError; loading: boolean } {
  const key = `${id}@${center.x.toFixed(3)},${center.y.toFixed(3)}`
  const [fetched, setFetched] = useState<Fetched | null>(null)
  useEffect(() => {
    let alive = true
    void api.previewMaterial({ id, centerX: center.x, centerY: center.y, size: PREVIEW_SIZE }).then((r) => {
      if (alive) setFetched(r.ok ? { key, preview: r.value } : { key, error: r.error })
    })
    return () => {
      alive = false
    }
  }, [id, center.x, center.y, key])
  const current = fetched?.key === key ? fetched : undefined
  return { preview: current?.preview, error: current?.error, loading: !current }
}

/** Small overview of the result: click to choose the region shown at 100 %. */
function Overview({
  material,
  center,
  onPick,
}: {
  material: Material
  center: Center
  onPick: (c: Center) => void
}) {
  const t = useT()
  const url = useThumbnail(material.id)
  const pick = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect()
    const clamp = (v: number) => Math.min(1, Math.max(0, v))
    onPick({ x: clamp((e.clientX - box.left) / box.width), y: clamp((e.clientY - box.top) / box.height) })
  }
  const w = Math.min(1, PREVIEW_SIZE / material.width)
  const h = Math.min(1, PREVIEW_SIZE / material.height)
  const left = Math.min(Math.max(0, center.x - w / 2), 1 - w)
  const top = Math.min(Math.max(0, center.y - h / 2), 1 - h)
  return (
    <div className="compare-overview">
      <div
        className="compare-overview-image"
        onClick={pick}
        data-testid="editor-preview-overview"
        title={t('editor.overviewHint')}
      >
        {url ? <img src={url} alt="" draggable={false} /> : <Spin size="small" />}
        <span
          className="compare-marker"
          style={{
            left: `${left * 100}%`,
            top: `${top * 100}%`,
            width: `${w * 100}%`,
            height: `${h * 100}%`,
          }}
        />
      </div>
      <div className="editor-note">{t('editor.overviewHint')}</div>
    </div>
  )
}

type PaneProps = {
  testId: string
  title: string
  facts: string
  src?: string
  scrollRef: RefObject<HTMLDivElement | null>
  onScroll: () => void
  onLoad: () => void
  failed: boolean
}

function Pane({ testId, title, facts, src, scrollRef, onScroll, onLoad, failed }: PaneProps) {
  return (
    <figure className="compare-pane" data-testid={testId}>
      <figcaption>
        <span className="compare-title">{title}</span>
        <span className="compare-facts">{facts}</span>
      </figcaption>
      <div className="compare-scroll" ref={scrollRef} onScroll={onScroll}>
        {src ? <img src={src} alt={title} className="compare-image" onLoad={onLoad} /> : !failed && <Spin />}
      </div>
    </figure>
  )
}

/** The point at the centre of `from`'s viewport, as fractions of its content. */
function centreOf(el: HTMLElement): { x: number; y: number } {
  return {
    x: (el.scrollLeft + el.clientWidth / 2) / Math.max(1, el.scrollWidth),
    y: (el.scrollTop + el.clientHeight / 2) / Math.max(1, el.scrollHeight),
  }
}

/** Scrolls `el` so `c` is in the middle; leaves it alone when already there (no scroll ping-pong). */
function centreOn(el: HTMLElement, c: { x: number; y: number }): void {
  const left = c.x * el.scrollWidth - el.clientWidth / 2
  const top = c.y * el.scrollHeight - el.clientHeight / 2
  if (Math.abs(el.scrollLeft - left) > 2) el.scrollLeft = left
  if (Math.abs(el.scrollTop - top) > 2) el.scrollTop = top
}

/** Keeps both panes on the same document point: they scroll together, centred at first. */
function useLinkedScroll() {
  const before = useRef<HTMLDivElement>(null)
  const after = useRef<HTMLDivElement>(null)
  const follow = (from: RefObject<HTMLDivElement | null>, to: RefObject<HTMLDivElement | null>) => () => {
    const a = from.current
    const b = to.current
    if (a && b) centreOn(b, centreOf(a))
  }
  const centre = (ref: RefObject<HTMLDivElement | null>) => () => {
    if (ref.current) centreOn(ref.current, { x: 0.5, y: 0.5 })
  }
  return { before, after, follow, centre }
}

/** Before/after at 100 %: the same region of the original and of the compressed copy, unscaled. */
export function PreviewCompare({ material }: { material: Material }) {
  const t = useT()
  const errorText = useErrorText()
  const [center, setCenter] = useState<Center>({ x: 0.5, y: 0.5 })
  const { preview, error, loading } = usePreview(material.id, center)
  const link = useLinkedScroll()
  const o = preview?.original
  const c = preview?.compressed
  return (
    <div className="compare">
      <Overview material={material} center={center} onPick={setCenter} />
      <div className="compare-main">
        {error && <Alert type="error" showIcon title={errorText(error)} />}
        <div className="compare-panes">
          <Pane
            testId="editor-preview-before"
            title={t('editor.before')}
            facts={o ? `${o.width}×${o.height} px · ${formatKb(o.bytes)} · ${o.format.toUpperCase()}` : ''}
            src={loading ? undefined : preview?.before}
            scrollRef={link.before}
            onScroll={link.follow(link.before, link.after)}
            onLoad={link.centre(link.before)}
            failed={error !== undefined}
          />
          <Pane
            testId="editor-preview-after"
            title={t('editor.after')}
            facts={
              c
                ? `${c.width}×${c.height} px · ${formatKb(c.bytes)} · ${t('editor.quality', { q: c.quality })}`
                : ''
            }
            src={loading ? undefined : preview?.after}
            scrollRef={link.after}
            onScroll={link.follow(link.after, link.before)}
            onLoad={link.centre(link.after)}
            failed={error !== undefined}
          />
        </div>
        <div className="editor-note">{t('editor.compareHint')}</div>
      </div>
    </div>
  )
}
