import { DashboardOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useFilingT } from '../filing/strings'
import { navigate, useWorkspaceStore } from '../workspace/store'

/** Opens the filing desk (mounted in the tree's action bar). */
export function DashboardNavButton() {
  const t = useFilingT()
  const active = useWorkspaceStore((s) => s.selection.kind === 'dashboard')
  return (
    <Button
      type={active ? 'primary' : 'default'}
      ghost={active}
      icon={<DashboardOutlined />}
      onClick={() => void navigate({ kind: 'dashboard' })}
      data-testid="nav-dashboard"
    >
      {t('desk.nav')}
    </Button>
  )
}
