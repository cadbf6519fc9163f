/** Dispatch of single-value checks by kind (used by the CLI `check` command and forms). */
import { checkBusinessRegNo } from './business-reg-no'
import { checkDomain } from './domain'
import { checkEmail } from './email'
import { checkFilingNumber } from './filing-number'
import { checkIcpNumber } from './icp-number'
import { checkIp } from './ip'
import { checkOrgCode } from './org-code'
import { checkLandline, checkMobile, checkPhone } from './phone'
import { checkResidentId } from './resident-id'
import { checkUscc } from './uscc'
import { CHECK_KINDS, type CheckKind, type CheckResult } from './types'

const CHECKERS: Record<CheckKind, (value: string, today?: string) => CheckResult> = {
  'resident-id': (v, today) => checkResidentId(v, today),
  uscc: checkUscc,
  'org-code': checkOrgCode,
  'business-reg-no': checkBusinessRegNo,
  phone: checkPhone,
  mobile: checkMobile,
  landline: checkLandline,
  email: checkEmail,
  domain: checkDomain,
  'icp-number': checkIcpNumber,
  'filing-number': checkFilingNumber,
  ip: checkIp,
}

export const isCheckKind = (s: string): s is CheckKind => (CHECK_KINDS as readonly string[]).includes(s)

/** Runs the check for `kind`. `today` (ISO) only matters for resident IDs (birth date bounds). */
export function checkValue(kind: CheckKind, value: string, today?: string): CheckResult {
  return CHECKERS[kind](value, today)
}
