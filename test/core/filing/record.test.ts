import { describe, expect, it } from 'vitest'
import { FILING_EVENT_KINDS } from '../../../core/filing/events'
import { eventsOf } from '../../../core/filing/history'
import { pruneOrphanEvents, recordEvent, undoLastEvent } from '../../../core/filing/record'
import {
  isSiteEventKind,
  isSubjectEventKind,
  SITE_STAGES,
  SITE_TARGET,
  SITE_TRANSITIONS,
  siteRefusal,
  siteStageOf,
  SUBJECT_STAGES,
  SUBJECT_TARGET,
  SUBJECT_TRANSITIONS,
  subjectRefusal,
  subjectStageOf,
} from '../../../core/filing/stages'
import { addDays } from '../../../core/validation/dates'
import { makeSite } from '../../support/factories'
import {
  desk,
  filingNumber,
  FIRST_DAY,
  inputFor,
  kindsOf,
  play,
  rec,
  SITE_PATHS,
  SUBJECT_PATHS,
  TODAY,
} from './fixtures'

const site = (id: string) => ({ ownerKind: 'site' as const, ownerId: id })
const subj = (id: string) => ({ ownerKind: 'subject' as const, ownerId: id })

describe('recording site events: every stage × every event kind', () => {
  for (const stage of SITE_STAGES) {
    for (const kind of FILING_EVENT_KINDS) {
      it(`${stage} + ${kind}`, () => {
        const d = desk({ interactive: true })
        const ws = play(d.ws, site(d.site.id), SITE_PATHS[stage])
        expect(siteStageOf(kindsOf(ws, d.site.id))).toBe(stage)
        const out = rec(ws, inputFor(site(d.site.id), kind, addDays(FIRST_DAY, 20)))
        if (!isSiteEventKind(kind)) {
          expect(out).toEqual({ ok: false, errors: [expect.stringContaining('这是开办主体的事件')] })
        } else if (!SITE_TRANSITIONS[stage].includes(kind)) {
          expect(out).toEqual({ ok: false, errors: [siteRefusal(stage, kind)] })
        } else {
          if (!out.ok) throw new Error(out.errors.join(' '))
          expect(siteStageOf(kindsOf(out.workspace, d.site.id))).toBe(SITE_TARGET[kind])
          expect(out.event).toMatchObject({ kind, operator: '王经办', ownerId: d.site.id })
          expect(ws.filingEvents ?? []).toHaveLength(SITE_PATHS[stage].length) // the input is not mutated
        }
      })
    }
  }

  it('refuses 面审 for a non-interactive site in every stage that would allow it, and says how to fix', () => {
    for (const stage of SITE_STAGES.filter((s) => SITE_TRANSITIONS[s].includes('interview'))) {
      const d = desk({ interactive: true })
      const ws = play(d.ws, site(d.site.id), SITE_PATHS[stage])
      const flat = { ...ws, sites: ws.sites.map((s) => ({ ...s, interactive: false })) }
      const out = rec(flat, inputFor(site(d.site.id), 'interview', addDays(FIRST_DAY, 20)))
      expect(out.ok).toBe(false)
      if (!out.ok) expect(out.errors[0]).toContain('“交互式”')
    }
  })
})

describe('recording subject events: every stage × every event kind', () => {
  for (const stage of SUBJECT_STAGES) {
    for (const kind of FILING_EVENT_KINDS) {
      it(`${stage} + ${kind}`, () => {
        const d = desk()
        const ws = play(d.ws, subj(d.subject.id), SUBJECT_PATHS[stage])
        const out = rec(ws, inputFor(subj(d.subject.id), kind, addDays(FIRST_DAY, 20)))
        if (!isSubjectEventKind(kind)) {
          expect(out).toEqual({ ok: false, errors: [expect.stringContaining('这是网站的事件')] })
        } else if (!SUBJECT_TRANSITIONS[stage].includes(kind)) {
          expect(out).toEqual({ ok: false, errors: [subjectRefusal(stage, kind)] })
        } else {
          if (!out.ok) throw new Error(out.errors.join(' '))
          expect(subjectStageOf(kindsOf(out.workspace, d.subject.id))).toBe(SUBJECT_TARGET[kind])
        }
      })
    }
  }
})

