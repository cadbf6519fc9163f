import { describe, expect, it } from 'vitest'
import {
  BATCH_CONCURRENCY,
  imageBatchConcurrency,
  runLimited,
} from '../../../../electron/main/services/images/batch'

describe('runLimited', () => {
  it('never has more than the limit in flight and keeps results in input order', async () => {
    let inFlight = 0
    let peak = 0
    const delays = [30, 5, 20, 1, 15, 8, 2]
    const out = await runLimited(delays, BATCH_CONCURRENCY, async (ms, i) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      await new Promise((r) => setTimeout(r, ms))
      inFlight--
      return i * 10
    })
    expect(BATCH_CONCURRENCY).toBe(2)
    expect(peak).toBe(2)
    expect(out).toEqual([0, 10, 20, 30, 40, 50, 60])
  })

  it('handles an empty list', async () => {
    expect(await runLimited([], 2, async () => 1)).toEqual([])
  })
})

describe('imageBatchConcurrency', () => {
  const GiB = 1024 ** 3
  it('runs one more picture than there are cores, within a quarter of memory at 512 MB each', () => {
    expect(imageBatchConcurrency(2, 24 * GiB)).toBe(3)
    expect(imageBatchConcurrency(4, 16 * GiB)).toBe(5)
    // Memory bounds it: 8 GB holds 4, 4 GB only the least a batch runs.
    expect(imageBatchConcurrency(8, 8 * GiB)).toBe(4)
    expect(imageBatchConcurrency(8, 4 * GiB)).toBe(BATCH_CONCURRENCY)
    // Never more than 6, never fewer than 2.
    expect(imageBatchConcurrency(16, 64 * GiB)).toBe(6)
    expect(imageBatchConcurrency(1, 64 * GiB)).toBe(2)
    expect(imageBatchConcurrency(1, 1 * GiB)).toBe(2)
  })

  it('reads the machine when asked without arguments', () => {
    const n = imageBatchConcurrency()
    expect(n).toBeGreaterThanOrEqual(BATCH_CONCURRENCY)
    expect(n).toBeLessThanOrEqual(6)
  })
})
