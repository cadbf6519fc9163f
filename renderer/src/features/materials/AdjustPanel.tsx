import { RotateLeftOutlined, RotateRightOutlined, ScissorOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import type { Material } from '../../../../core/model'
import { useT } from '../../i18n'
import { addRotation, rotateRect, type Size } from './crop-math'
import { CropStage } from './CropStage'
import { DeskewBar } from './DeskewBar'
import { useOcrT } from './ocr-messages'
import { QuadStage } from './QuadStage'
import { choosePage, sourceOf, storedPage, type EditorState } from './editor-state'
import { EditorSettings } from './EditorSettings'
import { PdfPagePicker } from './PdfPagePicker'

type Props = {
  material: Material
  state: EditorState
  patch: (p: Partial<EditorState>) => void
  /** Pages of the PDF (editor-state.ts `pageCountOf`); 1 for images. */
  pages: number
  /** The page shown (useSourceImage); undefined while it loads or if it failed. */
  url: string | undefined
  /** Why the page cannot be shown (main's Chinese message), shown in place of the picture. */
  loadError: string | undefined
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
  // The selection is in the pixels of the page shown (materials:source reports its full size),
  // so the size is the real one on any page. Without a frame the stage has no rectangle to draw.
  if (!frame) return <span className="editor-note">{t('editor.cropDrawn')}</span>
  const rect = rotateRect(state.selection, frame, state.rotate)
  return <span className="editor-note">{t('editor.cropSize', { w: rect.width, h: rect.height })}</span>
}

/** The editor's first tab: PDF page, rotate and crop on the left, cap and watermark on the right. */
export function AdjustPanel({ material, state, patch, pages, url, loadError, frame }: Props) {
  const t = useT()
  const ocrT = useOcrT()
  // The corners are drawn on the stored page's upright original, without the pending rotation.
  const quadShown = state.page === storedPage(material) ? (state.perspective ?? state.proposal) : null
  return (
    <div className="editor-adjust">
      <div className="editor-stage-column">
        {pages > 1 && (
          <PdfPagePicker
            page={state.page}
            pages={pages}
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
        <DeskewBar material={material} state={state} patch={patch} />
        <div className="editor-stage">
          {quadShown && url ? (
            <QuadStage
              url={url}
              source={sourceOf(material)}
              quad={quadShown.quad}
              onChange={(quad) =>
                patch(
                  state.perspective
                    ? { perspective: { ...state.perspective, quad } }
                    : { proposal: { ...quadShown, quad } },
                )
              }
              max={STAGE_MAX}
            />
          ) : (
            <CropStage
              url={url}
              source={frame}
              rotate={state.rotate}
              selection={state.selection}
              onSelect={(selection) => patch({ selection })}
              max={STAGE_MAX}
              loadingText={pages > 1 ? t('editor.pdfPage.loading', { n: state.page }) : undefined}
              error={loadError}
            />
          )}
        </div>
        <div className="editor-note">{quadShown ? ocrT('deskew.hint') : t('editor.cropHint')}</div>
      </div>
      <EditorSettings state={state} onChange={patch} />
    </div>
  )
}
