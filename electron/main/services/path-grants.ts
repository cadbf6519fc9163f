/**
 * Paths are capabilities: main reads and writes only paths it handed out itself. A grant is
 * recorded when main's own dialog answers (files to read, an output folder, a save target) or
 * when the preload registers files dropped onto the window (checked here as regular files, not
 * links). Every channel that takes a path asks this registry first; any other path is refused
 * with a Chinese message and a code.
 *
 * Grants are per scope (one window), bounded (oldest dropped first) and expire after a quiet
 * period (each use renews a grant). The CLI never goes through here: its user types the paths.
 */
import { lstatSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { AppFailure } from './app-error'

/** What a grant allows: reading one file, writing into one folder, or writing one save target. */
export type GrantKind = 'file' | 'folder' | 'target'

type Grant = {
  kind: GrantKind
  /** A dropped path main refused when it was registered: the reason, given when it is used. */
  refusal?: AppFailure
  /** Dropped files are checked again when used (a file may be swapped for a link meanwhile). */
  dropped: boolean
  expires: number
}

export type PathGrantsOptions = {
  /** Most grants one window holds; the least recently used go first. */
  maxPerScope?: number
  /** Most windows tracked at once; the least recently used scope goes first. */
  maxScopes?: number
  /** A grant unused for this long is forgotten. */
  ttlMs?: number
  now?: () => number
}

export const DEFAULT_SCOPE = 'default'
const DEFAULTS = { maxPerScope: 4096, maxScopes: 16, ttlMs: 12 * 60 * 60 * 1000 }

const KIND_WORDS: Record<GrantKind, string> = {
  file: '要读取的文件',
  folder: '要写入的文件夹',
  target: '要保存的文件',
}

function notGranted(kind: GrantKind, path: string): AppFailure {
  return new AppFailure(
    'path/not-granted',
    `${KIND_WORDS[kind]}“${basename(path) || path}”不是在本程序的对话框中选择的，也不是拖入窗口的（或选择已过期），已拒绝读写。请重新选择或拖入后再试。`,
  )
}

/** Why a dropped path cannot be used, or null for a regular file. */
export function droppedFileRefusal(path: string): AppFailure | null {
  const name = basename(path) || path
  let stat
  try {
    stat = lstatSync(path)
  } catch {
    return new AppFailure(
      'path/dropped-missing',
      `找不到拖入的文件“${name}”，它可能已被移动或删除。请重新拖入。`,
    )
  }
  if (stat.isSymbolicLink())
    return new AppFailure(
      'path/dropped-link',
      `拖入的“${name}”是快捷方式（符号链接），为安全起见不会跟随。请拖入原文件。`,
    )
  if (stat.isDirectory())
    return new AppFailure(
      'path/dropped-folder',
      `拖入的“${name}”是文件夹，不能直接导入。请打开文件夹，拖入其中的图片或 PDF 文件。`,
    )
  if (!stat.isFile())
    return new AppFailure(
      'path/dropped-not-file',
      `拖入的“${name}”不是普通文件，无法导入。请拖入图片或 PDF 文件。`,
    )
  return null
}

export class PathGrants {
  readonly #scopes = new Map<string, Map<string, Grant>>()
  readonly #opts: Required<Omit<PathGrantsOptions, 'now'>>
  readonly #now: () => number

  constructor(options: PathGrantsOptions = {}) {
    this.#opts = {
      maxPerScope: options.maxPerScope ?? DEFAULTS.maxPerScope,
      maxScopes: options.maxScopes ?? DEFAULTS.maxScopes,
      ttlMs: options.ttlMs ?? DEFAULTS.ttlMs,
    }
    this.#now = options.now ?? Date.now
  }

  /** Records what main's own dialog answered. */
  grant(scope: string, kind: GrantKind, paths: readonly string[]): void {
    for (const path of paths) this.#put(scope, path, { kind, dropped: false })
  }

  /**
   * Records files dropped onto the window (paths resolved by the preload). Regular files are
   * granted for reading; anything else is remembered with its reason, given when it is used.
   */
  grantDropped(scope: string, paths: readonly string[]): string[] {
    for (const path of paths) {
      const refusal = droppedFileRefusal(path)
      this.#put(scope, path, { kind: 'file', dropped: true, ...(refusal ? { refusal } : {}) })
    }
    return [...paths]
  }

  /** Throws unless `path` was granted as `kind` in `scope` (exactly that path; never a parent's grant). */
  require(scope: string, kind: GrantKind, path: string): void {
    const grants = this.#scopes.get(scope)
    const key = keyOf(path)
    const grant = grants?.get(key)
    if (!grants || !grant || grant.expires <= this.#now() || grant.kind !== kind) {
      if (grant && grant.expires <= this.#now()) grants?.delete(key)
      throw notGranted(kind, path)
    }
    if (grant.refusal) throw grant.refusal
    if (grant.dropped) {
      const refusal = droppedFileRefusal(path)
      if (refusal) throw refusal
    }
    // Renew: a grant in use does not expire, and moves to the back of the eviction order.
    grants.delete(key)
    grants.set(key, { ...grant, expires: this.#now() + this.#opts.ttlMs })
    this.#touchScope(scope, grants)
  }

  /**
   * Throws path/not-granted unless `path` was handed out as `kind` (and has not expired), usable
   * or not: a dropped folder passes here and is refused by `require` when it is used.
   */
  requireKnown(scope: string, kind: GrantKind, path: string): void {
    const grant = this.#scopes.get(scope)?.get(keyOf(path))
    if (!grant || grant.expires <= this.#now() || grant.kind !== kind) throw notGranted(kind, path)
  }

  has(scope: string, kind: GrantKind, path: string): boolean {
    const grant = this.#scopes.get(scope)?.get(keyOf(path))
    return !!grant && !grant.refusal && grant.expires > this.#now() && grant.kind === kind
  }

  /** Forgets a window's grants (it was closed). */
  forget(scope: string): void {
    this.#scopes.delete(scope)
  }

  /** How many grants a scope holds (tests). */
  size(scope: string): number {
    return this.#scopes.get(scope)?.size ?? 0
  }

  #put(scope: string, path: string, grant: Omit<Grant, 'expires'>): void {
    const grants = this.#scopes.get(scope) ?? new Map<string, Grant>()
    const key = keyOf(path)
    grants.delete(key)
    grants.set(key, { ...grant, expires: this.#now() + this.#opts.ttlMs })
    while (grants.size > this.#opts.maxPerScope) grants.delete(grants.keys().next().value as string)
    this.#touchScope(scope, grants)
  }

  #touchScope(scope: string, grants: Map<string, Grant>): void {
    this.#scopes.delete(scope)
    this.#scopes.set(scope, grants)
    while (this.#scopes.size > this.#opts.maxScopes)
      this.#scopes.delete(this.#scopes.keys().next().value as string)
  }
}

function keyOf(path: string): string {
  const full = resolve(path)
  return process.platform === 'win32' || process.platform === 'darwin' ? full.toLowerCase() : full
}
