import { describe, expect, it } from 'vitest'
import { readResidentId, readUscc } from '../../../core/ocr/numbers'
import { generateUscc, isValidUsccChecksum } from '../../../core/validation/uscc'
import { ID_F, ID_M, ID_X, USCC, USCC_SOCIAL } from './lines'

const TODAY = '2026-12-07'
const swap = (s: string, i: number, c: string): string => s.slice(0, i) + c + s.slice(i + 1)

describe('readResidentId', () => {
  it.each([
    ['as printed', ID_M, ID_M, false],
    ['with spaces', `${ID_M.slice(0, 6)} ${ID_M.slice(6, 14)} ${ID_M.slice(14)}`, ID_M, false],
    [
      'full-width digits',
      ID_F.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
      ID_F,
      false,
    ],
    ['lower-case x', ID_X.toLowerCase(), ID_X, false],
    ['× for X', ID_X.replace('X', '×'), ID_X, false],
    ['O for 0', ID_M.replace('0', 'O'), ID_M, true],
    ['l and I for 1', ID_M.replace('1', 'l').replace('1', 'I'), ID_M, true],
    ['S for 5', ID_M.replace('5', 'S'), ID_M, true],
    ['B for 8 and Z for 2', ID_F.replace('8', 'B').replace('2', 'Z'), ID_F, true],
    ['label glued on', `公民身份号码${ID_M}`, ID_M, false],
    ['a stray mark after it', `${ID_M}1`, ID_M, false],
  ])('%s', (_, text, value, corrected) => {
    expect(readResidentId([text], TODAY)).toMatchObject({ status: 'ok', value, corrected })
  })

  it('rejects a misread digit (the check digit fails) instead of guessing', () => {
    const wrong = swap(ID_M, 9, ID_M[9] === '7' ? '1' : '7')
    expect(readResidentId([wrong], TODAY)).toEqual({ status: 'rejected', raw: wrong })
  })

  it('rejects every single-digit misread of a number', () => {
    for (let i = 0; i < 17; i++) {
      const d = Number(ID_F[i])
      const wrong = swap(ID_F, i, String((d + 3) % 10))
      const read = readResidentId([wrong], TODAY)
      expect(read.status, wrong).not.toBe('ok')
    }
  })

  it('reports none when no 18-character run is present', () => {
    expect(readResidentId(['姓名 张三', '1101051966'], TODAY)).toEqual({ status: 'none' })
  })

  it('refuses a number born after today', () => {
    expect(readResidentId([ID_F], '1980-01-01').status).toBe('rejected')
  })

  it('takes the labelled text before the rest', () => {
    expect(readResidentId([ID_F, ID_M], TODAY)).toMatchObject({ value: ID_F })
  })
})

describe('readUscc', () => {
  it.each([
    ['as printed', USCC, USCC, false],
    ['a 社会团体 code', USCC_SOCIAL, USCC_SOCIAL, false],
    ['spaced', `${USCC.slice(0, 9)} ${USCC.slice(9)}`, USCC, false],
    ['O for 0', USCC.replace('0', 'O'), USCC, true],
    ['I for 1', USCC.replace('1', 'I'), USCC, true],
    ['lower-case letters', USCC.toLowerCase(), USCC, true],
  ])('%s', (_, text, value, corrected) => {
    expect(readUscc([text])).toMatchObject({ status: 'ok', value, corrected })
  })

  it('B and 8 both valid characters: repaired only when exactly one variant passes', () => {
    // USCC holds a B at position 11 and an 8 at 12: swapping one of them fails the check,
    // and the single swap back is the only variant that passes.
    const i = USCC.indexOf('B')
    const misread = swap(USCC, i, '8')
    expect(readUscc([misread])).toMatchObject({ status: 'ok', value: USCC, corrected: true, raw: misread })
  })

  it('never accepts a wrong code: a misread letter is rejected', () => {
    const i = USCC.indexOf('M')
    const wrong = swap(USCC, i, 'N')
    expect(readUscc([wrong]).status).not.toBe('ok')
  })

  it('is ambiguous, not guessed, when two variants pass', () => {
    // A code full of B and 8: one B read as 8 can be repaired in more than one valid way.
    const code = generateUscc({ department: '9', category: '1', division: '330106', orgBody: 'B8B8B8B8' })
    const misread = swap(code, 8, '8')
    const read = readUscc([misread])
    expect(read.status).toBe('ambiguous')
    if (read.status !== 'ambiguous') return
    expect(read.values).toContain(code)
    expect(read.values.length).toBeGreaterThan(1)
    for (const v of read.values) expect(isValidUsccChecksum(v), v).toBe(true)
  })
})
