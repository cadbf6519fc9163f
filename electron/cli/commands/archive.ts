/**
 * `beian-desk archive export --data-dir DIR --out FILE.bdxa`: the whole workspace as one
 * encrypted archive (工作区迁移包), read-only on the data folder. `beian-desk archive import
 * FILE.bdxa --data-dir NEW_DIR`: into an empty or new folder only (see services/archive).
 * The archive passphrase comes like the workspace's: a file, an environment variable, a prompt.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { archivePercent, type ArchiveOperation, type ArchiveStep } from '../../../core/archive-progress'
import { exportArchive } from '../../main/services/archive/export'
import { importArchive, type UnlockWith } from '../../main/services/archive/import'
import { readKeyFile } from '../../main/services/crypto/key-file'
import { createWorkspaceKeys } from '../../main/services/crypto/workspace-keys'
import { type CliContext, UsageError } from '../io'
import type { CliMessages } from '../messages'
import { readSecret, secretFor, type UnlockContext } from '../unlock'
import { openReadOnlyStore } from '../workspace'

export const ARCHIVE_PASSPHRASE_ENV = 'BEIAN_DESK_ARCHIVE_PASSPHRASE'
const COMMAND = 'archive'

type Ctx = CliContext & UnlockContext & { acceptRecovered?: boolean }

const megabytes = (bytes: number): string => (bytes / 1024 ** 2).toFixed(1)

/**
 * Progress lines on stderr: one per phase and per 10 % step (stdout stays the result, and with
 * --json nothing is printed but the JSON).
 */
function progressLines(ctx: Ctx, operation: ArchiveOperation, json: boolean | undefined) {
  if (json) return {}
  let shown = ''
  return {
    onProgress: (step: ArchiveStep) => {
      const percent = archivePercent(operation, step)
      const what = step.phase === 'writing' ? operation : step.phase
      const key = `${what}:${String(Math.floor(percent / 10))}`
      if (key === shown) return
      shown = key
      ctx.io.err(`${ctx.m.archive.progress(what, percent, megabytes(step.done), megabytes(step.total))}\n`)
    },
  }
}

async function archivePassphrase(ctx: Ctx, file: string | undefined, confirm: boolean): Promise<string> {
  const { m } = ctx
  const source = {
    ...(file === undefined ? {} : { file }),
    envName: ARCHIVE_PASSPHRASE_ENV,
    missing: m.archive.missing,
  }
  const first = await readSecret(ctx, { ...source, prompt: m.archive.prompt }, COMMAND)
  // Typed blind at a prompt: a typo would lock the archive for good, so it is typed twice.
  const prompted = file === undefined && !ctx.unlock?.env[ARCHIVE_PASSPHRASE_ENV]
  if (
    confirm &&
    prompted &&
    (await readSecret(ctx, { ...source, prompt: m.archive.promptAgain }, COMMAND)) !== first
  )
    throw new UsageError(m.archive.mismatch, COMMAND)
  return first
}

const unlockNote = (m: CliMessages, how: UnlockWith): string =>
  ({
    keychain: m.archive.unlockKeychain,
    passphrase: m.archive.unlockPassphrase,
    'archive-passphrase': m.archive.unlockArchive,
    none: m.archive.unlockNone,
  })[how]

export async function archiveCommand(argv: string[], ctx: Ctx): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      'archive-passphrase-file': { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  const { io, m } = ctx
  const [action, file, ...extra] = positionals
  if (action === undefined) throw new UsageError(m.archive.needAction, COMMAND)
  if (action !== 'export' && action !== 'import') throw new UsageError(m.archive.badAction(action), COMMAND)
  if (!values['data-dir']) throw new UsageError(m.needDataDir, COMMAND)
  const dataDir = resolve(values['data-dir'])
  const passFile = values['archive-passphrase-file']

  if (action === 'export') {
    if (file !== undefined) throw new UsageError(m.unexpectedArgument(file), COMMAND)
    if (!values.out) throw new UsageError(m.archive.needOut, COMMAND)
    // A damaged store is reported (exit 3) before it is packed, as every command does.
    ;(await openReadOnlyStore(dataDir, ctx, COMMAND)).close()
    const keyFile = readKeyFile(dataDir)
    let dataKey: Buffer | null = null
    if (keyFile) {
      const keys = createWorkspaceKeys(dataDir)
      const keychainOnly = keyFile.protection === 'keychain' && !keyFile.passphrase
      await keys.unlock(await secretFor(ctx, keychainOnly, COMMAND))
      dataKey = keys.dataKey()
    }
    const passphrase = await archivePassphrase(ctx, passFile, true)
    const result = await exportArchive({
      dataDir,
      out: resolve(values.out),
      passphrase,
      dataKey,
      ...progressLines(ctx, 'export', values.json),
    })
    if (values.json) io.out(`${JSON.stringify(result, null, 2)}\n`)
    else {
      io.out(`${m.archive.exported(result.path, result.files, megabytes(result.bytes))}\n`)
      io.out(`${result.encrypted ? m.archive.exportedEncrypted : m.archive.exportedPlain}\n`)
    }
    return 0
  }
  if (file === undefined) throw new UsageError(m.archive.needFile, COMMAND)
  if (extra[0] !== undefined) throw new UsageError(m.unexpectedArgument(extra[0]), COMMAND)
  const passphrase = await archivePassphrase(ctx, passFile, false)
  const result = await importArchive({
    archive: resolve(file),
    targetDir: dataDir,
    passphrase,
    ...progressLines(ctx, 'import', values.json),
  })
  if (values.json) io.out(`${JSON.stringify(result, null, 2)}\n`)
  else {
    io.out(`${m.archive.imported(result.dataDir, result.files, megabytes(result.bytes))}\n`)
    io.out(`${unlockNote(m, result.unlockWith)}\n`)
  }
  return 0
}
