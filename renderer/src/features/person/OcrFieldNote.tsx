import { Form } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import type { Person } from '../../../../core/model'
import { personFill, type FillItem } from '../../../../core/ocr/fill'
import { useWorkspaceStore } from '../workspace/store'
import { personOfSlot } from '../materials/ocr-fill-apply'
import { OcrNote } from '../materials/OcrNote'
import { useOcrStore } from '../materials/ocr-store'

type Field = 'name' | 'idNumber' | 'idExpiry'
type Props = {
  /** Form name path of the person block, e.g. ['principal']. */
  base: (string | number)[]
  field: Field
  testId: string
}

/** The typed value as the person model stores it. */
function typedValue(field: Field, value: unknown, longTerm: unknown): string {
  if (field !== 'idExpiry') return typeof value === 'string' ? value : ''
  if (longTerm === true) return 'long-term'
  return dayjs.isDayjs(value) ? (value as Dayjs).format('YYYY-MM-DD') : ''
}

/** What OCR read for this person's `field`, checked against the value typed now (not the stored one). */
function useFieldRead(base: Props['base'], field: Field): { item: FillItem; typed: string } | null {
  const form = Form.useFormInstance()
  const personId: unknown = Form.useWatch([...base, 'id'], { form, preserve: true })
  const value: unknown = Form.useWatch([...base, field === 'idExpiry' ? 'idExpiryDate' : field], {
    form,
    preserve: true,
  })
  const longTerm: unknown = Form.useWatch([...base, 'idLongTerm'], { form, preserve: true })
  const ws = useWorkspaceStore((s) => s.workspace)
  const reads = useOcrStore((s) => s.reads)
  if (!ws || typeof personId !== 'string') return null
  const typed = typedValue(field, value, longTerm)
  for (const read of Object.values(reads)) {
    if (read.status !== 'done') continue
    const material = ws.materials.find((m) => m.id === read.materialId)
    const owner = material && personOfSlot(ws, material)
    if (!owner || owner.person.id !== personId) continue
    const live: Person = { ...owner.person, [field]: typed }
    const item = personFill(read.result, live).find((i) => i.field === field)
    if (item) return { item, typed }
  }
  return null
}

/**
 * Under a person field: the value OCR read from the ID card, offered when the field is empty
 * (one click fills it) and flagged when what is typed disagrees with the picture.
 */
export function OcrFieldNote({ base, field, testId }: Props) {
  const form = Form.useFormInstance()
  const found = useFieldRead(base, field)
  const fill = (item: FillItem) => {
    if (field === 'idExpiry') {
      const longTerm = item.value === 'long-term'
      form.setFieldValue([...base, 'idLongTerm'], longTerm)
      form.setFieldValue([...base, 'idExpiryDate'], longTerm ? null : dayjs(item.value))
    } else form.setFieldValue([...base, field], item.value)
  }
  return <OcrNote item={found?.item ?? null} testId={testId} onFill={fill} />
}
