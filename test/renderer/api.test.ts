import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BeianBridge } from '../../core/api'
import { api, bridgeAvailable, call, request, setErrorPresenter } from '../../renderer/src/api'

type Invoke = (channel: string, req?: unknown) => Promise<unknown>

function install(invoke: Invoke, pathsForFiles = vi.fn(async () => ['/tmp/a.jpg'])) {
  const bridge = { invoke, on: vi.fn(() => () => undefined), pathsForFiles }
  window.beian = bridge as unknown as BeianBridge<File>
  return bridge
}

afterEach(() => {
  delete window.beian
  setErrorPresenter(() => undefined)
})

describe('renderer api', () => {
  it('unwraps an ok result to its value and passes the request through', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: { language: 'en', lastExportDir: '' } }))
    install(invoke)
    const shown = vi.fn()
    setErrorPresenter(shown)
    await expect(call('settings:set', { language: 'en' })).resolves.toEqual({
      language: 'en',
      lastExportDir: '',
    })
    expect(invoke).toHaveBeenCalledWith('settings:set', { language: 'en' })
    expect(shown).not.toHaveBeenCalled()
  })

  it('turns ok:false into undefined and shows the Chinese message with its details', async () => {
    const error = { code: 'packet/incomplete', message: '材料不全，未导出。', details: ['缺少：域名证书'] }
    install(async () => ({ ok: false, error }))
    const shown = vi.fn()
    setErrorPresenter(shown)
    await expect(api.loadWorkspace()).resolves.toBeUndefined()
    expect(shown).toHaveBeenCalledWith(error)
  })

  it('hands export and import failures to the caller instead of a notification', async () => {
    const error = { code: 'packet/incomplete', message: '材料不全', details: ['缺少：身份证正面'] }
    install(async () => ({ ok: false, error }))
    const shown = vi.fn()
    setErrorPresenter(shown)
    await expect(api.exportPacket('s1', 'zip', '/tmp/x.zip')).resolves.toEqual({ ok: false, error })
    expect(shown).not.toHaveBeenCalled()
  })

  it('converts a thrown bridge error into a Chinese failure result', async () => {
    install(async () => {
      throw new Error('channel closed')
    })
    const result = await request('workspace:load')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('bridge/failed')
      expect(result.error.message).toMatch(/通信失败/)
      expect(result.error.details).toEqual(['channel closed'])
    }
  })

  it('reports a missing bridge', async () => {
    expect(bridgeAvailable()).toBe(false)
    const result = await request('workspace:load')
    expect(result).toMatchObject({ ok: false, error: { code: 'bridge/missing' } })
  })

  it('resolves dropped files through pathsForFiles', async () => {
    const paths = vi.fn(async () => ['/home/u/a.jpg'])
    install(async () => ({ ok: true, value: null }), paths)
    const file = new File(['x'], 'a.jpg')
    await expect(api.pathsForFiles([file])).resolves.toEqual(['/home/u/a.jpg'])
    expect(paths).toHaveBeenCalledWith([file])
    await expect(api.pathsForFiles([])).resolves.toEqual([])
  })
})
