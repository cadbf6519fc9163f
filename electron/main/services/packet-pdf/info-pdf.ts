/**
 * 备案信息.pdf: every field the user types at the portal, grouped by the portal's steps, the
 * required materials as a checklist with thumbnails, and the open findings. Searchable text
 * in an embedded CJK subset; A4; page numbers and date on every page; 草稿 across every page
 * when the export was forced while something is missing.
 */
import { PDFDocument, rgb, type PDFImage } from 'pdf-lib'
import { EMPTY_VALUE, type PortalField, type PortalStep } from '../../../../core/packet/portal-fields'
import { embedCjkFont } from './font'
import './stream-copy'
import { ALERT, finishPages, INK, MUTED, OK, PageFlow, setMetadata, WARN, wrapText } from './layout'

/** `ready`/`advisory` can be uploaded; `blocked` would be rejected; `missing` is not imported. */
export type ChecklistState = 'ready' | 'advisory' | 'blocked' | 'missing'
export type ChecklistItem = {
  label: string
  /** Path inside the packet, when the material is in it. */
  fileName?: string
  state: ChecklistState
  /** Chinese notes (warnings) shown under the item. */
  notes: string[]
  /** A small JPEG of the material (see thumbnail.ts); absent or unreadable → a placeholder. */
  thumbnail?: Uint8Array
}
export type FindingLine = { severity: 'error' | 'warning'; text: string }

export type InfoPdfInput = {
  siteName: string
  /** YYYY-MM-DD, printed in the header and the footer. */
  date: string
  now: Date
  draft: boolean
  steps: readonly PortalStep[]
  materials: readonly ChecklistItem[]
  findings: readonly FindingLine[]
  fontPath?: string
}

export const INFO_PDF_NAME = '备案信息.pdf'
const LABEL_WIDTH = 168
const FIELD_SIZE = 10
const STATE_TEXT: Record<ChecklistState, [string, typeof OK]> = {
  ready: ['已就绪', OK],
  advisory: ['已就绪（有提醒）', WARN],
  blocked: ['不能使用', ALERT],
  missing: ['缺少', ALERT],
}

function header(flow: PageFlow, input: InfoPdfInput): void {
  flow.text('公安联网备案信息', { size: 20 })
  flow.text(`网站：${input.siteName || '（未命名网站）'}  生成日期：${input.date}`, {
    size: 10.5,
    color: MUTED,
  })
  if (input.draft) {
    flow.gap(4)
    flow.text('草稿：还有未补齐或未改正的项目（见“所需材料”和“待处理的问题”），改正后请重新导出再提交。', {
      size: 10.5,
      color: ALERT,
    })
  }
  flow.text(
    '以下按门户网站（beian.mps.gov.cn）的填写步骤和顺序列出，证件号码为完整号码，请妥善保管。复制粘贴请用同一文件夹中的“填写清单.txt”。',
    {
      size: 9,
      color: MUTED,
    },
  )
  flow.gap(6)
}

function fieldRow(flow: PageFlow, field: PortalField): void {
  const value = field.value || EMPTY_VALUE
  const valueX = flow.left + LABEL_WIDTH + 10
  const labelLines = wrapText(flow.font, field.label, FIELD_SIZE, LABEL_WIDTH)
  const valueLines = wrapText(flow.font, value, FIELD_SIZE, flow.right - valueX)
  const lead = FIELD_SIZE * 1.45
  flow.ensure(Math.max(labelLines.length, valueLines.length) * lead + 2)
  const top = flow.y
  const draw = (lines: string[], x: number, color: typeof INK): number => {
    lines.forEach((line, i) => {
      const y = top - FIELD_SIZE - i * lead
      flow.page.drawText(line, { x, y, size: FIELD_SIZE, font: flow.font, color })
    })
    return lines.length * lead
  }
  const used = Math.max(
    draw(labelLines, flow.left, MUTED),
    draw(valueLines, valueX, field.value ? INK : ALERT),
  )
  flow.y = top - used - 2
}

function stepSection(flow: PageFlow, step: PortalStep, index: number): void {
  flow.ensure(60)
  flow.gap(6)
  flow.text(`${index + 1}. ${step.step}`, { size: 13.5 })
  flow.rule()
  flow.gap(5)
  let block: string | undefined
  for (const field of step.fields) {
    if (field.block && field.block !== block) {
      flow.ensure(40)
      flow.gap(3)
      flow.text(field.block, { size: 10.5, color: rgb(0.12, 0.3, 0.6) })
    }
    block = field.block
    fieldRow(flow, field)
  }
}

