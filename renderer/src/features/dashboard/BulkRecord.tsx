import { Alert, Button, DatePicker, Input, Select, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { SITE_EVENT_LABELS, type SiteEventKind } from '../../../../core/filing/stages'
import type { Site } from '../../../../core/model'
import { recordForSites, type BulkOutcome } from '../filing/bulk-record'
import { useFilingT } from '../filing/strings'

/** Kinds that need nothing per site (an interview notice or a number differ for each site). */
const BULK_KINDS: readonly SiteEventKind[] = [
  'submitted',
  'reviewing',
  'returned',
  'badged',
  'change',
  'cancelled',
]

type Props = { siteIds: readonly string[]; sites: readonly Site[]; onDone: () => void }

/** One event for every selected row (e.g. 已提交 for ten sites); main checks each one. */
export function BulkRecord({ siteIds, sites, onDone }: Props) {
  const t = useFilingT()
  const [kind, setKind] = useState<SiteEventKind>('submitted')
  const [date, setDate] = useState<Dayjs>(dayjs())
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null)
  const nameOf = (id: string) => sites.find((s) => s.id === id)?.name || id
  const run = async () => {
    setBusy(true)
    const out = await recordForSites(siteIds, { kind, date: date.format('YYYY-MM-DD'), note })
    setBusy(false)
    setOutcome(out)
    if (out.refused.length === 0) onDone()
  }
  return (
    <div className="desk-bulk" data-testid="desk-bulk">
      <Space wrap>
        <Select
          value={kind}
          onChange={setKind}
          options={BULK_KINDS.map((k) => ({ value: k, label: SITE_EVENT_LABELS[k] }))}
          style={{ minWidth: 160 }}
          data-testid="bulk-kind"
        />
        <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} />
        <Input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={kind === 'returned' ? t('filing.note.returned') : t('filing.note')}
          style={{ width: 260 }}
        />
        <Button type="primary" loading={busy} onClick={() => void run()} data-testid="bulk-run">
          {t('desk.bulk.run', { n: siteIds.length })}
        </Button>
      </Space>
      {outcome ? (
        <Alert
          style={{ marginTop: 8 }}
          type={outcome.refused.length > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="bulk-outcome"
          message={t('desk.bulk.outcome', { recorded: outcome.recorded, refused: outcome.refused.length })}
          description={
            outcome.refused.length > 0 ? (
              <ul>
                {outcome.refused.map((r) => (
                  <li key={r.siteId}>
                    {nameOf(r.siteId)}：{r.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
    </div>
  )
}
