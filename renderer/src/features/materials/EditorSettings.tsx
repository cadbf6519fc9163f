import { Button, InputNumber, Space } from 'antd'
import type { MessageKey } from '../../i18n'
import { useT } from '../../i18n'
import { CAP_PRESETS } from '../../shared/caps'
import { MAX_CAP, MIN_CAP, type EditorState } from './editor-state'
import { formatKb } from '../../shared/format'
import { WatermarkSettings } from './WatermarkSettings'

type Props = { state: EditorState; onChange: (patch: Partial<EditorState>) => void }

const CUSTOM_START = 300_000
const CHOICES: [string, number | undefined, MessageKey][] = [
  ['400', 400_000, 'editor.cap400'],
  ['512', 512_000, 'editor.cap512'],
  ['custom', undefined, 'editor.capCustom'],
]

const isPreset = (n: number) => (CAP_PRESETS as readonly number[]).includes(n)

/** Size cap and watermark (WatermarkSettings), the right-hand column of the editor. */
export function EditorSettings({ state, onChange }: Props) {
  const t = useT()
  const custom = !isPreset(state.maxBytes)
  return (
    <div className="editor-settings">
      <section className="editor-section">
        <div className="editor-section-title">{t('editor.cap')}</div>
        <Space.Compact className="editor-cap" role="radiogroup" aria-label={t('editor.cap')}>
          {CHOICES.map(([choice, value, label]) => {
            const selected = choice === 'custom' ? custom : state.maxBytes === value
            return (
              <Button
                key={choice}
                role="radio"
                aria-checked={selected}
                type={selected ? 'primary' : 'default'}
                onClick={() => onChange({ maxBytes: value ?? (custom ? state.maxBytes : CUSTOM_START) })}
                data-testid={`editor-cap-${choice}`}
              >
                {t(label)}
              </Button>
            )
          })}
        </Space.Compact>
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
      <WatermarkSettings state={state} onChange={onChange} />
    </div>
  )
}
