import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fake } from './fake-electron'
import {
  allowedExternalUrl,
  EXTERNAL_HOST_ALLOW_LIST,
  openExternalUrl,
} from '../../../electron/main/external-links'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const ALLOWED: Array<[string, string]> = [
  ['https://beian.mps.gov.cn/', 'https://beian.mps.gov.cn/'],
  ['https://beian.mps.gov.cn/#/query/webSearch', 'https://beian.mps.gov.cn/#/query/webSearch'],
  ['https://www.beian.gov.cn/portal/index?token=x', 'https://www.beian.gov.cn/portal/index?token=x'],
  ['HTTPS://BEIAN.MPS.GOV.CN', 'https://beian.mps.gov.cn/'],
  ['https://beian.mps.gov.cn:443/', 'https://beian.mps.gov.cn/'],
]

const REFUSED = [
  'file:///C:/Windows/System32/calc.exe',
  'file:///etc/passwd',
  'smb://attacker.example/share/payload.exe',
  '\\\\attacker.example\\share\\payload.exe',
  'javascript:alert(1)',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'ms-msdt:-id%20PCWDiagnostic',
  'search-ms:query=beian',
  'data:text/html,<script>alert(1)</script>',
  'http://beian.mps.gov.cn/',
  'https://beian.mps.gov.cn.evil.example/',
  'https://evil.example/beian.mps.gov.cn',
  'https://evil-beian.mps.gov.cn.example/',
  'https://beian.mps.gov.cn@evil.example/',
  'https://evil.example@beian.mps.gov.cn/',
  'https://user:pass@beian.mps.gov.cn/',
  'https://beian.mps.gov.cn%2f@evil.example/',
  'https://beian.mps.gov.cn\\@evil.example/',
  'https://beian.mps.gov.cn:8443/',
  'https://beian.mps.gov.cn./',
  'https://bеian.mps.gov.cn/', // Cyrillic "е"
  'https://beian.mps.gov.cn.',
  'https://mps.gov.cn/',
  'https://gov.cn/',
  'https://beian.gov.cn/',
  ' https://beian.mps.gov.cn/',
  'https://beian.mps.gov.cn/\n',
  'https://beian.mps.gov.cn/\u0000',
  `https://beian.mps.gov.cn/${'a'.repeat(2100)}`,
  '//beian.mps.gov.cn/',
  'beian.mps.gov.cn',
  '',
]

describe('allowedExternalUrl', () => {
  it('allows exactly the two portal hosts', () => {
    expect([...EXTERNAL_HOST_ALLOW_LIST].sort()).toEqual(['beian.mps.gov.cn', 'www.beian.gov.cn'])
  })

  it.each(ALLOWED)('allows %s as %s', (raw, normalized) => {
    expect(allowedExternalUrl(raw)).toBe(normalized)
  })

  it.each(REFUSED)('refuses %j', (raw) => {
    expect(allowedExternalUrl(raw)).toBeNull()
  })

  it.each([undefined, null, 42, {}, ['https://beian.mps.gov.cn/']])('refuses the non-string %j', (raw) => {
    expect(allowedExternalUrl(raw)).toBeNull()
  })
})

describe('openExternalUrl', () => {
  beforeEach(() => {
    fake.reset()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
  })

  it('opens an allowed URL in the browser, normalised', async () => {
    expect(await openExternalUrl('HTTPS://BEIAN.MPS.GOV.CN')).toBe(true)
    expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://beian.mps.gov.cn/')
  })

  it.each(REFUSED)('never hands %j to the shell', async (raw) => {
    expect(await openExternalUrl(raw)).toBe(false)
    expect(fake.shell.openExternal).not.toHaveBeenCalled()
  })

  it('answers false when the system cannot open the browser', async () => {
    fake.shell.openExternal.mockRejectedValueOnce(new Error('no handler'))
    expect(await openExternalUrl('https://beian.mps.gov.cn/')).toBe(false)
  })
})
