import { App as AntApp, Button, Modal, Typography } from 'antd'
import { useEffect } from 'react'
import { call } from '../../api'
import { loadWorkspace } from '../workspace/store'
import { UnlockForm } from './EncryptionSettings'
import { useEncryptionT } from './encryption-strings'
import { askToUnlock, closeUnlockPrompt, useLockStore } from './lock-store'

/**
 * Asked once per page: a later mount (the locked screen after 立即锁定, whose drawer has its own
 * unlock form) does not put the prompt over it; the auto-lock asks by itself.
 */
let checkedAtStart = false

/**
 * At start, a workspace whose key is protected by a passphrase is locked: asks for it once; the
 * auto-lock asks again. Skippable, but the workspace stays hidden until unlocked (its store is
 * sealed: main refuses it as locked, see LockedWorkspace); the drawer's unlock form stays
 * available. A keychain-protected workspace unlocks by itself in main.
 */
export function StartupUnlock() {
  const t = useEncryptionT()
  const { message } = AntApp.useApp()
  const open = useLockStore((s) => s.promptOpen)
  useEffect(() => {
    if (checkedAtStart) return
    let alive = true
    void call('encryption:status').then((status) => {
      if (!alive) return
      checkedAtStart = true
      if (status?.encrypted && !status.unlocked) askToUnlock()
    })
    return () => {
      alive = false
    }
  }, [])
  const unlocked = async () => {
    closeUnlockPrompt()
    void message.success(t('enc.unlock.done'))
    // Previews and warnings of material files were refused while locked: read them again.
    await loadWorkspace()
  }
  return (
    <Modal
      open={open}
      title={t('enc.startup.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button onClick={closeUnlockPrompt} data-testid="startup-unlock-later">
          {t('enc.startup.later')}
        </Button>
      }
      data-testid="startup-unlock"
    >
      <Typography.Paragraph>{t('enc.startup.body')}</Typography.Paragraph>
      <UnlockForm onDone={(status) => status.unlocked && void unlocked()} t={t} />
    </Modal>
  )
}
