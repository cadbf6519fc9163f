import { FileZipOutlined, FolderOpenOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Space } from 'antd'
import { useMemo, useState } from 'react'
import type { AppError, ExportFormat, ExportSummary } from '../../../../core/api'
import { missingSlots } from '../../../../core/materials/slots'
import type { Site, Subject, Workspace } from '../../../../core/model'
import { api } from '../../api'
import { useLanguage, useT } from '../../i18n'
import { navigate, requestFocus } from '../workspace/store'
import { ExportResult } from './ExportResult'
import { FindingsList, type Located } from './FindingsList'
import { locatedFindings } from './located-findings'

type Props = { site: Site; subject: Subject; workspace: Workspace; onEditSite: () => void }
type Outcome = { kind: 'done'; summary: ExportSummary } | { kind: 'refused'; error: AppError } | undefined

/** A file-system-safe default name, e.g. "示例网站-公安备案材料". */
export function suggestedExportName(site: Site): string {
  const base = (site.name || site.mainDomain || 'site').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60)
  return `${base}-公安备案材料`
}

async function runExport(site: Site, format: ExportFormat): Promise<Outcome> {
  const target = await api.pickExportTarget(format, suggestedExportName(site))
  if (!target) return undefined
  const result = await api.exportPacket(site.id, format, target)
  return result.ok ? { kind: 'done', summary: result.value } : { kind: 'refused', error: result.error }
}

/** 导出到文件夹 / 导出为 ZIP, with what is still missing shown before the user clicks. */
export function ExportPanel({ site, subject, workspace, onEditSite }: Props) {
  const t = useT()
  const language = useLanguage()
  const [busy, setBusy] = useState<ExportFormat | undefined>(undefined)
  const [outcome, setOutcome] = useState<Outcome>(undefined)
  const missing = missingSlots(subject, site, workspace.materials)
  const findings = useMemo(() => locatedFindings(subject, site, workspace), [subject, site, workspace])
  const errors = findings.filter((f) => f.severity === 'error').length
  const label = (key: (typeof missing)[number]) => (language === 'zh-CN' ? key.label : t(`slot.${key.key}`))

  const openFinding = async (finding: Located) => {
    if (finding.where === 'site') onEditSite()
    else if (!(await navigate({ kind: 'subject', id: subject.id }))) return
    requestFocus(finding.where, finding.field ?? '')
  }

  const start = async (format: ExportFormat) => {
    setBusy(format)
    const next = await runExport(site, format)
    setBusy(undefined)
    if (next) setOutcome(next)
  }

  return (
    <Card title={t('export.title')} className="form-card export-card">
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="export-precheck"
          data-testid="export-precheck"
          title={t('export.missingBefore')}
          description={
            <ul className="plain-list">
              {missing.map((slot) => (
                <li key={slot.key}>{label(slot)}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert
          type="success"
          showIcon
          className="export-precheck"
          data-testid="export-precheck"
          title={t('export.allReady')}
        />
      )}
      <Alert
        type={errors > 0 ? 'error' : findings.length > 0 ? 'warning' : 'success'}
        showIcon
        className="export-precheck"
        title={
          findings.length > 0
            ? t('export.checkTitle', { errors, warnings: findings.length - errors })
            : t('export.checkClean')
        }
        description={
          findings.length > 0 && (
            <>
              <div className="findings-hint">{t('export.checkHint')}</div>
              <FindingsList findings={findings} onOpen={(finding) => void openFinding(finding)} />
            </>
          )
        }
      />
      <Space className="export-buttons" wrap>
        <Button
          type="primary"
          icon={<FolderOpenOutlined />}
          loading={busy === 'folder'}
          disabled={busy !== undefined}
          onClick={() => void start('folder')}
          data-testid="export-folder"
        >
          {t('export.folder')}
        </Button>
        <Button
          icon={<FileZipOutlined />}
          loading={busy === 'zip'}
          disabled={busy !== undefined}
          onClick={() => void start('zip')}
          data-testid="export-zip"
        >
          {t('export.zip')}
        </Button>
      </Space>
      {outcome?.kind === 'done' && <ExportResult summary={outcome.summary} />}
      {outcome?.kind === 'refused' && (
        <Alert
          type="error"
          showIcon
          className="export-outcome"
          title={outcome.error.message}
          description={
            outcome.error.details?.length ? (
              <ul className="plain-list" data-testid="export-missing">
                {outcome.error.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : (
              <div data-testid="export-missing">{t('export.refused')}</div>
            )
          }
        />
      )}
    </Card>
  )
}
