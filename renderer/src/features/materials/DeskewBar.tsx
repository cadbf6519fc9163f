import { Alert, Button, Space, Spin } from 'antd'
import { useEffect, useState } from 'react'
import type { Material } from '../../../../core/model'
import { deskewTargetOfSlot } from '../../../../core/ocr/slots'
import { request } from '../../api'
import type { EditorState } from './editor-state'
import { sourceOf } from './editor-state'
import { useOcrT } from './ocr-messages'
import { defaultQuad } from './quad-math'

type Props = { material: Material; state: EditorState; patch: (p: Partial<EditorState>) => void }

type Finding =
  { status: 'finding' } | { status: 'found' } | { status: 'none' } | { status: 'failed'; message: string }

/**
 * 透视校正 in the editor: main looks for the document's corners when the editor opens (in the
 * OCR worker; the window stays usable), the corners found are shown on the picture as a
 * proposal the user accepts, and when none are found (or they are wrong) the user drags them.
 */
export function DeskewBar({ material, state, patch }: Props) {
  const t = useOcrT()
  const target = deskewTargetOfSlot(material.slot)
  const stored = material.edit.perspective !== undefined
  const [answer, setAnswer] = useState<{ id: string; finding: Finding } | null>(null)
  const searching = target !== null && !stored
  const finding: Finding | null =
    answer?.id === material.id ? answer.finding : searching ? { status: 'finding' } : null
  useEffect(() => {
    if (!searching) return
    let alive = true
    const settle = (f: Finding) => setAnswer({ id: material.id, finding: f })
    void request('ocr:deskew', { id: material.id }).then((result) => {
      if (!alive) return
      if (!result.ok) settle({ status: 'failed', message: result.error.message })
      else if (!result.value.quad) settle({ status: 'none' })
      else {
        settle({ status: 'found' })
        patch({ proposal: { quad: result.value.quad, target: result.value.target } })
      }
    })
    return () => {
      alive = false
    }
    // patch is a fresh function each render; the search runs once per material.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [material.id, searching])
  if (!target) return null
  const manual = () =>
    patch({ perspective: { quad: defaultQuad(sourceOf(material)), target }, proposal: null })
  if (state.perspective)
    return (
      <Alert
        type="success"
        showIcon
        className="editor-deskew"
        data-testid="editor-deskew-set"
        title={t('deskew.applied')}
        action={
          <Button size="small" onClick={() => patch({ perspective: null })} data-testid="editor-deskew-clear">
            {t('deskew.clear')}
          </Button>
        }
      />
    )
  if (state.proposal)
    return (
      <Alert
        type="info"
        showIcon
        className="editor-deskew"
        data-testid="editor-deskew-found"
        title={t('deskew.found')}
        action={
          <Button
            type="primary"
            size="small"
            onClick={() => patch({ perspective: state.proposal, proposal: null })}
            data-testid="editor-deskew-accept"
          >
            {t('deskew.accept')}
          </Button>
        }
      />
    )
  if (finding?.status === 'finding')
    return (
      <div className="editor-deskew editor-note" data-testid="editor-deskew-finding">
        <Space>
          <Spin size="small" />
          {t('deskew.finding')}
        </Space>
      </div>
    )
  const none = finding?.status === 'none'
  const failed = finding?.status === 'failed' ? finding.message : null
  return (
    <Alert
      type={none ? 'warning' : 'info'}
      showIcon
      className="editor-deskew"
      data-testid={none ? 'editor-deskew-none' : 'editor-deskew-idle'}
      title={failed ? t('deskew.failed', { message: failed }) : none ? t('deskew.none') : t('deskew.manual')}
      action={
        <Button size="small" onClick={manual} data-testid="editor-deskew-manual">
          {t('deskew.manual')}
        </Button>
      }
    />
  )
}
