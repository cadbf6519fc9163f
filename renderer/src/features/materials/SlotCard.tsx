import {
  CheckCircleFilled,
  CloseCircleFilled,
  DeleteOutlined,
  EditOutlined,
  ExclamationCircleFilled,
  FileImageOutlined,
  UploadOutlined,
} from '@ant-design/icons'
import { Alert, Button, Popconfirm, Spin, Tag, Tooltip } from 'antd'
import { useState, type DragEvent, type ReactNode } from 'react'
import type { AppError } from '../../../../core/api'
import type { SlotSpec } from '../../../../core/materials/slots'
import { isBlockingWarning } from '../../../../core/images/checks'
import { pdfPageOf, watermarkPlacementOf, type ImageWarningCode, type Material } from '../../../../core/model'
import { useLanguage, useT } from '../../i18n'
import { useErrorText } from '../../i18n/errors'
import type { ImportStage } from '../workspace/store'
import { hasPageChoice } from './editor-state'
import { formatKb } from '../../shared/format'
import { slotStatus, type SlotStatus } from './format'
import { MaterialEditor } from './MaterialEditor'
import { useOcrT } from './ocr-messages'
import { OcrPanel, useSlotFill } from './OcrPanel'
import { useThumbnail } from './useThumbnail'

export type SlotCardProps = {
  slot: SlotSpec
  material: Material | undefined
  /** The material belongs to the subject's person in charge ("同主体负责人"). */
  shared?: boolean
  stage?: ImportStage
  error?: AppError
  onPick: () => void
  onDropFiles: (files: File[]) => void
  onRemove: () => void
  /** The slot's photo was deleted by 保留期限: the line saying so and when. */
  retentionNote?: string
}

const STATUS_COLOR: Record<SlotStatus, string> = {
  missing: 'default',
  ready: 'success',
  advisory: 'warning',
  blocked: 'error',
}
const STATUS_ICON: Record<SlotStatus, ReactNode> = {
  missing: null,
  ready: <CheckCircleFilled />,
  advisory: <ExclamationCircleFilled />,
  blocked: <CloseCircleFilled />,
}

/** Informational, not a warning: what was used from a multi-frame or multi-page file. */
const NOTES_STYLE = { margin: 0, paddingLeft: 18, fontSize: 13, color: '#1f5fa8' } as const

/** The material's warnings, what blocks first (it keeps the slot from counting as ready). */
function Warnings({
  slot,
  codes,
  label,
  testId,
}: {
  slot: SlotSpec
  codes: ImageWarningCode[]
  label: string
  testId: string
}) {
  const t = useT()
  if (codes.length === 0) return null
  const blocking = codes.filter((c) => isBlockingWarning(c, slot))
  const advisory = codes.filter((c) => !isBlockingWarning(c, slot))
  return (
    <ul className="slot-warnings" data-testid={testId}>
      {blocking.map((code) => (
        <li key={code} className="slot-warning-blocking" data-blocking="true">
          {t(`materials.warning.${code}`, { slot: label })}
          <div className="slot-warning-why">{t('materials.blockingHint')}</div>
        </li>
      ))}
      {advisory.map((code) => (
        <li key={code}>{t(`materials.warning.${code}`, { slot: label })}</li>
      ))}
    </ul>
  )
}

function Preview({ material, label }: { material: Material | undefined; label: string }) {
  const url = useThumbnail(material?.id)
  if (!material) return <FileImageOutlined className="slot-placeholder-icon" />
  if (!url) return <Spin size="small" />
  return <img src={url} alt={label} className="slot-thumb" />
}

/** Small tags for the PDF page used and the edits applied (rotated, cropped, watermark). */
function EditTags({ material, testId }: { material: Material; testId: string }) {
  const t = useT()
  const ocrT = useOcrT()
  const { rotate, crop, watermark, perspective } = material.edit
  const paged = hasPageChoice(material)
  if (!paged && rotate === 0 && !crop && !watermark && !perspective) return null
  const where = t(`editor.watermarkPlacement.${watermarkPlacementOf(material.edit)}.short`)
  return (
    <div className="slot-edits">
      {paged && (
        <Tag color="blue" data-testid={testId}>
          {t('materials.edited.pdfPage', { n: pdfPageOf(material.edit), total: material.sourcePages ?? 1 })}
        </Tag>
      )}
      {rotate !== 0 && <Tag>{t('materials.edited.rotate', { deg: rotate })}</Tag>}
      {perspective && <Tag data-testid={`${testId}-perspective`}>{ocrT('deskew.stored')}</Tag>}
      {crop && <Tag>{t('materials.edited.crop')}</Tag>}
      {watermark && <Tag color="orange">{t('materials.edited.watermark', { where })}</Tag>}
    </div>
  )
}

