/** Hand-made archives for the hostile-input tests: any manifest, any content, the real format. */
import { createHash, randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import {
  archiveKeys,
  encodeHeader,
  FrameWriter,
  newHeader,
} from '../../../../electron/main/services/archive/format'

export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 }

export type CraftEntry = { name: string; type?: string; size?: number; data?: Buffer }

/** Writes an archive whose manifest lists `entries` as given (sizes default to the data's). */
export async function craftArchive(path: string, passphrase: string, entries: CraftEntry[]): Promise<void> {
  const salt = randomBytes(16)
  const keys = await archiveKeys(passphrase, salt, FAST_SCRYPT)
  const header = newHeader(keys, salt, FAST_SCRYPT, null)
  const headerBytes = encodeHeader(header)
  const frames: Buffer[] = [headerBytes]
  const writer = new FrameWriter(keys.frames, header, headerBytes, async (f) => void frames.push(f))
  const manifest = Buffer.from(
    JSON.stringify({
      workspaceEncrypted: false,
      entries: entries.map((e) => ({
        name: e.name,
        type: e.type ?? 'file',
        size: e.size ?? e.data?.length ?? 0,
      })),
    }),
  )
  const length = Buffer.alloc(4)
  length.writeUInt32BE(manifest.length)
  await writer.write(Buffer.concat([length, manifest]))
  for (const e of entries) {
    const data = e.data ?? Buffer.alloc(0)
    await writer.write(data)
    await writer.write(createHash('sha256').update(data).digest())
  }
  await writer.finish()
  writeFileSync(path, Buffer.concat(frames))
}
