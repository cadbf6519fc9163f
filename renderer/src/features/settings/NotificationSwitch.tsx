import { Space, Switch, Tooltip, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { call } from '../../api'
import { useImportT } from '../client-import/strings'

/** The off switch of the daily due notification (Settings.dueNotifications; absent = on). */
export function NotificationSwitch() {
  const t = useImportT()
  const [on, setOn] = useState<boolean | null>(null)
  useEffect(() => {
    let live = true
    void call('settings:get').then((s) => live && s && setOn(s.dueNotifications !== false))
    return () => {
      live = false
    }
  }, [])
  const change = async (next: boolean) => {
    setOn(next)
    const saved = await call('settings:set', { dueNotifications: next })
    if (!saved) setOn(!next)
  }
  return (
    <Tooltip title={t('settings.notifications.hint')}>
      <Space size={6}>
        <Switch
          size="small"
          checked={on ?? true}
          loading={on === null}
          onChange={(v) => void change(v)}
          data-testid="due-notifications"
        />
        <Typography.Text>{t('settings.notifications')}</Typography.Text>
      </Space>
    </Tooltip>
  )
}
