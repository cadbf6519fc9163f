import { Alert } from 'antd'
import { BATCH_MAX_FILES } from '../../../../core/api'
import { useT, type MessageKey } from '../../i18n'
import { dismissNotices, useBatchStore, type BatchNotice } from './batch-store'

const MESSAGE: Record<BatchNotice['kind'], MessageKey> = {
  folders: 'batch.notice.folders',
  unreadable: 'batch.notice.unreadable',
  tooMany: 'batch.notice.tooMany',
  duplicates: 'batch.notice.duplicates',
}

/** What was not added from the last pick or drop, and why (folders, web pictures, over the limit). */
export function BatchNotices() {
  const t = useT()
  const notices = useBatchStore((s) => s.notices)
  const [first] = notices
  if (!first) return null
  const text = (n: BatchNotice) => t(MESSAGE[n.kind], { n: n.n, max: BATCH_MAX_FILES })
  const onlyDuplicates = notices.every((n) => n.kind === 'duplicates')
  return (
    <Alert
      type={onlyDuplicates ? 'info' : 'warning'}
      showIcon
      closable={{ onClose: dismissNotices }}
      className="batch-notice"
      data-testid="batch-notice"
      title={
        notices.length === 1 ? (
          text(first)
        ) : (
          <ul className="batch-notice-list">
            {notices.map((n) => (
              <li key={n.kind}>{text(n)}</li>
            ))}
          </ul>
        )
      }
    />
  )
}
