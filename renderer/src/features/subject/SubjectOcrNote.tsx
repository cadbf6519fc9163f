import { Form } from 'antd'
import { subjectFill, type FillItem } from '../../../../core/ocr/fill'
import { OcrNote } from '../materials/OcrNote'
import { subjectOfCertificateSlot } from '../materials/ocr-fill-apply'
import { useOcrStore } from '../materials/ocr-store'
import { slotStateKey, useWorkspaceStore } from '../workspace/store'

type Field = 'orgName' | 'certNumber'
/** The form field each fill item belongs to. */
const FORM_NAME: Readonly<Record<Field, 'name' | 'certNumber'>> = {
  orgName: 'name',
  certNumber: 'certNumber',
}

type Props = { subjectId: string; field: Field; testId: string }

/** What the certificate in the 单位's slot says for `field`, against the value typed now. */
function useCertificateRead(subjectId: string, field: Field): FillItem | null {
  const form = Form.useFormInstance()
  const typed: unknown = Form.useWatch(FORM_NAME[field], { form, preserve: true })
  const ws = useWorkspaceStore((s) => s.workspace)
  const target = { ownerKind: 'subject' as const, ownerId: subjectId, slot: 'subject-certificate' as const }
  const read = useOcrStore((s) => s.reads[slotStateKey(target)])
  const stored = ws && subjectOfCertificateSlot(ws, target)
  if (!stored || read?.status !== 'done') return null
  const live = { ...stored, [FORM_NAME[field]]: typeof typed === 'string' ? typed : '' }
  return subjectFill(read.result, live).find((i) => i.field === field) ?? null
}

/**
 * Under a 单位 field: the value read from the certificate in the subject's slot, offered when
 * the field is empty and flagged when what is typed disagrees with the picture.
 */
export function SubjectOcrNote({ subjectId, field, testId }: Props) {
  const form = Form.useFormInstance()
  const item = useCertificateRead(subjectId, field)
  return (
    <OcrNote
      item={item}
      testId={testId}
      onFill={(read: FillItem) => form.setFieldValue(FORM_NAME[field], read.value)}
    />
  )
}
