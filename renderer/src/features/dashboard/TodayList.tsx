import { Button, List, Typography } from 'antd'
import { useState } from 'react'
import type { TodayItem } from '../../../../core/filing/dashboard'
import { daysLeftText } from '../../../../core/filing/deadlines'
import { useFilingT } from '../filing/strings'
import { navigate } from '../workspace/store'

/** Drawn at first: the box shows about seven; an agency's hundreds wait for 显示其余. */
const FIRST_SHOWN = 20
const MOST_SHOWN = 200

/** What is due today or overdue across every client, most urgent first. */
export function TodayList({ items }: { items: readonly TodayItem[] }) {
  const t = useFilingT()
  const [all, setAll] = useState(false)
  const shown = items.slice(0, all ? MOST_SHOWN : FIRST_SHOWN)
  const rest = Math.min(items.length, MOST_SHOWN) - shown.length
  return (
    <List
      size="small"
      bordered
      header={
        <Typography.Text strong>
          {t('desk.today')}（{items.length}）
        </Typography.Text>
      }
      style={{ maxHeight: 260, overflowY: 'auto' }}
      locale={{ emptyText: t('desk.today.empty') }}
      dataSource={shown}
      footer={
        rest > 0 ? (
          <Button type="link" size="small" onClick={() => setAll(true)} data-testid="desk-today-more">
            {t('desk.today.more', { n: rest })}
          </Button>
        ) : undefined
      }
      data-testid="desk-today"
      renderItem={({ row, deadline }) => (
        <List.Item
          key={`${row.siteId}-${deadline.kind}`}
          className="desk-today-item"
          onClick={() => void navigate({ kind: 'site', id: row.siteId })}
          style={{ cursor: 'pointer' }}
        >
          <span>
            {row.client} · {row.site || row.domain} — {deadline.label} {deadline.date}
          </span>
          <Typography.Text type={deadline.overdue ? 'danger' : 'warning'} strong>
            {daysLeftText(deadline)}
          </Typography.Text>
        </List.Item>
      )}
    />
  )
}
