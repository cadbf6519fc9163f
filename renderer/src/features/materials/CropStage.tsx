import { Spin } from 'antd'
import { useState } from 'react'
import type { CropRect, Material, Rotation } from '../../../../core/model'
import { useT } from '../../i18n'
import { CropBox } from './CropBox'
import { displayToSource, fitView, fullRect, sourceToDisplay, viewSize, type Size } from './crop-math'
import { useSourceImage } from './useSourceImage'

type Props = {
  material: Material
  rotate: Rotation
  selection: CropRect | null
  onSelect: (selection: CropRect | null) => void
  max: Size
}

const same = (a: CropRect, b: CropRect) =>
  a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height

/**
 * The crop area: the unedited original turned to the pending rotation, with the crop
 * rectangle over it. Drawing on the original (not the saved result) lets the user widen an
 * earlier crop as well as tighten it.
 */
export function CropStage({ material, rotate, selection, onSelect, max }: Props) {
  const t = useT()
  const url = useSourceImage(material.id)
  const [dragging, setDragging] = useState<CropRect | null>(null)
  const source = { width: material.sourceWidth, height: material.sourceHeight }
  const region = fullRect(source)
  const view = fitView(source, rotate, region, max)
  const box = viewSize(view)
  const img = { width: source.width * view.scale, height: source.height * view.scale }
  const display = dragging ?? sourceToDisplay(selection ?? region, view)

  const commit = (rect: CropRect) => {
    setDragging(null)
    const next = displayToSource(rect, view)
    onSelect(same(next, region) ? null : next)
  }

  if (!url) {
    return (
      <div className="crop-loading" style={{ width: box.width, height: box.height }}>
        <Spin />
      </div>
    )
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
