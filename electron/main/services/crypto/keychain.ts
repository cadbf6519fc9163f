/**
 * The OS keychain port: Electron's safeStorage in the app (Keychain on macOS, DPAPI on
 * Windows, libsecret/kwallet on Linux), a fake in plain-Node tests, absent in the CLI and the
 * test bridge. Services never import electron; main hands `keychainFromSafeStorage(safeStorage)`.
 */
export type KeychainPort = {
  /** 'basic_text' on Linux without a secret store (a hard-coded password: no protection). */
  backend(): string
  available(): boolean
  encrypt(plain: string): Buffer
  decrypt(blob: Buffer): string
}

/** The part of Electron's safeStorage we use (structural, so no electron import here). */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(blob: Buffer): string
  getSelectedStorageBackend?: () => string
}

export function keychainFromSafeStorage(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): KeychainPort {
  return {
    backend: () =>
      platform === 'linux'
        ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown')
        : platform === 'darwin'
          ? 'keychain'
          : platform === 'win32'
            ? 'dpapi'
            : 'unknown',
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (blob) => safeStorage.decryptString(blob),
  }
}

/** Backends that give no real protection (check the name: isEncryptionAvailable may be true). */
const NO_PROTECTION = new Set(['basic_text', 'unknown'])

/** True when the keychain really protects a key (not basic_text, not absent). */
export function isRealKeychain(port: KeychainPort | null | undefined): port is KeychainPort {
  if (!port) return false
  try {
    return port.available() && !NO_PROTECTION.has(port.backend())
  } catch {
    return false
  }
}