describe('dates, notes and details', () => {
  const d = desk({ interactive: true })
  const submitted = play(d.ws, site(d.site.id), ['submitted'])

  it.each([
    ['2026-13-01', '无效'],
    ['2026/11/05', '无效'],
    ['', '无效'],
    ['2026-12-08', '晚于今天'],
    ['2026-11-01', '早于上一条记录'],
  ])('refuses the date %j (%s)', (date, why) => {
    const out = rec(submitted, inputFor(site(d.site.id), 'reviewing', date))
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.errors.join()).toContain(why)
  })

  it('accepts the same day as the previous event, and today', () => {
    expect(rec(submitted, inputFor(site(d.site.id), 'reviewing', FIRST_DAY)).ok).toBe(true)
    expect(rec(submitted, inputFor(site(d.site.id), 'reviewing', TODAY)).ok).toBe(true)
  })

  it('requires the reason of a return, and trims note and operator', () => {
    const bare = rec(submitted, inputFor(site(d.site.id), 'returned', TODAY, { note: '  ' }))
    expect(bare).toEqual({ ok: false, errors: [expect.stringContaining('退回原因')] })
    const out = rec(
      submitted,
      inputFor(site(d.site.id), 'returned', TODAY, { note: ' 域名证书不清晰 ', operator: ' 小王 ' }),
    )
    expect(out.ok && out.event).toMatchObject({ note: '域名证书不清晰', operator: '小王' })
  })

  it('checks the interview notice and warns about what is missing', () => {
    const base = inputFor(site(d.site.id), 'interview', TODAY)
    const i = base.interview!
    const bad = (over: Partial<typeof i>) => rec(submitted, { ...base, interview: { ...i, ...over } })
    expect(rec(submitted, { ...base, interview: undefined })).toEqual({
      ok: false,
      errors: [expect.stringContaining('请填写面审')],
    })
    for (const time of ['9:30', '24:00', '12:60', 'noon']) expect(bad({ time }).ok).toBe(false)
    expect(bad({ time: '' }).ok).toBe(true)
    expect(bad({ date: '2026-12-06' })).toEqual({
      ok: false,
      errors: [expect.stringContaining('早于收到通知的日期')],
    })
    // The interview itself may be in the future.
    expect(bad({ date: '2027-01-05' }).ok).toBe(true)
    const warned = bad({ place: ' ', originals: ['', ' '], securityAssessmentSubmitted: false })
    expect(warned.ok && warned.warnings).toEqual([
      expect.stringContaining('地点'),
      expect.stringContaining('原件'),
      expect.stringContaining('安全评估'),
    ])
    const kept = bad({ originals: [' 营业执照原件 ', '营业执照原件', '', '身份证原件'], mode: 'inspection' })
    expect(kept.ok && kept.event.interview).toMatchObject({
      originals: ['营业执照原件', '身份证原件'],
      mode: 'inspection',
    })
  })
})

describe('已备案: the number and the police unit', () => {
  const d = desk()
  const reviewing = play(d.ws, site(d.site.id), ['submitted', 'reviewing'])
  const filed = (approval: { filingNumber: string; policeUnit: string }, ws = reviewing) =>
    rec(ws, inputFor(site(d.site.id), 'filed', TODAY, { approval }))

  it('stores the 14 digits of a number written the badge way', () => {
    const out = filed({ filingNumber: '京公网安备 11010502000001号', policeUnit: ' 北京市公安局朝阳分局 ' })
    expect(out.ok && out.event.approval).toEqual({
      filingNumber: '11010502000001',
      policeUnit: '北京市公安局朝阳分局',
    })
  })

  it.each([
    ['1101050200001', '14位'],
    ['99010502000001', '前两位'],
    ['沪公网安备11010502000001号', '简称'],
    ['', '请填写公安备案号'],
  ])('refuses %j with the filing-number rule (%s)', (filingNumber, why) => {
    const out = filed({ filingNumber, policeUnit: '北京市公安局朝阳分局' })
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.errors.join()).toContain(why)
  })

  it('requires the police unit and the approval itself', () => {
    expect(filed({ filingNumber: filingNumber(7), policeUnit: '' })).toEqual({
      ok: false,
      errors: [expect.stringContaining('备案地公安机关')],
    })
    expect(rec(reviewing, inputFor(site(d.site.id), 'filed', TODAY, { approval: undefined })).ok).toBe(false)
  })

  it('refuses a number already recorded on another site', () => {
    const other = makeSite(d.subject.id, { name: '另一个网站' })
    let ws = { ...reviewing, sites: [...reviewing.sites, other] }
    ws = play(ws, site(other.id), ['submitted'])
    const first = rec(
      ws,
      inputFor(site(other.id), 'filed', TODAY, {
        approval: { filingNumber: filingNumber(9), policeUnit: '朝阳分局' },
      }),
    )
    if (!first.ok) throw new Error(first.errors.join())
    const out = filed({ filingNumber: filingNumber(9), policeUnit: '朝阳分局' }, first.workspace)
    expect(out).toEqual({ ok: false, errors: [expect.stringContaining('另一个网站')] })
  })

  it('warns when an interactive site is filed without an interview', () => {
    const i = desk({ interactive: true })
    const ws = play(i.ws, site(i.site.id), ['submitted'])
    const out = rec(ws, inputFor(site(i.site.id), 'filed', TODAY))
    expect(out.ok && out.warnings).toEqual([expect.stringContaining('面审')])
  })
})

