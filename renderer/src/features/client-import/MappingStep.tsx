import { Alert, Select, Table, Typography } from 'antd'
import type { ClientImportFile } from '../../../../core/api'
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  mappingProblems,
  REQUIRED_FIELDS,
  type ColumnMapping,
  type ImportField,
} from '../../../../core/client-import/fields'
import { useImportT } from './strings'

type Props = {
  file: ClientImportFile
  mapping: ColumnMapping
  onChange: (field: ImportField, column: number) => void
}

/** One line per field: which column of the sheet feeds it, and that column's first value. */
export function MappingStep({ file, mapping, onChange }: Props) {
  const t = useImportT()
  const problems = mappingProblems(mapping, file.headers)
  const options = [
    { value: -1, label: t('import.columns.none') },
    ...file.headers.map((h, i) => ({ value: i, label: `${i + 1}. ${h || '—'}` })),
  ]
  return (
    <div data-testid="import-mapping">
      <Typography.Paragraph type="secondary">
        {t('import.file.read', { name: file.fileName, rows: file.rowCount, encoding: file.encoding })} ·{' '}
        {t('import.columns.hint')}
      </Typography.Paragraph>
      {problems.map((p) => (
        <Alert key={p} type="error" showIcon message={p} style={{ marginBottom: 8 }} />
      ))}
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={IMPORT_FIELDS.map((field) => ({ field }))}
        columns={[
          {
            title: t('import.columns.field'),
            render: (_, { field }) =>
              `${IMPORT_FIELD_LABELS[field]}${REQUIRED_FIELDS.includes(field) ? ' *' : ''}`,
            width: 180,
          },
          {
            title: t('import.columns.column'),
            width: 240,
            render: (_, { field }) => (
              <Select
                value={mapping[field]}
                options={options}
                onChange={(v: number) => onChange(field, v)}
                style={{ width: 220 }}
                data-testid={`map-${field}`}
              />
            ),
          },
          {
            title: t('import.columns.sample'),
            render: (_, { field }) => (mapping[field] >= 0 ? (file.sample[0]?.[mapping[field]] ?? '') : ''),
          },
        ]}
      />
    </div>
  )
}