/** One required material: preview, size, status, and the ways to fill it (button or drop). */
export function SlotCard({
  slot,
  material,
  shared,
  stage,
  error,
  onPick,
  onDropFiles,
  onRemove,
  retentionNote,
}: SlotCardProps) {
  const t = useT()
  const errorText = useErrorText()
  const language = useLanguage()
  const [over, setOver] = useState(false)
  const [editing, setEditing] = useState(false)
  const status = slotStatus(slot, material)
  const label = language === 'zh-CN' ? slot.label : t(`slot.${slot.key}`)
  const busy = stage !== undefined
  const prefix = `slot-${slot.key}`
  const ocrTarget = material
    ? { ownerKind: material.ownerKind, ownerId: material.ownerId, slot: material.slot }
    : { ownerKind: slot.owner, ownerId: slot.ownerId, slot: slot.key }
  const { read, items } = useSlotFill(ocrTarget)
  const mismatch = read?.materialId === material?.id && (items?.some((i) => i.state === 'mismatch') ?? false)

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault()
    e.dataTransfer.dropEffect = 'copy'
    if (!over) setOver(true)
  }
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault()
    setOver(false)
    if (!busy) onDropFiles(Array.from(e.dataTransfer.files))
  }

  return (
    <>
      <div
        className={`slot-card slot-${status}${over ? ' slot-over' : ''}`}
        data-testid={prefix}
        data-status={status}
        data-ocr-mismatch={mismatch ? 'true' : undefined}
        // A typed value that disagrees with the picture marks the whole card, whatever its status.
        style={mismatch ? { borderColor: '#ff4d4f', boxShadow: '0 0 0 1px #ff4d4f' } : undefined}
        onDragOver={onDragOver}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <div className="slot-head">
          <span className="slot-label">{label}</span>
          <Tag
            color={STATUS_COLOR[status]}
            icon={STATUS_ICON[status]}
            className="slot-status"
            data-testid={`${prefix}-status`}
          >
            {t(`materials.status.${status}`)}
          </Tag>
        </div>
        <Spin
          spinning={busy}
          description={t(stage && stage !== 'waiting' ? `materials.stage.${stage}` : 'materials.importing')}
        >
          <div className="slot-preview">
            <Preview material={material} label={label} />
            {over && <div className="slot-drop-overlay">{t('materials.dropNow')}</div>}
          </div>
        </Spin>
        <div className="slot-meta">
          {material ? (
            <>
              <span className="slot-size" data-testid={`${prefix}-size`}>
                {formatKb(material.bytes)}
              </span>
              <span className="slot-pixels">
                {material.width}×{material.height} px
              </span>
            </>
          ) : (
            <span className="slot-drop-hint">{t('materials.dropHere')}</span>
          )}
        </div>
        {material ? (
          <div className="slot-meta slot-meta-2" data-testid={`${prefix}-quality`}>
            <span>{t('materials.quality', { q: material.quality })}</span>
            <span>{t('materials.cap', { kb: formatKb(material.maxBytes) })}</span>
          </div>
        ) : (
          slot.maxBytes !== undefined && (
            <div className="slot-meta slot-meta-2" data-testid={`${prefix}-cap`}>
              <span>{t('materials.cap', { kb: formatKb(slot.maxBytes) })}</span>
            </div>
          )
        )}
        {material && <EditTags material={material} testId={`${prefix}-pdf-page`} />}
        {shared && <div className="slot-shared">{t('materials.sharedFromPrincipal')}</div>}
        {!material && retentionNote && (
          <div className="slot-shared" data-testid={`${prefix}-retention`}>
            {retentionNote}
          </div>
        )}
        {material && (
          <Warnings slot={slot} codes={material.warnings} label={label} testId={`${prefix}-warnings`} />
        )}
        {material?.notes && material.notes.length > 0 && (
          <ul className="slot-notes" style={NOTES_STYLE} data-testid={`${prefix}-notes`}>
            {material.notes.map((code) => (
              <li key={code}>{t(`materials.note.${code}`)}</li>
            ))}
          </ul>
        )}
        {material && <OcrPanel target={ocrTarget} material={material} testPrefix={prefix} />}
        {error && (
          <Alert
            type={error.code === 'renderer/only-first' ? 'info' : 'error'}
            showIcon
            className="slot-error"
            data-testid={`${prefix}-error`}
            title={errorText(error)}
            description={error.details?.join('；')}
          />
        )}
        <div className="slot-actions">
          <Button
            type={material ? 'default' : 'primary'}
            icon={<UploadOutlined />}
            onClick={onPick}
            disabled={busy}
            data-testid={`${prefix}-pick`}
          >
            {material ? t('materials.replace') : t('materials.pick')}
          </Button>
          {material && !shared && (
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              disabled={busy}
              data-testid={`${prefix}-edit`}
            >
              {t('materials.edit')}
            </Button>
          )}
          {material && !shared && (
            <Popconfirm
              title={t('materials.removeConfirm')}
              onConfirm={onRemove}
              okButtonProps={{ danger: true }}
            >
              <Tooltip title={t('materials.remove')}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={busy}
                  aria-label={t('materials.remove')}
                  className="slot-remove"
                  data-testid={`${prefix}-remove`}
                />
              </Tooltip>
            </Popconfirm>
          )}
        </div>
      </div>
      {editing && material && (
        <MaterialEditor
          material={material}
          title={t('editor.title', { slot: label })}
          onClose={() => setEditing(false)}
        />
      )}
    </>
  )
}
