import { fitToCap } from './core/images/fit'
import { makeEncoder } from './electron/main/services/images/encode'
import { decodeInput } from './electron/main/services/images/decode'
import { documentRaw, encode, photoRaw } from './test/electron/services/images/fixtures'
for (const [name, input] of [['photo14', await encode(await photoRaw(4000, 3000)).jpeg({ quality: 92 }).toBuffer()],['photo5', await encode(await photoRaw(4000, 3000, 5)).jpeg({ quality: 92 }).toBuffer()], ['doc', await encode(documentRaw(4000, 2828)).jpeg({ quality: 95 }).toBuffer()]] as const) {
  const d = await decodeInput(input, 'jpeg', {})
  const enc = makeEncoder(d)
  const c = process.cpuUsage(); const t = Date.now()
  const r = await fitToCap({ longSide: 4000, maxBytes: 512000, finalToDraft: 0.8, encode: enc })
  const u = process.cpuUsage(c)
  console.log(name, input.length, Date.now()-t, 'ms', ((u.user+u.system)/1000).toFixed(0), 'cpu', r.trials.map(t => `${t.longSide}/${t.quality}/${t.draft?'d':'F'}=${t.bytes}`).join(' '))
}
