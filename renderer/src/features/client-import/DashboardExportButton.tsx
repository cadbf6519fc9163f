import { ExportOutlined } from '@ant-design/icons'
import { App, Button, Dropdown } from 'antd'
import type { TableFormat } from '../../../../core/api'
import { call } from '../../api'
import { useImportT } from './strings'

/** Exports the dashboard's rows as shown (filtered, in order) to CSV or XLSX through main's save dialog. */
export function DashboardExportButton({ siteIds }: { siteIds: readonly string[] }) {
  const t = useImportT()
  const { message } = App.useApp()
  const save = async (format: TableFormat) => {
    if (siteIds.length === 0) return void message.info(t('export.empty'))
    const path = await call('dashboard:export', { format, siteIds: [...siteIds] })
    if (path) void message.success(t('export.saved', { n: siteIds.length, path }))
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'csv', label: t('export.csv') },
          { key: 'xlsx', label: t('export.xlsx') },
        ],
        onClick: ({ key }) => void save(key === 'xlsx' ? 'xlsx' : 'csv'),
      }}
    >
      <Button icon={<ExportOutlined />} data-testid="desk-export">
        {t('export.button')}
      </Button>
    </Dropdown>
  )
}
