import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  MinusCircleOutlined,
} from '@ant-design/icons'
import { Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import type { BatchItemResult, BatchSummary } from '../../../../core/api'
import { useT, type MessageKey, type Translate } from '../../i18n'
import { useErrorText } from '../../i18n/errors'
import { formatKb } from '../../shared/format'
import { baseName, isCancelled } from './batch-store'

function ResultIcon({ result }: { result: BatchItemResult }) {
  if ('error' in result)
    return isCancelled(result) ? (
      <MinusCircleOutlined className="batch-icon batch-icon-waiting" />
    ) : (
      <CloseCircleFilled className="batch-icon batch-icon-failed" />
    )
  return result.warnings.length > 0 ? (
    <ExclamationCircleFilled className="batch-icon batch-icon-warning" />
  ) : (
    <CheckCircleFilled className="batch-icon batch-icon-done" />
  )
}

type Row = BatchItemResult & { key: string }

function warningLabel(code: string, t: Translate): string {
  const key = `materials.warning.${code}`
  return key in WARNING_KEYS ? t(key as MessageKey, { slot: t('batch.image') }) : code
}
const WARNING_KEYS: Record<string, true> = {
  'materials.warning.too-small': true,
  'materials.warning.blurry': true,
  'materials.warning.grayscale': true,
  'materials.warning.too-dark': true,
  'materials.warning.overexposed': true,
  'materials.warning.odd-aspect': true,
}

function columns(
  t: Translate,
  errorText: (e: { code: string; message: string }) => string,
): TableColumnsType<Row> {
  return [
    { key: 'icon', width: 36, render: (_, r) => <ResultIcon result={r} /> },
    {
      title: t('batch.col.file'),
      key: 'file',
      width: '34%',
      render: (_, r) => (
        <div className="batch-result-file">
          <span title={r.input}>{baseName(r.input)}</span>
          {'output' in r && (
            <Typography.Text type="secondary" className="batch-result-output" title={r.output}>
              → {baseName(r.output)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('batch.col.bytes'),
      key: 'bytes',
      align: 'right',
      width: 90,
      className: 'nowrap',
      render: (_, r) => ('bytes' in r ? formatKb(r.bytes) : '—'),
    },
    {
      title: t('batch.col.pixels'),
      key: 'pixels',
      width: 110,
      className: 'nowrap',
      render: (_, r) => ('width' in r ? `${r.width}×${r.height}` : '—'),
    },
    {
      title: t('batch.col.quality'),
      key: 'quality',
      align: 'right',
      width: 70,
      className: 'nowrap',
      render: (_, r) => ('quality' in r ? r.quality : '—'),
    },
    {
      title: t('batch.col.notes'),
      key: 'notes',
      render: (_, r) =>
        'error' in r ? (
          <Typography.Text type={isCancelled(r) ? 'secondary' : 'danger'}>
            {isCancelled(r) ? t('batch.skipped') : errorText(r.error)}
          </Typography.Text>
        ) : (
          <>
            {r.warnings.length === 0 ? (
              <Tag color="success">{t('batch.ok')}</Tag>
            ) : (
              r.warnings.map((w) => (
                <Tag key={w} color="warning">
                  {warningLabel(w, t)}
                </Tag>
              ))
            )}
            {(r.notes ?? []).map((n) => (
              <div key={n} className="batch-note" data-testid="batch-note">
                {t(`materials.note.${n}`)}
              </div>
            ))}
          </>
        ),
    },
  ]
}

/** The end-of-run table: one row per input, what was written or why not. */
export function BatchResults({ summary }: { summary: BatchSummary }) {
  const t = useT()
  const errorText = useErrorText()
  const rows: Row[] = summary.results.map((r, i) => ({ ...r, key: `${i}:${r.input}` }))
  return (
    <div className="batch-results" data-testid="batch-results">
      <Table<Row>
        size="small"
        columns={columns(t, errorText)}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      />
    </div>
  )
}
