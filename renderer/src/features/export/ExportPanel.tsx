import { FileZipOutlined, FolderOpenOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Space } from 'antd'
import { useMemo, useState } from 'react'
import type { AppError, ExportFormat, ExportSummary } from '../../../../core/api'
import type { Site, Subject, Workspace } from '../../../../core/model'
import {
  exportBlockingLines,
  materialBlockingLines,
  materialReadiness,
} from '../../../../core/packet/readiness'
import { packetName } from '../../../../core/site-context'
import { api } from '../../api'
import { useT } from '../../i18n'
import { useErrorText } from '../../i18n/errors'
import { DraftExport } from '../export-draft/DraftExport'
import { FillAssistant } from '../fill-assistant/FillAssistant'
import { rememberExport } from '../fill-assistant/last-export'
import { navigate, requestFocus } from '../workspace/store'
import { ExportResult } from './ExportResult'
import { FindingsList, type Located } from './FindingsList'
import { locatedFindings } from './located-findings'
import { MaterialsPrecheck } from './MaterialsPrecheck'

type Props = { site: Site; subject: Subject; workspace: Workspace; onEditSite: () => void }
type Outcome = { kind: 'done'; summary: ExportSummary } | { kind: 'refused'; error: AppError } | undefined

/** The save dialog's default name: the packet's own name from core, e.g. "示例网站-公安备案材料". */
export const suggestedExportName = (site: Site): string => packetName(site)

async function runExport(site: Site, format: ExportFormat): Promise<Outcome> {
  const target = await api.pickExportTarget(format, suggestedExportName(site))
  if (!target) return undefined
  const result = await api.exportPacket(site.id, format, target)
  return result.ok ? { kind: 'done', summary: result.value } : { kind: 'refused', error: result.error }
}

/** Main's refusal: only the lines the lists above do not already show. */
function Refused({ error, shownAbove }: { error: AppError; shownAbove: ReadonlySet<string> }) {
  const t = useT()
  const errorText = useErrorText()
  const news = (error.details ?? []).filter((line) => !shownAbove.has(line))
  const repeats = (error.details?.length ?? 0) > news.length
  return (
    <Alert
      type="error"
      showIcon
      className="export-outcome"
      data-testid="export-refused"
      title={errorText(error)}
      description={
        <div data-testid="export-missing">
          {repeats && <div>{t('export.refusedSeeAbove')}</div>}
          {news.length > 0 && (
            <ul className="plain-list">
              {news.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {!repeats && news.length === 0 && t('export.refused')}
        </div>
      }
    />
  )
}

/** 导出到文件夹 / 导出为 ZIP, with what is still missing shown before the user clicks. */
export function ExportPanel({ site, subject, workspace, onEditSite }: Props) {
  const t = useT()
  const [busy, setBusy] = useState<ExportFormat | undefined>(undefined)
  const [outcome, setOutcome] = useState<Outcome>(undefined)
  const readiness = useMemo(
    () => materialReadiness(subject, site, workspace.materials),
    [subject, site, workspace],
  )
  const findings = useMemo(() => locatedFindings(site, workspace), [site, workspace])
  const shownAbove = useMemo(
    () =>
      new Set([
        ...materialBlockingLines(readiness),
        ...exportBlockingLines(findings.map(({ where, ...f }) => ({ ...f, scope: where }))),
      ]),
    [readiness, findings],
  )
  const errors = findings.filter((f) => f.severity === 'error').length

  const openFinding = async (finding: Located) => {
    if (finding.where === 'site') onEditSite()
    else if (!(await navigate({ kind: 'subject', id: subject.id }))) return
    requestFocus(finding.where, finding.field ?? '')
  }

  const done = (summary: ExportSummary) => {
    rememberExport(site.id, summary)
    setOutcome({ kind: 'done', summary })
  }
  const start = async (format: ExportFormat) => {
    setBusy(format)
    const next = await runExport(site, format)
    setBusy(undefined)
    if (next?.kind === 'done') done(next.summary)
    else if (next) setOutcome(next)
  }

  return (
    <Card title={t('export.title')} className="form-card export-card">
      <MaterialsPrecheck readiness={readiness} />
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
              <FindingsList
                findings={findings}
                nature={subject.nature}
                onOpen={(finding) => void openFinding(finding)}
              />
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
        <FillAssistant site={site} subject={subject} workspace={workspace} />
      </Space>
      {outcome?.kind === 'done' && <ExportResult summary={outcome.summary} />}
      {outcome?.kind === 'refused' && (
        <>
          <Refused error={outcome.error} shownAbove={shownAbove} />
          {/* Missing or wrong items only: a changed or over-cap file is refused even as a draft. */}
          {outcome.error.code === 'packet/incomplete' && <DraftExport site={site} onDone={done} />}
        </>
      )}
    </Card>
  )
}
