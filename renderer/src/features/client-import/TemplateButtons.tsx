import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, Space } from 'antd'
import type { TableFormat } from '../../../../core/api'
import { call } from '../../api'
import { useImportT } from './strings'

/** Saves the import template (CSV with BOM, or XLSX) where the user chooses. */
export function TemplateButtons() {
  const t = useImportT()
  const { message } = App.useApp()
  const save = async (format: TableFormat) => {
    const path = await call('clientImport:template', { format })
    if (path) void message.success(t('import.template.saved', { path }))
  }
  return (
    <Space>
      <Button icon={<DownloadOutlined />} onClick={() => void save('csv')} data-testid="import-template-csv">
        {t('import.template.csv')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => void save('xlsx')}
        data-testid="import-template-xlsx"
      >
        {t('import.template.xlsx')}
      </Button>
    </Space>
  )
}
