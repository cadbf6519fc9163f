import { RotateLeftOutlined, RotateRightOutlined, ScissorOutlined } from '@ant-design/icons'
import { Alert, App as AntApp, Button, Modal, Space, Spin, Tabs } from 'antd'
import { useState } from 'react'
import type { AppError } from '../../../../core/api'
import type { Material } from '../../../../core/model'
import { useT } from '../../i18n'
import { editMaterial } from '../workspace/store'
import { addRotation, rotateRect } from './crop-math'
import { CropStage } from './CropStage'
import { editorProblem, editRequest, initialEditorState, unchanged, type EditorState } from './editor-state'
import { EditorSettings } from './EditorSettings'
import { formatKb } from './format'
import { PreviewCompare } from './PreviewCompare'

type Props = { material: Material; title: string; onClose: () => void }

const STAGE_MAX = { width: 640, height: 440 }

function CropInfo({ material, state }: { material: Material; state: EditorState }) {
  const t = useT()
  if (!state.selection)
    return <span className="editor-note">{material.edit.crop ? t('editor.cropCleared') : t('editor.noCrop')}</span>
  const rect = rotateRect(state.selection, { width: material.sourceWidth, height: material.sourceHeight }, state.rotate)
  return <span className="editor-note">{t('editor.cropSize', { w: rect.width, h: rect.height })}</span>
}

/** Rotate, crop, cap and watermark one material, then compare the result at 100 %. */
export function MaterialEditor({ material, title, onClose }: Props) {
  const t = useT()
  const { message } = AntApp.useApp()
  const [state, setState] = useState<EditorState>(() => initialEditorState(material))
  const [tab, setTab] = useState('adjust')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const patch = (p: Partial<EditorState>) => setState((s) => ({ ...s, ...p }))
  const problem = editorProblem(state)
  const pending = !unchanged(material, state)

  const apply = async () => {
    setBusy(true)
    setError(null)
    const result = await editMaterial(editRequest(material, state))
    setBusy(false)
    if (!result.ok) {
      setError(result.error)
      return
    }
    const m = result.value
    void message.success(t('editor.applied', { kb: formatKb(m.bytes), w: m.width, h: m.height, q: m.quality }))
    setTab('compare')
  }

  const adjust = (
    <div className="editor-adjust">
      <div className="editor-stage-column">
        <Space wrap className="editor-toolbar">
          <Button icon={<RotateLeftOutlined />} onClick={() => patch({ rotate: addRotation(state.rotate, -90) })} data-testid="editor-rotate-left">
            {t('editor.rotateLeft')}
          </Button>
          <Button icon={<RotateRightOutlined />} onClick={() => patch({ rotate: addRotation(state.rotate, 90) })} data-testid="editor-rotate-right">
            {t('editor.rotateRight')}
          </Button>
          <Button icon={<ScissorOutlined />} disabled={!state.selection} onClick={() => patch({ selection: null })} data-testid="editor-crop-clear">
            {t('editor.cropClear')}
          </Button>
          <CropInfo material={material} state={state} />
        </Space>
        <div className="editor-stage">
          <CropStage material={material} rotate={state.rotate} selection={state.selection} onSelect={(selection) => patch({ selection })} max={STAGE_MAX} />
        </div>
        <div className="editor-note">{t('editor.cropHint')}</div>
      </div>
      <EditorSettings state={state} onChange={patch} />
    </div>
  )

  const footer = (
    <div className="editor-footer">
      <span className="editor-current" data-testid="editor-current">
        {t('editor.current', { kb: formatKb(material.bytes), w: material.width, h: material.height, q: material.quality })}
      </span>
      <Space>
        <Button onClick={onClose} disabled={busy} data-testid="editor-close">
          {t('editor.close')}
        </Button>
        <Button type="primary" loading={busy} disabled={!pending || problem !== null} onClick={() => void apply()} data-testid="editor-apply">
          {t('editor.apply')}
        </Button>
      </Space>
    </div>
  )

  return (
    <Modal open title={title} width={1120} onCancel={busy ? undefined : onClose} maskClosable={false} footer={footer} destroyOnHidden className="material-editor">
      <Spin spinning={busy} description={t('editor.applying')}>
        {error && <Alert type="error" showIcon closable className="editor-error" title={error.message} description={error.details?.join('；')} data-testid="editor-error" />}
        {problem && <Alert type="warning" showIcon className="editor-error" title={t(`editor.problem.${problem}`)} />}
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'adjust', label: t('editor.tab.adjust'), children: adjust },
            {
              key: 'compare',
              label: t('editor.tab.compare'),
              children: (
                <>
                  {pending && <Alert type="info" showIcon className="editor-error" title={t('editor.pendingNote')} />}
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
