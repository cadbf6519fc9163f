/**
 * Writing a site's packet: the compressed images in one folder per portal upload step,
 * 备案信息.pdf, 材料打印.pdf, 填写清单.txt, badge.html once there is a 公安备案号, and
 * manifest.json, to a new folder or a .zip. Refuses, listing what is missing, while a
 * required slot or field is empty, unless forced (then every document says 草稿). Every file
 * is checked against its recorded sha256 and cap before writing and read back after. An
 * export never replaces anything: a taken folder or zip name becomes `name(2)`, and the summary
 * carries the path actually written.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { chmod, mkdir, open, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'
import type { ExportFormat, ExportSummary, ExportedFile } from '../../../core/api'
import type { Workspace } from '../../../core/model'
import { safeFileName } from '../../../core/packet/file-names'
import { buildManifest, MANIFEST_NAME, manifestText, type ManifestFile } from '../../../core/packet/manifest'
import { materialPaths } from '../../../core/packet/material-paths'
import { exportBlockers, planPacket, type PacketPlan } from '../../../core/packet/plan'
import { localToday } from '../../../core/packet/readiness'
import { AppFailure } from './app-error'
import { CryptoFailure } from './crypto/envelope'
import { TEMP_INFIX, writeFileAtomic } from './atomic-write'
import { EXPORT_DIR_MODE, EXPORT_FILE_MODE, EXPORT_ZIP_ENTRY_MODE } from './export-modes'
import { candidateNames, makeFreeFolder, moveToFreeName } from './free-path'
import type { MaterialFiles } from './material-files'
import { appVersion } from './packet-pdf/app-version'
import { packetDocuments } from './packet-pdf/contents'
import { readBackFolder, readBackZip, type ExpectedFile } from './packet-pdf/verify'

/** `force`: write the packet although something is missing or wrong, every document marked 草稿. */
export type ExportRequest = { siteId: string; format: ExportFormat; target: string; force?: boolean }
type PacketFile = ExportedFile & { label: string; step: string; maxBytes: number; data: Buffer }
/** A file of the packet as written: path inside the packet (`/`-separated) and bytes. */
type OutFile = { file: string; data: Buffer; compress: boolean }

export { MANIFEST_NAME }

/** Reads every planned file and checks it against its recorded sha256; every problem is collected. */
async function loadFiles(
  plan: PacketPlan,
  files: MaterialFiles,
): Promise<{ loaded: PacketFile[]; problems: AppFailure[] }> {
  const loaded: PacketFile[] = []
  const problems: AppFailure[] = []
  const paths = materialPaths(plan.entries.map(({ slot, fileName }) => ({ slot: slot.key, fileName })))
  for (const [index, { slot, material }] of plan.entries.entries()) {
    let data: Buffer | null
    try {
      data = await files.read(material.compressedFile)
    } catch (error) {
      // A locked workspace is one problem, not "every file is missing"; a file that fails to
      // decrypt says so under its slot's name.
      if (error instanceof CryptoFailure && error.code === 'crypto/locked')
        return { loaded: [], problems: [error] }
      if (error instanceof CryptoFailure) {
        problems.push(new AppFailure(error.code, `“${slot.label}”：${error.message}`))
        continue
      }
      data = null
    }
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
    if (data.length > material.maxBytes) {
      problems.push(
        new AppFailure(
          'packet/over-cap',
          `“${slot.label}”有 ${data.length} 字节，超过了它的 ${material.maxBytes} 字节上限，请重新压缩这一项后再导出。`,
        ),
      )
      continue
    }
    const { width, height, maxBytes } = material
    const path = paths[index] ?? { path: `${slot.label}.jpg`, step: '' }
    loaded.push({
      slot: slot.key,
      label: slot.label,
      step: path.step,
      maxBytes,
      file: path.path,
      bytes: data.length,
      width,
      height,
      sha256,
      data,
    })
  }
  return { loaded, problems }
}

