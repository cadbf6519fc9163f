/**
 * Groups the validators' findings by field path so each form item can show its own
 * errors (red) and warnings (orange). Field paths are the model's, e.g. `principal.idNumber`.
 */
export type Severity = 'error' | 'warning'
export type FindingLike = { field?: string; severity: Severity; message: string }
export type FieldMessages = { errors: string[]; warnings: string[] }
export type FindingMap = ReadonlyMap<string, FieldMessages>

/** Finds the form field a finding belongs to: exact, then its closest listed parent or child. */
export function groupFindings(
  findings: readonly FindingLike[],
  alias: (field: string) => string = (f) => f,
): FindingMap {
  const map = new Map<string, FieldMessages>()
  for (const finding of findings) {
    const field = alias(finding.field ?? '')
    const entry = map.get(field) ?? { errors: [], warnings: [] }
    const list = finding.severity === 'error' ? entry.errors : entry.warnings
    if (!list.includes(finding.message)) list.push(finding.message)
    map.set(field, entry)
  }
  return map
}

export function countErrors(map: FindingMap): number {
  let n = 0
  for (const entry of map.values()) n += entry.errors.length
  return n
}

/**
 * Maps model paths to form paths: `rename` swaps a prefix and keeps the rest
 * (`officeAddress.detail` → `principal.address.detail`), `collapse` cuts list indexes
 * (`extraDomains.1` → `extraDomains`).
 */
export function fieldAlias(
  rename: ReadonlyArray<readonly [string, string]>,
  collapse: readonly string[] = [],
): (field: string) => string {
  return (field) => {
    for (const prefix of collapse) {
      if (field.startsWith(`${prefix}.`)) return prefix
    }
    for (const [from, to] of rename) {
      if (field === from) return to
      if (field.startsWith(`${from}.`)) return to + field.slice(from.length)
    }
    return field
  }
}
