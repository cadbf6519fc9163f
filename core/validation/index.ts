/** Public API of the validation layer (pure; runs in the renderer and again in main). */
export type { CheckKind, CheckResult, DomainCheckResult, Finding, Severity } from './types'
export { CHECK_KINDS } from './types'
export { checkValue, isCheckKind } from './check'
export {
  checkResidentId,
  generateResidentId,
  normalizeResidentId,
  residentIdBirthDate,
  residentIdCheckChar,
  upgradeResidentId,
} from './resident-id'
export {
  checkUscc,
  generateUscc,
  isValidUsccChecksum,
  usccCategory,
  usccCheckChar,
  USCC_DEPARTMENTS,
} from './uscc'
export { checkOrgCode, generateOrgCode, isValidOrgCode, orgCodeCheckChar } from './org-code'
export { businessRegNoCheckDigit, checkBusinessRegNo, isValidBusinessRegNo } from './business-reg-no'
export { checkLandline, checkMobile, checkPhone } from './phone'
export { checkEmail } from './email'
export { checkDomain, stripUrl } from './domain'
export { checkIp, isIpLiteral } from './ip'
export { checkIcpNumber } from './icp-number'
export { checkFilingNumber } from './filing-number'
export { hostToAscii, isValidAceLabel, labelToAscii, strictToAscii } from './idna'
export {
  classifyDivision,
  isKnownPrefecture,
  isKnownProvince,
  PROVINCES,
  provinceName,
  provinceOfShortName,
} from './divisions'
export { hasDoorNumber, validateAddress } from './address'
export { inferNatureFromName, isPersonNameShape, looksLikeDomain, type NatureGuess } from './names'
export { prefixFields, validatePerson, type PersonRole } from './person'
export { validateSubject } from './subject'
export { validateSite } from './site'
export { sharedContactFindings, validateWorkspace, type WorkspaceFinding } from './workspace'
export {
  GB11643_ID_TYPES,
  idTypeAllowsLongTerm,
  NATURE_LABELS,
  ORG_CERT_TYPE_LABELS,
  ORG_KIND_LABELS,
  PERSON_ID_TYPE_LABELS,
} from './labels'
export {
  ACCESS_METHODS,
  LANGUAGES,
  PRE_APPROVALS,
  providerForBrand,
  SERVICE_TYPES,
  SUGGESTED_PROVIDERS,
  type SuggestedProvider,
} from './providers'
