import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BeianBridge } from '../../../../core/api'
import {
  clearDivisionCache,
  divisionChildren,
} from '../../../../renderer/src/components/division/division-cache'

afterEach(() => {
  delete window.beian
  clearDivisionCache()
})

describe('division cache', () => {
  it('falls back to the 31 built-in provinces without division data', async () => {
    const provinces = await divisionChildren(null)
    expect(provinces).toHaveLength(31)
    expect(provinces[0]).toEqual({ code: '11', name: '北京市', hasChildren: true })
    expect(await divisionChildren('11')).toEqual([])
  })

  it('asks main once per parent code', async () => {
    const invoke = vi.fn(async (_channel: string, req: { code: string | null }) => ({
      ok: true,
      value: req.code === '44' ? [{ code: '4401', name: '广州市', hasChildren: true }] : [],
    }))
    window.beian = { invoke, on: vi.fn(), pathsForFiles: vi.fn() } as unknown as BeianBridge<File>
    expect(await divisionChildren('44')).toEqual([{ code: '4401', name: '广州市', hasChildren: true }])
    await divisionChildren('44')
    expect(invoke).toHaveBeenCalledTimes(1)
    expect(invoke).toHaveBeenCalledWith('divisions:children', { code: '44' })
  })
})
