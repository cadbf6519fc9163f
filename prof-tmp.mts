import { readFileSync } from 'node:fs'
import { fitToCap } from './core/images/fit'
import { makeEncoder, FINAL_TO_DRAFT } from './electron/main/services/images/encode'
import { decodeInput } from './electron/main/services/images/decode'
import { measureImage } from './electron/main/services/images/analyze'
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
for (const f of ['id-front-12mp.jpg', 'handheld.heic', 'licence-scan-4000.jpg', 'domain-cert-cmyk.jpg']) {
  const input = readFileSync('test/fixtures/generated/' + f)
  let c = cpu(); const d = await decodeInput(input, f.endsWith('heic') ? 'heic' : 'jpeg', {}); const tDec = cpu() - c
  c = cpu(); await measureImage(d); const tMeas = cpu() - c
  const enc = makeEncoder(d); const times: string[] = []
  const timed = async (t: any) => { const c0 = cpu(); const b = await enc(t); times.push(`${t.longSide}/${t.quality}/${t.draft ? 'd' : 'F'}=${b.length}:${(cpu() - c0).toFixed(0)}ms`); return b }
  c = cpu(); const r = await fitToCap({ longSide: Math.max(d.width, d.height), maxBytes: 512000, finalToDraft: FINAL_TO_DRAFT, encode: timed }); const tFit = cpu() - c
  console.log(f, 'decode', tDec.toFixed(0), 'measure', tMeas.toFixed(0), 'fit', tFit.toFixed(0), times.join(' '))
}
