/**
 * The single-value checks of `beian-desk check`, each loaded with only its own module: a
 * resident-ID check must not wait for the domain rules' public-suffix list (tldts), IDNA
 * tables (tr46) or IP ranges (ipaddr.js). The same functions core's checkValue dispatches to;
 * test/electron/cli/checkers.test.ts holds the two tables to the same answers.
 */
import type { CheckKind, CheckResult } from '../../core/validation/types'

type Checker = (value: string) => CheckResult

export const CHECKER_LOADERS: Record<CheckKind, () => Promise<Checker>> = {
  'resident-id': async () => {
    const { checkResidentId } = await import('../../core/validation/resident-id')
    return (value) => checkResidentId(value)
  },
  uscc: async () => (await import('../../core/validation/uscc')).checkUscc,
  'org-code': async () => (await import('../../core/validation/org-code')).checkOrgCode,
  'business-reg-no': async () => (await import('../../core/validation/business-reg-no')).checkBusinessRegNo,
  phone: async () => (await import('../../core/validation/phone')).checkPhone,
  mobile: async () => (await import('../../core/validation/phone')).checkMobile,
  landline: async () => (await import('../../core/validation/phone')).checkLandline,
  email: async () => (await import('../../core/validation/email')).checkEmail,
  domain: async () => (await import('../../core/validation/domain')).checkDomain,
  'icp-number': async () => (await import('../../core/validation/icp-number')).checkIcpNumber,
  'filing-number': async () => (await import('../../core/validation/filing-number')).checkFilingNumber,
  ip: async () => (await import('../../core/validation/ip')).checkIp,
}
