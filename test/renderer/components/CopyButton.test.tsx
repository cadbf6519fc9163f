import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CopyButton } from '../../../renderer/src/components/CopyButton'
import { installBridge } from '../support/bridge'

const writeText = vi.fn(async (_text: string) => undefined)
Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })

afterEach(() => {
  cleanup()
  writeText.mockClear()
  delete window.beian
})

function clickCopy() {
  render(
    <AntApp>
      <CopyButton value="91110105MA01ABCD2X" testId="copy" />
    </AntApp>,
  )
  fireEvent.click(screen.getByTestId('copy'))
}

describe('CopyButton', () => {
  it("copies through main's clipboard and leaves the page's clipboard alone", async () => {
    const invoke = installBridge((channel) =>
      channel === 'system:copyText' ? { ok: true, value: true } : undefined,
    )
    clickCopy()
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('system:copyText', { text: '91110105MA01ABCD2X' }),
    )
    await screen.findByText(/已复制/)
    expect(writeText).not.toHaveBeenCalled()
  })

  it("falls back to the page's clipboard when main has none", async () => {
    installBridge((channel) => (channel === 'system:copyText' ? { ok: true, value: false } : undefined))
    clickCopy()
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('91110105MA01ABCD2X'))
    await screen.findByText(/已复制/)
  })
})
