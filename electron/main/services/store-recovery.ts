/**
 * What happens when the store file does not open: the damaged file is moved aside as it was;
 * then, in this order, (1) its damaged records are taken out alone and kept in a quarantine
 * file when the rest validates, (2) else the newest backup generation that parses and
 * validates is restored, (3) else the app starts empty. Every branch is reported, never silent.
 */
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { CryptoFailure, isSealed } from './crypto/envelope'
import { isSealedCodec } from './crypto/sealed-store-codec'
import type { GenerationInfo, StoreBackups } from './store-backups'
import { IDENTITY_CODEC, readStoreText, writeStoreText, type StoreCodec } from './store-codec'
import {
  countsOf,
  isPlainObject,
  KIND_LABEL_ZH,
  parseJson,
  salvageState,
  type QuarantinedRecord,
} from './store-salvage'

export type RecoveryOutcome = 'records-quarantined' | 'restored-generation' | 'started-empty'

export type StoreRecovery = {
  outcome: RecoveryOutcome
  /** The damaged store file, kept aside as it was (the real file, untouched, when read-only). */
  quarantined: string
  /** True for 'records-quarantined' and 'restored-generation': the data came back. */
  restoredFromBackup: boolean
  /** The generation restored ('restored-generation' only). */
  generation: GenerationInfo | null
  /** Records taken out alone ('records-quarantined'), without their contents. */
  quarantinedRecords: Omit<QuarantinedRecord, 'record'>[]
  /** Where those records are kept in full (null when read-only: nothing was written). */
  quarantineFile: string | null
  /** Generations that were newer but did not parse or validate. */
  skippedGenerations: string[]
  /** False for a read-only open: the files on disk were left as they were. */
  repairedOnDisk: boolean
  /** One paragraph in Chinese for the app's notice and the CLI's output. */
  summary: string
}

export const QUARANTINE_PREFIX = 'config.quarantine-'

/** Whether an error from opening the store means a damaged file (rather than, say, EACCES). */
export function isDamage(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if ((error as NodeJS.ErrnoException).code !== undefined && error.name !== 'StoreDamage') return false
  return (
    error.name === 'SyntaxError' || error.name === 'StoreDamage' || /schema violation/i.test(error.message)
  )
}

export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/** Files that hold quarantined records, for the orphan sweep and for real deletion. */
export function quarantineFiles(dataDir: string): string[] {
  try {
    return readdirSync(dataDir)
      .filter((n) => n.startsWith(QUARANTINE_PREFIX) && n.endsWith('.json'))
      .map((n) => join(dataDir, n))
  } catch {
    return []
  }
}

/** Copies of damaged store files (`config.json.corrupt-*`), kept aside for the user. */
export function damagedCopies(dataDir: string, storeFile: string): string[] {
  const prefix = `${basename(storeFile)}.corrupt-`
  try {
    return readdirSync(dataDir)
      .filter((n) => n.startsWith(prefix))
      .map((n) => join(dataDir, n))
  } catch {
    return []
  }
}

/** The records a quarantine file keeps (for the sweep: their photos stay until the user decides). */
export function quarantinedRecordsIn(path: string, codec: StoreCodec = IDENTITY_CODEC): unknown[] {
  let raw: unknown
  try {
    raw = parseJson(readStoreText(path, codec))
  } catch {
    return []
  }
  return isPlainObject(raw) && Array.isArray(raw.records)
    ? raw.records.map((r: unknown) => (isPlainObject(r) ? r.record : undefined))
    : []
}

function describeRecords(records: readonly QuarantinedRecord[]): string {
  return records
    .map(
      (r) =>
        `${KIND_LABEL_ZH[r.kind] ?? r.kind}${r.label ? `「${r.label}」` : ''}（${r.problems[0] ?? '格式不符'}）`,
    )
    .join('；')
}

type RecoverInput = {
  /** Opens the store file and reads it once; throws on damage. */
  open: () => void
  filePath: string
  /** The file to name in messages (differs from filePath for a read-only private copy). */
  shownPath: string
  backups: StoreBackups
  readOnly: boolean
  /** The damaged state's text when it is not the file's (a split store put together); kept aside. */
  text?: string
  /** For the copies recovery writes (the damaged state, quarantined records). */
  codec?: StoreCodec
}

/**
 * A sealed store whose file and every backup generation fail to open was sealed under another
 * key: far likelier a wrong key than all of them damaged. Recovery would start empty, so it is
 * refused before anything is moved or written.
 */
