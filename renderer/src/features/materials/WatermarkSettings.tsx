import { Alert, Input, Switch } from 'antd'
import type { ReactNode } from 'react'
import type { WatermarkPlacement } from '../../../../core/model'
import { useT } from '../../i18n'
import { WATERMARK_MAX, type EditorState } from './editor-state'

type Props = { state: EditorState; onChange: (patch: Partial<EditorState>) => void }

/** Offered in this order: the recommended one first. */
const PLACEMENTS: WatermarkPlacement[] = ['corner', 'band', 'tiled']

/** A tiny picture of where the text goes on the image. */
const DIAGRAM: Record<WatermarkPlacement, ReactNode> = {
  corner: <rect x="20" y="17" width="13" height="4" rx="1" />,
  band: <rect x="2" y="17" width="32" height="5" />,
  tiled: (
    <>
      <path d="M3 12 L14 4" />
      <path d="M11 20 L28 8" />
      <path d="M24 21 L33 15" />
    </>
  ),
}

function PlacementDiagram({ placement }: { placement: WatermarkPlacement }) {
  return (
    <svg className={`wm-diagram wm-diagram-${placement}`} viewBox="0 0 36 24" aria-hidden="true">
      <rect className="wm-diagram-frame" x="1" y="1" width="34" height="22" rx="2" />
      <g className="wm-diagram-mark">{DIAGRAM[placement]}</g>
    </svg>
  )
}

/** 水印: off by default; when on, its text and where it goes (右下角 / 底部横条 / 满铺). */
export function WatermarkSettings({ state, onChange }: Props) {
  const t = useT()
  const off = !state.watermarkOn
  return (
    <section className="editor-section">
      <div className="editor-section-title editor-switch-row">
        <span>{t('editor.watermark')}</span>
        <Switch
          checked={state.watermarkOn}
          onChange={(watermarkOn) => onChange({ watermarkOn })}
          data-testid="editor-watermark-switch"
        />
      </div>
      <Input
        value={state.watermarkText}
        maxLength={WATERMARK_MAX}
        showCount
        disabled={off}
        onChange={(e) => onChange({ watermarkText: e.target.value })}
        status={state.watermarkOn && state.watermarkText.trim() === '' ? 'error' : undefined}
        data-testid="editor-watermark-text"
      />
      <div
        className="wm-placements"
        role="radiogroup"
        aria-label={t('editor.watermarkPlacement')}
        aria-disabled={off}
        data-testid="editor-watermark-placement"
      >
        <span className="wm-placements-label">{t('editor.watermarkPlacement')}</span>
        {PLACEMENTS.map((placement) => {
          const selected = state.watermarkPlacement === placement
          return (
            <button
              key={placement}
              type="button"
              role="radio"
              aria-checked={selected}
              disabled={off}
              className={`wm-placement${selected ? ' wm-placement-selected' : ''}`}
              onClick={() => onChange({ watermarkPlacement: placement })}
              data-testid={`editor-watermark-${placement}`}
            >
              <PlacementDiagram placement={placement} />
              <span className="wm-placement-text">
                <span className="wm-placement-name">{t(`editor.watermarkPlacement.${placement}`)}</span>
                <span className="wm-placement-hint">{t(`editor.watermarkPlacement.${placement}.hint`)}</span>
              </span>
            </button>
          )
        })}
      </div>
      <Alert
        type="warning"
        showIcon
        className="editor-watermark-warning"
        title={t('editor.watermarkWarning')}
      />
    </section>
  )
}
