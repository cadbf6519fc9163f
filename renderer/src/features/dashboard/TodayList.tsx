import { List, Typography } from 'antd'
import type { TodayItem } from '../../../../core/filing/dashboard'
import { daysLeftText } from '../../../../core/filing/deadlines'
import { useFilingT } from '../filing/strings'
import { navigate } from '../workspace/store'

/** What is due today or overdue across every client, most urgent first. */
export function TodayList({ items }: { items: readonly TodayItem[] }) {
  const t = useFilingT()
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
      dataSource={items.slice(0, 200)}
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
