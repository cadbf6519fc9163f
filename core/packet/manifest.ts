/**
 * manifest.json of a packet: what the packet holds and how to check it. `schemaVersion` is
 * this file's layout (2: every file of the packet listed with its role and hash, the app's
 * version, the draft flag); readers should refuse a schemaVersion they do not know.
 */
import type { Site, Subject } from '../model'

export const MANIFEST_NAME = 'manifest.json'
export const MANIFEST_SCHEMA_VERSION = 2

/** What a file is for: a material to upload, the two PDFs, the fill list, the badge snippet. */
export type PacketFileRole = 'material' | 'info-pdf' | 'print-pdf' | 'fill-list' | 'badge'

export type ManifestFile = {
  /** Path inside the packet, `/`-separated. */
  file: string
  role: PacketFileRole
  bytes: number
  sha256: string
  /** Materials only. */
  slot?: string
  label?: string
  /** The portal step the material is uploaded under. */
  step?: string
  width?: number
  height?: number
}

export type Manifest = {
  format: 'beian-desk-packet'
  schemaVersion: number
  appVersion: string
  generatedAt: string
  /** True when the export was forced while something was missing or wrong (草稿). */
  draft: boolean
  subject: { nature: Subject['nature']; name: string }
  site: { name: string; mainDomain: string }
  files: ManifestFile[]
}

export type ManifestInput = {
  appVersion: string
  generatedAt: Date
  draft: boolean
  subject: Subject
  site: Site
  files: readonly ManifestFile[]
}

const ROLE_ORDER: readonly PacketFileRole[] = ['material', 'info-pdf', 'print-pdf', 'fill-list', 'badge']

export function buildManifest(m: ManifestInput): Manifest {
  const seen = new Set<string>()
  for (const f of m.files) {
    const key = f.file.toLowerCase()
    if (seen.has(key)) throw new Error(`duplicate packet file name: ${f.file}`)
    seen.add(key)
  }
  // Materials keep their portal order; the other files follow in a fixed order.
  const files = m.files
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.f.role) - ROLE_ORDER.indexOf(b.f.role) || a.i - b.i)
    .map(({ f }) => ({ ...f }))
  return {
    format: 'beian-desk-packet',
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    appVersion: m.appVersion,
    generatedAt: m.generatedAt.toISOString(),
    draft: m.draft,
    subject: { nature: m.subject.nature, name: m.subject.name },
    site: { name: m.site.name, mainDomain: m.site.mainDomain },
    files,
  }
}

/** Pretty JSON with a final newline. */
export const manifestText = (m: Manifest): string => `${JSON.stringify(m, null, 2)}\n`
