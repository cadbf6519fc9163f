/**
 * Which way up a page is read. The recogniser reads one line at a time and turns a tall line
 * crop by itself, so a page on its side can still give its number while the layout (the
 * address over several lines, the licence's two columns) is lost: a page is read again turned
 * until the key field is found, and a page whose lines run vertically is read at the quarter
 * turns even when it was.
 */
import { hasKeyField, type OcrLine, type ReadResult } from '../../../../core/ocr'

/** A clockwise turn of the page before recognition. */
export type Turn = 0 | 90 | 180 | 270
export type Reading = { result: ReadResult; lines: OcrLine[] }

const fieldCount = (r: ReadResult): number => Object.keys(r.fields).length

/** `b` has the key field and more fields than `a`, or `a` lacks the key field. */
const better = (a: ReadResult, b: ReadResult): boolean =>
  hasKeyField(b) && (!hasKeyField(a) || fieldCount(b) > fieldCount(a))

/**
 * The turns tried after the page as it is, most likely first. A card is landscape: straightened
 * to portrait it lies on its side, so the quarter turns come first. Otherwise upside down (a
 * card photographed from across the desk) is likelier than sideways.
 */
export function turnsAfterFirst(page: { width: number; height: number }, cardExpected: boolean): Turn[] {
  return cardExpected && page.height > page.width ? [90, 270, 180] : [180, 90, 270]
}

const boxShape = (box: OcrLine['box']): { width: number; height: number } => {
  const [a, b, c] = box ?? []
  return {
    width: Math.hypot((b?.[0] ?? 0) - (a?.[0] ?? 0), (b?.[1] ?? 0) - (a?.[1] ?? 0)),
    height: Math.hypot((c?.[0] ?? 0) - (b?.[0] ?? 0), (c?.[1] ?? 0) - (b?.[1] ?? 0)),
  }
}

/**
 * The page lies on its side: of the lines of four characters or more (written across, such a
 * line is far wider than tall), at least as many are tall as are wide, or one of six characters
 * or more is over three times taller than wide (impossible across). The detector may merge a
 * sideways page's columns into wide blocks, so the tall ones are what to look for.
 */
export function linesRunVertically(lines: readonly OcrLine[]): boolean {
  const measured = lines
    .filter((l) => l.box?.length === 4)
    .map((l) => ({ chars: [...l.text.replace(/\s/g, '')].length, ...boxShape(l.box) }))
    .filter((l) => l.chars >= 4)
  const tall = measured.filter((s) => s.height > s.width * 1.5)
  const wide = measured.filter((s) => s.width > s.height * 1.5).length
  const surelyTall = tall.some((s) => s.chars >= 6 && s.height > s.width * 3)
  return surelyTall || (tall.length >= 1 && tall.length >= wide)
}

/**
 * The best reading of a page, starting from the one as it is. On its side (lines vertical): a
 * quarter turn that finds the key field wins over the page as it is with as many fields — the
 * recogniser read a 90° clockwise page line by line (so 270° first), not a 270° one. Otherwise
 * the other turns are read while the key field is missing.
 */
export async function bestTurn(
  first: Reading,
  readAt: (turn: Turn) => Promise<Reading>,
  page: { width: number; height: number },
  cardExpected: boolean,
): Promise<Reading & { turn: Turn }> {
  let best: Reading & { turn: Turn } = { ...first, turn: 0 }
  if (linesRunVertically(first.lines)) {
    const order: Turn[] = hasKeyField(first.result) ? [270, 90] : [90, 270]
    for (const turn of order) {
      const reading = await readAt(turn)
      if (!hasKeyField(reading.result)) continue
      if (!hasKeyField(best.result) || fieldCount(reading.result) >= fieldCount(best.result))
        return { ...reading, turn }
    }
    return best
  }
  for (const turn of turnsAfterFirst(page, cardExpected)) {
    if (hasKeyField(best.result)) break
    const reading = await readAt(turn)
    if (better(best.result, reading.result)) best = { ...reading, turn }
  }
  return best
}
