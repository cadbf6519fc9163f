/**
 * The documents of a site's packet besides the images: 备案信息.pdf, 材料打印.pdf,
 * 填写清单.txt and, once the site has its 公安备案号, badge.html. Built from the workspace and
 * the material bytes the export has already read and checked.
 */
import { imageWarningMessage } from '../../../../core/images/checks'
import type { SlotKey, Workspace } from '../../../../core/model'
import { eventsOf, siteFilingState } from '../../../../core/filing/history'
import { FILL_LIST_NAME, fillListText } from '../../../../core/packet/fill-list'
import type { PacketFileRole } from '../../../../core/packet/manifest'
import { portalFields } from '../../../../core/packet/portal-fields'
import { materialReadiness, siteFindings } from '../../../../core/packet/readiness'
import { badgeHtmlFile, BADGE_FILE_NAME } from './badge-file'
import { buildInfoPdf, INFO_PDF_NAME, type ChecklistItem, type FindingLine } from './info-pdf'
import { buildPrintPdf, PRINT_PDF_NAME } from './print-pdf'
import { thumbnailJpeg } from './thumbnail'

/** A material as the export writes it: its path in the packet and its checked bytes. */
export type PacketMaterial = { slot: SlotKey | string; label: string; path: string; data: Uint8Array }

export type PacketDocumentsInput = {
  ws: Workspace
  siteId: string
  materials: readonly PacketMaterial[]
  /** YYYY-MM-DD (local), printed on the documents and used for the rules' dates. */
  today: string
  now: Date
  /** The export was forced while something is missing or wrong: 草稿 on every page. */
  draft: boolean
  fontPath?: string
}

export type PacketDocument = { file: string; role: PacketFileRole; data: Buffer }

const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

async function checklist(input: PacketDocumentsInput, ws: Workspace): Promise<ChecklistItem[]> {
  const site = ws.sites.find((s) => s.id === input.siteId)
  const subject = site && ws.subjects.find((s) => s.id === site.subjectId)
  if (!site || !subject) return []
  const readiness = materialReadiness(subject, site, ws.materials)
  return Promise.all(
    readiness.slots.map(async ({ slot, state, blocking, advisory }) => {
      const written = input.materials.find((m) => m.slot === slot.key)
      return {
        label: slot.label,
        state,
        notes: [...blocking, ...advisory].map((code) => imageWarningMessage(code, slot.label)),
        ...(written ? { fileName: written.path, thumbnail: await thumbnailJpeg(written.data) } : {}),
      }
    }),
  )
}

function findingLines(ws: Workspace, siteId: string, today: string): FindingLine[] {
  return siteFindings(ws, siteId, today).map((f) => ({
    severity: f.severity,
    text: `${f.scope === 'subject' ? '开办主体' : '网站'}：${f.message}`,
  }))
}

export async function packetDocuments(input: PacketDocumentsInput): Promise<PacketDocument[]> {
  const { ws, siteId, today, now, draft, fontPath } = input
  const site = ws.sites.find((s) => s.id === siteId)
  const subject = site && ws.subjects.find((s) => s.id === site.subjectId)
  if (!site || !subject) throw new Error(`packetDocuments: no site ${siteId}`)
  const steps = portalFields(subject, site)
  const common = { siteName: site.name.trim(), date: today, now, draft, fontPath }
  // The thumbnails are made on sharp's threads while the print PDF is laid out here.
  const materials = checklist(input, ws)
  const print = await buildPrintPdf({
    ...common,
    images: input.materials.map((m) => ({ caption: m.label, fileName: m.path, jpeg: m.data })),
  })
  const info = await buildInfoPdf({
    ...common,
    steps,
    materials: await materials,
    findings: findingLines(ws, siteId, today),
  })
  const docs: PacketDocument[] = [
    { file: INFO_PDF_NAME, role: 'info-pdf', data: toBuffer(info) },
    { file: PRINT_PDF_NAME, role: 'print-pdf', data: toBuffer(print) },
    { file: FILL_LIST_NAME, role: 'fill-list', data: Buffer.from(fillListText(steps, common), 'utf8') },
  ]
  const filingNumber = siteFilingState(eventsOf(ws, { ownerKind: 'site', ownerId: siteId })).filingNumber
  const badge = filingNumber ? badgeHtmlFile(filingNumber, site.name) : null
  if (badge) docs.push({ file: BADGE_FILE_NAME, role: 'badge', data: Buffer.from(badge, 'utf8') })
  return docs
}
