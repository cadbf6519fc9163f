/**
 * Reading an export back after it is written: every file of the packet, from the folder or
 * from the finished zip, must have the bytes (sha256) that were meant to be written, and each
 * material must still be within its size cap. Catches a full disk, a sync tool or antivirus
 * rewriting files, and a zip writer fault, before the user uploads.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'

export type ExpectedFile = { file: string; sha256: string; maxBytes?: number }

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

/** Every entry of a zip (stored or deflated; no ZIP64, far beyond a packet's size). */
export function unzipEntries(zip: Buffer): Map<string, Buffer> {
  const floor = Math.max(0, zip.length - 0xffff - 22)
  let eocd = -1
  for (let i = zip.length - 22; i >= floor; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('zip: no end of central directory')
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const out = new Map<string, Buffer>()
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('zip: bad central directory entry')
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const [nameLen, extraLen, commentLen] = [
      zip.readUInt16LE(at + 28),
      zip.readUInt16LE(at + 30),
      zip.readUInt16LE(at + 32),
    ]
    const local = zip.readUInt32LE(at + 42)
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8')
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`zip: bad local header for ${name}`)
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(start, start + size)
    if (method !== 0 && method !== 8) throw new Error(`zip: unsupported method ${method} for ${name}`)
    out.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw))
    at += 46 + nameLen + extraLen + commentLen
  }
  return out
}

/** The Chinese problems found, empty when every file reads back as written. */
export function compareWritten(
  expected: readonly ExpectedFile[],
  actual: ReadonlyMap<string, Uint8Array | null>,
): string[] {
  const problems: string[] = []
  for (const f of expected) {
    const data = actual.get(f.file)
    if (!data) problems.push(`“${f.file}”没有写入成功。`)
    else if (sha256(data) !== f.sha256) problems.push(`“${f.file}”写入后读回的内容与原文件不一致。`)
    else if (f.maxBytes !== undefined && data.length > f.maxBytes)
      problems.push(`“${f.file}”有 ${data.length} 字节，超过了 ${f.maxBytes} 字节的上限。`)
  }
  const names = new Set(expected.map((f) => f.file))
  for (const name of actual.keys()) if (!names.has(name)) problems.push(`导出中多出了“${name}”。`)
  return problems
}

/** Re-reads the files of a packet folder. */
export async function readBackFolder(folder: string, expected: readonly ExpectedFile[]): Promise<string[]> {
  const actual = new Map<string, Buffer | null>()
  for (const f of expected)
    actual.set(f.file, await readFile(join(folder, ...f.file.split('/'))).catch(() => null))
  return compareWritten(expected, actual)
}

/** Re-reads a finished zip; `prefix` is the folder inside it. */
export async function readBackZip(
  zipPath: string,
  prefix: string,
  expected: readonly ExpectedFile[],
): Promise<string[]> {
  const entries = unzipEntries(await readFile(zipPath))
  const actual = new Map<string, Buffer>()
  for (const [name, data] of entries)
    actual.set(name.startsWith(`${prefix}/`) ? name.slice(prefix.length + 1) : name, data)
  return compareWritten(expected, actual)
}
