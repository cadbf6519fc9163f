import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { availableParallelism, loadavg } from 'node:os'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { CONVERT, JPEGOPTIM } from './tools'

export type Machine = {
  cpu: string
  cores: number
  node: string
  sharp: string
  imagemagick: string
  jpegoptim: string
  load: string
  date: string
}

const run = promisify(execFile)

export async function machine(): Promise<Machine> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '')
  const im = await run(CONVERT, ['-version']).then(
    (r) =>
      r.stdout
        .split('\n')[0]
        ?.replace(/^Version: /, '')
        .replace(/ https.*$/, '') ?? '',
    () => 'ImageMagick missing',
  )
  const jo = await run(JPEGOPTIM, ['--version']).then(
    (r) => /v[\d.]+/.exec(r.stdout)?.[0] ?? '?',
    () => 'missing',
  )
  return {
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? 'unknown CPU',
    cores: availableParallelism(),
    node: process.version,
    sharp: sharp.versions.sharp ?? '?',
    imagemagick: im,
    jpegoptim: jo,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    date: new Date().toISOString(),
  }
}
