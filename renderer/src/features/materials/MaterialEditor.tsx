import { Alert, App as AntApp, Button, Modal, Space, Spin, Tabs } from 'antd'
import { useState } from 'react'
import type { AppError } from '../../../../core/api'
import type { Material } from '../../../../core/model'
import { useT } from '../../i18n'
import { useErrorText } from '../../i18n/errors'
import { editMaterial } from '../workspace/store'
import { AdjustPanel } from './AdjustPanel'
import {
  editorProblem,
  editRequest,
  frameOf,
  initialEditorState,
  pageCountOf,
  unchanged,
  type EditorState,
} from './editor-state'
import { formatKb } from '../../shared/format'
import { PreviewCompare } from './PreviewCompare'
import { readMaterial } from './ocr-store'
import { useSourceImage } from './useSourceImage'

type Props = { material: Material; title: string; onClose: () => void }

/** Rotate, crop, cap and watermark one material, then compare the result at 100 %. */
export function MaterialEditor({ material, title, onClose }: Props) {
  const t = useT()
  const errorText = useErrorText()
  const { message } = AntApp.useApp()
  const [state, setState] = useState<EditorState>(() => initialEditorState(material))
  const [tab, setTab] = useState('adjust')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const patch = (p: Partial<EditorState>) => setState((s) => ({ ...s, ...p }))
  const problem = editorProblem(state)
  const pending = !unchanged(material, state)
  // A PDF always names its page, so the first answer (the stored page) can report the page count.
  const shown = useSourceImage(material.id, material.sourceFormat === 'pdf' ? state.page : undefined)
  const pages = pageCountOf(material, shown.pages)
  const frame = frameOf(material, state, shown.image?.size)

  const apply = async () => {
    setBusy(true)
    setError(null)
    // The crop is sent in the pixels of the page shown, so another page is one call too.
    const result = await editMaterial(editRequest(material, state, frame))
    setBusy(false)
    if (!result.ok) {
      setError(result.error)
      return
    }
    const m = result.value
    // A straightened or turned picture reads better: read the new material again, in the background.
    void readMaterial(m)
    // The page now applied is the stored one: the note about the cleared crop is done.
    patch({ cropReset: false })
    void message.success(
      t('editor.applied', { kb: formatKb(m.bytes), w: m.width, h: m.height, q: m.quality }),
    )
    setTab('compare')
  }

  const footer = (
    <div className="editor-footer">
      <span className="editor-current" data-testid="editor-current">
        {t('editor.current', {
          kb: formatKb(material.bytes),
          w: material.width,
          h: material.height,
          q: material.quality,
        })}
      </span>
      <Space>
        <Button onClick={onClose} disabled={busy} data-testid="editor-close">
          {t('editor.close')}
        </Button>
        <Button
          type="primary"
          loading={busy}
          // A page that could not be shown (blank, beyond the PDF) is not applied blind.
          disabled={!pending || problem !== null || shown.error !== undefined}
          onClick={() => void apply()}
          data-testid="editor-apply"
        >
          {t('editor.apply')}
        </Button>
      </Space>
    </div>
  )

  return (
    <Modal
      open
      title={title}
      width={1120}
      onCancel={busy ? undefined : onClose}
      mask={{ closable: false }}
      footer={footer}
      destroyOnHidden
      className="material-editor"
    >
      <Spin spinning={busy} description={t('editor.applying')}>
        {error && (
          <Alert
            type="error"
            showIcon
            closable
            className="editor-error"
            title={errorText(error)}
            description={error.details?.join('；')}
            data-testid="editor-error"
          />
        )}
        {problem && (
          <Alert type="warning" showIcon className="editor-error" title={t(`editor.problem.${problem}`)} />
        )}
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'adjust',
              label: t('editor.tab.adjust'),
              children: (
                <AdjustPanel
                  material={material}
                  state={state}
                  patch={patch}
                  pages={pages}
                  url={shown.image?.url}
                  loadError={shown.error && errorText(shown.error)}
                  frame={frame}
                />
              ),
            },
            {
              key: 'compare',
              label: t('editor.tab.compare'),
              children: (
                <>
                  {pending && (
                    <Alert type="info" showIcon className="editor-error" title={t('editor.pendingNote')} />
                  )}
                  <PreviewCompare material={material} />
                </>
              ),
            },
          ]}
        />
      </Spin>
    </Modal>
  )
}
