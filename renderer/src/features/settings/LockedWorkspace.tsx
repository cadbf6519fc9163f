import { Button, Space, Typography } from 'antd'
import { StartupUnlock } from './StartupUnlock'
import { useEncryptionT } from './encryption-strings'
import { askToUnlock } from './lock-store'

/**
 * In place of the workspace while main refuses it as locked (an encrypted workspace before its
 * passphrase is typed): says so and offers the unlock prompt again after 稍后解锁.
 */
export function LockedWorkspace() {
  const t = useEncryptionT()
  return (
    <div className="full-screen-center" data-testid="workspace-locked">
      <StartupUnlock />
      <Space orientation="vertical" align="center">
        <Typography.Text>{t('enc.locked.body')}</Typography.Text>
        <Button type="primary" onClick={askToUnlock} data-testid="workspace-unlock">
          {t('enc.locked.unlock')}
        </Button>
      </Space>
    </div>
  )
}
