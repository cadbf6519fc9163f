import { Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import type { BatchItemResult, BatchSummary } from '../../../../core/api'
import { useT, type MessageKey, type Translate } from '../../i18n'
import { formatKb } from '../materials/format'
import { baseName } from './batch-store'

type Row = BatchItemResult & { key: string }

function warningLabel(code: string, t: Translate): string {
  const key = `materials.warning.${code}`
  return key in WARNING_KEYS ? t(key as MessageKey) : code
}
const WARNING_KEYS: Record<string, true> = {
  'materials.warning.too-small': true,
  'materials.warning.blurry': true,
  'materials.warning.grayscale': true,
  'materials.warning.too-dark': true,
  'materials.warning.overexposed': true,
  'materials.warning.odd-aspect': true,
}

function columns(t: Translate): TableColumnsType<Row> {
  return [
    {
      title: t('batch.col.file'),
      key: 'file',
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
    { title: t('batch.col.bytes'), key: 'bytes', align: 'right', render: (_, r) => ('bytes' in r ? formatKb(r.bytes) : '—') },
    { title: t('batch.col.pixels'), key: 'pixels', render: (_, r) => ('width' in r ? `${r.width}×${r.height}` : '—') },
    { title: t('batch.col.quality'), key: 'quality', align: 'right', render: (_, r) => ('quality' in r ? r.quality : '—') },
    {
      title: t('batch.col.notes'),
      key: 'notes',
      render: (_, r) =>
        'error' in r ? (
          <Typography.Text type="danger">{r.error.message}</Typography.Text>
        ) : r.warnings.length === 0 ? (
          <Tag color="success">{t('batch.ok')}</Tag>
        ) : (
          r.warnings.map((w) => (
            <Tag key={w} color="warning">
              {warningLabel(w, t)}
            </Tag>
          ))
        ),
    },
  ]
}

/** The end-of-run table: one row per input, what was written or why not. */
export function BatchResults({ summary }: { summary: BatchSummary }) {
  const t = useT()
  const rows: Row[] = summary.results.map((r, i) => ({ ...r, key: `${i}:${r.input}` }))
  return (
    <div className="batch-results" data-testid="batch-results">
      <Table<Row>
        size="small"
        columns={columns(t)}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      />
    </div>
  )
}
