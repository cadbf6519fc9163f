import { readFileSync, readdirSync } from 'node:fs'
import { makeEncoder } from './electron/main/services/images/encode'
import { decodeInput } from './electron/main/services/images/decode'
import { detectFormat } from './electron/main/services/images/detect'
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
for (const f of readdirSync('test/fixtures/generated').filter(f => /jpg|png|heic|webp|tiff/.test(f)).slice(0, 14)) {
  const input = readFileSync('test/fixtures/generated/' + f)
  const d = await decodeInput(input, detectFormat(input)!, {})
  const enc = makeEncoder(d)
  const out: string[] = []
  for (const side of [640, 1024, 2400]) {
    const s = Math.min(side, Math.max(d.width, d.height))
    const a = (await enc({ longSide: s, quality: 84, draft: true })).length
    const c0 = cpu(); const b = (await enc({ longSide: s, quality: 84, draft: false })).length; const t = cpu() - c0
    out.push(`${s}: ${(b / a).toFixed(3)} (${t.toFixed(0)}ms)`)
  }
  console.log(f.padEnd(28), out.join('  '))
}
