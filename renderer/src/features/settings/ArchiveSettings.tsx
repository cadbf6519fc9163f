import { Alert, Button, Divider, Form, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import type { AppError, ArchiveImportSummary, EncryptionStatus } from '../../../../core/api'
import { request } from '../../api'
import { ArchiveProgress } from './ArchiveProgress'
import { PassphraseFields, usePassphraseTwice } from './PassphraseTwice'
import { useArchiveT, type ArchiveT } from './archive-strings'
import { useArchiveProgress } from './useArchiveProgress'

const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(1)

function Failure({ error }: { error: AppError | null }) {
  return error ? <Alert type="error" showIcon title={error.message} data-testid="arc-error" /> : null
}

function ExportArchive({ status, t }: { status: EncryptionStatus; t: ArchiveT }) {
  const pass = usePassphraseTwice()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const progress = useArchiveProgress('export')
  const locked = status.encrypted && !status.unlocked
  const run = async () => {
    setBusy(true)
    setError(null)
    setDone(null)
    const result = await request('archive:export', { passphrase: pass.first, progressId: progress.begin() })
    progress.end()
    setBusy(false)
    if (!result.ok) return setError(result.error)
    if (!result.value) return // the save dialog was cancelled
    const v = result.value
    const text = t('arc.export.done', { path: v.path, files: v.files, mb: mb(v.bytes) })
    setDone(v.encrypted ? text : [text, t('arc.export.plain')].join(t('arc.sep')))
    pass.clear()
  }
  return (
    <Form layout="vertical" onFinish={() => void run()}>
      <Typography.Text strong>{t('arc.export.title')}</Typography.Text>
      {locked ? <Alert type="info" showIcon title={t('arc.export.locked')} /> : null}
      <PassphraseFields
        pass={pass}
        labels={{
          first: t('arc.pass.first'),
          second: t('arc.pass.second'),
          short: t('arc.pass.short'),
          mismatch: t('arc.pass.mismatch'),
        }}
        testIdPrefix="arc-pass"
      />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button htmlType="submit" loading={busy} disabled={locked || !pass.ready} data-testid="arc-export">
          {t('arc.export.button')}
        </Button>
        <ArchiveProgress operation="export" step={progress.step} t={t} />
        <Failure error={error} />
        {done ? <Alert type="success" showIcon title={done} data-testid="arc-export-done" /> : null}
      </Space>
    </Form>
  )
}

function importedText(v: ArchiveImportSummary, t: ArchiveT): string {
  return [
    t('arc.import.done', { files: v.files, mb: mb(v.bytes) }),
    t(`arc.unlock.${v.unlockWith}`),
    t(`arc.import.restart.${v.restart}`),
  ].join(t('arc.sep'))
}

function ImportArchive({ t }: { t: ArchiveT }) {
  const [passphrase, setPassphrase] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const progress = useArchiveProgress('import')
  const run = async () => {
    setBusy(true)
    setError(null)
    const result = await request('archive:import', { passphrase, progressId: progress.begin() })
    progress.end()
    setBusy(false)
    if (!result.ok) return setError(result.error)
    if (!result.value) return
    setPassphrase('')
    setDone(importedText(result.value, t))
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{t('arc.import.title')}</Typography.Text>
      <Typography.Text type="secondary">{t('arc.import.hint')}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input.Password
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          placeholder={t('arc.import.placeholder')}
          data-testid="arc-import-pass"
        />
        <Button
          loading={busy}
          disabled={passphrase === '' || done !== null}
          onClick={() => void run()}
          data-testid="arc-import"
        >
          {t('arc.import.button')}
        </Button>
      </Space.Compact>
      <ArchiveProgress operation="import" step={progress.step} t={t} />
      <Failure error={error} />
      {done ? <Alert type="success" showIcon title={done} data-testid="arc-import-done" /> : null}
    </Space>
  )
}

/** Settings → 数据加密 → 工作区迁移包: export the whole workspace, or import one into an empty workspace. */
export function ArchiveSettings({ status }: { status: EncryptionStatus }) {
  const t = useArchiveT()
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="archive-settings">
      <Divider style={{ margin: '4px 0' }} />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('arc.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('arc.what')}</Typography.Paragraph>
      <ExportArchive status={status} t={t} />
      <ImportArchive t={t} />
    </Space>
  )
}
