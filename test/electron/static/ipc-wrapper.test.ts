/** SEC-09 (static part): every IPC listener in main goes through the one validating wrapper. */
import { describe, expect, it } from 'vitest'
import { readRepoFile, sourceFiles } from './source'

const WRAPPER = 'electron/main/ipc/register.ts'
const LISTENERS =
  /\bipcMain\s*\.\s*(handle|handleOnce|on|once|addListener|prependListener)\b|\.ipc\s*\.\s*(handle|handleOnce|on|once)\b/

describe('SEC-09 IPC registration', () => {
  it('registers IPC listeners only in the wrapper', () => {
    const offenders = sourceFiles(['electron']).filter(
      (p) => p !== WRAPPER && LISTENERS.test(readRepoFile(p)),
    )
    expect(offenders).toEqual([])
  })

  it('the wrapper checks the sender and routes through the schema-validating dispatch', () => {
    const source = readRepoFile(WRAPPER)
    expect(source).toMatch(/isTrustedSender\(event, policy\)/)
    expect(source).toMatch(/dispatch\(handlers, channel, args\[0\]/)
    expect(source).toMatch(/for \(const channel of CHANNELS\)/)
  })
})
