import { describe, expect, it } from 'vitest'
import { requestSchemas } from '../../core/api-schemas'
import { CAP_CHOICES as MODEL_CHOICES, DEFAULT_MAX_BYTES as MODEL_DEFAULT } from '../../core/model'
import {
  CAP_CHOICES,
  DEFAULT_MAX_BYTES,
  inputBytesSchema,
  MAX_INPUT_BYTES,
  MAX_INPUT_LABEL,
  MAX_MAX_BYTES,
  maxBytesSchema,
  MIN_MAX_BYTES,
  WATERMARK_MAX_CHARS,
  watermarkTextSchema,
} from '../../core/limits'

describe('limits', () => {
  it('pins the numbers users and the portal rely on', () => {
    expect([DEFAULT_MAX_BYTES, MIN_MAX_BYTES, MAX_MAX_BYTES, WATERMARK_MAX_CHARS]).toEqual([
      400_000, 20_000, 10_000_000, 40,
    ])
    expect(CAP_CHOICES).toEqual([400_000, 512_000])
    // Until core/model.ts re-exports them from here, the two must agree.
    expect([MODEL_DEFAULT, MODEL_CHOICES]).toEqual([DEFAULT_MAX_BYTES, CAP_CHOICES])
    expect(MAX_INPUT_BYTES).toBe(62_914_560)
    expect(MAX_INPUT_LABEL).toBe('60 MB')
  })

  it.each([
    [20_000, true],
    [512_000, true],
    [10_000_000, true],
    [19_999, false],
    [10_000_001, false],
    [512_000.5, false],
  ])('cap %d accepted: %s', (cap, ok) => {
    expect(maxBytesSchema.safeParse(cap).success).toBe(ok)
  })

  it('the IPC schemas take the cap bounds from limits', () => {
    const batch = (maxBytes: number) =>
      requestSchemas['batch:compress'].safeParse({ batchId: 'b', paths: ['/a.jpg'], outDir: '/o', maxBytes })
        .success
    expect([batch(20_000), batch(19_999), batch(10_000_000), batch(10_000_001)]).toEqual([
      true,
      false,
      true,
      false,
    ])
    const edit = (maxBytes: number) =>
      requestSchemas['materials:edit'].safeParse({
        id: 'm',
        edit: { rotate: 0, crop: null, watermark: null },
        maxBytes,
      }).success
    expect([edit(20_000), edit(19_999), edit(10_000_001)]).toEqual([true, false, false])
    const imp = (maxBytes?: number) =>
      requestSchemas['materials:import'].safeParse({
        ownerKind: 'site',
        ownerId: 's',
        slot: 'domain-certificate',
        path: '/a',
        maxBytes,
      }).success
    expect([imp(), imp(10_000_000), imp(10_000_001)]).toEqual([true, true, false])
  })

  it('counts watermark characters, not UTF-16 units, after collapsing spaces', () => {
    expect(watermarkTextSchema.parse('  仅供  公安备案使用 ')).toBe('仅供 公安备案使用')
    expect(watermarkTextSchema.safeParse('字'.repeat(40)).success).toBe(true)
    expect(watermarkTextSchema.safeParse('字'.repeat(41)).success).toBe(false)
    expect(watermarkTextSchema.safeParse('😀'.repeat(40)).success).toBe(true)
  })

  it('input size: one byte up to the limit', () => {
    expect(inputBytesSchema.safeParse(0).success).toBe(false)
    expect(inputBytesSchema.safeParse(1).success).toBe(true)
    expect(inputBytesSchema.safeParse(MAX_INPUT_BYTES).success).toBe(true)
    expect(inputBytesSchema.safeParse(MAX_INPUT_BYTES + 1).success).toBe(false)
  })
})
