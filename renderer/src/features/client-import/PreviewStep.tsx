import { Alert, Checkbox, Table, Tag, Typography } from 'antd'
import type { ClientImportPreview } from '../../../../core/api'
import type { PlannedRow } from '../../../../core/client-import/plan'
import { useImportT } from './strings'

type Props = { preview: ClientImportPreview; confirmed: string[]; onConfirm: (ids: string[]) => void }

const ACTION_COLOR: Record<string, string> = { new: 'green', update: 'blue', skip: 'default', invalid: 'red' }

/** Every row with what will happen to it and its findings; existing subjects to confirm. */
export function PreviewStep({ preview, confirmed, onConfirm }: Props) {
  const t = useImportT()
  return (
    <div data-testid="import-preview">
      <Typography.Paragraph strong data-testid="import-counts">
        {t('import.preview.counts', preview.counts)}
      </Typography.Paragraph>
      {preview.blockingRows > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('import.preview.blocking', { n: preview.blockingRows })}
        />
      ) : null}
      {preview.matches.length > 0 ? (
        <Alert
          type="warning"
          style={{ marginBottom: 8 }}
          message={t('import.preview.matches')}
          description={
            <Checkbox.Group
              value={confirmed}
              onChange={(ids) => onConfirm(ids.map(String))}
              options={preview.matches.map((m) => ({
                value: m.subjectId,
                label: `${m.name}（${m.certNumber}，${t('import.preview.lines', { lines: m.lines.join('、') })}）`,
              }))}
              data-testid="import-matches"
            />
          }
        />
      ) : null}
      <Table<PlannedRow>
        size="small"
        rowKey="line"
        virtual
        pagination={false}
        scroll={{ y: 360, x: 900 }}
        dataSource={preview.rows}
        rowClassName={(r) => (r.problems.length > 0 ? 'import-row-blocked' : '')}
        columns={[
          { title: t('import.col.line'), dataIndex: 'line', width: 60 },
          {
            title: t('import.col.subject'),
            width: 220,
            render: (_, r) => `${r.subjectName}${r.certNumber ? `（${r.certNumber}）` : ''}`,
          },
          {
            title: t('import.col.site'),
            width: 200,
            render: (_, r) => [r.siteName, r.domain].filter(Boolean).join(' · '),
          },
          {
            title: t('import.col.action'),
            width: 130,
            render: (_, r) => (
              <>
                <Tag color={ACTION_COLOR[r.subjectAction]}>{t(`import.action.${r.subjectAction}`)}</Tag>
                {r.siteAction !== 'none' ? (
                  <Tag color={ACTION_COLOR[r.siteAction]}>{t(`import.action.${r.siteAction}`)}</Tag>
                ) : null}
              </>
            ),
          },
          { title: t('import.col.findings'), render: (_, r) => <RowFindings row={r} /> },
        ]}
        data-testid="import-rows"
      />
    </div>
  )
}

function RowFindings({ row }: { row: PlannedRow }) {
  const t = useImportT()
  const errors = row.findings.filter((f) => f.severity === 'error')
  return (
    <div>
      {row.problems.map((p) => (
        <Typography.Text key={p} type="danger" style={{ display: 'block' }}>
          {p}
        </Typography.Text>
      ))}
      {row.notes.map((n) => (
        <Typography.Text key={n} type="warning" style={{ display: 'block' }}>
          {n}
        </Typography.Text>
      ))}
      <Typography.Text type="secondary" title={row.findings.map((f) => f.message).join('\n')}>
        {row.findings.length === 0
          ? t('import.findings.none')
          : t('import.findings', { errors: errors.length, warnings: row.findings.length - errors.length })}
      </Typography.Text>
    </div>
  )
}
