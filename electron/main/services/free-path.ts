/**
 * Writing the user's output without ever destroying a file: an output goes to the first name
 * that is free at the moment of writing (`photo.jpg`, `photo_512k.jpg`, `photo_512k(2).jpg`…),
 * claimed atomically, so a file that appears meanwhile (another lane of the batch, another
 * program) is never replaced either. Only an explicit overwrite replaces, and never an input.
 */
import { link, mkdir, open, rename, rm, stat, realpath } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import { writeFileAtomic, writeSyncedTemp } from './atomic-write'

/** Gives up after this many taken names (a folder with 10,000 photo_512k(n).jpg is not normal). */
const MAX_TRIES = 10_000

/**
 * The names tried for `name`, in order: `name`, then `stem_tag.ext`, then `stem_tag(2).ext`…
 * (without a tag: `stem(2).ext`…). `tag` says what the copy is, e.g. `512k` for the cap.
 */
export function* candidateNames(name: string, tag?: string): Generator<string> {
  const ext = extname(name)
  const stem = ext && ext !== name ? name.slice(0, -ext.length) : name
  yield name
  const tagged = tag ? `${stem}_${tag}` : stem
  if (tag) yield `${tagged}${ext}`
  for (let n = 2; n < MAX_TRIES; n++) yield `${tagged}(${n})${ext}`
}

/** The tag of a compressed copy: its cap in kilobytes, e.g. 512_000 → `512k`. */
export const capTag = (maxBytes: number): string => `${Math.round(maxBytes / 1000)}k`

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code

/**
 * Whether two paths name the same file: one device and inode (symlinks, hard links, another
 * spelling of the name on a case-insensitive disk), or one real path. False when either is absent.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([
    stat(a, { bigint: true }).catch(() => null),
    stat(b, { bigint: true }).catch(() => null),
  ])
  if (!sa || !sb) return false
  if (sa.ino !== 0n && sa.dev === sb.dev && sa.ino === sb.ino) return true
  const [ra, rb] = await Promise.all([realpath(a), realpath(b)])
  return ra === rb
}

/** Whether `path` names one of `inputs` (see sameFile). */
export async function isOneOf(path: string, inputs: readonly string[]): Promise<boolean> {
  for (const input of inputs) if (await sameFile(path, input)) return true
  return false
}

/** Filesystems without hard links (FAT, exFAT, some network shares) answer link() with one of these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EINVAL'])

/**
 * Gives the finished temp file `temp` the name `target` only if nothing has that name: a hard
 * link fails when the name exists. Without hard links the name is claimed with an exclusive
 * create, then the temp file is renamed over the empty claim. False when the name is taken.
 */
async function claim(temp: string, target: string): Promise<boolean> {
  try {
    await link(temp, target)
    return true
  } catch (error) {
    if (errno(error) === 'EEXIST') return false
    if (!NO_LINKS.has(errno(error) ?? '')) throw error
  }
  try {
    await (await open(target, 'wx')).close()
  } catch (error) {
    if (errno(error) === 'EEXIST') return false
    throw error
  }
  await rename(temp, target)
  return true
}

export type FreeWriteOptions = {
  /** Suffix of the alternative names (candidateNames). */
  tag?: string
  /** Candidates to pass over: names planned for other outputs of the same run (planNames). */
  skip?: (candidate: string) => boolean
  mode?: number
}

/**
 * One name per output of a run, in order, each the first candidate of its own name that no
 * earlier output took (compared case-insensitively: Windows and macOS disks ignore case).
 * `owner(candidate)` then says which output planned a name, so the others pass over it.
 */
export function planNames(
  names: readonly string[],
  tag?: string,
): { planned: string[]; owner: (candidate: string) => number | undefined } {
  const owners = new Map<string, number>()
  const planned = names.map((name, index) => {
    for (const candidate of candidateNames(name, tag)) {
      if (owners.has(candidate.toLowerCase())) continue
      owners.set(candidate.toLowerCase(), index)
      return candidate
    }
    return name
  })
  return { planned, owner: (candidate) => owners.get(candidate.toLowerCase()) }
}

/** Moves the finished temp file to the first free candidate of `name` in `dir`; returns the final path. */
export async function moveToFreeName(
  temp: string,
  dir: string,
  name: string,
  opts: FreeWriteOptions = {},
): Promise<string> {
  try {
    for (const candidate of candidateNames(name, opts.tag)) {
      if (opts.skip?.(candidate)) continue
      const target = join(dir, candidate)
      if (await claim(temp, target)) return target
    }
    throw Object.assign(new Error(`no free name for ${name} in ${dir}`), { code: 'EEXIST' })
  } finally {
    await rm(temp, { force: true })
  }
}

/** Writes `data` atomically to `dir/name` or its first free alternative, never replacing a file. */
export async function writeFileToFreeName(
  dir: string,
  name: string,
  data: Uint8Array,
  opts: FreeWriteOptions = {},
): Promise<string> {
  const temp = await writeSyncedTemp(join(dir, name), data, opts.mode ?? 0o644)
  return moveToFreeName(temp, dir, name, opts)
}

/** Creates a new folder `parent/name` or its first free alternative (mkdir fails on an existing name). */
export async function makeFreeFolder(parent: string, name: string): Promise<string> {
  await mkdir(parent, { recursive: true })
  for (const candidate of candidateNames(name)) {
    const folder = join(parent, candidate)
    try {
      await mkdir(folder)
      return folder
    } catch (error) {
      if (errno(error) !== 'EEXIST') throw error
    }
  }
  throw Object.assign(new Error(`no free folder name for ${name} in ${parent}`), { code: 'EEXIST' })
}

/** The user asked to replace `target`: done atomically, but refused (false) when it is one of `inputs`. */
export async function overwriteUnlessInput(
  target: string,
  data: Uint8Array,
  inputs: readonly string[],
  mode = 0o644,
): Promise<boolean> {
  if (await isOneOf(resolve(target), inputs)) return false
  await writeFileAtomic(target, data, mode)
  return true
}
