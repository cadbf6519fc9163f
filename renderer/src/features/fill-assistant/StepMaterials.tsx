import { FolderOpenOutlined } from '@ant-design/icons'
import { Button, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { ExportSummary } from '../../../../core/api'
import type { UploadItem } from '../../../../core/packet/upload-checklist'
import { api } from '../../api'
import type { FillT } from './strings'

const STATE_COLOUR = { ready: 'green', advisory: 'gold', blocked: 'red', missing: 'red' } as const

type Props = { stepKey: string; items: readonly UploadItem[]; exported?: ExportSummary; t: FillT }

/**
 * The materials uploaded on one portal page: each with its state and, after an export, the
 * file's location, and 打开所在文件夹 (main reveals only the packet just exported and its materials).
 */
export function StepMaterials({ stepKey, items, exported, t }: Props) {
  const [failed, setFailed] = useState(false)
  if (items.length === 0) return null
  // A folder export: this step's folder, with its first file selected; a zip: the zip.
  const revealPath =
    exported?.format === 'folder'
      ? (items.find((i) => i.location)?.location ?? exported.target)
      : exported?.target
  const reveal = async () => {
    if (!revealPath) return
    setFailed(!(await api.showItemInFolder(revealPath)))
  }
  return (
    <div className="fill-materials" data-testid={`fill-materials-${stepKey}`}>
      <Typography.Text strong>{t('fill.materials')}</Typography.Text>
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.slot} data-testid={`fill-material-${item.slot}`}>
            <span className="fill-material-label">{item.label}</span>
            <Tag color={STATE_COLOUR[item.state]}>{t(`fill.state.${item.state}`)}</Tag>
            {item.location && (
              <div className="fill-path mono" data-testid={`fill-material-${item.slot}-path`}>
                {exported?.format === 'zip'
                  ? `${item.location} › ${item.file ?? ''} ${t('fill.inZip')}`
                  : item.location}
              </div>
            )}
          </li>
        ))}
      </ul>
      {exported ? (
        <Button
          size="small"
          icon={<FolderOpenOutlined />}
          onClick={() => void reveal()}
          data-testid={`fill-reveal-${stepKey}`}
        >
          {t('fill.reveal')}
        </Button>
      ) : (
        <Typography.Text type="secondary" data-testid={`fill-not-exported-${stepKey}`}>
          {t('fill.notExported')}
        </Typography.Text>
      )}
      {failed && exported && (
        <Typography.Text type="warning" className="fill-reveal-failed">
          {t('fill.revealFailed', { path: revealPath ?? exported.target })}
        </Typography.Text>
      )}
    </div>
  )
}
