/** A mocked preload bridge for renderer tests that drive main's answers per channel. */
import { vi } from 'vitest'
import type { BeianBridge } from '../../../core/api'

export type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }

/**
 * Installs `window.beian` whose `invoke` asks `answer` first; channels it leaves (undefined)
 * get an empty workspace for workspace:load and a 'test/unexpected' error otherwise.
 */
export function installBridge(
  answer: (channel: string, req: unknown) => Promise<Answer | undefined> | Answer | undefined,
) {
  const invoke = vi.fn(async (channel: string, req?: unknown): Promise<Answer> => {
    const given = await answer(channel, req)
    if (given) return given
    if (channel === 'workspace:load') return { ok: true, value: { subjects: [], sites: [], materials: [] } }
    return { ok: false, error: { code: 'test/unexpected', message: channel } }
  })
  window.beian = {
    invoke,
    on: vi.fn(() => () => undefined),
    pathsForFiles: vi.fn(),
  } as unknown as BeianBridge<File>
  return invoke
}
