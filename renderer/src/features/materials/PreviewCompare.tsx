import { Alert, Spin } from 'antd'
import { useEffect, useState, type MouseEvent } from 'react'
import type { AppError, MaterialPreview } from '../../../../core/api'
import type { Material } from '../../../../core/model'
import { api } from '../../api'
import { useT } from '../../i18n'
import { formatKb } from './format'
import { useThumbnail } from './useThumbnail'

export const PREVIEW_SIZE = 480

type Center = { x: number; y: number }
type Fetched = { key: string; preview?: MaterialPreview; error?: AppError }

function usePreview(id: string, center: Center): { preview?: MaterialPreview; error?: AppError; loading: boolean } {
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
function Overview({ material, center, onPick }: { material: Material; center: Center; onPick: (c: Center) => void }) {
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
      <div className="compare-overview-image" onClick={pick} data-testid="editor-preview-overview" title={t('editor.overviewHint')}>
        {url ? <img src={url} alt="" draggable={false} /> : <Spin size="small" />}
        <span
          className="compare-marker"
          style={{ left: `${left * 100}%`, top: `${top * 100}%`, width: `${w * 100}%`, height: `${h * 100}%` }}
        />
      </div>
      <div className="editor-note">{t('editor.overviewHint')}</div>
    </div>
  )
}

function Pane({ testId, title, facts, src }: { testId: string; title: string; facts: string; src?: string }) {
  return (
    <figure className="compare-pane" data-testid={testId}>
      <figcaption>
        <span className="compare-title">{title}</span>
        <span className="compare-facts">{facts}</span>
      </figcaption>
      <div className="compare-scroll">{src ? <img src={src} alt={title} className="compare-image" /> : <Spin />}</div>
    </figure>
  )
}

/** Before/after at 100 %: the same region of the original and of the compressed copy, unscaled. */
export function PreviewCompare({ material }: { material: Material }) {
  const t = useT()
  const [center, setCenter] = useState<Center>({ x: 0.5, y: 0.5 })
  const { preview, error, loading } = usePreview(material.id, center)
  const o = preview?.original
  const c = preview?.compressed
  return (
    <div className="compare">
      <Overview material={material} center={center} onPick={setCenter} />
      <div className="compare-main">
        {error && <Alert type="error" showIcon title={error.message} />}
        <div className="compare-panes">
          <Pane
            testId="editor-preview-before"
            title={t('editor.before')}
            facts={o ? `${o.width}×${o.height} px · ${formatKb(o.bytes)} · ${o.format.toUpperCase()}` : ''}
            src={loading ? undefined : preview?.before}
          />
          <Pane
            testId="editor-preview-after"
            title={t('editor.after')}
            facts={c ? `${c.width}×${c.height} px · ${formatKb(c.bytes)} · ${t('editor.quality', { q: c.quality })}` : ''}
            src={loading ? undefined : preview?.after}
          />
        </div>
        <div className="editor-note">{t('editor.compareHint')}</div>
      </div>
    </div>
  )
}
