import sharp from 'sharp'
import { measureImage } from './electron/main/services/images/analyze'
import { documentRaw, photoRaw } from './test/electron/services/images/fixtures'
const rgb = async (s: sharp.Sharp) => { const { data, info } = await s.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true }); return { data, width: info.width, height: info.height, channels: 3 as const } }
const doc = documentRaw(1600, 1130); const d = () => sharp(doc.data, { raw: { width: 1600, height: 1130, channels: 4 } })
const ph = await photoRaw(1600, 1200, 6); const p = () => sharp(ph.data, { raw: { width: 1600, height: 1200, channels: 3 } })
const sparse = documentRaw(1600, 1130, { textPx: 14 }); 
const cases: Record<string, sharp.Sharp> = {
  doc: d(), docBlur1: d().blur(1), docBlur2: d().blur(2), docBlur3: d().blur(3), docBlur5: d().blur(5),
  photo: p(), photoBlur2: p().blur(2), photoBlur4: p().blur(4),
  docGrey: sharp(await d().greyscale().png().toBuffer()), docDark: d().linear(0.22, 0), docDim: d().linear(0.45, 0), photoDark: p().linear(0.3, 0),
  docWashed: d().linear(0.35, 175), docBright: d().linear(1.0, 12), docWashed2: d().linear(0.5, 140),
  sparse: sharp(sparse.data, { raw: { width: 1600, height: 1130, channels: 4 } }),
  small: d().resize(700),
}
for (const [k, s] of Object.entries(cases)) { const st = await measureImage(await rgb(s)); console.log(k.padEnd(12), Object.entries(st).map(([a, b]) => `${a}=${typeof b === 'number' ? +b.toFixed(3) : b}`).join(' ')) }
