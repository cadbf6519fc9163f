import sharp from 'sharp'
sharp.concurrency(1)
const W=3000,H=2250
const base = await sharp({create:{width:W,height:H,channels:3,noise:{type:'gaussian',mean:128,sigma:40}}}).blur(2).raw().toBuffer()
const raw={width:W,height:H,channels:3 as const}
const run = async (label:string, f:()=>Promise<Buffer>) => { let best=1e9, len=0; for (let i=0;i<3;i++){ const c=process.cpuUsage(); const b=await f(); const d=process.cpuUsage(c); best=Math.min(best,(d.user+d.system)/1000); len=b.length } console.log(label.padEnd(18), len, best.toFixed(0),'ms cpu') }
await run('plain', ()=>sharp(base,{raw}).jpeg({quality:80}).toBuffer())
await run('plain noopt', ()=>sharp(base,{raw}).jpeg({quality:80, optimiseCoding:false}).toBuffer())
await run('qt3', ()=>sharp(base,{raw}).jpeg({quality:80,quantisationTable:3}).toBuffer())
await run('moz', ()=>sharp(base,{raw}).jpeg({quality:80, mozjpeg:true}).toBuffer())
await run('trellis baseline', ()=>sharp(base,{raw}).jpeg({quality:80, trellisQuantisation:true, overshootDeringing:true, quantisationTable:3}).toBuffer())
await run('trellis prog', ()=>sharp(base,{raw}).jpeg({quality:80, trellisQuantisation:true, overshootDeringing:true, quantisationTable:3, progressive:true}).toBuffer())
await run('moz noscans', ()=>sharp(base,{raw}).jpeg({quality:80, mozjpeg:true, optimiseScans:false}).toBuffer())
await run('resize 2400', ()=>sharp(base,{raw}).resize(2400).raw().toBuffer())
