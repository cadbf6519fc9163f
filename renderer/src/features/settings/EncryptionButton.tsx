import { LockOutlined } from '@ant-design/icons'
import { Button, Drawer } from 'antd'
import { useState } from 'react'
import { EncryptionSettings } from './EncryptionSettings'
import { useEncryptionT } from './encryption-strings'

/** The header button that opens settings → 数据加密 in a drawer. */
export function EncryptionButton() {
  const t = useEncryptionT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button
        type="text"
        className="header-nav"
        icon={<LockOutlined />}
        onClick={() => setOpen(true)}
        data-testid="nav-encryption"
      >
        {t('enc.open')}
      </Button>
      <Drawer title={t('enc.title')} open={open} onClose={() => setOpen(false)} size={520} destroyOnHidden>
        {open ? <EncryptionSettings /> : null}
      </Drawer>
    </>
  )
}
