/** A fake OS keychain for plain-Node tests: reversible, marks its blobs, can be switched off. */
import type { KeychainPort } from '../../../../electron/main/services/crypto/keychain'

export type FakeKeychain = KeychainPort & { broken: boolean; backendName: string }

export function fakeKeychain(backendName = 'gnome_libsecret'): FakeKeychain {
  const port: FakeKeychain = {
    broken: false,
    backendName,
    backend: () => port.backendName,
    available: () => true,
    encrypt: (plain) => Buffer.from(`fake-keychain:${Buffer.from(plain).reverse().toString('base64')}`),
    decrypt: (blob) => {
      if (port.broken)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      const text = blob.toString()
      if (!text.startsWith('fake-keychain:')) throw new Error('not ours')
      return Buffer.from(text.slice('fake-keychain:'.length), 'base64').reverse().toString()
    },
  }
  return port
}

/** Cheap scrypt costs for tests (the real ones are checked in workspace-keys.test.ts). */
export const FAST = {
  passphraseScrypt: { N: 2 ** 10, r: 8, p: 1 },
  recoveryScrypt: { N: 2 ** 10, r: 8, p: 1 },
}
