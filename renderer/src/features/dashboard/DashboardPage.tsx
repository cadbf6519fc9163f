import { Alert, Empty, Input, Segmented, Select, Space, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import type { RowFilter } from '../../../../core/filing/dashboard'
import { SITE_STAGE_LABELS, SITE_STAGES, type SiteStage } from '../../../../core/filing/stages'
import type { Workspace } from '../../../../core/model'
import { PageHeader } from '../../components/PageHeader'
import { DashboardExportButton } from '../client-import/DashboardExportButton'
import { HolidaySettings } from '../filing/HolidaySettings'
import { NotificationSwitch } from '../settings/NotificationSwitch'
import { RetentionNotice } from '../settings/RetentionNotice'
import { useFilingT } from '../filing/strings'
import { navigate } from '../workspace/store'
import { BulkPacketExport } from '../packet-batch/BulkPacketExport'
import { BulkRecord } from './BulkRecord'
import { deskColumns } from './columns'
import { StageCounts } from './StageCounts'
import { TodayList } from './TodayList'
import { useDashboardRows } from './useDashboardRows'

type Due = 'all' | 'overdue' | 'week'

/** The filing desk: every site of every subject in one virtual table, most urgent first. */
export function DashboardPage({ workspace }: { workspace: Workspace }) {
  const t = useFilingT()
  const [query, setQuery] = useState('')
  const [stages, setStages] = useState<SiteStage[]>([])
  const [subjectIds, setSubjectIds] = useState<string[]>([])
  const [due, setDue] = useState<Due>('all')
  const [selected, setSelected] = useState<string[]>([])
  const filter = useMemo<RowFilter>(
    () => ({ query, stages, subjectIds, due: due === 'all' ? undefined : due }),
    [query, stages, subjectIds, due],
  )
  const { rows, shown, counts, todayItems } = useDashboardRows(workspace, filter)
  const columns = useMemo(() => deskColumns(t), [t])
  const uncovered = useMemo(
    () => [...new Set(rows.flatMap((r) => r.deadlines.flatMap((d) => d.uncoveredYears)))].sort(),
    [rows],
  )
  const clients = useMemo(
    () => workspace.subjects.map((s) => ({ value: s.id, label: s.name || s.id })),
    [workspace.subjects],
  )
  const toggleStage = (stage: SiteStage) =>
    setStages((list) => (list.includes(stage) ? list.filter((s) => s !== stage) : [...list, stage]))

  return (
    <div className="page desk-page" data-testid="dashboard">
      <PageHeader title={t('desk.title')} subtitle={t('desk.subtitle')} actions={<HolidaySettings />} />
      {uncovered.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('calendar.uncovered', { years: uncovered.join('、') })}
        />
      ) : null}
      <RetentionNotice refreshKey={workspace} />
      <TodayList items={todayItems} />
      <StageCounts counts={counts} active={stages} onToggle={toggleStage} />
      <Space wrap className="desk-filters" style={{ margin: '12px 0' }}>
        <Input.Search
          allowClear
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('desk.search')}
          style={{ width: 470 }}
          data-testid="desk-search"
        />
        <Select
          mode="multiple"
          allowClear
          value={stages}
          onChange={setStages}
          placeholder={t('desk.stage')}
          options={SITE_STAGES.map((s) => ({ value: s, label: SITE_STAGE_LABELS[s] }))}
          style={{ minWidth: 180 }}
          data-testid="desk-stage"
        />
        <Select
          mode="multiple"
          allowClear
          showSearch
          optionFilterProp="label"
          value={subjectIds}
          onChange={setSubjectIds}
          placeholder={t('desk.client')}
          options={clients}
          style={{ minWidth: 200 }}
          data-testid="desk-client"
        />
        <Segmented<Due>
          value={due}
          onChange={setDue}
          options={[
            { value: 'all', label: t('desk.due.all') },
            { value: 'overdue', label: t('desk.due.overdue') },
            { value: 'week', label: t('desk.due.week') },
          ]}
          data-testid="desk-due"
        />
        <Typography.Text type="secondary" data-testid="desk-count">
          {t('desk.count', { shown: shown.length, total: rows.length })}
        </Typography.Text>
        <DashboardExportButton siteIds={shown.map((r) => r.siteId)} />
        <NotificationSwitch />
      </Space>
      {selected.length > 0 ? (
        <BulkRecord siteIds={selected} sites={workspace.sites} onDone={() => setSelected([])} />
      ) : null}
      {selected.length > 0 ? <BulkPacketExport siteIds={selected} /> : null}
      <Table
        virtual
        size="small"
        rowKey="siteId"
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 1540, y: 560 }}
        locale={{
          emptyText: <Empty description={rows.length === 0 ? t('desk.empty') : t('desk.noMatch')} />,
        }}
        onRow={(r) => ({
          onClick: (e) => {
            // A click on the row's checkbox selects it; anywhere else opens the site.
            if (e.target instanceof Element && e.target.closest('.ant-table-selection-column')) return
            void navigate({ kind: 'site', id: r.siteId })
          },
          style: { cursor: 'pointer' },
          'data-testid': 'desk-row',
        })}
        data-testid="desk-table"
      />
    </div>
  )
}
