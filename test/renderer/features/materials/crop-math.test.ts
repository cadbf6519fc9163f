import { describe, expect, it } from 'vitest'
import type { CropRect, Rotation } from '../../../../core/model'
import {
  addRotation,
  clampRect,
  displayToSource,
  dragRect,
  fitView,
  fullRect,
  rotateRect,
  selectionOf,
  sourceToDisplay,
  storedCrop,
  unrotateRect,
  viewSize,
} from '../../../../renderer/src/features/materials/crop-math'

const SOURCE = { width: 4000, height: 3000 }
/** The top-left 1000×500 block of the source: where it lands in each rotated frame. */
const BLOCK: CropRect = { left: 0, top: 0, width: 1000, height: 500 }
const ROTATED: [Rotation, CropRect][] = [
  [0, { left: 0, top: 0, width: 1000, height: 500 }],
  // 90° clockwise: the source's top-left corner goes to the top-right of a 3000×4000 frame.
  [90, { left: 2500, top: 0, width: 500, height: 1000 }],
  [180, { left: 3000, top: 2500, width: 1000, height: 500 }],
  // 270° clockwise: the top-left corner goes to the bottom-left.
  [270, { left: 0, top: 3000, width: 500, height: 1000 }],
]

describe('rotateRect / unrotateRect', () => {
  it.each(ROTATED)('maps the top-left block into the frame rotated by %i°', (rotate, expected) => {
    expect(rotateRect(BLOCK, SOURCE, rotate)).toEqual(expected)
    expect(unrotateRect(expected, SOURCE, rotate)).toEqual(BLOCK)
  })

  it.each([0, 90, 180, 270] as Rotation[])('round-trips an off-centre rectangle at %i°', (rotate) => {
    const rect = { left: 123, top: 456, width: 789, height: 1011 }
    expect(unrotateRect(rotateRect(rect, SOURCE, rotate), SOURCE, rotate)).toEqual(rect)
  })

  it('turns through the four rotations with the arrow buttons', () => {
    expect(addRotation(0, 90)).toBe(90)
    expect(addRotation(270, 90)).toBe(0)
    expect(addRotation(0, -90)).toBe(270)
    expect(addRotation(90, -90)).toBe(0)
  })
})

describe('display ↔ original pixels', () => {
  // Box at most 400×400: 4000×3000 shows at 400×300 (scale 0.1); rotated 3000×4000 at 300×400.
  const MAX = { width: 400, height: 400 }
  const cases: [Rotation, { width: number; height: number }, CropRect, CropRect][] = [
    // rotate, display box, display rect (top-left 100×50 of the box), stored edit.crop (rotated frame)
    [
      0,
      { width: 400, height: 300 },
      { left: 0, top: 0, width: 100, height: 50 },
      { left: 0, top: 0, width: 1000, height: 500 },
    ],
    [
      90,
      { width: 300, height: 400 },
      { left: 0, top: 0, width: 100, height: 50 },
      { left: 0, top: 0, width: 1000, height: 500 },
    ],
    [
      180,
      { width: 400, height: 300 },
      { left: 300, top: 250, width: 100, height: 50 },
      { left: 3000, top: 2500, width: 1000, height: 500 },
    ],
    [
      270,
      { width: 300, height: 400 },
      { left: 200, top: 350, width: 100, height: 50 },
      { left: 2000, top: 3500, width: 1000, height: 500 },
    ],
  ]
  it.each(cases)(
    'at %i° a display rectangle becomes the stored crop and back',
    (rotate, box, display, stored) => {
      const view = fitView(SOURCE, rotate, fullRect(SOURCE), MAX)
      expect(viewSize(view)).toEqual(box)
      const selection = displayToSource(display, view)
      expect(storedCrop(selection, SOURCE, rotate)).toEqual(stored)
      expect(selectionOf(stored, SOURCE, rotate)).toEqual(selection)
      expect(sourceToDisplay(selection, view)).toEqual(display)
    },
  )

  it('keeps the selection on the same content when the user rotates again', () => {
    const at0 = displayToSource(
      { left: 0, top: 0, width: 100, height: 50 },
      fitView(SOURCE, 0, fullRect(SOURCE), MAX),
    )
    expect(storedCrop(at0, SOURCE, 90)).toEqual({ left: 2500, top: 0, width: 500, height: 1000 })
    expect(storedCrop(null, SOURCE, 90)).toBeNull()
  })

  it('shows an earlier crop as the whole box and composes a new crop inside it', () => {
    // The saved result is the source's right half rotated by 90°.
    const region = { left: 2000, top: 0, width: 2000, height: 3000 }
    const view = fitView(SOURCE, 90, region, { width: 300, height: 300 })
    expect(viewSize(view)).toEqual({ width: 300, height: 200 })
    expect(sourceToDisplay(region, view)).toEqual({ left: 0, top: 0, width: 300, height: 200 })
    // The top half of the box is the rotated frame's top 1000 rows of that region.
    const selection = displayToSource({ left: 0, top: 0, width: 300, height: 100 }, view)
    expect(storedCrop(selection, SOURCE, 90)).toEqual({ left: 0, top: 2000, width: 3000, height: 1000 })
  })

  it('clamps rounding spill to the image', () => {
    expect(clampRect({ left: -3.4, top: 2999.6, width: 50.2, height: 10 }, SOURCE)).toEqual({
      left: 0,
      top: 2990,
      width: 50,
      height: 10,
    })
  })
})

describe('dragRect', () => {
  const bounds = { width: 400, height: 300 }
  const start = { left: 100, top: 100, width: 100, height: 80 }
  it('moves the body but not past the edges', () => {
    expect(dragRect(start, 'move', 30, -20, bounds, 24)).toEqual({
      left: 130,
      top: 80,
      width: 100,
      height: 80,
    })
    expect(dragRect(start, 'move', 900, -900, bounds, 24)).toEqual({
      left: 300,
      top: 0,
      width: 100,
      height: 80,
    })
  })
  it('resizes from each corner, keeping the opposite corner and a minimum size', () => {
    expect(dragRect(start, 'se', 50, 20, bounds, 24)).toEqual({
      left: 100,
      top: 100,
      width: 150,
      height: 100,
    })
    expect(dragRect(start, 'nw', -50, -20, bounds, 24)).toEqual({
      left: 50,
      top: 80,
      width: 150,
      height: 100,
    })
    expect(dragRect(start, 'ne', 500, 500, bounds, 24)).toEqual({
      left: 100,
      top: 156,
      width: 300,
      height: 24,
    })
    expect(dragRect(start, 'sw', 500, 500, bounds, 24)).toEqual({
      left: 176,
      top: 100,
      width: 24,
      height: 200,
    })
  })
})
