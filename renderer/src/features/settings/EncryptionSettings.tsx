import { Alert, Button, Descriptions, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { EncryptionStatus } from '../../../../core/api'
import { call } from '../../api'
import { loadWorkspace, useWorkspaceStore } from '../workspace/store'
import { ArchiveSettings } from './ArchiveSettings'
import { AutoLockSettings } from './AutoLockSettings'
import { RetentionSettings } from './RetentionSettings'
import { PassphraseFields, usePassphraseTwice } from './PassphraseTwice'
import { useEncryptionT, type EncryptionT } from './encryption-strings'

function StateTag({ status, t }: { status: EncryptionStatus; t: EncryptionT }) {
  if (!status.encrypted) return <Tag color="warning">{t('enc.state.off')}</Tag>
  if (!status.unlocked) return <Tag color="processing">{t('enc.state.locked')}</Tag>
  return <Tag color="success">{t('enc.state.on')}</Tag>
}

function protectionText(status: EncryptionStatus, t: EncryptionT): string {
  if (status.protection === 'keychain')
    return t('enc.protection.keychain', { backend: status.keychainBackend ?? '' })
  if (status.protection === 'passphrase') return t('enc.protection.passphrase')
  return t('enc.protection.none')
}

/** The passphrase (or recovery key) field and its button; `onDone` gets the unlocked status. */
export function UnlockForm({ onDone, t }: { onDone: (s: EncryptionStatus) => void; t: EncryptionT }) {
  const [secret, setSecret] = useState('')
  const [busy, setBusy] = useState(false)
  const unlock = async () => {
    setBusy(true)
    const next = await call('encryption:unlock', { secret })
    setBusy(false)
    if (next) {
      setSecret('')
      // The workspace was refused as locked (at start): it can be shown now.
      if (next.unlocked && useWorkspaceStore.getState().locked) void loadWorkspace()
      onDone(next)
    }
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{t('enc.unlock.title')}</Typography.Text>
      <Typography.Text type="secondary">{t('enc.unlock.hint')}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input.Password
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          onPressEnter={() => void unlock()}
          placeholder={t('enc.unlock.placeholder')}
          data-testid="enc-unlock-secret"
        />
        <Button
          type="primary"
          loading={busy}
          disabled={secret === ''}
          onClick={() => void unlock()}
          data-testid="enc-unlock"
        >
          {t('enc.unlock.button')}
        </Button>
      </Space.Compact>
    </Space>
  )
}

function PassphraseForm({
  status,
  onDone,
  t,
}: {
  status: EncryptionStatus
  onDone: (s: EncryptionStatus) => void
  t: EncryptionT
}) {
  const pass = usePassphraseTwice()
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const save = async () => {
    setBusy(true)
    const next = await call('encryption:setPassphrase', { passphrase: pass.first })
    setBusy(false)
    if (next) {
      pass.clear()
      setDone(true)
      onDone(next)
    }
  }
  return (
    <Form layout="vertical" onFinish={() => void save()}>
      <Typography.Text strong>
        {status.protection === 'passphrase' ? t('enc.pass.title.change') : t('enc.pass.title.set')}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {status.protection === 'keychain' ? `${t('enc.pass.hint.keychain')} ` : ''}
        {t('enc.pass.hint.new')}
      </Typography.Paragraph>
      <PassphraseFields
        pass={pass}
        labels={{
          first: t('enc.pass.first'),
          second: t('enc.pass.second'),
          short: t('enc.pass.short'),
          mismatch: t('enc.pass.mismatch'),
        }}
        testIdPrefix="enc-pass"
      />
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          disabled={!pass.ready}
          data-testid="enc-pass-save"
        >
          {t('enc.pass.button')}
        </Button>
        {done ? <Typography.Text type="success">{t('enc.pass.done')}</Typography.Text> : null}
      </Space>
    </Form>
  )
}

function RecoveryKey({ status, t }: { status: EncryptionStatus; t: EncryptionT }) {
  const [code, setCode] = useState<string | null>(null)
  const take = async (renew: boolean) => {
    const next = await call('encryption:recoveryCode', { renew })
    if (next) setCode(next)
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{t('enc.recovery.title')}</Typography.Text>
      {code ? (
        <Alert
          type="warning"
          showIcon
          title={t('enc.recovery.code')}
          description={
            <Space orientation="vertical">
              <Typography.Text code copyable className="recovery-code" data-testid="enc-recovery-code">
                {code}
              </Typography.Text>
              <Button size="small" onClick={() => window.print()}>
                {t('enc.recovery.print')}
              </Button>
            </Space>
          }
        />
      ) : status.recoveryPending ? (
        <Alert
          type="warning"
          showIcon
          title={t('enc.recovery.pending')}
          action={
            <Button type="primary" onClick={() => void take(false)} data-testid="enc-recovery-show">
              {t('enc.recovery.show')}
            </Button>
          }
        />
      ) : (
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('enc.recovery.saved')}</Typography.Text>
          <Popconfirm title={t('enc.recovery.renew.confirm')} onConfirm={() => void take(true)}>
            <Button data-testid="enc-recovery-renew">{t('enc.recovery.renew')}</Button>
          </Popconfirm>
        </Space>
      )}
    </Space>
  )
}

/** Settings → 数据加密: whether the workspace is encrypted, how its key is protected, passphrase, recovery key. */
export function EncryptionSettings() {
  const t = useEncryptionT()
  const [status, setStatus] = useState<EncryptionStatus | null>(null)
  useEffect(() => {
    let live = true
    void call('encryption:status').then((next) => live && next && setStatus(next))
    return () => {
      live = false
    }
  }, [])
  if (!status) return null
  const migrating = status.encrypted && status.unlocked && !status.materialsEncrypted
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="encryption-settings">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('enc.state')}>
          <StateTag status={status} t={t} />
        </Descriptions.Item>
        <Descriptions.Item label={t('enc.protection')}>
          <span data-testid="enc-protection">{protectionText(status, t)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('enc.what')}</Typography.Paragraph>
      {migrating ? <Alert type="info" showIcon title={t('enc.migrating')} /> : null}
      {!status.encrypted && !status.keychainAvailable ? (
        <Alert
          type="warning"
          showIcon
          title={t('enc.noKeychain', { backend: status.keychainBackend ?? 'basic_text' })}
        />
      ) : null}
      {status.encrypted && !status.unlocked ? <UnlockForm onDone={setStatus} t={t} /> : null}
      {!status.encrypted || status.unlocked ? (
        <PassphraseForm status={status} onDone={setStatus} t={t} />
      ) : null}
      {status.encrypted && status.unlocked ? <RecoveryKey status={status} t={t} /> : null}
      <AutoLockSettings status={status} onLocked={setStatus} t={t} />
      <RetentionSettings />
      <ArchiveSettings status={status} />
    </Space>
  )
}
