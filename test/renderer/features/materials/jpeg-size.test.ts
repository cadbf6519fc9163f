import { describe, expect, it } from 'vitest'
import { jpegSize } from '../../../../renderer/src/features/materials/jpeg-size'
import { jpegDataUrl, jpegHeader } from '../../support/jpeg-header'

/** A real 1×1 baseline JPEG (JFIF APP0, DQT, SOF0, DHT, SOS). */
const PIXEL =
  'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q=='

describe('jpegSize', () => {
  it('reads the size of a real JPEG', () => {
    expect(jpegSize(PIXEL)).toEqual({ width: 1, height: 1 })
  })

  it.each([
    ['baseline SOF0', 0xc0],
    ['progressive SOF2', 0xc2],
  ])('reads a %s frame after other segments and a fill byte', (_, marker) => {
    expect(jpegSize(jpegHeader(1131, 1600, marker))).toEqual({ width: 1131, height: 1600 })
  })

  it.each([
    ['a PNG data URL', 'data:image/png;base64,iVBORw0KGgo='],
    ['broken base64', 'data:image/jpeg;base64,@@@'],
    ['no frame header', jpegDataUrl([0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['not a data URL', 'https://example.com/a.jpg'],
  ])('answers null for %s', (_, input) => {
    expect(jpegSize(input)).toBeNull()
  })
})