/** `draft`: forced while something blocks the export (see preparePacket's `force`). */
export type PreparedPacket = { plan: PacketPlan; files: PacketFile[]; draft: boolean }

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
  force = false,
): Promise<PreparedPacket> {
  const plan = planPacket(ws, siteId)
  const blockers = exportBlockers(ws, siteId, today)
  if (!plan || !blockers) throw new AppFailure('packet/no-site', '找不到这个网站，请刷新后重试。')
  if (blockers.length > 0 && !force) {
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
  return { plan, files: loaded, draft: blockers.length > 0 }
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

/** Every file of the packet: the images, the documents, then manifest.json listing them all. */
async function packetContents(
  ws: Workspace,
  prepared: PreparedPacket,
  today: string,
  now: Date,
): Promise<OutFile[]> {
  const { plan, files, draft } = prepared
  const materials = files.map((f) => ({ slot: f.slot, label: f.label, path: f.file, data: f.data }))
  const docs = await packetDocuments({ ws, siteId: plan.site.id, materials, today, now, draft })
  const listed: ManifestFile[] = [
    ...files.map(({ slot, label, step, file, bytes, width, height, sha256: hash }) => {
      return { file, role: 'material' as const, slot, label, step, bytes, width, height, sha256: hash }
    }),
    ...docs.map(({ file, role, data }) => ({ file, role, bytes: data.length, sha256: sha256(data) })),
  ]
  const manifest = buildManifest({
    appVersion: appVersion(),
    generatedAt: now,
    draft,
    subject: plan.subject,
    site: plan.site,
    files: listed,
  })
  return [
    // JPEGs and PDFs (already deflated inside) do not deflate; storing them keeps the export fast.
    ...files.map((f) => ({ file: f.file, data: f.data, compress: false })),
    ...docs.map((d) => ({
      file: d.file,
      data: d.data,
      compress: d.role !== 'info-pdf' && d.role !== 'print-pdf',
    })),
    { file: MANIFEST_NAME, data: Buffer.from(manifestText(manifest)), compress: true },
  ]
}

/** What the read-back must find: each file's hash, and the cap for the images. */
function expectations(out: readonly OutFile[], files: readonly PacketFile[]): ExpectedFile[] {
  const caps = new Map(files.map((f) => [f.file, f.maxBytes]))
  return out.map(({ file, data }) => {
    const maxBytes = caps.get(file)
    return { file, sha256: sha256(data), ...(maxBytes === undefined ? {} : { maxBytes }) }
  })
}

function failIfUnreadable(problems: string[]): void {
  const [first] = problems
  if (first)
    throw new AppFailure(
      'packet/verify-failed',
      `导出的文件读回时不一致：${first}请检查磁盘空间后重新导出。`,
      problems,
    )
}

/** A new folder (never an existing one: `name(2)` when the name is taken) holding the files, read back. */
async function writeFolder(
  plan: PacketPlan,
  out: OutFile[],
  expected: ExpectedFile[],
  parent: string,
): Promise<string> {
  const folder = await makeFreeFolder(parent, plan.baseName)
  try {
    // The user's eyes only (export-modes.ts): the packet folder, its sub-folders and files.
    await chmod(folder, EXPORT_DIR_MODE)
    for (const f of out) {
      const path = join(folder, ...f.file.split('/'))
      await mkdir(dirname(path), { recursive: true, mode: EXPORT_DIR_MODE })
      await writeFileAtomic(path, f.data, EXPORT_FILE_MODE)
    }
    failIfUnreadable(await readBackFolder(folder, expected))
  } catch (error) {
    // The folder is the export's own, made above: leave no half packet behind.
    await rm(folder, { recursive: true, force: true })
    throw error
  }
  return folder
}

/**
 * Streams the zip to a temp file, flushes it, reads it back, then gives it the target's name or
 * a free one (`p(2).zip`).
 */
async function writeZip(
  plan: PacketPlan,
  out: OutFile[],
  expected: ExpectedFile[],
  target: string,
): Promise<string> {
  const zipPath = target.toLowerCase().endsWith('.zip') ? target : `${target}.zip`
  const dir = dirname(zipPath)
  await mkdir(dir, { recursive: true, mode: EXPORT_DIR_MODE })
  // The folder inside is named as the zip will be (its first free name), cleaned like every name.
  const zipName = await firstFreeName(dir, basename(zipPath))
  const folderName = safeFileName(zipName.replace(/\.zip$/i, ''), plan.baseName)
  const zip = new yazl.ZipFile()
  const mtime = new Date()
  for (const f of out)
    zip.addBuffer(f.data, `${folderName}/${f.file}`, {
      compress: f.compress,
      mtime,
      mode: EXPORT_ZIP_ENTRY_MODE,
    })
  zip.end()
  const temp = join(dir, `.${basename(zipPath)}${TEMP_INFIX}${randomBytes(6).toString('hex')}`)
  try {
    await pipeline(zip.outputStream, createWriteStream(temp, { flags: 'wx', mode: EXPORT_FILE_MODE }))
    const handle = await open(temp, 'r+')
    await handle.sync().finally(() => handle.close())
    failIfUnreadable(await readBackZip(temp, folderName, expected))
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  return moveToFreeName(temp, dir, zipName)
}

/** The first candidate of `name` (`name`, `name(2)`…) that nothing in `dir` has now. */
async function firstFreeName(dir: string, name: string): Promise<string> {
  for (const candidate of candidateNames(name))
    if (
      !(await stat(join(dir, candidate)).then(
        () => true,
        () => false,
      ))
    )
      return candidate
  return name
}

/**
 * Main re-runs the portal's rules here (the renderer is not trusted); errors block the export
 * unless `req.force`, which writes a 草稿 packet.
 */
export async function exportPacket(
  ws: Workspace,
  files: MaterialFiles,
  req: ExportRequest,
  today = localToday(),
): Promise<ExportSummary> {
  const prepared = await preparePacket(ws, files, req.siteId, today, req.force === true)
  const { plan, files: packetFiles } = prepared
  const out = await packetContents(ws, prepared, today, new Date())
  const expected = expectations(out, packetFiles)
  const target =
    req.format === 'zip'
      ? await writeZip(plan, out, expected, req.target)
      : await writeFolder(plan, out, expected, req.target)
  return {
    target,
    format: req.format,
    files: packetFiles.map(({ slot, file, bytes, width, height, sha256: hash }) => ({
      slot,
      file,
      bytes,
      width,
      height,
      sha256: hash,
    })),
  }
}
