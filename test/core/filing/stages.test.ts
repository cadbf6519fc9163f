import { describe, expect, it } from 'vitest'
import { FILING_EVENT_KINDS } from '../../../core/filing/events'
import {
  isSiteEventKind,
  isSubjectEventKind,
  SITE_EVENT_KINDS,
  SITE_EVENT_LABELS,
  SITE_STAGE_LABELS,
  SITE_STAGES,
  SITE_TARGET,
  SITE_TRANSITIONS,
  siteRefusal,
  siteStageOf,
  SUBJECT_EVENT_KINDS,
  SUBJECT_EVENT_LABELS,
  SUBJECT_STAGE_LABELS,
  SUBJECT_STAGES,
  SUBJECT_TARGET,
  SUBJECT_TRANSITIONS,
  subjectRefusal,
  subjectStageOf,
} from '../../../core/filing/stages'

const CJK = /[\u4e00-\u9fff]/

function reachable<S extends string, K extends string>(
  start: S,
  transitions: Record<S, readonly K[]>,
  target: Record<K, S>,
): Set<S> {
  const seen = new Set<S>([start])
  const queue: S[] = [start]
  while (queue.length > 0) {
    const s = queue.shift() as S
    for (const k of transitions[s]) {
      const next = target[k]
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return seen
}

describe('site stage machine', () => {
  it('allows exactly the issue’s transitions (written out here, independent of the table)', () => {
    expect(SITE_TRANSITIONS).toEqual({
      preparing: ['submitted'],
      submitted: ['reviewing', 'returned', 'interview', 'filed'],
      reviewing: ['returned', 'interview', 'filed'],
      returned: ['submitted'],
      interview: ['interview', 'returned', 'filed'],
      filed: ['badged', 'change', 'cancelled'],
      badged: ['change', 'cancelled'],
      changing: ['reviewing', 'returned', 'filed', 'cancelled'],
      cancelled: [],
    })
  })

  it('reaches every stage from 准备中, and only 已注销 is terminal', () => {
    expect([...reachable('preparing', SITE_TRANSITIONS, SITE_TARGET)].sort()).toEqual([...SITE_STAGES].sort())
    expect(SITE_STAGES.filter((s) => SITE_TRANSITIONS[s].length === 0)).toEqual(['cancelled'])
  })

  it('uses every site event kind in some stage', () => {
    const used = new Set(SITE_STAGES.flatMap((s) => SITE_TRANSITIONS[s]))
    expect([...used].sort()).toEqual([...SITE_EVENT_KINDS].sort())
  })

  for (const stage of SITE_STAGES) {
    for (const kind of SITE_EVENT_KINDS) {
      const allowed = SITE_TRANSITIONS[stage].includes(kind)
      it(`${SITE_STAGE_LABELS[stage]} + ${SITE_EVENT_LABELS[kind]}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const refusal = siteRefusal(stage, kind)
        if (allowed) {
          expect(refusal).toBeNull()
          return
        }
        expect(refusal).toMatch(CJK)
        if (stage === 'cancelled') expect(refusal).toContain('已注销')
        // A refusal says what can be recorded instead.
        else for (const k of SITE_TRANSITIONS[stage]) expect(refusal).toContain(`“${SITE_EVENT_LABELS[k]}”`)
      })
    }
  }

  it('derives the stage from the last event', () => {
    expect(siteStageOf([])).toBe('preparing')
    for (const kind of SITE_EVENT_KINDS) expect(siteStageOf(['submitted', kind])).toBe(SITE_TARGET[kind])
    // A subject-only kind never moves a site.
    expect(siteStageOf(['approved'])).toBe('preparing')
  })
})

describe('subject stage machine', () => {
  it('allows exactly 未提交 → 审核中 → 已通过 | 退回 → 变更 / 注销', () => {
    expect(SUBJECT_TRANSITIONS).toEqual({
      unsubmitted: ['submitted'],
      reviewing: ['approved', 'returned'],
      returned: ['submitted'],
      approved: ['change', 'cancelled'],
      changing: ['approved', 'returned', 'cancelled'],
      cancelled: [],
    })
  })

  it('reaches every stage from 未提交, and only 已注销 is terminal', () => {
    expect([...reachable('unsubmitted', SUBJECT_TRANSITIONS, SUBJECT_TARGET)].sort()).toEqual(
      [...SUBJECT_STAGES].sort(),
    )
    expect(SUBJECT_STAGES.filter((s) => SUBJECT_TRANSITIONS[s].length === 0)).toEqual(['cancelled'])
  })

  for (const stage of SUBJECT_STAGES) {
    for (const kind of SUBJECT_EVENT_KINDS) {
      const allowed = SUBJECT_TRANSITIONS[stage].includes(kind)
      it(`${SUBJECT_STAGE_LABELS[stage]} + ${SUBJECT_EVENT_LABELS[kind]}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const refusal = subjectRefusal(stage, kind)
        if (allowed) {
          expect(refusal).toBeNull()
          return
        }
        expect(refusal).toMatch(CJK)
        if (stage === 'cancelled') expect(refusal).toContain('已注销')
        else
          for (const k of SUBJECT_TRANSITIONS[stage])
            expect(refusal).toContain(`“${SUBJECT_EVENT_LABELS[k]}”`)
      })
    }
  }

  it('derives the stage from the last event', () => {
    expect(subjectStageOf([])).toBe('unsubmitted')
    for (const kind of SUBJECT_EVENT_KINDS)
      expect(subjectStageOf(['submitted', kind])).toBe(SUBJECT_TARGET[kind])
    expect(subjectStageOf(['badged'])).toBe('unsubmitted')
  })
})

describe('event kinds', () => {
  it('each kind belongs to subjects, sites or both, never neither', () => {
    for (const kind of FILING_EVENT_KINDS)
      expect(isSiteEventKind(kind) || isSubjectEventKind(kind)).toBe(true)
  })
})
