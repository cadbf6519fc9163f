import { describe, expect, it } from 'vitest'
import { checkValue } from '../../../core/validation/check'
import { CHECK_KINDS } from '../../../core/validation/types'
import { CHECKER_LOADERS } from '../../../electron/cli/checkers'
import { syntheticResidentId } from '../../support/factories'

const SAMPLES = [
  syntheticResidentId(),
  '91350100M000100Y43',
  '12345678-9',
  '110108000000016',
  '13952718460',
  '010-65831274',
  'someone@example.com',
  'example.cn',
  '京ICP备12345678号-1',
  '11010502000001',
  '47.95.1.10',
  '',
  'not a value',
]

describe('the CLI checkers, loaded one module each', () => {
  it.each(CHECK_KINDS)('%s answers as core checkValue does', async (kind) => {
    const check = await CHECKER_LOADERS[kind]()
    for (const value of SAMPLES) expect(check(value), value).toEqual(checkValue(kind, value))
    expect(check(SAMPLES[0] ?? '').kind).toBe(kind)
  })
})
