import type { CheckKind, CheckResult, Finding } from './types'

export const err = (code: string, message: string, field?: string): Finding =>
  field === undefined ? { code, severity: 'error', message } : { code, severity: 'error', message, field }

export const warn = (code: string, message: string, field?: string): Finding =>
  field === undefined ? { code, severity: 'warning', message } : { code, severity: 'warning', message, field }

/** Splits findings by severity into a CheckResult. */
export function buildResult(
  kind: CheckKind,
  input: string,
  normalized: string,
  findings: Finding[],
): CheckResult {
  const errors = findings.filter((f) => f.severity === 'error')
  const warnings = findings.filter((f) => f.severity === 'warning')
  return { kind, input, valid: errors.length === 0, normalized, errors, warnings }
}

/** Re-targets single-value findings at a form field (keeps code, severity and message). */
export function atField(field: string, findings: readonly Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, field }))
}

/** All findings of a result, errors first. */
export const findingsOf = (r: CheckResult): Finding[] => [...r.errors, ...r.warnings]
