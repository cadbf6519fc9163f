import sharp from 'sharp'
for (const f of ['font','nofont']) {
  const { data, info } = await sharp(`/tmp/cjk-${f}.png`).greyscale().extract({left:166,top:166,width:990,height:330}).raw().toBuffer({resolveWithObject:true})
  let d=0; for (const v of data) if (v<100) d++; console.log(f, d/data.length)
}
let t=Date.now(); const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs'); console.log('import', Date.now()-t)
t=Date.now(); const { GlobalFonts } = await import('@napi-rs/canvas'); GlobalFonts.registerFromPath('/work/main/node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf','sans-serif'); console.log('font', Date.now()-t)
