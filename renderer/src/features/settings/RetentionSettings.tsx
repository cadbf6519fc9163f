import { Select, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { RETENTION_DAY_CHOICES } from '../../../../core/filing/retention'
import { call } from '../../api'
import { RetentionNotice } from './RetentionNotice'
import { useRetentionT } from './retention-strings'

type Choice = 0 | (typeof RETENTION_DAY_CHOICES)[number]

/** 保留期限: off by default; turning it on shows at once what would be deleted. */
export function RetentionSettings() {
  const t = useRetentionT()
  const [days, setDays] = useState<number | null>(null)
  useEffect(() => {
    let live = true
    void call('settings:get').then((s) => live && s && setDays(s.retentionDays ?? 0))
    return () => {
      live = false
    }
  }, [])
  const choose = async (next: Choice) => {
    const saved = await call('settings:set', { retentionDays: next })
    if (saved) setDays(saved.retentionDays ?? 0)
  }
  const options = [0, ...RETENTION_DAY_CHOICES].map((d) => ({
    value: d as Choice,
    label: d === 0 ? t('ret.off') : t('ret.days', { n: d }),
  }))
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="retention-settings">
      <Typography.Text strong>{t('ret.title')}</Typography.Text>
      <Typography.Text type="secondary">{t('ret.hint')}</Typography.Text>
      <Select<Choice>
        value={(days ?? 0) as Choice}
        loading={days === null}
        options={options}
        onChange={(v) => void choose(v)}
        style={{ width: 200 }}
        data-testid="retention-days"
      />
      {days ? <RetentionNotice key={days} refreshKey={days} preview /> : null}
    </Space>
  )
}
