/** Encryption at rest: status, unlock, passphrase, the recovery key (settings → 数据加密). */
import type { EncryptionStatus } from '../../../core/api'
import type { Services } from '../services/container'
import type { KeyStatus } from '../services/crypto/workspace-keys'
import type { Handlers } from './types'

type EncryptionHandlers = Pick<
  Handlers,
  | 'encryption:status'
  | 'encryption:unlock'
  | 'encryption:lock'
  | 'encryption:setPassphrase'
  | 'encryption:recoveryCode'
>

const toStatus = (s: KeyStatus): EncryptionStatus => ({ ...s })

export function encryptionHandlers({ encryption }: Services): EncryptionHandlers {
  return {
    'encryption:status': async () => toStatus(await encryption.status()),
    'encryption:unlock': async ({ secret }) => toStatus(await encryption.unlock(secret)),
    'encryption:lock': async () => toStatus(await encryption.lock()),
    'encryption:setPassphrase': async ({ passphrase }) =>
      toStatus(await encryption.setPassphrase(passphrase)),
    'encryption:recoveryCode': ({ renew }) => encryption.recoveryCode(renew),
  }
}