function refuseWrongKey(filePath: string, backups: StoreBackups, codec: StoreCodec): void {
  if (!isSealedCodec(codec)) return
  let raw: Buffer
  try {
    raw = readFileSync(filePath)
  } catch {
    return
  }
  if (!isSealed(raw)) return
  try {
    codec.decode(raw)
    return // the key opens it: real damage
  } catch {
    // not with this key; the generations decide
  }
  const generations = backups.list()
  if (generations.length === 0 || generations.some((g) => g.valid)) return
  throw new CryptoFailure(
    'crypto/wrong-key',
    '数据文件和它的所有备份都无法用当前的密钥解密：很可能是密钥不对，而不是文件损坏。没有改动任何文件。请从备份恢复 keys.json 后再打开；如果问题依旧，请联系技术支持。',
  )
}

/** Recovers a store whose open threw a damage error; returns once `open()` succeeded. */
export function recoverStore(input: RecoverInput): StoreRecovery {
  const { open, filePath, shownPath, backups, readOnly } = input
  const codec = input.codec ?? IDENTITY_CODEC
  if (input.text === undefined) refuseWrongKey(filePath, backups, codec)
  const dataDir = dirname(shownPath)
  let text = input.text ?? ''
  if (input.text === undefined) {
    try {
      text = readStoreText(filePath, codec)
    } catch {
      // unreadable counts as damaged
    }
  }
  const stamp = fileStamp()
  const aside = `${filePath}.corrupt-${stamp}`
  if (input.text === undefined) renameSync(filePath, aside)
  else {
    // The split store's damaged state, put together, is what the user may want back.
    writeStoreText(aside, input.text, codec)
    rmSync(filePath, { force: true })
  }
  const quarantined = readOnly ? shownPath : aside
  const repairedOnDisk = !readOnly
  const base = {
    quarantined,
    generation: null,
    quarantinedRecords: [],
    quarantineFile: null,
    skippedGenerations: [] as string[],
    repairedOnDisk,
  }
  const tail = readOnly
    ? '（只读打开：磁盘上的文件未改动，下次由应用或写入命令打开时会修复。）'
    : `损坏的原文件已原样保留在 ${aside}。`

  const tryWrite = (content: string): boolean => {
    // Through the codec: a sealed workspace's recovered state is never plaintext on disk.
    writeStoreText(filePath, content, codec)
    try {
      open()
      return true
    } catch (error) {
      if (!isDamage(error)) throw error
      rmSync(filePath, { force: true })
      return false
    }
  }

  const salvaged = salvageState(parseJson(text))
  if (salvaged && tryWrite(JSON.stringify(salvaged.raw, null, '\t'))) {
    let quarantineFile: string | null = null
    if (!readOnly && salvaged.quarantined.length > 0) {
      quarantineFile = join(dataDir, `${QUARANTINE_PREFIX}${stamp}.json`)
      const body = { createdAt: new Date().toISOString(), damagedFile: aside, records: salvaged.quarantined }
      writeStoreText(quarantineFile, JSON.stringify(body, null, '\t'), codec)
    }
    const c = countsOf(salvaged.raw)
    const what =
      salvaged.quarantined.length > 0
        ? `其中 ${salvaged.quarantined.length} 条记录已损坏，已单独隔离${quarantineFile ? `到 ${quarantineFile}` : ''}：${describeRecords(salvaged.quarantined)}。`
        : ''
    return {
      ...base,
      outcome: 'records-quarantined',
      restoredFromBackup: true,
      quarantinedRecords: salvaged.quarantined.map(({ record: _record, ...rest }) => rest),
      quarantineFile,
      summary: `数据文件 ${shownPath} 有损坏。${what}其余数据完好（${c.subjects} 个主体、${c.sites} 个网站、${c.materials} 份材料）。${tail}`,
    }
  }

  const skipped: string[] = []
  for (const gen of backups.list()) {
    if (!gen.valid || !tryWrite(backups.read(gen.id))) {
      skipped.push(gen.id)
      continue
    }
    const skippedNote = skipped.length > 0 ? `更新的 ${skipped.length} 个备份也已损坏，已跳过。` : ''
    return {
      ...base,
      outcome: 'restored-generation',
      restoredFromBackup: true,
      generation: gen,
      skippedGenerations: skipped,
      summary: `数据文件 ${shownPath} 已损坏，无法读取。已恢复到 ${gen.takenAt} 的备份（${gen.subjects} 个主体、${gen.sites} 个网站、${gen.materials} 份材料）。${skippedNote}此后的修改可能丢失，请核对。${tail}`,
    }
  }

  open() // no usable copy: the store starts from its defaults
  return {
    ...base,
    outcome: 'started-empty',
    restoredFromBackup: false,
    skippedGenerations: skipped,
    summary: `数据文件 ${shownPath} 已损坏，${skipped.length > 0 ? `${skipped.length} 个备份也都已损坏` : '且没有可用的备份'}，已从空白数据开始。${tail}如需找回其中的内容，请联系技术支持。`,
  }
}
