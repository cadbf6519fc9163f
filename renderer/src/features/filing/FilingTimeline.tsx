import { Button, Empty, Popconfirm, Timeline, Typography } from 'antd'
import type { FilingEvent } from '../../../../core/filing/events'
import {
  isSiteEventKind,
  isSubjectEventKind,
  SITE_EVENT_LABELS,
  SUBJECT_EVENT_LABELS,
} from '../../../../core/filing/stages'
import { useFilingT } from './strings'

type Props = { events: readonly FilingEvent[]; onUndo: () => void; busy?: boolean; emptyText?: string }

export function eventLabel(e: Pick<FilingEvent, 'kind' | 'ownerKind'>): string {
  if (e.ownerKind === 'site' && isSiteEventKind(e.kind)) return SITE_EVENT_LABELS[e.kind]
  if (e.ownerKind === 'subject' && isSubjectEventKind(e.kind)) return SUBJECT_EVENT_LABELS[e.kind]
  return e.kind
}

function Details({ event }: { event: FilingEvent }) {
  const t = useFilingT()
  const lines: string[] = []
  if (event.interview) {
    const i = event.interview
    lines.push(
      `${t(i.mode === 'inspection' ? 'filing.interview.inspection' : 'filing.interview.interview')}：${i.date} ${i.time} ${i.place}`.trim(),
    )
    if (i.originals.length > 0)
      lines.push(`${t('filing.interview.originals').replace(/（.*）|\(.*\)/, '')}：${i.originals.join('、')}`)
  }
  if (event.approval)
    lines.push(`${t('filing.number')}：${event.approval.filingNumber} · ${event.approval.policeUnit}`)
  if (event.note) lines.push(event.note)
  return (
    <>
      {lines.map((line) => (
        <div key={line} className="filing-event-line">
          {line}
        </div>
      ))}
    </>
  )
}

/** The history, oldest first; the latest entry can be undone. */
export function FilingTimeline({ events, onUndo, busy, emptyText }: Props) {
  const t = useFilingT()
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('filing.history.empty')} />
  const items = events.map((e, index) => ({
    key: e.id,
    color:
      e.kind === 'returned'
        ? 'red'
        : e.kind === 'filed' || e.kind === 'badged' || e.kind === 'approved'
          ? 'green'
          : 'blue',
    children: (
      <div data-testid="filing-event">
        <Typography.Text strong>{eventLabel(e)}</Typography.Text>{' '}
        <Typography.Text type="secondary">{e.date}</Typography.Text>
        {e.operator ? <Typography.Text type="secondary"> · {e.operator}</Typography.Text> : null}
        <Details event={e} />
        {index === events.length - 1 ? (
          <Popconfirm title={t('filing.undo.confirm')} onConfirm={onUndo}>
            <Button size="small" type="link" danger loading={busy} data-testid="filing-undo">
              {t('filing.undo')}
            </Button>
          </Popconfirm>
        ) : null}
      </div>
    ),
  }))
  return <Timeline items={items} />
}
