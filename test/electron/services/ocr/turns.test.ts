import { describe, expect, it } from 'vitest'
import type { OcrLine, ReadResult } from '../../../../core/ocr'
import {
  bestTurn,
  linesRunVertically,
  turnsAfterFirst,
  type Reading,
  type Turn,
} from '../../../../electron/main/services/ocr/turns'

/** A text line whose box is `w` × `h` pixels. */
const line = (text: string, w: number, h: number): OcrLine => ({
  text,
  confidence: 0.9,
  box: [
    [10, 10],
    [10 + w, 10],
    [10 + w, 10 + h],
    [10, 10 + h],
  ],
})
const across = [line('姓名 张三', 300, 40), line('住址 北京市', 500, 40), line('公民身份号码', 600, 40)]
const down = across.map((l) => line(l.text, 40, 400))

const front = (fields: string[]): ReadResult => ({
  kind: 'id-front',
  fields: Object.fromEntries(fields.map((f) => [f, { value: 'x', confidence: 0.9 }])),
  issues: [],
})
const KEY = ['idNumber']
const reading = (lines: OcrLine[], fields: string[]): Reading => ({ lines, result: front(fields) })
const LANDSCAPE = { width: 1000, height: 630 }

/** readAt from a table of readings per turn, recording the turns asked for. */
function reader(byTurn: Partial<Record<Turn, Reading>>) {
  const asked: Turn[] = []
  const readAt = async (turn: Turn) => {
    asked.push(turn)
    return byTurn[turn] ?? reading([], [])
  }
  return { asked, readAt }
}

describe('the turns OCR tries after the page as it is', () => {
  it('tries the quarter turns first for a card that came out portrait (it lies on its side)', () => {
    expect(turnsAfterFirst({ width: 600, height: 950 }, true)).toEqual([90, 270, 180])
  })

  it('tries upside down first for a landscape card and for any page', () => {
    expect(turnsAfterFirst(LANDSCAPE, true)).toEqual([180, 90, 270])
    expect(turnsAfterFirst({ width: 600, height: 950 }, false)).toEqual([180, 90, 270])
  })

  it('tells lines running down from lines running across', () => {
    expect(linesRunVertically(down)).toBe(true)
    expect(linesRunVertically(across)).toBe(false)
    expect(linesRunVertically([])).toBe(false)
    // As the detector gave a sideways card: columns merged into wide blocks, the number tall.
    const merged = [line('公民身份号码 住址 性别女', 580, 270), line('北京市朝阳区示例路10 出生', 333, 174)]
    expect(linesRunVertically([...merged, line('11010519780303762X', 44, 585)])).toBe(true)
    // A tall block among more wide ones is not enough unless it is surely a line on its side.
    expect(linesRunVertically([...merged, line('示例路口', 40, 100)])).toBe(false)
  })

  it('counts no short line: a stamp character or a digit says nothing', () => {
    expect(linesRunVertically([...across, line('印', 20, 60), line('章', 20, 60), line('12', 10, 40)])).toBe(
      false,
    )
    expect(linesRunVertically([line('印章', 20, 60)])).toBe(false)
  })
})

describe('bestTurn', () => {
  it('reads nothing more when the page as it is gives the key field across', async () => {
    const { asked, readAt } = reader({})
    const best = await bestTurn(reading(across, [...KEY, 'name']), readAt, LANDSCAPE, true)
    expect(best.turn).toBe(0)
    expect(asked).toEqual([])
  })

  it('turns an upside-down page: 180° first, and stops once the key field is found', async () => {
    const { asked, readAt } = reader({ 180: reading(across, [...KEY, 'name', 'address']) })
    const best = await bestTurn(reading(across, ['name']), readAt, LANDSCAPE, true)
    expect(best.turn).toBe(180)
    expect(asked).toEqual([180])
  })

  it('keeps the page as it is when no turn finds the key field', async () => {
    const { asked, readAt } = reader({})
    const best = await bestTurn(reading(across, ['name']), readAt, LANDSCAPE, true)
    expect(best.turn).toBe(0)
    expect(asked).toEqual([180, 90, 270])
  })

  it('on its side with the key field read anyway: the 270° turn with as many fields wins', async () => {
    const { asked, readAt } = reader({ 270: reading(across, [...KEY, 'name']) })
    const best = await bestTurn(reading(down, [...KEY, 'name']), readAt, { width: 630, height: 1000 }, true)
    expect(best.turn).toBe(270)
    expect(asked).toEqual([270])
  })

  it('on its side without the key field: 90° first, then 270°', async () => {
    const { asked, readAt } = reader({ 270: reading(across, [...KEY]) })
    const best = await bestTurn(reading(down, []), readAt, { width: 630, height: 1000 }, true)
    expect(best.turn).toBe(270)
    expect(asked).toEqual([90, 270])
  })

  it('on its side, a quarter turn that reads fewer fields does not replace the page as it is', async () => {
    const { readAt } = reader({ 270: reading(across, [...KEY]), 90: reading(across, []) })
    const best = await bestTurn(
      reading(down, [...KEY, 'name', 'sex']),
      readAt,
      { width: 630, height: 1000 },
      true,
    )
    expect(best.turn).toBe(0)
  })
})
