import { describe, expect, it } from 'vitest'
import { eventsByOwner, eventsOf, siteFilingState, subjectFilingState } from '../../../core/filing/history'
import { desk, filingNumber, inputFor, play, rec, SITE_PATHS, TODAY } from './fixtures'

describe('siteFilingState', () => {
  const d = desk({ interactive: true })
  const owner = { ownerKind: 'site' as const, ownerId: d.site.id }

  it('starts at 准备中 with nothing recorded', () => {
    expect(siteFilingState([])).toMatchObject({
      stage: 'preparing',
      lastEvent: null,
      filingNumber: null,
      submittedOn: null,
    })
  })

  it('keeps the return reason and the interview notice only while they are in force', () => {
    const returned = play(d.ws, owner, SITE_PATHS.returned)
    expect(siteFilingState(eventsOf(returned, owner)).returnReason).toBe('网站负责人手机号与实名不符')
    const resubmitted = play(returned, owner, [])
    const again = rec(resubmitted, inputFor(owner, 'submitted', TODAY))
    if (!again.ok) throw new Error(again.errors.join())
    const s = siteFilingState(eventsOf(again.workspace, owner))
    expect(s).toMatchObject({ stage: 'submitted', returnReason: null, submittedOn: TODAY })
    const interview = play(d.ws, owner, SITE_PATHS.interview)
    expect(siteFilingState(eventsOf(interview, owner)).interview).toMatchObject({
      mode: 'interview',
      time: '09:30',
    })
    expect(siteFilingState(eventsOf(play(d.ws, owner, SITE_PATHS.filed), owner)).interview).toBeNull()
  })

  it('the number’s date stays when a change keeps the number, and moves when it changes', () => {
    const filed = play(d.ws, owner, SITE_PATHS.changing)
    const first = siteFilingState(eventsOf(filed, owner))
    expect(first.filingNumber).toMatch(/^\d{14}$/)
    const same = rec(
      filed,
      inputFor(owner, 'filed', TODAY, {
        approval: { filingNumber: first.filingNumber!, policeUnit: '朝阳分局' },
      }),
    )
    if (!same.ok) throw new Error(same.errors.join())
    expect(siteFilingState(eventsOf(same.workspace, owner))).toMatchObject({
      filedOn: first.filedOn,
      policeUnit: '朝阳分局',
    })
    const moved = rec(
      filed,
      inputFor(owner, 'filed', TODAY, {
        approval: { filingNumber: filingNumber(77), policeUnit: '海淀分局' },
      }),
    )
    if (!moved.ok) throw new Error(moved.errors.join())
    expect(siteFilingState(eventsOf(moved.workspace, owner))).toMatchObject({
      filedOn: TODAY,
      filingNumber: filingNumber(77),
    })
  })
})

describe('grouping', () => {
  it('eventsByOwner matches eventsOf for every owner', () => {
    const d = desk()
    let ws = play(d.ws, { ownerKind: 'site', ownerId: d.site.id }, ['submitted', 'reviewing'])
    ws = play(ws, { ownerKind: 'subject', ownerId: d.subject.id }, ['submitted'])
    const map = eventsByOwner(ws)
    expect(map.get(`site:${d.site.id}`)).toEqual(eventsOf(ws, { ownerKind: 'site', ownerId: d.site.id }))
    expect(subjectFilingState(map.get(`subject:${d.subject.id}`) ?? []).stage).toBe('reviewing')
    expect(eventsByOwner({}).size).toBe(0)
  })
})
