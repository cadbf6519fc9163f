import { ExportOutlined, FolderOpenOutlined } from '@ant-design/icons'
import { Alert, Button, Space, Table, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { ExportSummary } from '../../../../core/api'
import { api } from '../../api'
import { useT } from '../../i18n'
import { formatKb } from '../../shared/format'

/** The filing portal (公安部互联网站安全管理服务平台); main's external-links allow-list admits it. */
export const PORTAL_URL = 'https://beian.mps.gov.cn/'

/** 打开文件夹 and 打开备案平台: where the packet is, and where it goes next. */
function NextSteps({ target }: { target: string }) {
  const t = useT()
  const [failed, setFailed] = useState<'folder' | 'portal' | undefined>(undefined)
  const reveal = async () => setFailed((await api.showItemInFolder(target)) ? undefined : 'folder')
  const portal = async () => setFailed((await api.openExternal(PORTAL_URL)) ? undefined : 'portal')
  return (
    <div className="export-next">
      <Space wrap>
        <Button icon={<FolderOpenOutlined />} onClick={() => void reveal()} data-testid="export-reveal">
          {t('export.reveal')}
        </Button>
        <Button
          type="link"
          icon={<ExportOutlined />}
          onClick={() => void portal()}
          data-testid="export-portal"
        >
          {t('export.portal')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" className="export-next-hint">
        {t('export.nextHint')}
      </Typography.Paragraph>
      {failed && (
        <Alert
          type="warning"
          showIcon
          data-testid="export-next-failed"
          title={
            failed === 'folder'
              ? t('export.revealFailed', { target })
              : t('export.portalFailed', { url: PORTAL_URL })
          }
        />
      )}
    </div>
  )
}

/** What was written: the target and every file with its size, then the next steps. */
export function ExportResult({ summary }: { summary: ExportSummary }) {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.scrollIntoView?.({ behavior: 'smooth', block: 'nearest' })
  }, [summary])
  return (
    <div className="export-outcome" data-testid="export-result" ref={ref}>
      <Alert type="success" showIcon title={t('export.done', { target: summary.target })} />
      <NextSteps target={summary.target} />
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