async function embedThumb(doc: PDFDocument, jpeg: Uint8Array | undefined): Promise<PDFImage | undefined> {
  if (!jpeg) return undefined
  return doc.embedJpg(jpeg).catch(() => undefined)
}

const THUMB: [number, number] = [84, 60]

async function checklistItem(flow: PageFlow, item: ChecklistItem, index: number): Promise<void> {
  const height = THUMB[1] + 12
  flow.ensure(height)
  const top = flow.y
  const { page, font, left } = flow
  // The check box, ticked when the material can be uploaded.
  const box = { x: left, y: top - 13, width: 11, height: 11 }
  page.drawRectangle({ ...box, borderColor: INK, borderWidth: 0.8 })
  if (item.state === 'ready' || item.state === 'advisory') {
    page.drawLine({
      start: { x: box.x + 2.5, y: box.y + 6 },
      end: { x: box.x + 5, y: box.y + 2.5 },
      thickness: 1.4,
      color: OK,
    })
    page.drawLine({
      start: { x: box.x + 5, y: box.y + 2.5 },
      end: { x: box.x + 10, y: box.y + 10 },
      thickness: 1.4,
      color: OK,
    })
  }
  const thumbX = left + 22
  const image = await embedThumb(flow.doc, item.thumbnail)
  if (image) {
    const scale = Math.min(THUMB[0] / image.width, THUMB[1] / image.height)
    const [w, h] = [image.width * scale, image.height * scale]
    page.drawImage(image, {
      x: thumbX + (THUMB[0] - w) / 2,
      y: top - 4 - THUMB[1] + (THUMB[1] - h) / 2,
      width: w,
      height: h,
    })
  } else {
    const frame = { x: thumbX, y: top - 4 - THUMB[1], width: THUMB[0], height: THUMB[1] }
    page.drawRectangle({ ...frame, borderColor: MUTED, borderWidth: 0.6, borderDashArray: [3, 2] })
    const text = item.state === 'missing' ? '未导入' : '无法预览'
    page.drawText(text, { x: thumbX + 24, y: frame.y + 26, size: 9, font, color: MUTED })
  }
  const textX = thumbX + THUMB[0] + 12
  const [stateText, stateColor] = STATE_TEXT[item.state]
  flow.y = top - 2
  flow.text(`${index + 1}. ${item.label}`, { size: 11, x: textX })
  flow.text(stateText, { size: 9.5, x: textX, color: stateColor })
  if (item.fileName) flow.text(`文件：${item.fileName}`, { size: 8.5, x: textX, color: MUTED })
  for (const note of item.notes) flow.text(note, { size: 8.5, x: textX, color: WARN })
  flow.y = Math.min(flow.y, top - height)
}

async function materialsSection(flow: PageFlow, items: readonly ChecklistItem[]): Promise<void> {
  flow.ensure(120)
  flow.gap(10)
  const ready = items.filter((i) => i.state === 'ready' || i.state === 'advisory').length
  flow.text(`所需材料（已就绪 ${ready} / ${items.length}）`, { size: 13.5 })
  flow.rule()
  flow.gap(4)
  for (const [i, item] of items.entries()) await checklistItem(flow, item, i)
}

function findingsSection(flow: PageFlow, findings: readonly FindingLine[]): void {
  flow.ensure(60)
  flow.gap(10)
  flow.text(`待处理的问题（${findings.length}）`, { size: 13.5 })
  flow.rule()
  flow.gap(5)
  if (findings.length === 0) flow.text('没有待处理的问题。', { size: 10, color: OK })
  const sorted = [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  )
  for (const f of sorted) {
    const tag = f.severity === 'error' ? '【须改正】' : '【提醒】'
    flow.text(`${tag}${f.text}`, { size: 10, color: f.severity === 'error' ? ALERT : WARN })
    flow.gap(2)
  }
}

export async function buildInfoPdf(input: InfoPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const title = `公安联网备案信息 - ${input.siteName || '网站'}`
  setMetadata(doc, title, input.now)
  const font = await embedCjkFont(doc, input.fontPath)
  const flow = new PageFlow(doc, font)
  header(flow, input)
  input.steps.forEach((step, i) => stepSection(flow, step, i))
  await materialsSection(flow, input.materials)
  findingsSection(flow, input.findings)
  finishPages(doc, font, { title, date: input.date, draft: input.draft })
  // Without object streams pdf-lib skips a second (pure JS) deflate pass; the file grows a few KB.
  return doc.save({ useObjectStreams: false })
}
