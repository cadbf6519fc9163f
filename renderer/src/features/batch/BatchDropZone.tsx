import { InboxOutlined } from '@ant-design/icons'
import type { KeyboardEvent } from 'react'
import { useT, type MessageKey } from '../../i18n'
import { addFiles } from './batch-store'

export type DropZoneMode = 'empty' | 'more' | 'next' | 'busy'

const TITLE: Record<DropZoneMode, MessageKey> = {
  empty: 'batch.drop.title',
  more: 'batch.drop.more',
  next: 'batch.drop.next',
  busy: 'batch.drop.busy',
}

/**
 * The visible drop target (the page itself takes the drop, see BatchPage): large while the
 * list is empty, a slim strip above the list or the results. Clicking it opens the picker,
 * like the drop boxes people know from upload pages.
 */
export function BatchDropZone({ mode, over }: { mode: DropZoneMode; over: boolean }) {
  const t = useT()
  const busy = mode === 'busy'
  const open = () => {
    if (!busy) void addFiles()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    e.preventDefault()
    open()
  }
  const classes = ['batch-drop', `batch-drop-${mode}`, over && !busy ? 'batch-drop-over' : ''].filter(Boolean)
  return (
    <div
      className={classes.join(' ')}
      role="button"
      tabIndex={busy ? -1 : 0}
      aria-disabled={busy}
      onClick={open}
      onKeyDown={onKeyDown}
      data-testid="batch-drop"
      data-mode={mode}
      data-over={over && !busy}
    >
      <InboxOutlined className="batch-drop-icon" />
      <div className="batch-drop-text">
        <div className="batch-drop-title">{over && !busy ? t('batch.drop.release') : t(TITLE[mode])}</div>
        {mode === 'empty' && <div className="batch-drop-hint">{t('batch.drop.hint')}</div>}
      </div>
    </div>
  )
}
