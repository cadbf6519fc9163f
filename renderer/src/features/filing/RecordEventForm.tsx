import { Alert, App, Button, Checkbox, DatePicker, Input, Radio, Select, Space, TimePicker } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { FilingEventKind, InterviewMode } from '../../../../core/filing/events'
import { recordEvent, type FilingEventInput } from '../../../../core/filing/record'
import { localToday } from '../../../../core/packet/readiness'
import type { Workspace } from '../../../../core/model'
import { recordFilingEvent } from './filing-actions'
import { useFilingT } from './strings'

type Props = {
  workspace: Workspace
  ownerKind: 'subject' | 'site'
  ownerId: string
  /** The kinds the stage allows, with their labels, in order. */
  kinds: readonly { kind: FilingEventKind; label: string }[]
}

const OPERATOR_KEY = 'beian.filing.operator'
const DEFAULT_ORIGINALS = '营业执照原件\n负责人身份证原件\n网站安全负责人身份证原件'

function rememberedOperator(): string {
  try {
    return localStorage.getItem(OPERATOR_KEY) ?? ''
  } catch {
    return ''
  }
}

/** One event at a time: the kinds the current stage allows, checked by core as the user types. */
export function RecordEventForm({ workspace, ownerKind, ownerId, kinds }: Props) {
  const t = useFilingT()
  const { message } = App.useApp()
  const [kind, setKind] = useState<FilingEventKind | undefined>(kinds[0]?.kind)
  const [date, setDate] = useState<Dayjs>(dayjs())
  const [note, setNote] = useState('')
  const [operator, setOperator] = useState(rememberedOperator)
  const [mode, setMode] = useState<InterviewMode>('interview')
  const [interviewDate, setInterviewDate] = useState<Dayjs | null>(null)
  const [time, setTime] = useState<Dayjs | null>(null)
  const [place, setPlace] = useState('')
  const [originals, setOriginals] = useState(DEFAULT_ORIGINALS)
  const [assessment, setAssessment] = useState(false)
  const [filingNumber, setFilingNumber] = useState('')
  const [policeUnit, setPoliceUnit] = useState('')
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const current = kinds.some((k) => k.kind === kind) ? kind : kinds[0]?.kind

  if (!current) return <Alert type="info" showIcon message={t('filing.nothingAllowed')} />

  const input = (): FilingEventInput => ({
    ownerKind,
    ownerId,
    kind: current,
    date: date.format('YYYY-MM-DD'),
    note,
    operator,
    ...(current === 'interview'
      ? {
          interview: {
            mode,
            date: interviewDate ? interviewDate.format('YYYY-MM-DD') : '',
            time: time ? time.format('HH:mm') : '',
            place,
            originals: originals.split('\n'),
            securityAssessmentSubmitted: assessment,
          },
        }
      : {}),
    ...(current === 'filed' ? { approval: { filingNumber, policeUnit } } : {}),
  })

  const submit = async () => {
    const req = input()
    const check = recordEvent(workspace, req, {
      id: 'preview',
      now: new Date().toISOString(),
      today: localToday(),
    })
    if (!check.ok) {
      setErrors(check.errors)
      return
    }
    setErrors([])
    setBusy(true)
    const change = await recordFilingEvent(req)
    setBusy(false)
    if (!change) return
    try {
      localStorage.setItem(OPERATOR_KEY, operator.trim())
    } catch {
      // Remembering the operator is a convenience only.
    }
    void message.success(t('filing.recorded'))
    for (const w of change.warnings) void message.warning(w, 6)
    setNote('')
    setFilingNumber('')
    setPoliceUnit('')
  }

  return (
    <div className="filing-form" data-testid={`filing-form-${ownerKind}`}>
      <Space wrap align="start">
        <Select
          value={current}
          onChange={(k) => {
            setKind(k)
            setErrors([])
          }}
          options={kinds.map((k) => ({ value: k.kind, label: k.label }))}
          style={{ minWidth: 200 }}
          aria-label={t('filing.kind')}
          data-testid="filing-kind"
        />
        <DatePicker
          value={date}
          onChange={(d) => d && setDate(d)}
          allowClear={false}
          aria-label={t('filing.date')}
          data-testid="filing-date"
        />
        <Input
          value={operator}
          onChange={(e) => setOperator(e.target.value)}
          placeholder={t('filing.operator')}
          maxLength={60}
          style={{ width: 140 }}
          data-testid="filing-operator"
        />
      </Space>
      {current === 'interview' ? (
        <Space direction="vertical" style={{ display: 'flex', marginTop: 8 }}>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as InterviewMode)}>
            <Radio value="interview">{t('filing.interview.interview')}</Radio>
            <Radio value="inspection">{t('filing.interview.inspection')}</Radio>
          </Radio.Group>
          <Space wrap>
            <DatePicker
              value={interviewDate}
              onChange={setInterviewDate}
              placeholder={t('filing.interview.date')}
              data-testid="filing-interview-date"
            />
            <TimePicker
              value={time}
              onChange={setTime}
              format="HH:mm"
              minuteStep={5}
              placeholder={t('filing.interview.time')}
            />
            <Input
              value={place}
              onChange={(e) => setPlace(e.target.value)}
              placeholder={t('filing.interview.place')}
              style={{ width: 260 }}
              data-testid="filing-interview-place"
            />
          </Space>
          <Input.TextArea
            value={originals}
            onChange={(e) => setOriginals(e.target.value)}
            autoSize={{ minRows: 2 }}
            aria-label={t('filing.interview.originals')}
          />
          <Checkbox checked={assessment} onChange={(e) => setAssessment(e.target.checked)}>
            {t('filing.interview.assessment')}
          </Checkbox>
        </Space>
      ) : null}
      {current === 'filed' ? (
        <Space wrap style={{ marginTop: 8 }}>
          <Input
            value={filingNumber}
            onChange={(e) => setFilingNumber(e.target.value)}
            placeholder={t('filing.number')}
            style={{ width: 240 }}
            data-testid="filing-number"
          />
          <Input
            value={policeUnit}
            onChange={(e) => setPoliceUnit(e.target.value)}
            placeholder={t('filing.unit')}
            style={{ width: 260 }}
            data-testid="filing-unit"
          />
        </Space>
      ) : null}
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={current === 'returned' ? t('filing.note.returned') : t('filing.note')}
        maxLength={500}
        autoSize={{ minRows: 1 }}
        style={{ marginTop: 8 }}
        data-testid="filing-note"
      />
      {errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          message={errors.map((e) => (
            <div key={e}>{e}</div>
          ))}
          data-testid="filing-errors"
        />
      ) : null}
      <Button
        type="primary"
        onClick={() => void submit()}
        loading={busy}
        style={{ marginTop: 8 }}
        data-testid="filing-submit"
      >
        {t('filing.submit')}
      </Button>
    </div>
  )
}
