/** `beian-desk compress <files…> --out-dir DIR | --out FILE [--max-bytes N] [--json]` */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_MAX_BYTES } from '../../../core/model'
import { compressImage, ImageInputError, MAX_INPUT_BYTES } from '../../main/services/images'
import { type CliIo, UsageError } from '../io'

type Ok = { input: string; output: string; bytes: number; width: number; height: number; quality: number; warnings: string[] }
type Failed = { input: string; error: { code: string; message: string } }

async function compressOne(input: string, output: string, maxBytes: number): Promise<Ok | Failed> {
  try {
    const info = await stat(input)
    if (info.size === 0) return { input, error: { code: 'import/empty-file', message: '空文件（0 字节），请重新导出后再试。' } }
    if (info.size > MAX_INPUT_BYTES) return { input, error: { code: 'import/too-large', message: '文件过大，无法处理。' } }
    const result = await compressImage(await readFile(input), { maxBytes })
    await writeFile(output, result.jpeg)
    return { input, output, bytes: result.jpeg.length, width: result.width, height: result.height, quality: result.quality, warnings: result.warnings }
  } catch (error) {
    if (error instanceof ImageInputError) return { input, error: { code: error.code, message: error.message } }
    const code = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'import/not-found' : 'internal'
    return { input, error: { code, message: code === 'import/not-found' ? '找不到文件。' : `处理失败：${(error as Error).message}` } }
  }
}

function outputNames(inputs: string[], outDir: string): string[] {
  const used = new Set<string>()
  return inputs.map((input) => {
    const stem = basename(input, extname(input))
    let name = `${stem}.jpg`
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}.jpg`
    used.add(name.toLowerCase())
    return join(outDir, name)
  })
}

export async function compressCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'out-dir': { type: 'string' }, out: { type: 'string' }, 'max-bytes': { type: 'string' }, json: { type: 'boolean' } },
  })
  if (positionals.length === 0) throw new UsageError('compress: 请给出至少一个输入文件')
  if (!values['out-dir'] === !values.out) throw new UsageError('compress: 需要 --out-dir DIR 或 --out FILE（二选一）')
  if (values.out && positionals.length > 1) throw new UsageError('compress: --out 只能用于单个输入文件，多个文件请用 --out-dir')
  const maxBytes = values['max-bytes'] ? Number(values['max-bytes']) : DEFAULT_MAX_BYTES
  if (!Number.isInteger(maxBytes) || maxBytes < 20_000) throw new UsageError('compress: --max-bytes 必须是不小于 20000 的整数')
  let outputs: string[]
  if (values.out) outputs = [resolve(values.out)]
  else {
    const outDir = resolve(values['out-dir'] as string)
    await mkdir(outDir, { recursive: true })
    outputs = outputNames(positionals, outDir)
  }
  const results: (Ok | Failed)[] = new Array(positionals.length)
  let next = 0
  let done = 0
  // Two workers: the machines we target have 2+ cores and sharp uses threads inside each.
  const worker = async () => {
    for (let i = next++; i < positionals.length; i = next++) {
      results[i] = await compressOne(positionals[i] as string, outputs[i] as string, maxBytes)
      done += 1
      io.err(`[${done}/${positionals.length}] ${positionals[i]}${'error' in (results[i] as object) ? ' ✗' : ' ✓'}\n`)
    }
  }
  await Promise.all([worker(), worker()])
  if (values.json) io.out(`${JSON.stringify(results, null, 2)}\n`)
  else {
    for (const r of results) {
      io.out('error' in r ? `✗ ${r.input}: ${r.error.message}\n` : `✓ ${r.input} → ${r.output} (${r.bytes} 字节, ${r.width}×${r.height}, 质量 ${r.quality})\n`)
    }
  }
  return results.some((r) => 'error' in r) ? 1 : 0
}
