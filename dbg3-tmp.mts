import { renderPdfPage, setPdfFallbackFont } from './electron/main/services/images/pdf'
import sharp from 'sharp'
const text = '516C5B89590768488BC14E66'
const stream = `BT /F1 60 Tf 60 700 Td <${text}> Tj ET`
const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
]
let body = '%PDF-1.4\n'; const offsets: number[] = []
objects.forEach((o, i) => { offsets.push(body.length); body += `${i + 1} 0 obj\n${o}\nendobj\n` })
const xref = body.length
body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
if (process.argv[2] === 'nofont') setPdfFallbackFont('/nonexistent.ttf')
let t = Date.now()
const p = await renderPdfPage(Buffer.from(body, 'latin1'))
console.log('render ms', Date.now() - t, p.width, p.height)
await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 4 } }).extract({left:0,top:0,width:p.width,height:Math.round(p.height*0.25)}).png().toFile(`/tmp/cjk-${process.argv[2] ?? 'font'}.png`)
