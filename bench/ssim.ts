// SSIM (Wang et al. 2004) on luma: 11×11 Gaussian window (σ = 1.5), K1 = 0.01, K2 = 0.03,
// L = 255, averaged over the window positions fully inside the image ("valid").

/** Rec. 601 luma of packed 8-bit RGB (or RGBA with channels = 4). */
export function luma(rgb: Uint8Array, width: number, height: number, channels = 3): Float32Array {
  const y = new Float32Array(width * height)
  for (let i = 0, p = 0; i < y.length; i++, p += channels)
    y[i] = 0.299 * (rgb[p] ?? 0) + 0.587 * (rgb[p + 1] ?? 0) + 0.114 * (rgb[p + 2] ?? 0)
  return y
}

function gaussianKernel(size = 11, sigma = 1.5): Float32Array {
  const k = new Float32Array(size)
  const r = (size - 1) / 2
  let sum = 0
  for (let i = 0; i < size; i++) sum += k[i] = Math.exp(-((i - r) ** 2) / (2 * sigma * sigma))
  for (let i = 0; i < size; i++) k[i] = (k[i] ?? 0) / sum
  return k
}

/** Separable "valid" filtering: output is (w - n + 1) × (h - n + 1). */
function filterValid(src: Float32Array, w: number, h: number, k: Float32Array): Float32Array {
  const n = k.length
  const ow = w - n + 1
  const oh = h - n + 1
  const tmp = new Float32Array(ow * h)
  for (let y = 0; y < h; y++) {
    const row = y * w
    for (let x = 0; x < ow; x++) {
      let s = 0
      for (let i = 0; i < n; i++) s += (src[row + x + i] as number) * (k[i] as number)
      tmp[y * ow + x] = s
    }
  }
  const out = new Float32Array(ow * oh)
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      let s = 0
      for (let i = 0; i < n; i++) s += (tmp[(y + i) * ow + x] as number) * (k[i] as number)
      out[y * ow + x] = s
    }
  }
  return out
}

/** Mean SSIM of two same-sized luma planes. */
export function ssim(a: Float32Array, b: Float32Array, width: number, height: number): number {
  if (a.length !== width * height || b.length !== a.length)
    throw new Error('ssim: planes must both be width × height')
  if (width < 11 || height < 11) throw new Error('ssim: image smaller than the 11×11 window')
  const k = gaussianKernel()
  const sq = (x: Float32Array, y: Float32Array): Float32Array => x.map((v, i) => v * (y[i] as number))
  const muA = filterValid(a, width, height, k)
  const muB = filterValid(b, width, height, k)
  const aa = filterValid(sq(a, a), width, height, k)
  const bb = filterValid(sq(b, b), width, height, k)
  const ab = filterValid(sq(a, b), width, height, k)
  const c1 = (0.01 * 255) ** 2
  const c2 = (0.03 * 255) ** 2
  let total = 0
  for (let i = 0; i < muA.length; i++) {
    const ma = muA[i] as number
    const mb = muB[i] as number
    const va = (aa[i] as number) - ma * ma
    const vb = (bb[i] as number) - mb * mb
    const cov = (ab[i] as number) - ma * mb
    total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
  }
  return total / muA.length
}
