import { Alert, Input, InputNumber, Radio, Switch } from 'antd'
import { useT } from '../../i18n'
import { CAP_PRESETS, MAX_CAP, MIN_CAP, WATERMARK_MAX, type EditorState } from './editor-state'
import { formatKb } from './format'

type Props = { state: EditorState; onChange: (patch: Partial<EditorState>) => void }

const isPreset = (n: number) => (CAP_PRESETS as readonly number[]).includes(n)

/** Size cap and watermark, the right-hand column of the editor. */
export function EditorSettings({ state, onChange }: Props) {
  const t = useT()
  const custom = !isPreset(state.maxBytes)
  return (
    <div className="editor-settings">
      <section className="editor-section">
        <div className="editor-section-title">{t('editor.cap')}</div>
        <Radio.Group
          value={custom ? 'custom' : state.maxBytes}
          onChange={(e) => {
            const v: unknown = e.target.value
            onChange({ maxBytes: typeof v === 'number' ? v : Math.max(MIN_CAP, state.maxBytes - 1000) })
          }}
          optionType="button"
          className="editor-cap"
        >
          <Radio.Button value={512_000} data-testid="editor-cap-512">
            {t('editor.cap512')}
          </Radio.Button>
          <Radio.Button value={400_000} data-testid="editor-cap-400">
            {t('editor.cap400')}
          </Radio.Button>
          <Radio.Button value="custom" data-testid="editor-cap-custom">
            {t('editor.capCustom')}
          </Radio.Button>
        </Radio.Group>
        {custom && (
          <InputNumber<number>
            className="editor-cap-input"
            min={MIN_CAP}
            max={MAX_CAP}
            step={1000}
            precision={0}
            value={state.maxBytes}
            onChange={(v) => v !== null && onChange({ maxBytes: v })}
            formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}
            parser={(v) => Number((v ?? '').replace(/[^\d]/g, ''))}
            suffix={t('editor.bytes')}
            data-testid="editor-cap-input"
          />
        )}
        <div className="editor-note">{t('editor.capHint', { kb: formatKb(state.maxBytes) })}</div>
      </section>
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
          disabled={!state.watermarkOn}
          onChange={(e) => onChange({ watermarkText: e.target.value })}
          status={state.watermarkOn && state.watermarkText.trim() === '' ? 'error' : undefined}
          data-testid="editor-watermark-text"
        />
        <Alert type="warning" showIcon className="editor-watermark-warning" title={t('editor.watermarkWarning')} />
      </section>
    </div>
  )
}
