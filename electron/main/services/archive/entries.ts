/**
 * What a workspace archive may contain, as pure checks run on the whole manifest before a single
 * byte is written: names that stay inside the data folder on every OS (no absolute path, `..`,
 * backslash, drive letter, reserved device name, case-colliding duplicate), only regular files
 * (a symlink, hard link or device entry is refused, not skipped), and sizes under the caps.
 * The archive is not compressed, so its content cannot be larger than the archive itself: a
 * manifest that declares more is a cut file or a lie (a bomb), refused before reading further.
 */
import { archiveErrors } from './errors'

export type ManifestEntry = { name: string; type: 'file'; size: number }

/** The files of a data folder that belong to the workspace (Electron's own userData files do not). */
const TOP_FILES =
  /^(config\.json|config\.backup\.json|purge\.pending\.json|keys\.json|config\.quarantine-[A-Za-z0-9_.-]+\.json)$/
const TOP_DIRS = new Set(['store', 'materials', 'backups'])
const SEGMENT = /^[A-Za-z0-9_.@+-]{1,120}$/
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i
const MAX_DEPTH = 6
const MAX_NAME_CHARS = 400

export const LIMITS = {
  entries: 200_000,
  totalBytes: 32 * 1024 ** 3,
  manifestBytes: 64 * 1024 ** 2,
}

/** Why `name` is not a safe entry name, or null when it is. */
export function unsafeNameReason(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return '名称为空'
  if (name.length > MAX_NAME_CHARS) return '名称过长'
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return '绝对路径'
  if (name.includes('\\')) return '含有反斜杠'
  if (name.includes(':')) return '含有冒号（盘符或数据流）'
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '含有控制字符'
  const parts = name.split('/')
  if (parts.some((p) => p === '..')) return '含有 ..，会写到数据文件夹之外'
  if (parts.some((p) => p === '' || p === '.')) return '路径段为空'
  if (parts.length > MAX_DEPTH) return '层级过深'
  if (parts.some((p) => !SEGMENT.test(p) || RESERVED.test(p) || /[. ]$/.test(p))) return '含有不允许的字符'
  const [top] = parts
  if (parts.length === 1 ? !TOP_FILES.test(name) : !TOP_DIRS.has(top as string)) return '不属于工作区的文件'
  return null
}

/** True for the data-folder paths an export takes (the same rule the import enforces). */
export const isWorkspacePath = (name: string): boolean => unsafeNameReason(name) === null

/**
 * Checks a parsed manifest; throws the refusal. `archiveBytes` is the archive's size on disk:
 * the declared content must fit in it.
 */
export function checkManifest(raw: unknown, archiveBytes: number): ManifestEntry[] {
  if (!Array.isArray(raw)) throw archiveErrors.damaged('清单格式不对')
  if (raw.length > LIMITS.entries)
    throw archiveErrors.tooLarge(`${String(raw.length)} 个条目，上限 ${String(LIMITS.entries)}`)
  const seen = new Set<string>()
  const files = new Set<string>()
  const dirs = new Set<string>()
  let total = 0
  const out: ManifestEntry[] = []
  for (const entry of raw as unknown[]) {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>
    const name = typeof e.name === 'string' ? e.name : ''
    const why = unsafeNameReason(e.name)
    if (why) throw archiveErrors.unsafeEntry(name, why)
    if (e.type !== 'file')
      throw archiveErrors.unsafeEntry(
        name,
        `类型为 ${String(e.type).slice(0, 20)}，只接受普通文件（不接受符号链接、硬链接或设备）`,
      )
    const size = e.size
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
      throw archiveErrors.damaged(`条目 ${name} 的大小无效`)
    const folded = name.normalize('NFC').toLowerCase()
    if (seen.has(folded)) throw archiveErrors.unsafeEntry(name, '名称重复（不区分大小写）')
    seen.add(folded)
    const parts = folded.split('/')
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'))
    files.add(folded)
    total += size
    if (total > LIMITS.totalBytes)
      throw archiveErrors.tooLarge(`内容超过 ${String(LIMITS.totalBytes / 1024 ** 3)} GiB`)
    // Not compressed: more content than file is a cut file, or a lie (a bomb).
    if (total > archiveBytes)
      throw archiveErrors.damaged('清单声明的内容比迁移包本身还大：文件不完整或是伪造的')
    out.push({ name, type: 'file', size })
  }
  for (const f of files) if (dirs.has(f)) throw archiveErrors.unsafeEntry(f, '同一名称既是文件又是文件夹')
  return out
}
