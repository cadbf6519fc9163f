import sharp from 'sharp'
import { documentRaw, encode, photoRaw } from './test/electron/services/images/fixtures'
sharp.concurrency(1)
for (const [name, img] of [['photo5', await encode(await photoRaw(4000, 3000, 5)).resize(2400).raw().toBuffer({resolveWithObject:true})], ['doc', await encode(documentRaw(4000, 2828)).removeAlpha().resize(2400).raw().toBuffer({resolveWithObject:true})]] as const) {
  const raw = { width: img.info.width, height: img.info.height, channels: 3 as const }
  for (const [label, o] of [['draft', {mozjpeg:false, optimiseCoding:true, quantisationTable:3}], ['draft-noopt', {mozjpeg:false, optimiseCoding:false, quantisationTable:3}], ['moz', {mozjpeg:true}], ['moz-noscans', {mozjpeg:true, optimiseScans:false}], ['trellis-base', {trellisQuantisation:true, overshootDeringing:true, quantisationTable:3}]] as const) {
    let best = 1e9, len = 0
    for (let i = 0; i < 2; i++) { const c = process.cpuUsage(); const b = await sharp(img.data, { raw }).jpeg({ quality: 80, chromaSubsampling: '4:2:0', ...o }).toBuffer(); const d = process.cpuUsage(c); best = Math.min(best, (d.user + d.system) / 1000); len = b.length }
    console.log(name, label.padEnd(14), len, best.toFixed(0), 'ms cpu')
  }
}
