import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { FilingEvent } from '../../../../core/filing/events'
import type { Workspace } from '../../../../core/model'
import { packetDocuments, type PacketMaterial } from '../../../../electron/main/services/packet-pdf/contents'
import { makeIndividual, makeMaterial, makeSite } from '../../../support/factories'
import { pdfInfo, pdfText, squash } from './render'

const subject = makeIndividual()
const site = makeSite(subject.id)
const slots = ['principal-id-front', 'principal-id-back', 'principal-id-handheld'] as const

async function setup(events: FilingEvent[] = []) {
  const jpeg = await sharp({ create: { width: 900, height: 570, channels: 3, background: '#2a4d69' } })
    .jpeg()
    .toBuffer()
  const materials = slots.map((slot) => makeMaterial('subject', subject.id, slot))
  const ws: Workspace = { subjects: [subject], sites: [site], materials, filingEvents: events }
  const written: PacketMaterial[] = slots.map((slot, i) => ({
    slot,
    label: `材料${i + 1}`,
    path: `1_开办主体/0${i + 1}_材料${i + 1}.jpg`,
    data: jpeg,
  }))
  return { ws, written }
}

const filed = (filingNumber: string): FilingEvent => ({
  id: 'e1',
  ownerKind: 'site',
  ownerId: site.id,
  kind: 'filed',
  date: '2026-12-01',
  note: '',
  operator: '',
  recordedAt: '2026-12-01T08:00:00Z',
  approval: { filingNumber, policeUnit: '北京市公安局朝阳分局' },
})

const input = { siteId: site.id, today: '2026-12-07', now: new Date('2026-12-07T08:00:00Z') }

describe('packetDocuments', () => {
  it('writes the two PDFs and the fill list; the checklist marks the missing 域名证书', async () => {
    const { ws, written } = await setup()
    const docs = await packetDocuments({ ...input, ws, materials: written, draft: true })
    expect(docs.map((d) => [d.file, d.role])).toEqual([
      ['备案信息.pdf', 'info-pdf'],
      ['材料打印.pdf', 'print-pdf'],
      ['填写清单.txt', 'fill-list'],
    ])
    const [info, print, txt] = docs.map((d) => d.data)
    const infoText = squash(pdfText(info as Buffer))
    expect(infoText).toContain('所需材料（已就绪3/4）')
    expect(infoText).toContain(squash('4. 域名证书'))
    expect(infoText).toContain('文件：1_开办主体/01_材料1.jpg')
    expect(infoText).toContain(subject.principal.idNumber)
    expect(pdfInfo(print as Buffer).pages).toBe(3)
    expect(squash(pdfText(print as Buffer, 2))).toContain('2.材料2')
    expect(txt?.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const lines = txt?.toString('utf8') ?? ''
    expect(lines).toContain(`\r\n证件号码: ${subject.principal.idNumber}\r\n`)
    expect(lines).toContain('【草稿】')
  })

  it('adds badge.html once the site has a valid 公安备案号, and not for an invalid one', async () => {
    const { ws, written } = await setup([filed('11010502000001')])
    const docs = await packetDocuments({ ...input, ws, materials: written, draft: false })
    const badge = docs.find((d) => d.file === 'badge.html')
    expect(badge?.role).toBe('badge')
    const html = badge?.data.toString('utf8') ?? ''
    expect(html).toContain('<meta charset="utf-8" />')
    expect(html).toContain('href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502000001"')
    expect(html).toContain('京公网安备11010502000001号')
    for (const events of [[], [filed('123')]]) {
      const other = await setup(events)
      const docs = await packetDocuments({ ...input, ws: other.ws, materials: other.written, draft: false })
      expect(docs.some((d) => d.file === 'badge.html')).toBe(false)
    }
  })
})
