import { RotateLeftOutlined, RotateRightOutlined, ScissorOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import type { Material } from '../../../../core/model'
import { useT } from '../../i18n'
import { addRotation, rotateRect } from './crop-math'
import { CropStage } from './CropStage'
import type { EditorState } from './editor-state'
import { EditorSettings } from './EditorSettings'

type Props = { material: Material; state: EditorState; patch: (p: Partial<EditorState>) => void }

const STAGE_MAX = { width: 640, height: 440 }

function CropInfo({ material, state }: { material: Material; state: EditorState }) {
  const t = useT()
  if (!state.selection)
    return (
      <span className="editor-note">{material.edit.crop ? t('editor.cropCleared') : t('editor.noCrop')}</span>
    )
  const rect = rotateRect(
    state.selection,
    { width: material.sourceWidth, height: material.sourceHeight },
    state.rotate,
  )
  return <span className="editor-note">{t('editor.cropSize', { w: rect.width, h: rect.height })}</span>
}

/** The editor's first tab: rotate and crop on the left, cap and watermark on the right. */
export function AdjustPanel({ material, state, patch }: Props) {
  const t = useT()
  return (
    <div className="editor-adjust">
      <div className="editor-stage-column">
        <Space wrap className="editor-toolbar">
          <Button
            icon={<RotateLeftOutlined />}
            onClick={() => patch({ rotate: addRotation(state.rotate, -90) })}
            data-testid="editor-rotate-left"
          >
            {t('editor.rotateLeft')}
          </Button>
          <Button
            icon={<RotateRightOutlined />}
            onClick={() => patch({ rotate: addRotation(state.rotate, 90) })}
            data-testid="editor-rotate-right"
          >
            {t('editor.rotateRight')}
          </Button>
          <Button
            icon={<ScissorOutlined />}
            disabled={!state.selection}
            onClick={() => patch({ selection: null })}
            data-testid="editor-crop-clear"
          >
            {t('editor.cropClear')}
          </Button>
          <CropInfo material={material} state={state} />
        </Space>
        <div className="editor-stage">
          <CropStage
            material={material}
            rotate={state.rotate}
            selection={state.selection}
            onSelect={(selection) => patch({ selection })}
            max={STAGE_MAX}
          />
        </div>
        <div className="editor-note">{t('editor.cropHint')}</div>
      </div>
      <EditorSettings state={state} onChange={patch} />
    </div>
  )
}
