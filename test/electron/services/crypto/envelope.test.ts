import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { HEADER_BYTES, isSealed, open, seal } from '../../../../electron/main/services/crypto/envelope'

const key = () => randomBytes(32)

describe('AES-256-GCM container', () => {
  it('round-trips any bytes, with a fresh nonce each time', () => {
    const k = key()
    for (const size of [0, 1, 15, 16, 17, 4096, 300_000]) {
      const plain = randomBytes(size)
      const a = seal(k, plain)
      const b = seal(k, plain)
      expect(a.length).toBe(HEADER_BYTES + size)
      expect(a.equals(b)).toBe(false)
      expect(isSealed(a)).toBe(true)
      expect(open(k, a).equals(plain)).toBe(true)
    }
  })

  it('hides the plaintext: no JPEG magic and no ID number in the sealed bytes', () => {
    const plain = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('11010519491231002X')])
    const sealed = seal(key(), plain)
    expect(sealed.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false)
    expect(sealed.includes(Buffer.from('11010519491231002X'))).toBe(false)
  })

  it('refuses every single-byte change (header, nonce, tag, body) with a clear message', () => {
    const k = key()
    const sealed = seal(k, randomBytes(64))
    for (let i = 0; i < sealed.length; i++) {
      const bad = Buffer.from(sealed)
      bad[i] = (bad[i] ?? 0) ^ 0x01
      let error: unknown
      try {
        open(k, bad, '材料文件')
      } catch (e) {
        error = e
      }
      expect(error, `byte ${i}`).toMatchObject({
        code: i === 4 ? 'crypto/unknown-version' : 'crypto/tampered',
      })
    }
  })

  it('refuses a truncated file, another key and plain bytes', () => {
    const k = key()
    const sealed = seal(k, Buffer.from('hello'))
    expect(() => open(k, sealed.subarray(0, sealed.length - 1))).toThrow(/无法解密/)
    expect(() => open(k, sealed.subarray(0, 10))).toThrow(/无法解密/)
    expect(() => open(key(), sealed)).toThrow(/无法解密.*从备份恢复/)
    expect(() => open(k, Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toThrow(/无法解密/)
  })
})
