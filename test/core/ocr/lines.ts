// OCR line sets for the parser tests, shaped like PaddleOCR's output (text, mean, box).
import { generateResidentId } from '../../../core/validation/resident-id'
import { generateUscc } from '../../../core/validation/uscc'
import type { OcrLine } from '../../../core/ocr'

/** A line with an axis-aligned box at (x, y), `h` high, roughly `w` wide. */
export const at = (
  text: string,
  x: number,
  y: number,
  confidence = 0.99,
  h = 36,
  w = text.length * h,
): OcrLine => ({
  text,
  confidence,
  box: [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ],
})

/** Synthetic numbers with valid check characters (never a real person or company). */
export const ID_M = generateResidentId({ prefix: '110105', birth: '1966-06-03', seq: 191 })
export const ID_F = generateResidentId({ prefix: '110105', birth: '1990-12-24', seq: 82 })
export const ID_X = (() => {
  for (let seq = 1; seq < 999; seq += 2) {
    const id = generateResidentId({ prefix: '440305', birth: '1985-03-07', seq })
    if (id.endsWith('X')) return id
  }
  throw new Error('no X check character')
})()
export const USCC = generateUscc({ department: '9', category: '1', division: '110105', orgBody: 'MA01B8C7' })
export const USCC_SOCIAL = generateUscc({
  department: '5',
  category: '1',
  division: '440300',
  orgBody: '50012345',
})

/** An ID front as read from a deskewed card: label and value in one line, address wrapped. */
export function idFrontLines(id = ID_M, sex = '男'): OcrLine[] {
  return [
    at('姓名 张三', 94, 99),
    at(`性别 ${sex} 民族汉`, 97, 194),
    at('出生 1966年6月3日', 99, 288),
    at('住址 北京市朝阳区示例路97', 98, 380),
    at('号院15号楼1单元812室', 233, 440),
    at(`公民身份号码 ${id}`, 103, 636),
  ]
}
