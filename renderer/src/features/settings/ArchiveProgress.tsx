import { Progress, Typography } from 'antd'
import { archivePercent, type ArchiveOperation, type ArchiveStep } from '../../../../core/archive-progress'
import type { ArchiveT } from './archive-strings'

const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(1)

/** What the step says in words: the key derivation has no bytes to count. */
function label(operation: ArchiveOperation, step: ArchiveStep, t: ArchiveT): string {
  const amounts = { done: mb(step.done), total: mb(step.total) }
  if (step.phase === 'key') return t('arc.progress.key')
  if (step.phase === 'checking') return t('arc.progress.checking', amounts)
  return t(operation === 'export' ? 'arc.progress.writing.export' : 'arc.progress.writing.import', amounts)
}

/** The bar of a running archive export or import (nothing before main's first report). */
export function ArchiveProgress({
  operation,
  step,
  t,
}: {
  operation: ArchiveOperation
  step: ArchiveStep | null
  t: ArchiveT
}) {
  if (!step) return null
  return (
    <div data-testid={`arc-${operation}-progress`} aria-live="polite">
      <Progress percent={archivePercent(operation, step)} size="small" status="active" />
      <Typography.Text type="secondary">{label(operation, step, t)}</Typography.Text>
    </div>
  )
}
