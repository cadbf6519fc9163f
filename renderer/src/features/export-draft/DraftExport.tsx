import { FileZipOutlined, FolderOpenOutlined } from '@ant-design/icons'
import { Alert, Button, Space } from 'antd'
import { useState } from 'react'
import type { ExportFormat, ExportSummary } from '../../../../core/api'
import type { Site } from '../../../../core/model'
import { packetName } from '../../../../core/site-context'
import { api, request, showError } from '../../api'
import { useLanguage } from '../../i18n'

const TEXT = {
  'zh-CN': {
    hint: '还缺材料或有错误时，也可以先导出一份草稿（每个文件都标着“草稿”），用来核对或给客户看；正式提交前请补齐后重新导出。',
    folder: '仍然导出草稿（文件夹）',
    zip: '仍然导出草稿（ZIP）',
  },
  en: {
    hint: 'With materials missing or wrong you can still export a draft (every file marked 草稿) to check or show the client; complete it and export again before filing.',
    folder: 'Export a draft anyway (folder)',
    zip: 'Export a draft anyway (ZIP)',
  },
} as const

type Props = { site: Site; onDone: (summary: ExportSummary) => void }

/** Offered when main refuses an export: the same packet, forced, marked 草稿 on every page. */
export function DraftExport({ site, onDone }: Props) {
  const text = TEXT[useLanguage()]
  const [busy, setBusy] = useState<ExportFormat | undefined>(undefined)
  const start = async (format: ExportFormat) => {
    const target = await api.pickExportTarget(format, packetName(site, { draft: true }))
    if (!target) return
    setBusy(format)
    const result = await request('packet:export', { siteId: site.id, format, target, force: true })
    setBusy(undefined)
    if (result.ok) onDone(result.value)
    else showError(result.error)
  }
  return (
    <Alert
      type="info"
      className="export-draft"
      data-testid="export-draft"
      title={text.hint}
      description={
        <Space wrap>
          <Button
            icon={<FolderOpenOutlined />}
            loading={busy === 'folder'}
            disabled={busy !== undefined}
            onClick={() => void start('folder')}
            data-testid="export-draft-folder"
          >
            {text.folder}
          </Button>
          <Button
            icon={<FileZipOutlined />}
            loading={busy === 'zip'}
            disabled={busy !== undefined}
            onClick={() => void start('zip')}
            data-testid="export-draft-zip"
          >
            {text.zip}
          </Button>
        </Space>
      }
    />
  )
}
