/** Settings → 数据加密 → 工作区迁移包: the two actions send only a passphrase and show main's answer. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BeianBridge, EncryptionStatus, Events } from '../../../../core/api'
import { setErrorPresenter } from '../../../../renderer/src/api'
import { ArchiveSettings } from '../../../../renderer/src/features/settings/ArchiveSettings'
import { useLanguageStore } from '../../../../renderer/src/i18n'
import { installBridge, type Answer } from '../../support/bridge'

const UNLOCKED: EncryptionStatus = {
  encrypted: true,
  unlocked: true,
  protection: 'keychain',
  keychainAvailable: true,
  keychainBackend: 'gnome_libsecret',
  recoveryPending: false,
  materialsEncrypted: true,
}
const PASS = '迁移包口令很长很长'
const PROGRESS_ID = expect.stringMatching(/^archive-(export|import)-[a-z0-9-]+$/) as unknown

const type = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } })

describe('ArchiveSettings', () => {
  let answers: Record<string, Answer>
  let invoke: ReturnType<typeof installBridge>
  beforeEach(() => {
    setErrorPresenter(() => undefined)
    answers = {}
    invoke = installBridge((channel) => answers[channel])
  })
  afterEach(() => {
    cleanup()
    useLanguageStore.setState({ language: 'zh-CN' })
  })

  it('exports with a confirmed passphrase of 8+ characters and shows where it was written', async () => {
    answers['archive:export'] = {
      ok: true,
      value: { path: '/home/u/迁移包.bdxa', files: 12, bytes: 3 * 1024 ** 2, encrypted: true },
    }
    render(<ArchiveSettings status={UNLOCKED} />)
    const button = screen.getByTestId('arc-export')
    type('arc-pass-1', 'short')
    expect(screen.getByText('迁移包口令至少需要 8 个字符。')).toBeTruthy()
    type('arc-pass-1', PASS)
    type('arc-pass-2', `${PASS}x`)
    expect(button.hasAttribute('disabled')).toBe(true)
    type('arc-pass-2', PASS)
    expect(button.hasAttribute('disabled')).toBe(false)
    fireEvent.click(button)
    await waitFor(() =>
      expect(screen.getByTestId('arc-export-done').textContent).toContain('/home/u/迁移包.bdxa'),
    )
    expect(invoke).toHaveBeenCalledWith('archive:export', { passphrase: PASS, progressId: PROGRESS_ID })
  })

  it('cannot export while locked', () => {
    render(<ArchiveSettings status={{ ...UNLOCKED, unlocked: false }} />)
    type('arc-pass-1', PASS)
    type('arc-pass-2', PASS)
    expect(screen.getByTestId('arc-export').hasAttribute('disabled')).toBe(true)
    expect(screen.getByText('工作区已加密且尚未解锁：请先解锁，再导出迁移包。')).toBeTruthy()
  })

  it("imports: shows main's refusal in place, then the result with how to unlock and the restart", async () => {
    answers['archive:import'] = {
      ok: false,
      error: {
        code: 'archive/workspace-not-empty',
        message: '当前工作区已有主体、网站或材料：应用内只能把迁移包导入到空的工作区。',
      },
    }
    render(<ArchiveSettings status={UNLOCKED} />)
    type('arc-import-pass', PASS)
    fireEvent.click(screen.getByTestId('arc-import'))
    await waitFor(() => expect(screen.getByTestId('arc-error').textContent).toContain('空的工作区'))
    answers['archive:import'] = {
      ok: true,
      value: { files: 9, bytes: 1024 ** 2, encrypted: true, unlockWith: 'keychain', restart: 'automatic' },
    }
    fireEvent.click(screen.getByTestId('arc-import'))
    await waitFor(() => expect(screen.getByTestId('arc-import-done').textContent).toContain('即将重新启动'))
    expect(screen.getByTestId('arc-import-done').textContent).toContain('系统钥匙串')
    expect(invoke).toHaveBeenLastCalledWith('archive:import', { passphrase: PASS, progressId: PROGRESS_ID })
  })

  it("shows main's archive:progress of its own run as a bar with words, and drops it when done", async () => {
    let listener: ((p: Events['archive:progress']) => void) | undefined
    window.beian = {
      ...(window.beian as BeianBridge<File>),
      on: vi.fn((_event: string, l: (p: Events['archive:progress']) => void) => {
        listener = l
        return () => undefined
      }) as BeianBridge<File>['on'],
    }
    let finish: (a: Answer) => void = () => undefined
    invoke.mockImplementation(async (channel: string) =>
      channel === 'archive:import' ? new Promise<Answer>((r) => (finish = r)) : { ok: true, value: null },
    )
    render(<ArchiveSettings status={UNLOCKED} />)
    type('arc-import-pass', PASS)
    fireEvent.click(screen.getByTestId('arc-import'))
    await waitFor(() => expect(invoke).toHaveBeenCalled())
    const progressId = (invoke.mock.calls[0]?.[1] as { progressId: string }).progressId
    const emit = (p: Partial<Events['archive:progress']>) =>
      act(() =>
        listener?.({
          progressId,
          operation: 'import',
          phase: 'checking',
          done: 0,
          total: 8 * 1024 ** 2,
          ...p,
        }),
      )
    emit({ progressId: 'someone-else', done: 4 * 1024 ** 2 })
    expect(screen.queryByTestId('arc-import-progress')).toBeNull()
    emit({ phase: 'key', total: 0 })
    expect(screen.getByTestId('arc-import-progress').textContent).toContain('正在由口令生成密钥')
    emit({ phase: 'writing', done: 2 * 1024 ** 2 })
    const bar = screen.getByTestId('arc-import-progress')
    expect(bar.textContent).toContain('正在写入导入的工作区：2.0 / 8.0 MB')
    expect(bar.textContent).toContain('62%') // checking is the first half
    finish({
      ok: true,
      value: { files: 9, bytes: 8 * 1024 ** 2, encrypted: false, unlockWith: 'none', restart: 'automatic' },
    })
    await waitFor(() => expect(screen.getByTestId('arc-import-done')).toBeTruthy())
    expect(screen.queryByTestId('arc-import-progress')).toBeNull()
  })

  it('has the English words too', () => {
    useLanguageStore.setState({ language: 'en' })
    render(<ArchiveSettings status={UNLOCKED} />)
    expect(screen.getByText('Workspace archive (a new computer)')).toBeTruthy()
  })
})
