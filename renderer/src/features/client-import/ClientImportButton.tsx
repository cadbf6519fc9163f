import { ImportOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useState } from 'react'
import { ClientImportWizard } from './ClientImportWizard'
import { useImportT } from './strings'

/** Opens the client import wizard (mounted in the tree's action bar). */
export function ClientImportButton() {
  const t = useImportT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => setOpen(true)} data-testid="import-open">
        {t('import.open')}
      </Button>
      {open ? <ClientImportWizard open onClose={() => setOpen(false)} /> : null}
    </>
  )
}
