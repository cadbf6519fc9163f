import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { BatchSummary } from '../../../../core/api'
import { BatchResults } from '../../../../renderer/src/features/batch/BatchResults'

afterEach(cleanup)

const ok = { bytes: 300_000, width: 1600, height: 1000, quality: 85, warnings: [] }

describe('BatchResults', () => {
  it('says when only the first frame or page of a file was used', () => {
    const summary: BatchSummary = {
      batchId: 'b1',
      cancelled: false,
      results: [
        { input: '/in/动图.gif', output: '/out/动图.jpg', ...ok, notes: ['first-frame-only'] },
        { input: '/in/扫描.tiff', output: '/out/扫描.jpg', ...ok, notes: ['first-page-only'] },
        { input: '/in/照片.jpg', output: '/out/照片.jpg', ...ok },
      ],
    }
    render(<BatchResults summary={summary} />)
    const notes = screen.getAllByTestId('batch-note').map((n) => n.textContent)
    expect(notes).toEqual([
      expect.stringContaining('只使用了第一帧'),
      expect.stringContaining('只使用了第一页'),
    ])
  })
})
