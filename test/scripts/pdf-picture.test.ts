import { describe, expect, it } from 'vitest'
import { pictureBox } from '../../bench/pdf-picture'

describe('bench pictureBox (scanned PDF reference)', () => {
  it('reads the box of a page that only paints one picture', () => {
    expect(pictureBox('q\n841.58 0 0 594.99 0 0.004 cm\n/Image-1 Do\nQ\n')).toEqual({
      x: 0,
      y: 0.004,
      width: 841.58,
      height: 594.99,
    })
  })

  it('composes nested transforms', () => {
    expect(pictureBox('q 1 0 0 1 10 20 cm q 2 0 0 3 0 0 cm /Im Do Q Q')).toEqual({
      x: 10,
      y: 20,
      width: 2,
      height: 3,
    })
  })

  it('refuses pages with text, paths, rotation or two pictures', () => {
    expect(pictureBox('q 100 0 0 100 0 0 cm /Im Do Q BT /F1 12 Tf (x) Tj ET')).toBeNull()
    expect(pictureBox('0 0 10 10 re f q 100 0 0 100 0 0 cm /Im Do Q')).toBeNull()
    expect(pictureBox('q 0 100 -100 0 100 0 cm /Im Do Q')).toBeNull()
    expect(pictureBox('q 100 0 0 100 0 0 cm /A Do Q q 100 0 0 100 0 0 cm /B Do Q')).toBeNull()
    expect(pictureBox('')).toBeNull()
  })
})
