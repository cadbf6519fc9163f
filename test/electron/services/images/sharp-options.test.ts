import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { MAX_INPUT_PIXELS } from '../../../../electron/main/services/images/errors'
import { openSharp, sharpOptions } from '../../../../electron/main/services/images/sharp-options'

const dir = join(import.meta.dirname, '../../../../electron/main/services/images')
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }))

describe('sharp options factory', () => {
  it('sets a numeric pixel limit of at most 50 MP, failOn and autoOrient on every call', () => {
    for (const o of [sharpOptions(), sharpOptions({ raw: { width: 2, height: 2, channels: 3 } })]) {
      expect(typeof o.limitInputPixels).toBe('number')
      expect(o.limitInputPixels).toBe(MAX_INPUT_PIXELS)
      expect(MAX_INPUT_PIXELS).toBeLessThanOrEqual(50_000_000)
      expect(o.failOn).toBe('error')
      expect(o.autoOrient).toBe(true)
      expect(o).not.toHaveProperty('unlimited')
      expect(o).not.toHaveProperty('animated')
    }
  })

  it('is the only place in the service that calls sharp()', () => {
    for (const { f, text } of sources) {
      const calls = text.match(/\bsharp\(/g) ?? []
      if (f === 'sharp-options.ts')
        expect(calls.length).toBe(2) // openSharp and openRaw
      else expect(calls, f).toHaveLength(0)
      expect(text, f).not.toMatch(
        /unlimited\s*:\s*true|animated\s*:\s*true|limitInputPixels\s*:\s*(false|0\b)/,
      )
    }
  })

  it('blocks the SVG loader even for direct calls (defence in depth)', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>',
    )
    await expect(openSharp(svg).raw().toBuffer()).rejects.toThrow(/unsupported image format/)
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
      .png()
      .toBuffer()
    await expect(openSharp(png).raw().toBuffer()).resolves.toHaveLength(8 * 8 * 3)
  })
})
