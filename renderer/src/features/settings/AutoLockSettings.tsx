import { Button, Select, Space, Typography } from 'antd'
import type { EncryptionStatus } from '../../../../core/api'
import { AUTO_LOCK_CHOICES } from '../../../../core/limits'
import { call } from '../../api'
import { confirmDropEdits, hideLockedWorkspace } from '../workspace/store'
import type { EncryptionT } from './encryption-strings'
import { setAutoLockMinutes, useLockStore } from './lock-store'

type Props = { status: EncryptionStatus; onLocked: (s: EncryptionStatus) => void; t: EncryptionT }

/** Auto-lock after idle minutes, and 立即锁定: only a passphrase-protected workspace can lock. */
export function AutoLockSettings({ status, onLocked, t }: Props) {
  const minutes = useLockStore((s) => s.autoLockMinutes)
  if (status.protection !== 'passphrase' || !status.unlocked) return null
  const choose = async (next: number) => {
    const saved = await call('settings:set', { autoLockMinutes: next })
    if (saved) setAutoLockMinutes(saved.autoLockMinutes ?? 0)
  }
  const lockNow = async () => {
    // Locking hides the workspace: a form's unsaved edits would go, so ask first.
    if (!(await confirmDropEdits())) return
    const next = await call('encryption:lock')
    // The drawer then shows its own unlock form in place of these settings.
    if (next?.encrypted && !next.unlocked) hideLockedWorkspace()
    if (next) onLocked(next)
  }
  const options = AUTO_LOCK_CHOICES.map((m) => ({
    value: m,
    label: m === 0 ? t('enc.autolock.never') : t('enc.autolock.minutes', { n: String(m) }),
  }))
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="enc-autolock">
      <Typography.Text strong>{t('enc.autolock.title')}</Typography.Text>
      <Typography.Text type="secondary">{t('enc.autolock.hint')}</Typography.Text>
      <Space wrap>
        <Select
          value={minutes}
          options={options}
          onChange={(v) => void choose(v)}
          style={{ width: 180 }}
          data-testid="enc-autolock-minutes"
        />
        <Button onClick={() => void lockNow()} data-testid="enc-lock-now">
          {t('enc.autolock.now')}
        </Button>
      </Space>
    </Space>
  )
}