describe('subject and site together', () => {
  it('lets a site be submitted before its subject is approved', () => {
    const d = desk()
    expect(rec(d.ws, inputFor(site(d.site.id), 'submitted', TODAY)).ok).toBe(true)
  })

  it('refuses to cancel a subject while a site is in filing, naming it', () => {
    const d = desk()
    let ws = play(d.ws, subj(d.subject.id), ['submitted', 'approved'])
    ws = play(ws, site(d.site.id), ['submitted'])
    const out = rec(ws, inputFor(subj(d.subject.id), 'cancelled', TODAY))
    expect(out).toEqual({ ok: false, errors: [expect.stringContaining(`“${d.site.name}”（已提交）`)] })
  })

  it('cancels a subject whose sites are cancelled or never submitted, then refuses site events', () => {
    const d = desk()
    const idle = makeSite(d.subject.id)
    let ws = { ...d.ws, sites: [...d.ws.sites, idle] }
    ws = play(ws, subj(d.subject.id), ['submitted', 'approved'])
    ws = play(ws, site(d.site.id), ['submitted', 'filed', 'cancelled'])
    const out = rec(ws, inputFor(subj(d.subject.id), 'cancelled', TODAY))
    if (!out.ok) throw new Error(out.errors.join())
    const after = rec(out.workspace, inputFor(site(idle.id), 'submitted', TODAY))
    expect(after).toEqual({ ok: false, errors: [expect.stringContaining('开办主体已注销')] })
  })

  it('refuses an owner that does not exist', () => {
    const d = desk()
    expect(rec(d.ws, inputFor(site('nope'), 'submitted', TODAY))).toEqual({
      ok: false,
      errors: [expect.stringContaining('找不到这个网站')],
    })
    expect(rec(d.ws, inputFor(subj('nope'), 'submitted', TODAY))).toEqual({
      ok: false,
      errors: [expect.stringContaining('找不到这个开办主体')],
    })
  })
})

describe('undo and pruning', () => {
  it('undoes the owner’s last event only, back to the stage before', () => {
    const d = desk({ interactive: true })
    let ws = play(d.ws, site(d.site.id), SITE_PATHS.filed)
    ws = play(ws, subj(d.subject.id), ['submitted'])
    const out = undoLastEvent(ws, site(d.site.id))
    if (!out.ok) throw new Error(out.errors.join())
    expect(out.removed.kind).toBe('filed')
    expect(siteStageOf(kindsOf(out.workspace, d.site.id))).toBe('interview')
    expect(eventsOf(out.workspace, subj(d.subject.id))).toHaveLength(1)
    // Undoing everything returns to 准备中, then there is nothing left to undo.
    let w = out.workspace
    for (let i = 0; i < 3; i++) {
      const u = undoLastEvent(w, site(d.site.id))
      if (!u.ok) throw new Error(u.errors.join())
      w = u.workspace
    }
    expect(siteStageOf(kindsOf(w, d.site.id))).toBe('preparing')
    expect(undoLastEvent(w, site(d.site.id))).toEqual({ ok: false, errors: ['没有可以撤销的记录。'] })
  })

  it('undoing a wrong 已备案 frees its number for another entry', () => {
    const d = desk()
    const ws = play(d.ws, site(d.site.id), ['submitted'])
    const wrong = rec(
      ws,
      inputFor(site(d.site.id), 'filed', TODAY, {
        approval: { filingNumber: filingNumber(42), policeUnit: '朝阳分局' },
      }),
    )
    if (!wrong.ok) throw new Error(wrong.errors.join())
    const undone = undoLastEvent(wrong.workspace, site(d.site.id))
    if (!undone.ok) throw new Error(undone.errors.join())
    expect(
      rec(
        undone.workspace,
        inputFor(site(d.site.id), 'filed', TODAY, {
          approval: { filingNumber: filingNumber(43), policeUnit: '朝阳分局' },
        }),
      ).ok,
    ).toBe(true)
  })

  it('drops events of deleted owners and keeps the rest', () => {
    const d = desk()
    let ws = play(d.ws, site(d.site.id), ['submitted'])
    ws = play(ws, subj(d.subject.id), ['submitted'])
    expect(pruneOrphanEvents(ws)).toBe(ws)
    const pruned = pruneOrphanEvents({ ...ws, sites: [] })
    expect(pruned.filingEvents?.map((e) => e.ownerKind)).toEqual(['subject'])
  })

  it('works on a workspace stored before events existed', () => {
    const d = desk()
    expect(d.ws.filingEvents).toBeUndefined()
    const out = recordEvent(d.ws, inputFor(site(d.site.id), 'submitted', TODAY), {
      id: 'x1',
      now: '2026-12-07T00:00:00Z',
      today: TODAY,
    })
    expect(out.ok && out.workspace.filingEvents).toHaveLength(1)
    expect(undoLastEvent(d.ws, site(d.site.id)).ok).toBe(false)
  })
})
