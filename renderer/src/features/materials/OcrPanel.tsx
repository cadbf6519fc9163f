import { CheckOutlined, ReloadOutlined } from '@ant-design/icons'
import { Alert, App as AntApp, Button, Spin } from 'antd'
import { useState } from 'react'
import type { MaterialOcr } from '../../../../core/api'
import type { Material, Person, SlotKey } from '../../../../core/model'
import { personFill, subjectFill, type FillItem } from '../../../../core/ocr/fill'
import { FIELD_LABELS, type FieldName } from '../../../../core/ocr/types'
import { editMaterial, useWorkspaceStore } from '../workspace/store'
import { personOfSlot, subjectOfCertificateSlot, uprightEdit } from './ocr-fill-apply'
import { useOcrT, type OcrTranslate } from './ocr-messages'
import { acceptFill, readMaterial, useOcrStore } from './ocr-store'
import { slotStateKey } from '../workspace/store'

type Target = { ownerKind: 'subject' | 'site'; ownerId: string; slot: SlotKey }
type Props = { target: Target; material: Material; testPrefix: string }

const percent = (c: number): number => Math.round(c * 100)

const PANEL = { marginTop: 8, fontSize: 13 } as const
const TITLE = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 8,
  fontWeight: 600,
  marginBottom: 4,
} as const
const LIST = { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 4 } as const
const LABEL = { color: '#667085', marginRight: 4 } as const
const VALUE = { wordBreak: 'break-all' } as const
const MUTED = { color: '#98a2b3', fontSize: 12, marginLeft: 4 } as const
const SAME = { color: '#2e7d32', fontSize: 12, marginLeft: 4 } as const

/** The message of a disagreeing item ("图片中的号码为 …，与填写的不一致"). */
export function mismatchText(t: OcrTranslate, item: FillItem): string {
  return item.field === 'idNumber'
    ? t('mismatchNumber', { value: item.shown })
    : t('mismatch', { label: t(`field.${item.field}`), value: item.shown })
}

/**
 * The slot's read against what is stored: the person of an ID-card slot, the 单位 of a
 * certificate slot; null items when the slot fills nothing (a 个人's certificate).
 */
export function useSlotFill(target: Target): {
  read: ReturnType<typeof useSlotRead>
  items: FillItem[] | null
  person: Person | null
} {
  const read = useSlotRead(target)
  const ws = useWorkspaceStore((s) => s.workspace)
  const owner = ws && personOfSlot(ws, target)
  const organization = ws && subjectOfCertificateSlot(ws, target)
  const done = read?.status === 'done' ? read.result : null
  const items = !done
    ? null
    : owner
      ? personFill(done, owner.person)
      : organization
        ? subjectFill(done, organization)
        : null
  return { read, items, person: owner?.person ?? null }
}

export function useSlotRead(target: { ownerId: string; slot: SlotKey }) {
  return useOcrStore((s) => s.reads[slotStateKey(target)])
}

