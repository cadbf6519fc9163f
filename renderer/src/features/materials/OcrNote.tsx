import { Button } from 'antd'
import type { FillItem } from '../../../../core/ocr/fill'
import { mismatchText } from './OcrPanel'
import { useOcrT } from './ocr-messages'

type Props = { item: FillItem | null; testId: string; onFill: (item: FillItem) => void }

/**
 * Under a form field: the value read from the picture, offered with a 填入 button when the field
 * is empty, flagged in red when what is typed disagrees; nothing when they agree.
 */
export function OcrNote({ item, testId, onFill }: Props) {
  const t = useOcrT()
  if (!item || item.state === 'same') return null
  if (item.state === 'mismatch')
    return (
      <span
        className="ocr-field-mismatch"
        style={{ color: '#cf1322' }}
        data-testid={`${testId}-ocr-mismatch`}
      >
        {mismatchText(t, item)}
      </span>
    )
  return (
    <span className="ocr-field-offer" data-testid={`${testId}-ocr-offer`}>
      {t('offer', { value: item.value === 'long-term' ? t('longTerm') : item.shown })}{' '}
      <Button size="small" type="link" onClick={() => onFill(item)} data-testid={`${testId}-ocr-fill`}>
        {t('accept')}
      </Button>
    </span>
  )
}
