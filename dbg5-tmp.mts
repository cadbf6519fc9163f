import sharp from 'sharp'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { encode, markerRaw } from './test/electron/services/images/fixtures'
const jpeg = await encode(await markerRaw(480, 320)).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toBuffer()
writeFileSync('/tmp/rot.jpg', jpeg); execFileSync('/usr/bin/heif-enc', ['-q','70','/tmp/rot.jpg','-o','/tmp/rot.heic'])
const h = readFileSync('/tmp/rot.heic')
const m = await sharp(h).metadata(); console.log(m.width, m.height, m.orientation, !!m.exif, h.includes('irot'), h.includes('imir'))
