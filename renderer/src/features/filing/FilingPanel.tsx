import { Alert, Card, Descriptions, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { Site, Subject, Workspace } from '../../../../core/model'
import { daysLeftText, nextDeadline, siteDeadlines } from '../../../../core/filing/deadlines'
import { eventsOf, siteFilingState, subjectFilingState } from '../../../../core/filing/history'
import {
  SITE_EVENT_LABELS,
  SITE_STAGE_LABELS,
  SITE_TRANSITIONS,
  SUBJECT_EVENT_LABELS,
  SUBJECT_STAGE_LABELS,
  SUBJECT_TRANSITIONS,
} from '../../../../core/filing/stages'
import { localToday } from '../../../../core/packet/readiness'
import { BadgePreview } from './BadgePreview'
import { undoFilingEvent } from './filing-actions'
import { FilingTimeline } from './FilingTimeline'
import { RecordEventForm } from './RecordEventForm'
import { StageTag } from './StageTag'
import { useFilingT } from './strings'
import { useWorkCalendar } from './useWorkCalendar'

type Props = { site: Site; subject: Subject; workspace: Workspace }

/** One site's filing: stage, next deadline, history with undo, the record form and the badge. */
export function FilingPanel({ site, subject, workspace }: Props) {
  const t = useFilingT()
  const cal = useWorkCalendar()
  const [busy, setBusy] = useState(false)
  const owner = { ownerKind: 'site' as const, ownerId: site.id }
  const state = siteFilingState(eventsOf(workspace, owner))
  const subjectOwner = { ownerKind: 'subject' as const, ownerId: subject.id }
  const subjectState = subjectFilingState(eventsOf(workspace, subjectOwner))
  const deadlines = siteDeadlines(site, state, localToday(), cal)
  const next = nextDeadline(deadlines)
  const uncovered = [...new Set(deadlines.flatMap((d) => d.uncoveredYears))]
  const siteKinds = SITE_TRANSITIONS[state.stage]
    .filter((k) => k !== 'interview' || site.interactive)
    .map((kind) => ({ kind, label: SITE_EVENT_LABELS[kind] }))
  const subjectKinds = SUBJECT_TRANSITIONS[subjectState.stage].map((kind) => ({
    kind,
    label: SUBJECT_EVENT_LABELS[kind],
  }))
  const undo = async (which: typeof owner | typeof subjectOwner) => {
    setBusy(true)
    await undoFilingEvent(which)
    setBusy(false)
  }
  return (
    <div className="filing-panel" data-testid="filing-panel">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('filing.stage')}>
          <StageTag stage={state.stage} />
          {state.returnReason ? <Typography.Text type="danger"> {state.returnReason}</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('filing.next')}>
          {next ? (
            <span data-testid="filing-next">
              {next.label} · {next.date} ·{' '}
              <Typography.Text type={next.overdue ? 'danger' : undefined} strong={next.overdue}>
                {daysLeftText(next)}
              </Typography.Text>
              {next.detail ? <div className="filing-event-line">{next.detail}</div> : null}
            </span>
          ) : (
            t('filing.none')
          )}
        </Descriptions.Item>
        {state.filingNumber ? (
          <Descriptions.Item label={t('filing.number')}>
            <span className="mono">{state.filingNumber}</span> · {state.policeUnit} · {state.filedOn}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('filing.subject.stage')}>
          <Tag>{SUBJECT_STAGE_LABELS[subjectState.stage]}</Tag>
        </Descriptions.Item>
      </Descriptions>
      {uncovered.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={t('calendar.uncovered', { years: uncovered.join('、') })}
        />
      ) : null}
      <Card size="small" title={t('filing.history')} style={{ marginTop: 12 }}>
        <FilingTimeline events={state.events} onUndo={() => void undo(owner)} busy={busy} />
      </Card>
      <Card
        size="small"
        title={`${t('filing.record')} · ${SITE_STAGE_LABELS[state.stage]}`}
        style={{ marginTop: 12 }}
      >
        <RecordEventForm
          key={`site-${state.events.length}`}
          workspace={workspace}
          ownerKind="site"
          ownerId={site.id}
          kinds={siteKinds}
        />
      </Card>
      {state.filingNumber ? (
        <Card size="small" style={{ marginTop: 12 }}>
          <BadgePreview filingNumber={state.filingNumber} />
        </Card>
      ) : null}
      <Card
        size="small"
        title={`${t('filing.subject')}：${subject.name} · ${SUBJECT_STAGE_LABELS[subjectState.stage]}`}
        style={{ marginTop: 12 }}
      >
        <FilingTimeline
          events={subjectState.events}
          onUndo={() => void undo(subjectOwner)}
          busy={busy}
          emptyText={t('filing.subject.empty')}
        />
        <RecordEventForm
          key={`subject-${subjectState.events.length}`}
          workspace={workspace}
          ownerKind="subject"
          ownerId={subject.id}
          kinds={subjectKinds}
        />
      </Card>
    </div>
  )
}

function FilingTabLabel() {
  const t = useFilingT()
  return <span data-testid="tab-filing">{t('filing.tab')}</span>
}

/** The site page's tab (SitePage mounts it with one line in its Tabs items). */
export function filingTab(props: Props) {
  return { key: 'filing', label: <FilingTabLabel />, children: <FilingPanel {...props} /> }
}
