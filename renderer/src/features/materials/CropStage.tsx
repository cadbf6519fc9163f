import { Alert, Spin } from 'antd'
import { useState } from 'react'
import type { CropRect, Rotation } from '../../../../core/model'
import { useT } from '../../i18n'
import { CropBox } from './CropBox'
import { displayToSource, fitView, fullRect, sourceToDisplay, viewSize, type Size } from './crop-math'

type Props = {
  /** The unedited original (useSourceImage); undefined while it loads or if it failed. */
  url: string | undefined
  /** The size the selection is measured in (editor-state.ts `frameOf`); null until known. */
  source: Size | null
  rotate: Rotation
  selection: CropRect | null
  onSelect: (selection: CropRect | null) => void
  max: Size
  /** Said under the spinner while the picture loads. */
  loadingText?: string
  /** Why the picture cannot be shown (main's Chinese message), in place of the spinner. */
  error?: string
}

const same = (a: CropRect, b: CropRect) =>
  a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height

/**
 * The crop area: the unedited original turned to the pending rotation, with the crop
 * rectangle over it. Drawing on the original (not the saved result) lets the user widen an
 * earlier crop as well as tighten it.
 */
export function CropStage({ url, source, rotate, selection, onSelect, max, loadingText, error }: Props) {
  const t = useT()
  const [dragging, setDragging] = useState<CropRect | null>(null)
  const region = source ? fullRect(source) : null
  const view = source && region ? fitView(source, rotate, region, max) : null
  const box = view ? viewSize(view) : max
  if (error) {
    return (
      <div className="crop-loading crop-error" style={{ width: box.width, height: box.height }}>
        <Alert type="error" showIcon title={error} data-testid="editor-source-error" />
      </div>
    )
  }
  if (!url) {
    return (
      <div className="crop-loading" style={{ width: box.width, height: box.height }} aria-busy="true">
        <Spin description={loadingText} />
      </div>
    )
  }
  if (!source || !region || !view) {
    // A picture whose size cannot be read is shown without the crop rectangle.
    const style = { maxWidth: max.width, maxHeight: max.height, transform: `rotate(${rotate}deg)` }
    return <img src={url} alt="" className="crop-fallback" style={style} />
  }
  const img = { width: source.width * view.scale, height: source.height * view.scale }
  const display = dragging ?? sourceToDisplay(selection ?? region, view)

  const commit = (rect: CropRect) => {
    setDragging(null)
    const next = displayToSource(rect, view)
    onSelect(same(next, region) ? null : next)
  }

  return (
    <CropBox size={box} rect={display} onChange={setDragging} onCommit={commit} label={t('editor.cropLabel')}>
      <img
        src={url}
        alt=""
        draggable={false}
        className="crop-image"
        style={{
          width: img.width,
          height: img.height,
          left: (box.width - img.width) / 2,
          top: (box.height - img.height) / 2,
          transform: `rotate(${rotate}deg)`,
        }}
      />
    </CropBox>
  )
}
