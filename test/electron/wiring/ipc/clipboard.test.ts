/**
 * system:copyText writes to main's clipboard (the renderer's may be denied by the permission
 * handler), answers false without one, and refuses empty or oversized text before writing.
 */
import { describe, expect, it, vi } from 'vitest'
import { COPY_TEXT_MAX_CHARS } from '../../../../core/api'
import { clipboardHandlers } from '../../../../electron/main/ipc/clipboard'
import { dispatch } from '../../../../electron/main/ipc/dispatch'
import type { Handlers } from '../../../../electron/main/ipc/types'

const ctx = { emit: () => undefined }

function withClipboard() {
  const writeText = vi.fn<(text: string) => void>()
  const handlers = clipboardHandlers({ writeText }) as unknown as Handlers
  return { writeText, handlers }
}

describe('system:copyText', () => {
  it('puts the exact text (Chinese, an ID number, spaces kept) on main’s clipboard', async () => {
    const { writeText, handlers } = withClipboard()
    const text = '北京市 / 市辖区 / 朝阳区  110105199003071239'
    expect(await dispatch(handlers, 'system:copyText', { text }, ctx)).toEqual({ ok: true, value: true })
    expect(writeText).toHaveBeenCalledExactlyOnceWith(text)
  })

  it('answers false where main has no clipboard', async () => {
    const handlers = clipboardHandlers(undefined) as unknown as Handlers
    expect(await dispatch(handlers, 'system:copyText', { text: 'x' }, ctx)).toEqual({
      ok: true,
      value: false,
    })
  })

  it('refuses empty, oversized or malformed requests without touching the clipboard', async () => {
    const { writeText, handlers } = withClipboard()
    for (const payload of [
      { text: '' },
      { text: 'x'.repeat(COPY_TEXT_MAX_CHARS + 1) },
      { text: 3 },
      undefined,
    ]) {
      const result = await dispatch(handlers, 'system:copyText', payload, ctx, () => undefined)
      expect(result.ok, JSON.stringify(payload)?.slice(0, 40)).toBe(false)
    }
    expect(writeText).not.toHaveBeenCalled()
    expect(
      await dispatch(handlers, 'system:copyText', { text: 'x'.repeat(COPY_TEXT_MAX_CHARS) }, ctx),
    ).toEqual({
      ok: true,
      value: true,
    })
  })
})