function ReadOnlyFields({ result }: { result: MaterialOcr }) {
  const entries = Object.entries(result.fields) as [FieldName, { value: string; confidence: number }][]
  return (
    <ul className="ocr-list" style={LIST}>
      {entries.map(([field, read]) => (
        <li key={field}>
          <span className="ocr-label" style={LABEL}>
            {FIELD_LABELS[field]}
          </span>{' '}
          <span className="ocr-value" style={VALUE}>
            {read.value}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** The picture was read turned: offer to turn the stored copy upright (the portal needs it upright). */
function TurnNotice({ material, turn, id }: { material: Material; turn: MaterialOcr['turn']; id: string }) {
  const t = useOcrT()
  const { message } = AntApp.useApp()
  const [busy, setBusy] = useState(false)
  if (!turn) return null
  const next = uprightEdit(material.edit, turn)
  const turnUpright = async () => {
    if (!next) return
    setBusy(true)
    const result = await editMaterial({ id: material.id, edit: next, maxBytes: material.maxBytes })
    setBusy(false)
    if (!result.ok) {
      void message.error(result.error.message)
      return
    }
    void readMaterial(result.value)
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 6 }}
      data-testid={id}
      title={t(turn === 180 ? 'turn.upsideDown' : 'turn.sideways')}
      description={next ? undefined : t('turn.inEditor')}
      action={
        next && (
          <Button size="small" loading={busy} onClick={() => void turnUpright()} data-testid={`${id}-apply`}>
            {t('turn.apply')}
          </Button>
        )
      }
    />
  )
}

/** Under a slot card: what OCR read, offered per field or all at once, and what disagrees. */
export function OcrPanel({ target, material, testPrefix }: Props) {
  const t = useOcrT()
  const { message } = AntApp.useApp()
  const { read, items } = useSlotFill(target)
  const [saving, setSaving] = useState(false)
  if (!read || read.materialId !== material.id) return null
  const id = (s: string) => `${testPrefix}-ocr-${s}`
  if (read.status === 'reading')
    return (
      <div className="ocr-panel ocr-reading" data-testid={id('reading')}>
        <Spin size="small" /> <span>{t('reading')}</span>
      </div>
    )
  if (read.status === 'failed')
    return (
      <Alert
        type="warning"
        showIcon
        className="ocr-panel"
        data-testid={id('failed')}
        title={t('readFailed', { message: read.error.message })}
        action={
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void readMaterial(material)}>
            {t('retry')}
          </Button>
        }
      />
    )
  const turnNotice = <TurnNotice material={material} turn={read.result.turn} id={id('turn')} />
  if (!items) {
    if (Object.keys(read.result.fields).length === 0) return null
    return (
      <div className="ocr-panel" style={PANEL} data-testid={id('panel')}>
        {turnNotice}
        <div className="ocr-title" style={TITLE}>
          {t('panelTitle')}
        </div>
        <ReadOnlyFields result={read.result} />
      </div>
    )
  }
  if (items.length === 0)
    return (
      <Alert
        type="info"
        showIcon
        className="ocr-panel"
        data-testid={id('nothing')}
        title={t('nothingRead')}
      />
    )
  const offers = items.filter((i) => i.state === 'offer')
  const accept = async (chosen: readonly FillItem[]) => {
    setSaving(true)
    const ok = await acceptFill(target, chosen)
    setSaving(false)
    if (ok) void message.success(t('accepted'))
  }
  const shown = (item: FillItem) => (item.value === 'long-term' ? t('longTerm') : item.shown)
  return (
    <div className="ocr-panel" style={PANEL} data-testid={id('panel')}>
      {turnNotice}
      <div className="ocr-title" style={TITLE}>
        {t('panelTitle')}
        {offers.length > 1 && (
          <Button
            size="small"
            type="primary"
            loading={saving}
            onClick={() => void accept(offers)}
            data-testid={id('accept-all')}
          >
            {t('acceptAll')}
          </Button>
        )}
      </div>
      <ul className="ocr-list" style={LIST}>
        {items.map((item) => (
          <li key={item.field} data-testid={id(`field-${item.field}`)} data-state={item.state}>
            <span className="ocr-label" style={LABEL}>
              {t(`field.${item.field}`)}
            </span>{' '}
            <span className="ocr-value" style={VALUE}>
              {shown(item)}
            </span>{' '}
            <span className="ocr-confidence" style={MUTED}>
              {t('confidence', { p: percent(item.confidence) })}
            </span>{' '}
            {item.state === 'offer' && (
              <Button
                size="small"
                loading={saving}
                onClick={() => void accept([item])}
                data-testid={id(`accept-${item.field}`)}
              >
                {t('accept')}
              </Button>
            )}
            {item.state === 'same' && (
              <span className="ocr-same" style={SAME}>
                <CheckOutlined /> {t('same')}
              </span>
            )}
          </li>
        ))}
      </ul>
      {items
        .filter((i) => i.state === 'mismatch')
        .map((item) => (
          <Alert
            key={item.field}
            type="error"
            showIcon
            className="ocr-mismatch"
            style={{ marginTop: 6 }}
            data-testid={id(`mismatch-${item.field}`)}
            title={mismatchText(t, item)}
          />
        ))}
    </div>
  )
}
