import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  CloseOutlined,
  LoadingOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons'
import { Button } from 'antd'
import type { ReactNode } from 'react'
import { useT } from '../../i18n'
import { useErrorText } from '../../i18n/errors'
import { baseName, itemStatuses, removeFile, useBatchStore, type ItemStatus } from './batch-store'

const ICON: Record<ItemStatus, ReactNode> = {
  waiting: <ClockCircleOutlined className="batch-icon batch-icon-waiting" />,
  working: <LoadingOutlined className="batch-icon batch-icon-working" />,
  done: <CheckCircleFilled className="batch-icon batch-icon-done" />,
  failed: <CloseCircleFilled className="batch-icon batch-icon-failed" />,
  cancelled: <MinusCircleOutlined className="batch-icon batch-icon-waiting" />,
}

/** The picked files with their live status while a run is going. */
export function BatchFileList() {
  const t = useT()
  const errorText = useErrorText()
  const paths = useBatchStore((s) => s.paths)
  const progress = useBatchStore((s) => s.progress)
  const running = useBatchStore((s) => s.running)
  const started = useBatchStore((s) => s.batchId !== null)
  const error = useBatchStore((s) => s.error)
  const statuses = itemStatuses(paths, progress)
  // A failed row without its own message was cut off when the whole batch:compress call failed.
  const unfinished = error
    ? t('batch.status.interrupted', { reason: errorText(error) })
    : t('batch.status.failedUnknown')
  return (
    <ol className="batch-files" data-testid="batch-files">
      {paths.map((path, i) => {
        const status = statuses[i] ?? 'waiting'
        const item = progress[path]
        const message = item?.message
          ? errorText({ code: item.code ?? '', message: item.message })
          : unfinished
        return (
          <li
            key={path}
            className={`batch-file batch-file-${status}`}
            data-testid="batch-file"
            data-status={status}
          >
            {ICON[status]}
            <span className="batch-file-name" title={path}>
              {baseName(path)}
            </span>
            <span className="batch-file-message">
              {status === 'failed' ? message : started || running ? t(`batch.status.${status}`) : ''}
            </span>
            {!running && !started && (
              <Button
                type="text"
                size="small"
                icon={<CloseOutlined />}
                aria-label={t('batch.removeFile')}
                onClick={() => removeFile(path)}
              />
            )}
          </li>
        )
      })}
    </ol>
  )
}
