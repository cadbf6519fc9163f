import { afterEach, describe, expect, it } from 'vitest'
import { askEarly, startupAnswers } from '../../renderer/src/startup'
import { installBridge } from './support/bridge'

afterEach(() => {
  delete window.beian
})

describe('the start-up requests', () => {
  it('are sent before the first render and answered once; a second mount asks main again', async () => {
    const invoke = installBridge((channel) =>
      channel === 'settings:get' ? { ok: true, value: { language: 'en', lastExportDir: '' } } : undefined,
    )
    askEarly()
    askEarly() // the module runs once, but a second call must not send twice
    expect(invoke.mock.calls.map(([channel]) => channel)).toEqual(['settings:get', 'workspace:load'])
    const first = startupAnswers()
    expect(await first.settings).toMatchObject({ ok: true, value: { language: 'en' } })
    expect(await first.workspace).toMatchObject({ ok: true, value: { sites: [] } })
    expect(invoke).toHaveBeenCalledTimes(2)
    const second = startupAnswers()
    await second.workspace
    expect(invoke).toHaveBeenCalledTimes(4)
  })
})
