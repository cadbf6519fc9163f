import { RotateLeftOutlined, RotateRightOutlined, ScissorOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import type { Material } from '../../../../core/model'
import { useT } from '../../i18n'
import { addRotation, rotateRect, type Size } from './crop-math'
import { CropStage } from './CropStage'
import { choosePage, hasPageChoice, storedPage, type EditorState } from './editor-state'
import { EditorSettings } from './EditorSettings'
import { PdfPagePicker } from './PdfPagePicker'

type Props = {
  material: Material
  state: EditorState
  patch: (p: Partial<EditorState>) => void
  /** The page shown (useSourceImage); undefined while it loads. */
  url: string | undefined
  /** The size the selection is measured in (editor-state.ts `frameOf`). */
  frame: Size | null
}

const STAGE_MAX = { width: 640, height: 440 }

function CropInfo({
  material,
  state,
  frame,
}: {
  material: Material
  state: EditorState
  frame: Size | null
}) {
  const t = useT()
  const otherPage = state.page !== storedPage(material)
  if (!state.selection) {
    // On another page the picker says why the crop went; here it is simply the whole page.
    const cleared = !otherPage && material.edit.crop !== null
    return <span className="editor-note">{cleared ? t('editor.cropCleared') : t('editor.noCrop')}</span>
  }
  // On a page not applied yet the selection is in preview pixels: the page's own are known after applying.
  if (otherPage || !frame) return <span className="editor-note">{t('editor.cropDrawn')}</span>
  const rect = rotateRect(state.selection, frame, state.rotate)
  return <span className="editor-note">{t('editor.cropSize', { w: rect.width, h: rect.height })}</span>
}

/** The editor's first tab: PDF page, rotate and crop on the left, cap and watermark on the right. */
export function AdjustPanel({ material, state, patch, url, frame }: Props) {
  const t = useT()
  return (
    <div className="editor-adjust">
      <div className="editor-stage-column">
        {hasPageChoice(material) && (
          <PdfPagePicker
            page={state.page}
            pages={material.sourcePages ?? 1}
            onChange={(page) => patch(choosePage(material, state, page))}
            cropReset={state.cropReset && state.selection === null}
          />
        )}
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
          <CropInfo material={material} state={state} frame={frame} />
        </Space>
        <div className="editor-stage">
          <CropStage
            url={url}
            source={frame}
            rotate={state.rotate}
            selection={state.selection}
            onSelect={(selection) => patch({ selection })}
            max={STAGE_MAX}
            loadingText={hasPageChoice(material) ? t('editor.pdfPage.loading', { n: state.page }) : undefined}
          />
        </div>
        <div className="editor-note">{t('editor.cropHint')}</div>
      </div>
      <EditorSettings state={state} onChange={patch} />
    </div>
  )
}
