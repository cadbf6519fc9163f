/**
 * `beian-desk ocr FILE… [--kind id-front|id-back|licence] [--no-deskew] [--json]`: reads the
 * fields of ID card faces and 单位 certificates offline and prints them with their confidence.
 * Exit 0 when every file gave its key field (number or validity), 1 otherwise.
 */
import { parseArgs } from 'node:util'
import { DOCUMENT_KINDS, FIELD_LABELS, type FieldName, type FieldRead, hasKeyField } from '../../../core/ocr'
import type { ReadKind, ReadOutcome } from '../../main/services/ocr'
import { type CliContext, UsageError } from '../io'
import type { CliMessages } from '../messages'
import { messagesFor } from '../messages'

const TEXT = {
  zh: {
    help: `用法：beian-desk ocr <文件…> [--kind id-front|id-back|licence] [--no-deskew] [--json]
离线识别身份证人像面（id-front）、国徽面（id-back）和营业执照等单位证件（licence），
打印读到的字段和置信度。号码只有在校验位正确时才会采用。
不给 --kind 时自动判断证件类型。照片中的证件会先找出四角并校正透视（--no-deskew 关闭）。
全部文件都读到关键字段（号码或有效期限）时退出码为 0，否则为 1。
`,
    badKind: (k: string) =>
      `--kind 的值“${k}”无效：可选 id-front（人像面）、id-back（国徽面）或 licence（单位证件）。`,
    needFile: '请给出至少一个图片文件，例如：beian-desk ocr 身份证正面.jpg',
    kinds: { 'id-front': '身份证人像面', 'id-back': '身份证国徽面', licence: '单位证件' },
    deskewed: '已找到证件四角并校正透视',
    rotated: (deg: number) =>
      deg === 180 ? '图片是倒置的，已旋转180°后识别' : `图片是横倒的，已顺时针旋转${deg}°后识别`,
    checked: '校验位正确',
    confidence: '置信度',
    nothing: '没有读到任何字段：请换一张更清晰、光线均匀的照片。',
    failed: '识别失败',
  },
  en: {
    help: `Usage: beian-desk ocr <file…> [--kind id-front|id-back|licence] [--no-deskew] [--json]
Reads ID card faces (id-front, id-back) and business licences or other organisation
certificates (licence) offline and prints the fields with their confidence. A number is
accepted only when its check character holds. Without --kind the kind is guessed. A
photographed document is found and straightened first (--no-deskew turns that off).
Exit code 0 when every file gave its key field (number or validity), 1 otherwise.
`,
    badKind: (k: string) => `Invalid --kind "${k}": use id-front, id-back or licence.`,
    needFile: 'Give at least one image file, e.g. beian-desk ocr id-front.jpg',
    kinds: {
      'id-front': 'ID card, portrait side',
      'id-back': 'ID card, emblem side',
      licence: 'organisation certificate',
    },
    deskewed: 'document found and straightened',
    rotated: (deg: number) =>
      deg === 180
        ? 'image was upside down; read turned by 180°'
        : `image lay on its side; read turned ${deg}° clockwise`,
    checked: 'check character holds',
    confidence: 'confidence',
    nothing: 'No field read: try a sharper photo with even light.',
    failed: 'failed',
  },
}

type Text = (typeof TEXT)['zh'] | (typeof TEXT)['en']

/** Help text in the language of `m`. */
export const ocrHelp = (m: CliMessages): string => (m === messagesFor('en') ? TEXT.en.help : TEXT.zh.help)

const isKind = (k: string): k is ReadKind => k === 'auto' || (DOCUMENT_KINDS as readonly string[]).includes(k)

function printHuman(file: string, r: ReadOutcome, t: Text, out: (s: string) => void): void {
  const notes = [
    t.kinds[r.kind],
    ...(r.quad ? [t.deskewed] : []),
    ...(r.turn !== 0 ? [t.rotated(r.turn)] : []),
  ]
  out(`${file}（${notes.join('；')}）\n`)
  const entries = Object.entries(r.fields) as [FieldName, FieldRead][]
  const width = Math.max(0, ...entries.map(([k]) => FIELD_LABELS[k].length))
  for (const [name, f] of entries) {
    const extra = [`${t.confidence} ${f.confidence.toFixed(2)}`, ...(f.checked ? [t.checked] : [])]
    out(`  ${FIELD_LABELS[name].padEnd(width, '　')}  ${f.value}  (${extra.join('，')})\n`)
  }
  if (entries.length === 0) out(`  ${t.nothing}\n`)
  for (const issue of r.issues) out(`  ! ${issue.message}\n`)
}

export async function ocrCommand(argv: string[], ctx: CliContext): Promise<number> {
  const t = TEXT[ctx.lang]
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { kind: { type: 'string' }, json: { type: 'boolean' }, 'no-deskew': { type: 'boolean' } },
  })
  const kind = values.kind ?? 'auto'
  if (!isKind(kind)) throw new UsageError(t.badKind(kind))
  if (positionals.length === 0) throw new UsageError(t.needFile)
  const { closeOcr, readDocument } = await import('../../main/services/ocr')
  const results: unknown[] = []
  let allFound = true
  try {
    for (const file of positionals) {
      try {
        const r = await readDocument(file, kind, { deskew: !values['no-deskew'] })
        const { lines: _lines, ms: _ms, ...shown } = r
        allFound &&= hasKeyField(r)
        if (values.json) results.push({ file, ...shown })
        else printHuman(file, r, t, (s) => ctx.io.out(s))
      } catch (error) {
        const e = error as { code?: string; message?: string }
        if (typeof e.code !== 'string' || !e.code.startsWith('ocr/')) throw error
        allFound = false
        if (values.json) results.push({ file, error: { code: e.code, message: e.message } })
        else ctx.io.err(`${file}: ${t.failed}: ${e.message ?? ''}\n`)
      }
    }
  } finally {
    await closeOcr()
  }
  if (values.json) ctx.io.out(`${JSON.stringify(results, null, 2)}\n`)
  return allFound ? 0 : 1
}
