import sharp from 'sharp'
import { fitToCap } from './core/images/fit'
import { makeEncoder } from './electron/main/services/images/encode'
import { decodeInput } from './electron/main/services/images/decode'
const W=4000,H=3000
const base = await sharp({create:{width:W,height:H,channels:3,noise:{type:'gaussian',mean:128,sigma:40}}}).blur(3).raw().toBuffer()
const jpg = await sharp(base,{raw:{width:W,height:H,channels:3}}).jpeg({quality:90}).toBuffer()
let t=Date.now()
const d = await decodeInput(jpg,'jpeg',{}); console.log('decode', Date.now()-t)
const enc = makeEncoder(d)
const timed = async (tr: any) => { const t0=Date.now(); const b = await enc(tr); console.log(JSON.stringify(tr), b.length, Date.now()-t0,'ms'); return b }
t=Date.now()
const r = await fitToCap({longSide:4000,maxBytes:512000,encode:timed})
console.log('fit', Date.now()-t, r.longSide, r.quality, r.bytes.length)
