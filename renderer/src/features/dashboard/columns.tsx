import { Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { compareUrgency, type SiteRow } from '../../../../core/filing/dashboard'
import { daysLeftText } from '../../../../core/filing/deadlines'
import { SITE_STAGES } from '../../../../core/filing/stages'
import type { FilingT } from '../filing/strings'
import { StageTag } from '../filing/StageTag'

export function deskColumns(t: FilingT): ColumnsType<SiteRow> {
  return [
    {
      key: 'client',
      title: t('desk.col.client'),
      dataIndex: 'client',
      // The column an agency scans first: wide enough for a usual 有限公司 name.
      width: 190,
      ellipsis: true,
      sorter: (a, b) => a.client.localeCompare(b.client, 'zh-CN'),
    },
    {
      key: 'site',
      title: t('desk.col.site'),
      dataIndex: 'site',
      width: 140,
      ellipsis: true,
      sorter: (a, b) => a.site.localeCompare(b.site, 'zh-CN'),
    },
    {
      key: 'stage',
      title: t('desk.col.stage'),
      width: 120,
      render: (_, r) => <StageTag stage={r.stage} />,
      sorter: (a, b) => SITE_STAGES.indexOf(a.stage) - SITE_STAGES.indexOf(b.stage),
    },
    {
      key: 'days',
      title: t('desk.col.days'),
      sorter: compareUrgency,
      width: 124, // "已逾期 15 天" on one line beside the sort arrows
      render: (_, r) =>
        r.next ? (
          <Typography.Text
            type={
              r.next.overdue
                ? 'danger'
                : r.urgency === 'today' || r.urgency === 'week'
                  ? 'warning'
                  : undefined
            }
            strong={r.next.overdue}
          >
            {daysLeftText(r.next)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'next',
      title: t('desk.col.next'),
      width: 210,
      ellipsis: true,
      render: (_, r) => (r.next ? `${r.next.label} ${r.next.date}` : '—'),
    },
    {
      key: 'domain',
      title: t('desk.col.domain'),
      dataIndex: 'domain',
      width: 170,
      ellipsis: true,
      className: 'mono',
    },
    { key: 'icp', title: t('desk.col.icp'), dataIndex: 'icpNumber', width: 160, ellipsis: true },
    {
      key: 'materials',
      title: t('desk.col.materials'),
      width: 80,
      render: (_, r) => (r.readiness ? `${r.readiness.materialsReady}/${r.readiness.materialsTotal}` : '…'),
    },
    {
      key: 'findings',
      title: t('desk.col.findings'),
      width: 130,
      render: (_, r) =>
        r.readiness ? (
          <Typography.Text type={r.readiness.errors > 0 ? 'danger' : undefined}>
            {t('desk.findings', { errors: r.readiness.errors, warnings: r.readiness.warnings })}
          </Typography.Text>
        ) : (
          '…'
        ),
    },
    { key: 'last', title: t('desk.col.last'), dataIndex: 'lastEventLabel', width: 170, ellipsis: true },
  ]
}
