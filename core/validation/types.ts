/**
 * Result types of the validation layer. Every validator is pure and returns data: the renderer
 * shows it as the user types, main re-checks before storing or exporting.
 */

/** 'error' blocks export; 'warning' informs. */
export type Severity = 'error' | 'warning'

/**
 * One problem. `message` is Simplified Chinese: what is wrong, how to fix it, and the seed's rule
 * number (规则②…⑦) where one applies. `field` is a dotted path into the model (e.g.
 * `principal.idNumber`, `extraDomains.1`) for form-level findings.
 */
export type Finding = { code: string; severity: Severity; message: string; field?: string }

export const CHECK_KINDS = [
  'resident-id',
  'uscc',
  'org-code',
  'business-reg-no',
  'phone',
  'mobile',
  'landline',
  'email',
  'domain',
  'icp-number',
  'filing-number',
  'ip',
] as const
export type CheckKind = (typeof CHECK_KINDS)[number]

/** Outcome of one single-value check. `valid` = no errors (warnings allowed). */
export type CheckResult = {
  kind: CheckKind
  input: string
  valid: boolean
  normalized: string
  errors: Finding[]
  warnings: Finding[]
}

/** Domain checks also report the punycode form and the registrable (主域名) part. */
export type DomainCheckResult = CheckResult & {
  kind: 'domain'
  ascii: string
  registrable: string | null
  isSubdomain: boolean
}
