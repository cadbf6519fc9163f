import { Alert, Table } from 'antd'
import { useEffect, useRef } from 'react'
import type { ExportSummary } from '../../../../core/api'
import { useT } from '../../i18n'
import { formatKb } from '../materials/format'

/** What was written: the target and every file with its size. */
export function ExportResult({ summary }: { summary: ExportSummary }) {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.scrollIntoView?.({ behavior: 'smooth', block: 'nearest' })
  }, [summary])
  return (
    <div className="export-outcome" data-testid="export-result" ref={ref}>
      <Alert type="success" showIcon title={t('export.done', { target: summary.target })} />
      <Table
        size="small"
        pagination={false}
        rowKey="file"
        dataSource={summary.files}
        className="export-table"
        columns={[
          {
            title: t('export.col.file'),
            dataIndex: 'file',
            render: (file: string) => <span className="mono">{file}</span>,
          },
          {
            title: t('export.col.size'),
            dataIndex: 'bytes',
            align: 'right',
            render: (bytes: number) => formatKb(bytes),
          },
          {
            title: t('export.col.pixels'),
            key: 'pixels',
            align: 'right',
            render: (_: unknown, row) => `${row.width}×${row.height}`,
          },
        ]}
      />
    </div>
  )
}
