/**
 * Writing a site's packet: the compressed images named by slot in portal order plus
 * manifest.json, to a new folder or a .zip. Refuses, listing what is missing, while a
 * required slot or field is empty. Every file is checked against its recorded sha256. An
 * export never replaces anything: a taken folder or zip name becomes `name(2)`, and the summary
 * carries the path actually written.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, open, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'
import type { ExportFormat, ExportSummary, ExportedFile } from '../../../core/api'
import type { Workspace } from '../../../core/model'
import { exportBlockers, planPacket, type PacketPlan } from '../../../core/packet/plan'
import { localToday } from '../../../core/packet/readiness'
import { AppFailure } from './app-error'
import { writeFileAtomic } from './atomic-write'
import { makeFreeFolder, moveToFreeName } from './free-path'
import type { MaterialFiles } from './material-files'

export type ExportRequest = { siteId: string; format: ExportFormat; target: string }
type PacketFile = ExportedFile & { label: string; data: Buffer }

export const MANIFEST_NAME = 'manifest.json'

/** Reads every planned file and checks it against its recorded sha256; every problem is collected. */
async function loadFiles(
  plan: PacketPlan,
  files: MaterialFiles,
): Promise<{ loaded: PacketFile[]; problems: AppFailure[] }> {
  const loaded: PacketFile[] = []
  const problems: AppFailure[] = []
  for (const { slot, material, fileName } of plan.entries) {
    const data = await files.read(material.compressedFile).catch(() => null)
    if (!data) {
      problems.push(
        new AppFailure('packet/file-missing', `“${slot.label}”的图片文件丢失，请重新导入这一项后再导出。`),
      )
      continue
    }
    const sha256 = createHash('sha256').update(data).digest('hex')
    if (sha256 !== material.sha256) {
      problems.push(
        new AppFailure(
          'packet/file-changed',
          `“${slot.label}”的图片文件已损坏或被改动，请重新导入这一项后再导出。`,
        ),
      )
      continue
    }
    const { width, height } = material
    loaded.push({
      slot: slot.key,
      label: slot.label,
      file: fileName,
      bytes: data.length,
      width,
      height,
      sha256,
      data,
    })
  }
  return { loaded, problems }
}

export type PreparedPacket = { plan: PacketPlan; files: PacketFile[] }

/**
 * Everything an export decides before it writes, and the one place it decides: the site's
 * rules and materials (exportBlockers), then each file read and checked. Throws the refusal
 * (an AppFailure listing every item); `beian-desk validate` asks the same question here.
 */
export async function preparePacket(
  ws: Workspace,
  files: MaterialFiles,
  siteId: string,
  today = localToday(),
): Promise<PreparedPacket> {
  const plan = planPacket(ws, siteId)
  const blockers = exportBlockers(ws, siteId, today)
  if (!plan || !blockers) throw new AppFailure('packet/no-site', '找不到这个网站，请刷新后重试。')
  if (blockers.length > 0) {
    throw new AppFailure(
      'packet/incomplete',
      `还不能导出：有 ${blockers.length} 项需要先补齐或改正。`,
      blockers,
    )
  }
  const { loaded, problems } = await loadFiles(plan, files)
  const [first] = problems
  if (first)
    throw new AppFailure(
      first.code,
      first.message,
      problems.length > 1 ? problems.map((p) => p.message) : undefined,
    )
  return { plan, files: loaded }
}

export function manifestJson(plan: PacketPlan, files: readonly PacketFile[], now: Date): string {
  const manifest = {
    format: 'beian-desk-packet',
    version: 1,
    generatedAt: now.toISOString(),
    subject: { nature: plan.subject.nature, name: plan.subject.name },
    site: { name: plan.site.name, mainDomain: plan.site.mainDomain },
    files: files.map(({ slot, label, file, bytes, width, height, sha256 }) => ({
      slot,
      label,
      file,
      bytes,
      width,
      height,
      sha256,
    })),
  }
  return `${JSON.stringify(manifest, null, 2)}\n`
}

/** A new folder (never an existing one: `name(2)` when the name is taken) holding the files. */
async function writeFolder(
  plan: PacketPlan,
  files: PacketFile[],
  manifest: string,
  parent: string,
): Promise<string> {
  const folder = await makeFreeFolder(parent, plan.baseName)
  try {
    for (const f of files) await writeFileAtomic(join(folder, f.file), f.data, 0o644)
    await writeFileAtomic(join(folder, MANIFEST_NAME), Buffer.from(manifest), 0o644)
  } catch (error) {
    // The folder is the export's own, made above: leave no half packet behind.
    await rm(folder, { recursive: true, force: true })
    throw error
  }
  return folder
}

/** Streams the zip to a temp file, flushes it, then gives it the target's name or a free one (`p(2).zip`). */
async function writeZip(
  plan: PacketPlan,
  files: PacketFile[],
  manifest: string,
  target: string,
): Promise<string> {
  const zipPath = target.toLowerCase().endsWith('.zip') ? target : `${target}.zip`
  const dir = dirname(zipPath)
  await mkdir(dir, { recursive: true })
  const zip = new yazl.ZipFile()
  const mtime = new Date()
  // JPEGs do not deflate; storing them keeps the export fast.
  for (const f of files)
    zip.addBuffer(f.data, `${plan.baseName}/${f.file}`, { compress: false, mtime, mode: 0o100644 })
  zip.addBuffer(Buffer.from(manifest), `${plan.baseName}/${MANIFEST_NAME}`, { mtime, mode: 0o100644 })
  zip.end()
  const temp = join(dir, `.${basename(zipPath)}.tmp-${randomBytes(6).toString('hex')}`)
  try {
    await pipeline(zip.outputStream, createWriteStream(temp, { flags: 'wx', mode: 0o644 }))
    const handle = await open(temp, 'r+')
    await handle.sync().finally(() => handle.close())
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  return moveToFreeName(temp, dir, basename(zipPath))
}

/** Main re-runs the portal's rules here (the renderer is not trusted); errors block the export. */
export async function exportPacket(
  ws: Workspace,
  files: MaterialFiles,
  req: ExportRequest,
  today = localToday(),
): Promise<ExportSummary> {
  const { plan, files: packetFiles } = await preparePacket(ws, files, req.siteId, today)
  const manifest = manifestJson(plan, packetFiles, new Date())
  const target =
    req.format === 'zip'
      ? await writeZip(plan, packetFiles, manifest, req.target)
      : await writeFolder(plan, packetFiles, manifest, req.target)
  return {
    target,
    format: req.format,
    files: packetFiles.map(({ slot, file, bytes, width, height, sha256 }) => ({
      slot,
      file,
      bytes,
      width,
      height,
      sha256,
    })),
  }
}
