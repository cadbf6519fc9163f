/**
 * EXIF and XMP out of a HEIC/HEIF original without re-encoding (no HEVC encoder is available
 * to write one back): the metadata items are found through the `meta` box (`iinf` names them,
 * `iloc` says where their bytes are) and their bytes are overwritten with zeros in place, so
 * every offset in the file stays valid and the coded picture is untouched. Only items stored in
 * the file itself (construction method 0) are blanked; anything unexpected leaves the file as it
 * was (null), the import goes on.
 */

type Box = { type: string; start: number; body: number; end: number }

/** The boxes between `from` and `to`; null when a size runs outside the range. */
function boxesIn(file: Buffer, from: number, to: number): Box[] | null {
  const boxes: Box[] = []
  let at = from
  while (at + 8 <= to) {
    let size = file.readUInt32BE(at)
    const type = file.toString('latin1', at + 4, at + 8)
    let body = at + 8
    if (size === 1) {
      if (at + 16 > to) return null
      size = Number(file.readBigUInt64BE(at + 8))
      body = at + 16
    } else if (size === 0) size = to - at
    if (size < body - at || at + size > to) return null
    boxes.push({ type, start: at, body, end: at + size })
    at += size
  }
  return boxes
}

/** A reader over one box's body that refuses to run past its end. */
function reader(file: Buffer, start: number, end: number) {
  let at = start
  const need = (n: number) => {
    if (at + n > end) throw new RangeError('box too short')
  }
  return {
    get at() {
      return at
    },
    uint(bytes: number): number {
      need(bytes)
      let v = 0
      for (let i = 0; i < bytes; i++) v = v * 256 + (file[at + i] ?? 0)
      at += bytes
      return v
    },
    ascii4(): string {
      need(4)
      const s = file.toString('latin1', at, at + 4)
      at += 4
      return s
    },
    cstring(): string {
      const nul = file.indexOf(0, at)
      if (nul < 0 || nul >= end) throw new RangeError('unterminated string')
      const s = file.toString('utf8', at, nul)
      at = nul + 1
      return s
    },
  }
}

/** Item IDs of the EXIF item and of XMP (a `mime` item of type application/rdf+xml). */
function metadataItems(file: Buffer, iinf: Box): Set<number> {
  const r = reader(file, iinf.body, iinf.end)
  const version = r.uint(1)
  r.uint(3)
  r.uint(version === 0 ? 2 : 4)
  const ids = new Set<number>()
  for (const infe of boxesIn(file, r.at, iinf.end) ?? []) {
    if (infe.type !== 'infe') continue
    const e = reader(file, infe.body, infe.end)
    const v = e.uint(1)
    e.uint(3)
    if (v < 2) continue
    const id = e.uint(v === 2 ? 2 : 4)
    e.uint(2) // item_protection_index
    const type = e.ascii4()
    if (type === 'Exif') ids.add(id)
    if (type === 'mime') {
      e.cstring() // item_name
      if (e.cstring().startsWith('application/rdf+xml')) ids.add(id)
    }
  }
  return ids
}

/** Byte ranges (in the file) of the given items, from `iloc`; null for any other construction. */
function itemRanges(file: Buffer, iloc: Box, ids: ReadonlySet<number>): [number, number][] | null {
  const r = reader(file, iloc.body, iloc.end)
  const version = r.uint(1)
  r.uint(3)
  const sizes = r.uint(1)
  const offsetSize = sizes >> 4
  const lengthSize = sizes & 15
  const more = r.uint(1)
  const baseOffsetSize = more >> 4
  const indexSize = version === 1 || version === 2 ? more & 15 : 0
  const count = r.uint(version < 2 ? 2 : 4)
  const ranges: [number, number][] = []
  for (let i = 0; i < count; i++) {
    const id = r.uint(version < 2 ? 2 : 4)
    const method = version === 1 || version === 2 ? r.uint(2) & 15 : 0
    const dataRef = r.uint(2)
    const base = r.uint(baseOffsetSize)
    const extents = r.uint(2)
    for (let k = 0; k < extents; k++) {
      if (indexSize > 0) r.uint(indexSize)
      const offset = r.uint(offsetSize)
      const length = r.uint(lengthSize)
      if (!ids.has(id)) continue
      // In another file, in the idat box, or "to the end of the file": not blanked here.
      if (method !== 0 || dataRef !== 0 || length === 0) return null
      const start = base + offset
      if (start + length > file.length) return null
      ranges.push([start, start + length])
    }
  }
  return ranges
}

/** The HEIF file with its EXIF and XMP bytes zeroed, or null when it has none (or is not understood). */
export function blankHeifMetadata(file: Buffer): Buffer | null {
  try {
    const meta = boxesIn(file, 0, file.length)?.find((b) => b.type === 'meta')
    if (!meta) return null
    const children = boxesIn(file, meta.body + 4, meta.end) ?? []
    const iinf = children.find((b) => b.type === 'iinf')
    const iloc = children.find((b) => b.type === 'iloc')
    if (!iinf || !iloc) return null
    const ids = metadataItems(file, iinf)
    if (ids.size === 0) return null
    const ranges = itemRanges(file, iloc, ids)
    if (!ranges || ranges.length === 0) return null
    const out = Buffer.from(file)
    for (const [start, end] of ranges) out.fill(0, start, end)
    return out
  } catch {
    return null
  }
}
